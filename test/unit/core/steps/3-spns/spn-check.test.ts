import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spnCheck } from '../../../../../src/core/steps/3-spns/spn-check';
import { contosoEntries, DOMAIN } from '../../directory/contoso-fixture';
import type { DirectoryEntry } from '../../../../../src/core/io';
import { assertWhollyWorded } from '../../l10n/english-left';
import { fakeContext, ok } from './spn-fake-context';

const ALL_EX02 = ['SMTP/ex02.contoso.test', 'SMTP/EX02', 'SMTPSVC/ex02.contoso.test', 'SMTPSVC/EX02'];
const DNS = { 'ex01.contoso.test': ['127.0.0.11'], 'ex02.contoso.test': ['127.0.0.12'] };

/** The contoso fixture with EX02's SPNs replaced. */
function entries(ex02Spns: string[], extra: DirectoryEntry[] = []): DirectoryEntry[] {
  return [
    ...contosoEntries().map((e) =>
      e.dn === `CN=EX02,CN=Computers,${DOMAIN}`
        ? { dn: e.dn, attributes: { ...e.attributes, servicePrincipalName: ex02Spns } }
        : e,
    ),
    ...extra,
  ];
}

const svcUser = (spns: string[]): DirectoryEntry => ({
  dn: `CN=svc-smtp,CN=Users,${DOMAIN}`,
  attributes: { objectClass: ['top', 'person', 'user'], sAMAccountName: ['svc-smtp'], servicePrincipalName: spns },
});

describe('step 3 check: SPNs', () => {
  it('passes a server that holds its four SPNs alone, using the global catalog', async () => {
    const { ctx, findings, opened } = await fakeContext({ entries: entries(ALL_EX02), dns: DNS });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors, []);
    const registered = findings.filter((f) => f.code === 'spn.registered').map((f) => f.subject.name);
    assert.deepEqual(registered, ['EX01', 'EX02']);
    assert.deepEqual(opened, [{ host: 'dc1.contoso.test', globalCatalog: true }]);
    const table = findings.find((f) => f.subject.name === 'EX02' && f.code === 'spn.registered')!.tables![0]!;
    assert.deepEqual(
      table.rows.map((r) => r[0]),
      ['SMTP/EX02', 'SMTP/ex02.contoso.test', 'SMTPSVC/EX02', 'SMTPSVC/ex02.contoso.test'],
    );
    assert.ok(table.rows.every((r) => r[2] === 'none'));
  });

  it('reports missing SPNs on EX02 with an expected-vs-registered table and setspn -S remedies', async () => {
    const { ctx, findings } = await fakeContext({
      entries: entries(['SMTP/ex02.contoso.test', 'SMTP/EX02']),
      dns: DNS,
    });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    const missing = findings.filter((f) => f.code === 'spn.missing');
    assert.equal(missing.length, 1);
    const f = missing[0]!;
    assert.equal(f.severity, 'error');
    assert.equal(f.step, 3);
    assert.equal(f.subject.name, 'EX02');
    assert.match(f.title, /SMTPSVC\/EX02/);
    assert.match(f.title, /SMTPSVC\/ex02\.contoso\.test/);
    const rows = f.tables![0]!.rows;
    assert.deepEqual(rows.find((r) => r[0] === 'SMTPSVC/ex02.contoso.test')!.slice(0, 2), [
      'SMTPSVC/ex02.contoso.test',
      'missing',
    ]);
    assert.deepEqual(rows.find((r) => r[0] === 'SMTP/EX02')!.slice(0, 2), ['SMTP/EX02', 'SMTP/EX02']);
    const commands = f.remedies.map((r) => r.command);
    assert.ok(commands.includes('setspn -S SMTPSVC/ex02.contoso.test EX02'));
    assert.ok(commands.includes('setspn -S SMTPSVC/EX02 EX02'));
    assert.ok(commands.includes('setspn -L EX02'));
    assert.equal(f.remedies.find((r) => r.command.startsWith('setspn -S'))!.changesState, true);
    assert.equal(f.remedies.find((r) => r.command === 'setspn -L EX02')!.changesState, false);
  });

  it('reports a duplicate naming both accounts, with setspn -D for the one that is not the server', async () => {
    const { ctx, findings } = await fakeContext({
      entries: entries(ALL_EX02, [svcUser(['smtpsvc/EX02.contoso.test'])]),
      dns: DNS,
    });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    const dup = findings.filter((f) => f.code === 'spn.duplicate');
    assert.equal(dup.length, 1);
    assert.equal(dup[0]!.subject.name, 'EX02');
    assert.match(dup[0]!.title, /EX02\$/);
    assert.match(dup[0]!.title, /svc-smtp/);
    assert.ok(
      dup[0]!.evidence.some(
        (e) => e.value.includes('CN=EX02,CN=Computers') && e.value.includes('CN=svc-smtp,CN=Users'),
      ),
    );
    const del = dup[0]!.remedies.find((r) => r.command.startsWith('setspn -D'))!;
    assert.equal(del.command, 'setspn -D SMTPSVC/ex02.contoso.test svc-smtp');
    assert.equal(del.changesState, true);
    assert.ok(dup[0]!.remedies.some((r) => r.command === 'setspn -F -Q SMTPSVC/ex02.contoso.test' && !r.changesState));
    assert.equal(findings.filter((f) => f.subject.name === 'EX01' && f.severity === 'error').length, 0);
  });

  it('reports an SPN of EX02 that sits on another computer as on the wrong account', async () => {
    const ex01WithEx02 = contosoEntries().map((e) =>
      e.dn === `CN=EX01,CN=Computers,${DOMAIN}`
        ? {
            dn: e.dn,
            attributes: {
              ...e.attributes,
              servicePrincipalName: [...(e.attributes.servicePrincipalName ?? []), 'SMTPSVC/ex02.contoso.test'],
            },
          }
        : e,
    );
    const list = ex01WithEx02.map((e) =>
      e.dn === `CN=EX02,CN=Computers,${DOMAIN}`
        ? {
            dn: e.dn,
            attributes: {
              ...e.attributes,
              servicePrincipalName: ['SMTP/ex02.contoso.test', 'SMTP/EX02', 'SMTPSVC/EX02'],
            },
          }
        : e,
    );
    const { ctx, findings } = await fakeContext({ entries: list, dns: DNS });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    const wrong = findings.find((f) => f.code === 'spn.wrong-account')!;
    assert.equal(wrong.subject.name, 'EX02');
    // The other holder is named by its first RDN (the name setspn -Q prints too).
    assert.match(wrong.title, /SMTPSVC\/ex02\.contoso\.test on EX01\b/);
    const commands = wrong.remedies.map((r) => r.command);
    assert.deepEqual(commands.slice(0, 2), [
      'setspn -D SMTPSVC/ex02.contoso.test EX01',
      'setspn -S SMTPSVC/ex02.contoso.test EX02',
    ]);
    assert.equal(
      findings.filter((f) => f.code === 'spn.missing').length,
      0,
      'held elsewhere is not reported as simply missing',
    );
  });

  it('falls back to the domain partition when the global catalog is closed, and says so', async () => {
    const { ctx, findings, opened, logs } = await fakeContext({
      entries: entries(ALL_EX02, [svcUser(['SMTP/EX01'])]),
      gcFails: true,
      dns: DNS,
    });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    assert.deepEqual(
      opened.map((o) => o.globalCatalog),
      [true, false],
    );
    assert.ok(logs.some((l) => /global catalog of dc1\.contoso\.test could not be opened/.test(l)));
    const dup = findings.find((f) => f.code === 'spn.duplicate')!;
    assert.equal(dup.subject.name, 'EX01');
    assert.ok(dup.evidence.some((e) => e.source.startsWith('domain partition')));
  });

  it('scans every SPN of the forest when asked (setspn -X)', async () => {
    const extra = [
      svcUser(['HTTP/intranet.contoso.test']),
      {
        dn: `CN=svc-web,CN=Users,${DOMAIN}`,
        attributes: {
          objectClass: ['user'],
          sAMAccountName: ['svc-web'],
          servicePrincipalName: ['http/INTRANET.contoso.test'],
        },
      },
    ];
    const { ctx, findings } = await fakeContext({
      entries: entries(ALL_EX02, extra),
      dns: DNS,
      settings: { allSpnDuplicates: true },
    });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    const forest = findings.find((f) => f.code === 'spn.forest-duplicates')!;
    assert.equal(forest.severity, 'error');
    assert.equal(forest.subject.kind, 'organisation');
    assert.deepEqual(
      forest.tables![0]!.rows.map((r) => (r[0] ?? '').toLowerCase()),
      ['http/intranet.contoso.test'],
    );
    assert.match(forest.tables![0]!.rows[0]![1]!, /svc-smtp.*svc-web|svc-web.*svc-smtp/);
    assert.ok(forest.remedies.some((r) => r.command === 'setspn -F -X'));
  });

  it('does not scan all SPNs unless asked', async () => {
    const { ctx, findings } = await fakeContext({ entries: entries(ALL_EX02), dns: DNS });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    assert.equal(findings.filter((f) => f.code.startsWith('spn.forest')).length, 0);
  });

  it('warns when the FQDN does not resolve or maps back to another name', async () => {
    const { ctx, findings } = await fakeContext({
      entries: entries(ALL_EX02),
      dns: { 'ex01.contoso.test': ['10.0.0.11'] },
      reverse: { '10.0.0.11': ['mail.contoso.test.'] },
    });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    const unresolved = findings.find((f) => f.code === 'spn.dns-unresolved')!;
    assert.equal(unresolved.subject.name, 'EX02');
    assert.equal(unresolved.severity, 'warning');
    const reverse = findings.find((f) => f.code === 'spn.dns-reverse-mismatch')!;
    assert.equal(reverse.subject.name, 'EX01');
    assert.match(reverse.title, /mail\.contoso\.test/);
  });

  it('requests a service ticket with kvno only when a ticket cache exists, and maps the failure to step 3', async () => {
    const { ctx, findings, runs } = await fakeContext({
      entries: entries(ALL_EX02),
      dns: DNS,
      has: ['klist', 'kvno'],
      run: (file, args) => {
        if (file === 'klist') return ok('', 0);
        if (args[0] === 'SMTPSVC/ex01.contoso.test@CONTOSO.TEST')
          return ok('SMTPSVC/ex01.contoso.test@CONTOSO.TEST: kvno = 3\n');
        return ok('', 1, `kvno: Server not found in Kerberos database while getting credentials for ${args[0]}\n`);
      },
    });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    assert.deepEqual(
      runs.filter((r) => r.file === 'kvno').map((r) => r.args),
      [['SMTPSVC/ex01.contoso.test@CONTOSO.TEST'], ['SMTPSVC/ex02.contoso.test@CONTOSO.TEST']],
    );
    const issued = findings.find((f) => f.code === 'spn.ticket-issued')!;
    assert.equal(issued.subject.name, 'EX01');
    assert.match(issued.title, /key version 3/);
    const failed = findings.find((f) => f.code === 'spn.ticket-failed')!;
    assert.equal(failed.subject.name, 'EX02');
    assert.equal(failed.step, 3);
    assert.match(failed.title, /KDC_ERR_S_PRINCIPAL_UNKNOWN/);
  });

  it('asks for no ticket without a ticket cache, and says why in the log only', async () => {
    const { ctx, findings, runs, logs } = await fakeContext({
      entries: entries(ALL_EX02),
      dns: DNS,
      has: ['klist', 'kvno'],
      run: () => ok('', 1),
    });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    assert.equal(runs.filter((r) => r.file === 'kvno').length, 0);
    assert.equal(findings.filter((f) => f.code.startsWith('spn.ticket')).length, 0);
    assert.ok(logs.some((l) => /no Kerberos ticket cache/.test(l)));
  });

  it('adds setspn -L output as evidence on Windows', async () => {
    const sample = readFileSync(join(__dirname, '../../../../fixtures/windows/setspn-L-ex01.txt'), 'utf8');
    const { ctx, findings, runs } = await fakeContext({
      entries: entries(ALL_EX02),
      dns: DNS,
      platform: 'win32',
      has: ['setspn'],
      run: (file) => (file === 'setspn' ? ok(sample) : undefined),
    });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    assert.deepEqual(
      runs.filter((r) => r.file === 'setspn').map((r) => r.args),
      [
        ['-L', 'EX01'],
        ['-L', 'EX02'],
      ],
    );
    const ex01 = findings.find((f) => f.code === 'spn.registered' && f.subject.name === 'EX01')!;
    const ev = ex01.evidence.find((e) => e.label === 'setspn -L EX01')!;
    assert.match(ev.value, /SMTPSVC\/EX01/i);
  });
});
