/**
 * Kerberos itself as evidence, against the lab (issue 12): the built CLI signs in with the lab's
 * password, gets tickets from a private credential cache (kinit, removed after the run: the
 * TMPDIR it was made in is empty afterwards), reads each Exchange account from every DC, and for
 * a pair prints the Kerberos readiness table. The scenarios' real Samba state decides the outcome.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/shared/findings';
import type { KerberosReadiness } from '../../src/shared/kerberos-readiness';
import { useScenario, type LabEnv } from './lab-fixture';
import { buildCli } from './built-cli';
import { runCli } from './cli-run';

interface Doc {
  findings: Finding[];
  kerberosReadiness?: KerberosReadiness;
}

describe('Kerberos evidence: tickets, keys on every DC, the readiness of a pair', function () {
  this.timeout(300_000);
  let tmp = '';

  before(() => {
    buildCli();
  });
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'ead-kerberos-it-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  function diagnose(env: LabEnv, args: string[]): Doc {
    // The lab's krb5.conf names its realm and KDC; TMPDIR is where the private cache must come and go.
    const r = runCli(['diagnose', '--json', ...args], { KRB5_CONFIG: env.EAD_KRB5_CONFIG ?? '', TMPDIR: tmp }, env);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.deepEqual(readdirSync(tmp), [], 'the private ticket cache folder is removed after the run');
    return JSON.parse(r.stdout) as Doc;
  }
  const one = (doc: Doc, code: string, subject: string): Finding | undefined =>
    doc.findings.find((f) => f.code === code && f.subject.name === subject);

  it('healthy: AES tickets for both servers from the private cache, the same key version on the DC', async () => {
    const doc = diagnose(await useScenario('healthy'), ['--steps', '3']);
    for (const server of ['EX01', 'EX02']) {
      assert.match(
        one(doc, 'spn.ticket-issued', server)?.title ?? '',
        /key version 1, encrypted with aes256-cts-hmac-sha1-96/,
      );
      assert.ok(one(doc, 'spn.keys-agree', server), `${server}: keys agree`);
    }
  });

  it('stale-key: DC2 named as behind, repadmin /replicate from DC1, a purge on the sender; the readiness table fails at the key versions', async () => {
    const doc = diagnose(await useScenario('stale-key'), ['--pair', 'EX01', 'EX02']);
    const f = one(doc, 'spn.key-version-differs', 'EX02');
    assert.deepEqual(
      f?.tables?.[0]?.rows.map((r) => r.slice(0, 2)),
      [
        ['DC1', '2'],
        ['DC2', '1'],
      ],
    );
    const lines = (f?.remedies ?? []).map((r) => `${r.changesState ? 'changes' : 'reads'} ${r.runOn}: ${r.command}`);
    assert.ok(
      lines.some((l) => /^changes .*: repadmin \/replicate DC2 DC1 'DC=contoso,DC=test'$/.test(l)),
      lines.join('\n'),
    );
    assert.ok(lines.includes("changes EX01: klist purge -li '0x3e7'"), lines.join('\n'));
    assert.match(one(doc, 'spn.ticket-issued', 'EX02')?.title ?? '', /key version 2/);
    const r = doc.kerberosReadiness;
    assert.equal(r?.rows[r.firstFailing ?? -1]?.aspect, 'key-versions');
  });

  it('rc4-only: the KDC refuses the ticket (KDC_ERR_ETYPE_NOSUPP) and no type is common to EX02 and DC1; no setspn -S offered', async () => {
    const doc = diagnose(await useScenario('rc4-only'), ['--steps', '3']);
    const ticket = one(doc, 'spn.ticket-failed', 'EX02');
    assert.match(ticket?.title ?? '', /KDC_ERR_ETYPE_NOSUPP/);
    assert.ok(!(ticket?.remedies ?? []).some((x) => x.command.startsWith('setspn -S')));
    assert.match(one(doc, 'spn.no-common-etype', 'EX02')?.title ?? '', /0x4 \(RC4\).*DC1 \(0x18 \(AES128, AES256\)\)/);
    assert.ok(one(doc, 'spn.ticket-issued', 'EX01'));
  });

  it('no-kdc-in-site: the pair EX01 -> EX02 fails at the KDC row (EX02 in Branch-Site, whose only KDC is stopped)', async () => {
    const doc = diagnose(await useScenario('no-kdc-in-site'), ['--pair', 'EX01', 'EX02', '--steps', '3,4']);
    const r = doc.kerberosReadiness;
    assert.equal(r?.rows[r.firstFailing ?? -1]?.aspect, 'kdc');
    assert.match(one(doc, 'port.kdc-site-unreachable', 'EX02')?.title ?? '', /Branch-Site.*\(DC2\)/);
    assert.equal(one(doc, 'port.kdc-site-ok', 'EX01')?.severity, 'ok');
  });
});
