/**
 * The built CLI against whatever scenario the lab runs now, without switching it: useful while
 * someone else is using the lab (`npx mocha --config test/integration/.mocharc.json --grep current`).
 * Checks the scenario's expected errors (test/lab/scenarios.ts) on the whole organisation, all six
 * steps, and that `healthy` has none.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import type { Finding } from '../../src/shared/findings';
import { labEnv } from '../lab/api';
import { SCENARIOS } from '../lab/scenarios';
import { CLI, buildCli } from './built-cli';

describe('the current lab scenario, as it runs (no switch)', function () {
  this.timeout(180_000);

  it('diagnose --json reports exactly the errors the scenario expects, on the expected step and subject', function () {
    buildCli();
    const env = labEnv();
    const scenario = env.EAD_SCENARIO ?? '';
    const spec = SCENARIOS[scenario];
    if (!spec) throw new Error(`the lab runs an unknown scenario "${scenario}"`);
    const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json'], {
      env: { ...process.env, ...env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 170_000,
      maxBuffer: 1 << 28,
    });
    const doc = JSON.parse(r.stdout) as { findings: Finding[] };
    const errors = doc.findings.filter((f) => f.severity === 'error');
    const seen = errors.map((f) => `${f.step} ${f.subject.name}`);
    assert.equal(r.status, spec.expected.length ? 1 : 0, `${scenario}: ${r.stderr}\n${seen.join('\n')}`);
    for (const x of spec.expected) {
      assert.ok(
        doc.findings.some(
          (f) =>
            f.step === x.step && f.severity === x.severity && f.subject.name.toLowerCase() === x.subject.toLowerCase(),
        ),
        `${scenario}: expected a step ${x.step} ${x.severity} on ${x.subject}; errors: ${seen.join(', ') || 'none'}`,
      );
    }
    // Every error is one the scenario explains (same step and subject as an expectation).
    const unexplained = errors.filter(
      (f) => !spec.expected.some((x) => x.step === f.step && x.subject.toLowerCase() === f.subject.name.toLowerCase()),
    );
    assert.deepEqual(
      unexplained.map((f) => `${f.step} ${f.subject.name}: ${f.title}`),
      [],
      `${scenario}: errors the scenario does not expect`,
    );
  });
});
