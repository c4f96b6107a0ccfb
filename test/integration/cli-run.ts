/**
 * One way to run the built CLI in integration tests: spawn it with the lab's environment, assert
 * that the password is absent from its raw output (the assertion message never quotes the output),
 * and only then hand back the output, scrubbed again for good measure, for use in any assertion
 * message. Also the shared check of a `diagnose --json` document against a lab scenario.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import type { Finding } from '../../src/shared/findings';
import { redactSecrets } from '../../src/core/report/meta';
import { labEnv } from '../lab/api';
import type { Scenario } from '../lab/scenarios';
import { CLI } from './built-cli';

export interface CliRun {
  code: number | null;
  /** Scrubbed: safe to print in an assertion message. */
  stdout: string;
  stderr: string;
}

export function runCli(
  args: readonly string[],
  extraEnv: Record<string, string> = {},
  env: Record<string, string> = labEnv(),
): CliRun {
  const full: Record<string, string | undefined> = { ...process.env, ...env, ...extraEnv, NO_COLOR: '1' };
  const password = full.EAD_BIND_PASSWORD ?? '';
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: full,
    encoding: 'utf8',
    timeout: 170_000,
    maxBuffer: 1 << 28,
  });
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  if (password) {
    // No output in these messages: they would print the very secret they are about.
    assert.ok(!stdout.includes(password), `exchange-auth-doctor ${args.join(' ')}: the password appeared on stdout`);
    assert.ok(!stderr.includes(password), `exchange-auth-doctor ${args.join(' ')}: the password appeared on stderr`);
  }
  const secrets = password ? [password] : [];
  return { code: r.status, stdout: redactSecrets(stdout, secrets), stderr: redactSecrets(stderr, secrets) };
}

const describeFinding = (f: Finding): string => `${f.step} ${f.severity} ${f.code} ${f.subject.name}: ${f.title}`;

/**
 * The scenario's expectations, exactly: each expected (step, severity, subject) is reported; the exit
 * code is 1 when errors are expected and 0 when not; and no error finding is outside the list.
 */
export function assertScenarioReport(name: string, scenario: Scenario, run: CliRun): Finding[] {
  let doc: { findings: Finding[] };
  try {
    doc = JSON.parse(run.stdout) as { findings: Finding[] };
  } catch {
    assert.fail(`${name}: diagnose --json printed no JSON (exit ${String(run.code)}): ${run.stderr}`);
  }
  for (const f of doc.findings)
    assert.ok(f.step && f.severity && f.subject?.name && f.title, `${name}: incomplete finding ${describeFinding(f)}`);
  const errors = doc.findings.filter((f) => f.severity === 'error');
  const seen = errors.map(describeFinding);
  const hasErrors = scenario.expected.some((x) => x.severity === 'error');
  assert.equal(
    run.code,
    hasErrors ? 1 : 0,
    `${name}: exit code; stderr: ${run.stderr}\nerrors: ${seen.join('\n') || 'none'}`,
  );
  for (const x of scenario.expected) {
    assert.ok(
      doc.findings.some(
        (f) =>
          f.step === x.step &&
          f.severity === x.severity &&
          f.subject.name.toLowerCase() === x.subject.toLowerCase() &&
          (x.code === undefined || f.code === x.code),
      ),
      `${name}: expected a step ${x.step} ${x.severity}${x.code ? ` ${x.code}` : ''} on ${x.subject}; errors: ${seen.join(', ') || 'none'}`,
    );
  }
  const unexplained = errors.filter(
    (f) =>
      !scenario.expected.some(
        (x) => x.severity === 'error' && x.step === f.step && x.subject.toLowerCase() === f.subject.name.toLowerCase(),
      ),
  );
  assert.deepEqual(unexplained.map(describeFinding), [], `${name}: errors the scenario does not expect`);
  return doc.findings;
}
