/**
 * One observation, two readers: the engine's LDAP read of a server's account (and of the other
 * holders of its SPNs) and a terminal's setspn -L / setspn -Q output of the same directory end in
 * spnFindingsForServer and must give the same codes, titles and explanations.
 */
import { strict as assert } from 'node:assert';
import { spnCheck } from '../../../../../src/core/steps/3-spns/spn-check';
import { setspnListFindings, setspnQueryFindings } from '../../../../../src/core/steps/3-spns/setspn-findings';
import type { Finding } from '../../../../../src/shared/findings';
import type { DirectoryEntry } from '../../../../../src/core/io';
import type { ToolContext } from '../../../../../src/core/tools/tool-output';
import { contosoEntries, DOMAIN } from '../../directory/contoso-fixture';
import { fakeContext } from './spn-fake-context';

const DNS = { 'ex01.contoso.test': ['127.0.0.11'], 'ex02.contoso.test': ['127.0.0.12'] };
const EX02_DN = `CN=EX02,CN=Computers,${DOMAIN}`;
const SVC_DN = `CN=svc-smtp,CN=Users,${DOMAIN}`;

function entries(ex02Spns: string[], extra: DirectoryEntry[] = []): DirectoryEntry[] {
  return [
    ...contosoEntries().map((e) =>
      e.dn === EX02_DN ? { dn: e.dn, attributes: { ...e.attributes, servicePrincipalName: ex02Spns } } : e,
    ),
    ...extra,
  ];
}

const words = (fs: readonly Finding[]) => fs.map((f) => ({ code: f.code, title: f.title, explanation: f.explanation }));

async function engine(list: DirectoryEntry[]) {
  const { ctx, findings } = await fakeContext({ entries: list, dns: DNS });
  await spnCheck.run(ctx);
  const ex02 = ctx.servers.find((s) => s.name === 'EX02')!;
  const tool = (commandLine: string): ToolContext => ({
    commandLine,
    observedAt: '2026-12-04T16:00:00.000Z',
    server: ex02,
    clockToleranceMs: 300_000,
    clockWarningMs: 60_000,
  });
  const spnFindings = findings.filter(
    (f) =>
      f.subject.name === 'EX02' &&
      ['spn.missing', 'spn.registered', 'spn.duplicate', 'spn.wrong-account'].includes(f.code),
  );
  return { spnFindings, tool };
}

/** setspn -L as Windows prints it (CRLF, tab-indented SPNs). */
function setspnL(dn: string, spns: string[]): string {
  return `Registered ServicePrincipalNames for ${dn}:\r\n${spns.map((s) => `\t${s}\r\n`).join('')}`;
}

/** setspn -Q as Windows prints it: each holder's DN and SPNs, then the verdict line. */
function setspnQ(holders: { dn: string; spns: string[] }[]): string {
  const body = holders.map((h) => `${h.dn}\r\n${h.spns.map((s) => `\t${s}\r\n`).join('')}`).join('');
  return `Checking domain ${DOMAIN}\r\n${body}\r\n${holders.length ? 'Existing SPN found!' : 'No such SPN found.'}\r\n`;
}

describe("step 3: one interpreter for an account's SPNs, whoever read them", () => {
  it('a server lacking SMTPSVC SPNs: LDAP and setspn -L give the same spn.missing', async () => {
    const spns = ['SMTP/ex02.contoso.test', 'SMTP/EX02'];
    const { spnFindings, tool } = await engine(entries(spns));
    const fromTool = setspnListFindings(setspnL(EX02_DN, spns), 0, tool('setspn -L EX02'));
    assert.equal(spnFindings.length, 1);
    assert.equal(spnFindings[0]!.code, 'spn.missing');
    assert.deepEqual(words(fromTool), words(spnFindings));
    assert.deepEqual(
      fromTool[0]!.remedies.map((r) => r.command),
      spnFindings[0]!.remedies.map((r) => r.command),
    );
  });

  it('a server holding its four SPNs: LDAP and setspn -L give the same spn.registered', async () => {
    const spns = ['SMTP/ex02.contoso.test', 'SMTP/EX02', 'SMTPSVC/ex02.contoso.test', 'SMTPSVC/EX02'];
    const { spnFindings, tool } = await engine(entries(spns));
    const fromTool = setspnListFindings(setspnL(EX02_DN, spns), 0, tool('setspn -L EX02'));
    assert.equal(spnFindings[0]!.code, 'spn.registered');
    assert.deepEqual(words(fromTool), words(spnFindings));
  });

  it('an SPN on the server and on a service account: the LDAP holder search and setspn -Q give the same spn.duplicate', async () => {
    const spns = ['SMTP/ex02.contoso.test', 'SMTP/EX02', 'SMTPSVC/ex02.contoso.test', 'SMTPSVC/EX02'];
    const svc: DirectoryEntry = {
      dn: SVC_DN,
      attributes: {
        objectClass: ['top', 'person', 'user'],
        sAMAccountName: ['svc-smtp'],
        servicePrincipalName: ['SMTPSVC/ex02.contoso.test'],
      },
    };
    const { spnFindings, tool } = await engine(entries(spns, [svc]));
    const raw = setspnQ([
      { dn: EX02_DN, spns },
      { dn: SVC_DN, spns: ['SMTPSVC/ex02.contoso.test'] },
    ]);
    const fromTool = setspnQueryFindings(
      'SMTPSVC/ex02.contoso.test',
      raw,
      0,
      tool('setspn -Q SMTPSVC/ex02.contoso.test'),
    );
    assert.equal(spnFindings.length, 1);
    assert.equal(spnFindings[0]!.code, 'spn.duplicate');
    assert.deepEqual(words(fromTool), words(spnFindings));
  });

  it('an SPN only on another account: the LDAP holder search and setspn -Q give the same spn.wrong-account', async () => {
    const spns = ['SMTP/ex02.contoso.test', 'SMTP/EX02', 'SMTPSVC/EX02'];
    const svc: DirectoryEntry = {
      dn: SVC_DN,
      attributes: {
        objectClass: ['top', 'person', 'user'],
        sAMAccountName: ['svc-smtp'],
        servicePrincipalName: ['SMTPSVC/ex02.contoso.test'],
      },
    };
    const { spnFindings, tool } = await engine(entries(spns, [svc]));
    const raw = setspnQ([{ dn: SVC_DN, spns: ['SMTPSVC/ex02.contoso.test'] }]);
    const fromTool = setspnQueryFindings(
      'SMTPSVC/ex02.contoso.test',
      raw,
      0,
      tool('setspn -Q SMTPSVC/ex02.contoso.test'),
    );
    assert.equal(spnFindings[0]!.code, 'spn.wrong-account');
    assert.deepEqual(words(fromTool), words(spnFindings));
  });
});
