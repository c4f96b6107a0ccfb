// The spec reporter, plus a JSON file with the run's counts for scripts/test-all.mjs to add up.
// The file path comes from EAD_MOCHA_STATS; without it this is the plain spec reporter.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export default class StatsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.EAD_MOCHA_STATS;
    if (!file) return;
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const s = runner.stats ?? {};
      writeFileSync(file, JSON.stringify({ passed: s.passes ?? 0, failed: s.failures ?? 0, pending: s.pending ?? 0 }));
    });
  }
}
