/**
 * The built CLI (`dist/cli.js diagnose --json`) as a subprocess against every lab scenario of
 * test/lab/scenarios.ts: exactly the expected step, severity and subject, no other error, exit 0
 * for healthy and 1 with errors; exit 2 for an unreachable DC. Builds the CLI first
 * (./built-cli.ts). Scenarios run one after another (each switch restarts the lab).
 */
import { strict as assert } from 'node:assert';
import { SCENARIOS } from '../lab/scenarios';
import { useScenario } from './lab-fixture';
import { buildCli } from './built-cli';
import { assertScenarioReport, runCli } from './cli-run';

describe('exchange-auth-doctor diagnose --json against the lab', function () {
  this.timeout(300_000);

  before(function () {
    buildCli();
  });

  // healthy last, so the lab is left as the other suites expect it.
  const names = [...Object.keys(SCENARIOS).filter((n) => n !== 'healthy'), 'healthy'];
  for (const name of names) {
    const scenario = SCENARIOS[name];
    if (!scenario) continue;
    const expected = scenario.expected.map((x) => `step ${x.step} ${x.severity} on ${x.subject}`).join(', ');
    it(`${name}: ${expected || 'no error'}`, async () => {
      await useScenario(name);
      assertScenarioReport(name, scenario, runCli(['diagnose', '--json']));
    });
  }

  it('exits 2 with a clear message when the DC cannot be reached', () => {
    const r = runCli(['diagnose', '--json', '--dc', '127.0.0.1', '--port', '1', '--timeout', '2000']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /Could not reach a domain controller at 127\.0\.0\.1/);
    assert.equal(r.stdout, '');
  });

  it('exits 2 and refuses --password', () => {
    const r = runCli(['diagnose', '--password', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /EAD_BIND_PASSWORD/);
  });

  it('exits 2 naming an unknown option and the help to read', () => {
    const r = runCli(['diagnose', '--bogus']);
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'exchange-auth-doctor: Unknown option "--bogus" for diagnose. See exchange-auth-doctor diagnose --help\n',
    );
    assert.equal(r.stdout, '');
  });

  it('prints setspn -L in SetSPN format from LDAP', async () => {
    await useScenario('healthy');
    const r = runCli(['setspn', '-L', 'EX01']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Registered ServicePrincipalNames for CN=EX01,/);
    assert.match(r.stdout, /\n\tSMTPSVC\/ex01\.contoso\.test\n/i);
  });
});
