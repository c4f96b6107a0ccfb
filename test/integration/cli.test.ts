/**
 * The built CLI (`dist/cli.js diagnose --json`) as a subprocess against every lab scenario: the
 * expected error step and subject, exit 0 for healthy, 1 with errors, 2 for an unreachable DC.
 * Builds the CLI first (./built-cli.ts). Scenarios run one after another (each switch restarts the lab).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import type { Finding, Step } from '../../src/shared/findings';
import { labEnv } from '../lab/api';
import { useScenario } from './lab-fixture';
import { CLI, buildCli } from './built-cli';

/** Expected errors per scenario (issue 3); every listed step/subject must appear as an error. */
const EXPECTED: Record<string, { step: Step; subject?: RegExp }[]> = {
  healthy: [],
  'missing-spn': [{ step: 3, subject: /^EX02$/ }],
  'duplicate-spn': [{ step: 3 }],
  'clock-skew': [{ step: 1 }],
  replication: [{ step: 2 }],
  'port-blocked': [{ step: 4 }],
  'connector-auth': [{ step: 6, subject: /^EX02\\Default EX02$/ }],
  'all-faults': [{ step: 1 }, { step: 2 }, { step: 3 }, { step: 4 }, { step: 6 }],
};

function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env, ...labEnv(), ...extraEnv, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 170_000, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, password: env.EAD_BIND_PASSWORD ?? '' };
}

describe('exchange-auth-doctor diagnose --json against the lab', function () {
  this.timeout(300_000);

  before(function () {
    buildCli();
  });

  for (const [scenario, expected] of Object.entries(EXPECTED)) {
    it(`${scenario}: ${expected.length ? `errors on step(s) ${expected.map((e) => e.step).join(', ')}` : 'no error'}`, async () => {
      await useScenario(scenario);
      const r = cli(['diagnose', '--json']);
      assert.equal(r.code, expected.length ? 1 : 0, r.stderr);
      assert.ok(!r.stdout.includes(r.password) && !r.stderr.includes(r.password), 'the password must never be printed');
      const doc = JSON.parse(r.stdout) as { findings: Finding[]; verdict: { overall: string } };
      for (const f of doc.findings) assert.ok(f.step && f.severity && f.subject?.name && f.title, JSON.stringify(f));
      const errors = doc.findings.filter((f) => f.severity === 'error');
      if (!expected.length)
        assert.deepEqual(
          errors.map((f) => `${f.step} ${f.subject.name} ${f.title}`),
          [],
        );
      for (const e of expected) {
        assert.ok(
          errors.some((f) => f.step === e.step && (!e.subject || e.subject.test(f.subject.name))),
          `${scenario}: expected an error on step ${e.step}${e.subject ? ` for ${e.subject.source}` : ''}; got ${errors.map((f) => `${f.step}:${f.subject.name}`).join(', ')}`,
        );
      }
    });
  }

  it('exits 2 with a clear message when the DC cannot be reached', () => {
    const r = cli(['diagnose', '--json', '--dc', '127.0.0.1', '--port', '1', '--timeout', '2000']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Could not reach a domain controller at 127\.0\.0\.1/);
    assert.equal(r.stdout, '');
  });

  it('exits 2 and refuses --password', () => {
    const r = cli(['diagnose', '--password', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /EAD_BIND_PASSWORD/);
  });

  it('prints setspn -L in SetSPN format from LDAP', async () => {
    await useScenario('healthy');
    const r = cli(['setspn', '-L', 'EX01']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Registered ServicePrincipalNames for CN=EX01,/);
    assert.match(r.stdout, /\n\tSMTPSVC\/ex01\.contoso\.test\n/i);
  });
});
