/**
 * The built CLI against whatever scenario the lab runs now, without switching it: useful while
 * someone else is using the lab (`npx mocha --config test/integration/.mocharc.json --grep current`).
 * Checks the scenario's expected errors (test/lab/scenarios.ts) on the whole organisation, all six
 * steps, and that `healthy` has none.
 */
import { labEnv } from '../lab/api';
import { SCENARIOS } from '../lab/scenarios';
import { buildCli } from './built-cli';
import { assertScenarioReport, runCli } from './cli-run';

describe('the current lab scenario, as it runs (no switch)', function () {
  this.timeout(180_000);

  it('diagnose --json reports exactly the errors the scenario expects, on the expected step and subject', function () {
    buildCli();
    const env = labEnv();
    const scenario = env.EAD_SCENARIO ?? '';
    const spec = SCENARIOS[scenario];
    if (!spec) throw new Error(`the lab runs an unknown scenario "${scenario}"`);
    assertScenarioReport(scenario, spec, runCli(['diagnose', '--json'], {}, env));
  });
});
