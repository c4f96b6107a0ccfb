/**
 * setspn as it was printed on French, Spanish, Japanese, Chinese and German Windows, copied
 * verbatim from public write-ups (test/fixtures/localised/setspn/SOURCES.md says where): the
 * parsers give the same accounts, SPNs, domains and verdicts as they do for the English output.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSetspnDuplicates, parseSetspnList, parseSetspnQuery } from '../../../../../src/core/steps/3-spns/setspn';
import { parseSetspnAdd } from '../../../../../src/core/steps/3-spns/setspn-add';
import {
  setspnAddFindings,
  setspnDuplicatesFindings,
  setspnQueryFindings,
} from '../../../../../src/core/steps/3-spns/setspn-findings';
import { ctx } from '../../tools/windows-fixtures';

const sample = (name: string): string =>
  readFileSync(join(__dirname, '../../../../fixtures/localised/setspn', name), 'utf8');
const valueOf = <T>(o: { recognised: true; value: T } | { recognised: false; reason: string }): T => {
  if (!o.recognised) throw new Error(o.reason);
  return o.value;
};
const messages = (o: { problems: { message: string }[] }): string => o.problems.map((p) => p.message).join('\n');

describe('setspn -L, verbatim in other display languages', () => {
  it('Spanish: the DN after "registrados para", both SPNs, the instance name after a backslash kept', () => {
    const out = parseSetspnList(sample('setspn-L-es-verbatim.txt'));
    assert.deepEqual(valueOf(out), {
      kind: 'list',
      accountDn: 'CN=svc_sql,CN=Users,DC=adlab,DC=local',
      spns: ['MSSQLSvc/DC01.adlab.local\\SQLEXPRESS', 'MSSQLSvc/DC01.adlab.local:1433'],
    });
    assert.match(messages(out), /not in English/);
  });

  it('Japanese: the DN after "次の項目に登録されている", four SPNs with a realm suffix', () => {
    const r = valueOf(parseSetspnList(sample('setspn-L-ja-weblogic-verbatim.txt')));
    assert.equal(r.kind, 'list');
    if (r.kind !== 'list') return;
    assert.equal(r.accountDn, 'CN=[:weblogic:],CN=Users,DC=[:mydomain:],DC=[:com:]');
    assert.equal(r.spns.length, 4);
    assert.equal(r.spns[3], 'HTTP/[:webserver:].[:mydomain.com:]@[:MYDOMAIN.COM:]');
  });

  it('Japanese and French: an account with no SPN is an empty list, not an error', () => {
    assert.deepEqual(valueOf(parseSetspnList(sample('setspn-L-ja-empty-verbatim.txt'))), {
      kind: 'list',
      accountDn: 'CN=Administrator,CN=Users,DC=testdomain,DC=local',
      spns: [],
    });
    assert.deepEqual(valueOf(parseSetspnList(sample('setspn-L-fr-empty-verbatim.txt'))), {
      kind: 'list',
      accountDn: 'CN=Sophie Mercier,OU=Direction,OU=NovaCorp,DC=novacorp,DC=test',
      spns: [],
    });
  });
});

describe('setspn -X, verbatim in French', () => {
  it('"0 groupe de SPN en double détectés." is complete with no duplicate, and an ok finding', () => {
    const raw = sample('setspn-X-fr-none-verbatim.txt');
    assert.deepEqual(valueOf(parseSetspnDuplicates(raw)), {
      scope: 'domain',
      checked: ['DC=novacorp,DC=test'],
      groups: [],
      complete: true,
      reportedGroupCount: 0,
    });
    assert.deepEqual(
      setspnDuplicatesFindings(raw, 1, ctx({ commandLine: 'setspn -X' })).map((f) => `${f.code}:${f.severity}`),
      ['spn.no-duplicates:ok'],
    );
  });
});

describe('setspn -Q, verbatim in other display languages', () => {
  it('Japanese: the domain checked, the holder, its SPN without trailing blanks, found', () => {
    const out = parseSetspnQuery(sample('setspn-Q-ja-verbatim.txt'));
    assert.deepEqual(valueOf(out), {
      scope: 'domain',
      checked: ['DC=openid,DC=local'],
      accounts: [{ dn: 'CN=apache,CN=Users,DC=openid,DC=local', spns: ['HTTP/ubuntu.openid.local'] }],
      found: true,
    });
    assert.doesNotMatch(messages(out), /not understood/);
  });

  it('Chinese (tab-indented): five holders with all their SPNs, the domain, found', () => {
    const out = parseSetspnQuery(sample('setspn-Q-zh-cn-verbatim.txt'));
    const r = valueOf(out);
    assert.equal(r.found, true);
    assert.deepEqual(r.checked, ['DC=ack123,DC=com']);
    assert.deepEqual(
      r.accounts.map((a) => [a.dn, a.spns.length]),
      [
        ['CN=Administrator,CN=Users,DC=ack123,DC=com', 1],
        ['CN=16SERVER-DC1,OU=Domain Controllers,DC=ack123,DC=com', 20],
        ['CN=krbtgt,CN=Users,DC=ack123,DC=com', 1],
        ['CN=12SERVER-DATA2,CN=Computers,DC=ack123,DC=com', 6],
        ['CN=12SERVER-WEB2,CN=Computers,DC=ack123,DC=com', 8],
      ],
    );
    assert.equal(r.accounts[0]?.spns[0], 'mysql/16server-dc1.ack123.com');
    assert.doesNotMatch(messages(out), /not understood/);
  });

  it('Spanish, pasted through a PDF: an SPN that lost its indent stays with its account', () => {
    const out = parseSetspnQuery(sample('setspn-Q-es-pdf-verbatim.txt'));
    const r = valueOf(out);
    assert.deepEqual(r.checked, ['DC=dc,DC=luc4s']);
    assert.equal(r.found, true);
    assert.equal(r.accounts.length, 2);
    assert.equal(r.accounts[0]?.spns.length, 22);
    assert.ok(r.accounts[0]?.spns.includes('ldap/WIN-JP12TQDPP2D.dc.luc4s/dc.luc4s'));
    assert.deepEqual(r.accounts[1], {
      dn: 'CN=svc_sql,CN=Users,DC=dc,DC=luc4s',
      spns: ['MSSQLSvc/dc-luc4s.dc.luc4s:1433', 'MSSQLSvc/dc.lab.local:1433'],
    });
    assert.match(messages(out), /column 0 read as part of the account above/);
  });

  it('a translated verdict with no holder is "not found" only after a checking line', () => {
    const none = valueOf(parseSetspnQuery('正在检查域 DC=contoso,DC=test\n\n找不到这样的 SPN。\n'));
    assert.equal(none.found, false);
    assert.deepEqual(none.accounts, []);
    assert.equal(parseSetspnQuery('SPN\n').recognised, false);
  });

  it('the Chinese answer about an Exchange-style SPN gives the same finding as the English one', () => {
    const zh =
      '正在检查域 DC=contoso,DC=test\nCN=EX01,CN=Computers,DC=contoso,DC=test\n\tSMTPSVC/ex01.contoso.test\n\n发现存在 SPN!\n';
    const en = zh.replace('正在检查域', 'Checking domain').replace('发现存在 SPN!', 'Existing SPN found!');
    const codes = (raw: string): string[] =>
      setspnQueryFindings('SMTPSVC/ex01.contoso.test', raw, 0, ctx()).map((f) => `${f.code}:${f.severity}`);
    assert.deepEqual(codes(zh), codes(en));
    assert.ok(!codes(zh).some((c) => c.startsWith('spn.query-failed')));
  });
});

describe('setspn -S, verbatim in German and Chinese', () => {
  it('German: the quoted domain without its quotes, the DN inside the sentence, the SPN, registered', () => {
    const out = parseSetspnAdd(sample('setspn-S-de-verbatim.txt'));
    assert.deepEqual(valueOf(out), {
      scope: 'domain',
      checked: ['DC=pwnable,DC=net'],
      kind: 'registered',
      accountDn: 'CN=honeysvc,CN=Users,DC=pwnable,DC=net',
      spns: ['http/honeysvc.pwnable.net'],
    });
    assert.match(messages(out), /not in English/);
    assert.doesNotMatch(messages(out), /not understood/);
  });

  it('Chinese: the DN between "为" and "注册", registered, and an ok finding naming that account', () => {
    const raw = sample('setspn-S-zh-cn-verbatim.txt');
    assert.deepEqual(valueOf(parseSetspnAdd(raw)), {
      scope: 'domain',
      checked: ['DC=sectest,DC=com'],
      kind: 'registered',
      accountDn: 'CN=mssql,CN=Users,DC=sectest,DC=com',
      spns: ['MSSQLSvc/sqlserver.sectest.com'],
    });
    const [f] = setspnAddFindings('MSSQLSvc/sqlserver.sectest.com', raw, 0, ctx());
    assert.equal(f?.code, 'spn.registered-now');
    assert.equal(f?.params?.['account'], 'CN=mssql,CN=Users,DC=sectest,DC=com');
  });

  it('without the closing line the change stays unconfirmed, in any language', () => {
    const cut = sample('setspn-S-de-verbatim.txt').replace('Aktualisiertes Objekt\n', '');
    assert.equal(valueOf(parseSetspnAdd(cut)).kind, 'unconfirmed');
  });

  it('holders listed without a "registering" sentence are a duplicate, whatever the language', () => {
    const r = valueOf(
      parseSetspnAdd(
        'Die Domäne "DC=contoso,DC=test" wird überprüft.\nCN=EX02,CN=Computers,DC=contoso,DC=test\n\tSMTPSVC/ex01.contoso.test\n\nDoppelter SPN gefunden, Vorgang wird abgebrochen!\n',
      ),
    );
    assert.equal(r.kind, 'duplicate');
    if (r.kind === 'duplicate') assert.deepEqual(r.conflicts[0]?.dn, 'CN=EX02,CN=Computers,DC=contoso,DC=test');
  });
});
