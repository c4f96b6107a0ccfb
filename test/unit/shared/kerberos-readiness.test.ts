import { strict as assert } from 'node:assert';
import type { Finding, Severity, Step } from '../../../src/shared/findings';
import { buildKerberosReadiness } from '../../../src/shared/kerberos-readiness';
import { buildJsonReport } from '../../../src/core/report/json';
import { formatReadiness } from '../../../src/cli/readiness-text';

const f = (step: Step, code: string, subject: string, severity: Severity, title = code): Finding => ({
  code,
  step,
  severity,
  subject: { kind: 'server', name: subject },
  title,
  explanation: '',
  evidence: [],
  remedies: [],
});

const staleKey: Finding[] = [
  f(3, 'spn.registered', 'EX02', 'ok'),
  f(3, 'spn.registered', 'EX01', 'ok'),
  f(3, 'spn.key-version-differs', 'EX02', 'error', 'EX02$ has key version 2 on DC1 but 1 on DC2; behind: DC2'),
  f(3, 'spn.keys-agree', 'EX01', 'ok'),
  f(4, 'port.kdc-site-ok', 'EX01', 'ok'),
  f(4, 'port.kdc-site-unreachable', 'EX02', 'error'),
  f(1, 'clock.agrees', 'EX01', 'ok'),
  f(1, 'clock.skew', 'EX03', 'error'),
];

describe('Kerberos readiness of a pair', () => {
  it('stale-key: the key-version row fails first; encryption types and account are read and fine; the ticket row says it was not checked', () => {
    const r = buildKerberosReadiness(staleKey, 'EX01', 'EX02');
    assert.deepEqual(
      r.rows.map((x) => `${x.aspect}:${x.status}`),
      [
        'spn-holder:ok',
        'key-versions:error',
        'ticket:not-checked',
        'encryption-types:ok',
        'account:ok',
        'kdc:error',
        'clock:ok',
      ],
    );
    assert.equal(r.firstFailing, 1);
    assert.match(r.rows[1]?.detail ?? '', /behind: DC2/);
  });

  it('looks at the receiving server for its account, at both for KDC and clock, never at a third server', () => {
    const r = buildKerberosReadiness(staleKey, 'EX02', 'EX01');
    assert.equal(r.rows.find((x) => x.aspect === 'key-versions')?.status, 'ok');
    assert.equal(r.rows.find((x) => x.aspect === 'kdc')?.status, 'error');
    assert.equal(r.rows.find((x) => x.aspect === 'clock')?.status, 'ok');
    assert.equal(r.firstFailing, 5);
  });

  it('has no first failing row when nothing fails, and says what was not checked', () => {
    const r = buildKerberosReadiness([], 'EX01', 'EX02');
    assert.equal(r.firstFailing, undefined);
    assert.ok(r.rows.every((x) => x.status === 'not-checked' && x.detail.length > 0));
  });

  it('goes into the JSON report only when given, and as text marks the first failing row', () => {
    const r = buildKerberosReadiness(staleKey, 'EX01', 'EX02');
    const verdict = {
      startedAt: '',
      finishedAt: '',
      overall: 'error' as const,
      causes: [],
      counts: { ok: 0, warning: 0, error: 0, unknown: 0 },
    };
    const meta = {
      tool: { name: 'x', version: '0' },
      startedAt: '',
      finishedAt: '',
      directoryUrl: '',
      scope: '',
      servers: [],
      steps: [],
      platform: 'linux',
    };
    assert.equal(buildJsonReport([], verdict, meta as never).kerberosReadiness, undefined);
    assert.equal(buildJsonReport([], verdict, meta as never, r).kerberosReadiness?.rows.length, 7);
    const text = formatReadiness(r).split('\n');
    assert.match(text[0] ?? '', /^Kerberos readiness, EX01 -> EX02 \(start at the row marked >\):$/);
    assert.match(text[2] ?? '', /^> 3 {2}Key version on each DC {2}ERROR/);
    assert.equal(text.filter((l) => l.startsWith('>')).length, 1);
  });
});
