import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseSetspnDuplicates, parseSetspnList, parseSetspnQuery } from '../../../../../src/core/steps/3-spns/setspn';
import { parseSetspnAdd } from '../../../../../src/core/steps/3-spns/setspn-add';
import {
  formatSetspnDuplicates,
  formatSetspnList,
  formatSetspnQuery,
} from '../../../../../src/core/steps/3-spns/setspn-format';
import { fixture, valueOf } from '../../parsers/fixture';

describe('parseSetspnList (setspn -L)', () => {
  it('reads the account DN and every SPN of a CRLF sample, tab-indented', () => {
    const r = valueOf(parseSetspnList(fixture('setspn-L-ex01.txt')));
    assert.equal(r.kind, 'list');
    if (r.kind !== 'list') return;
    assert.equal(r.accountDn, 'CN=EX01,CN=Computers,DC=contoso,DC=test');
    assert.equal(r.spns.length, 10);
    assert.deepEqual(r.spns.slice(0, 4), [
      'SMTPSVC/ex01.contoso.test',
      'SMTPSVC/EX01',
      'SMTP/ex01.contoso.test',
      'SMTP/EX01',
    ]);
  });

  it('reads a space-indented public sample and an account with no SPN', () => {
    const a = valueOf(parseSetspnList(fixture('setspn-L-user-account.txt')));
    assert.deepEqual(a, {
      kind: 'list',
      accountDn: 'CN=denodo_server_prod,CN=Users,DC=contoso,DC=com',
      spns: ['HTTP/denodo-dv-prod.contoso.com', 'HTTP/denodo-dv-prod'],
    });
    const b = valueOf(parseSetspnList(fixture('setspn-L-empty.txt')));
    assert.deepEqual(b, { kind: 'list', accountDn: 'CN=SERVICE ACCOUNT NAME,CN=Users,DC=domain,DC=com', spns: [] });
  });

  it('turns "Could not find account" into an account-not-found error with the lookup code', () => {
    const r = valueOf(parseSetspnList(fixture('setspn-L-not-found.txt')));
    assert.deepEqual(r, {
      kind: 'error',
      error: { kind: 'account-not-found', account: 'EX03', message: 'Could not find account EX03', code: 0x525 },
    });
  });

  it('parses terminal output with shell-integration marks and ConPTY cursor moves like clean output', () => {
    const r = valueOf(parseSetspnList(fixture('terminal-pwsh-setspn-L.txt')));
    assert.deepEqual(r, {
      kind: 'list',
      accountDn: 'CN=EX01,CN=Computers,DC=contoso,DC=test',
      spns: ['SMTPSVC/ex01.contoso.test', 'SMTPSVC/EX01', 'SMTP/ex01.contoso.test', 'SMTP/EX01'],
    });
  });

  it('reads a localised header by its layout and says so', () => {
    const out = parseSetspnList(
      'Registrierte Dienstprinzipalnamen für CN=EX01,CN=Computers,DC=contoso,DC=test:\n\tSMTP/EX01\n',
    );
    assert.deepEqual(valueOf(out), {
      kind: 'list',
      accountDn: 'CN=EX01,CN=Computers,DC=contoso,DC=test',
      spns: ['SMTP/EX01'],
    });
    assert.match(out.problems[0]?.message ?? '', /not in English/);
    const layout = valueOf(parseSetspnList('CN=EX01,CN=Computers,DC=contoso,DC=test:\n\tSMTP/EX01\n'));
    assert.deepEqual(layout, {
      kind: 'list',
      accountDn: 'CN=EX01,CN=Computers,DC=contoso,DC=test',
      spns: ['SMTP/EX01'],
    });
  });

  it('says unrecognised for empty or foreign text', () => {
    assert.equal(parseSetspnList('').recognised, false);
    assert.equal(parseSetspnList('Access is denied.\r\n').recognised, false);
  });
});

describe('parseSetspnDuplicates (setspn -X)', () => {
  it('reads "found 0 group" in domain and forest scope', () => {
    assert.deepEqual(valueOf(parseSetspnDuplicates(fixture('setspn-X-none.txt'))), {
      scope: 'domain',
      checked: ['DC=company,DC=com'],
      groups: [],
      complete: true,
      reportedGroupCount: 0,
    });
    const forest = valueOf(parseSetspnDuplicates(fixture('setspn-X-forest-none.txt')));
    assert.equal(forest.scope, 'forest');
    assert.equal(forest.reportedGroupCount, 0);
  });

  it('reads groups of duplicates with their account DNs', () => {
    const outcome = parseSetspnDuplicates(fixture('setspn-X-duplicates.txt'));
    const r = valueOf(outcome);
    assert.equal(r.reportedGroupCount, 2);
    assert.deepEqual(r.groups[0], {
      spn: 'SMTPSVC/ex01.contoso.test',
      accountDns: ['CN=EX01,CN=Computers,DC=contoso,DC=test', 'CN=EX02,CN=Computers,DC=contoso,DC=test'],
    });
    assert.equal(r.groups[1]?.accountDns[1], 'CN=svc-smtp,OU=Service Accounts,DC=contoso,DC=test');
    assert.deepEqual(outcome.problems, []);
  });

  it('flags output that stops before the closing line as incomplete', () => {
    const outcome = parseSetspnDuplicates(fixture('setspn-X-forest-cut-short.txt'));
    const r = valueOf(outcome);
    assert.equal(r.complete, false);
    assert.equal(r.groups.length, 1);
    assert.match(outcome.problems.map((p) => p.message).join('\n'), /ends before/);
  });

  it('notices when the count disagrees with the groups listed', () => {
    const text =
      'Checking domain DC=a,DC=b\nHTTP/x is registered on these accounts:\n\tCN=A,DC=a,DC=b\n\tCN=B,DC=a,DC=b\n\nfound 3 group of duplicate SPNs.\n';
    const outcome = parseSetspnDuplicates(text);
    assert.match(outcome.problems.map((p) => p.message).join('\n'), /reported 3 group\(s\) but 1 were listed/);
  });
});

describe('parseSetspnQuery (setspn -Q)', () => {
  it('reads found accounts with all their SPNs', () => {
    const r = valueOf(parseSetspnQuery(fixture('setspn-Q-ex01-smtpsvc.txt')));
    assert.equal(r.found, true);
    assert.equal(r.accounts.length, 1);
    assert.equal(r.accounts[0]?.dn, 'CN=EX01,CN=Computers,DC=contoso,DC=test');
    assert.equal(r.accounts[0]?.spns.length, 6);
    const pub = valueOf(parseSetspnQuery(fixture('setspn-Q-found.txt')));
    assert.deepEqual(pub.accounts, [
      { dn: 'CN=File Services,OU=Service Accounts,DC=northwind,DC=example', spns: ['cifs/fs-01.northwind.example'] },
    ]);
  });

  it('reads "No such SPN found."', () => {
    assert.deepEqual(valueOf(parseSetspnQuery(fixture('setspn-Q-not-found.txt'))), {
      scope: 'domain',
      checked: ['DC=jlg,DC=local'],
      accounts: [],
      found: false,
    });
  });
});

describe('parseSetspnAdd (setspn -S)', () => {
  it('reads a registration confirmed by "Updated object"', () => {
    assert.deepEqual(valueOf(parseSetspnAdd(fixture('setspn-S-registered.txt'))), {
      scope: 'domain',
      checked: ['DC=contoso,DC=test'],
      kind: 'registered',
      accountDn: 'CN=EX02,CN=Computers,DC=contoso,DC=test',
      spns: ['SMTPSVC/ex02.contoso.test'],
    });
  });

  it('reads a refusal with the account that already holds the SPN', () => {
    const r = valueOf(parseSetspnAdd(fixture('setspn-S-duplicate.txt')));
    assert.equal(r.kind, 'duplicate');
    if (r.kind === 'duplicate') assert.equal(r.conflicts[0]?.dn, 'CN=EX01,CN=Computers,DC=contoso,DC=test');
  });

  it('reads an access-denied failure with its code', () => {
    const r = valueOf(parseSetspnAdd(fixture('setspn-S-access-denied.txt')));
    assert.equal(r.kind, 'error');
    if (r.kind === 'error') {
      assert.equal(r.error.kind, 'access-denied');
      assert.equal(r.error.code, 0x2098);
      assert.equal(r.error.message, 'Insufficient access rights to perform the operation.');
    }
  });

  it('does not call a registration done without "Updated object"', () => {
    const r = valueOf(
      parseSetspnAdd('Registering ServicePrincipalNames for CN=EX02,CN=Computers,DC=c,DC=t\n\tSMTP/EX02\n'),
    );
    assert.equal(r.kind, 'unconfirmed');
  });
});

describe('SetSPN formatters round-trip through the parsers', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,20}[A-Za-z0-9]$/);
  const dn = fc
    .array(word, { minLength: 1, maxLength: 4 })
    .map((parts) => [`CN=${parts[0] ?? 'x'}`, ...parts.slice(1).map((p) => `DC=${p.replace(/ /g, '')}`)].join(','));
  const spn = fc
    .tuple(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/),
      fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,30}[a-z0-9]$/),
      fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    )
    .map(([svc, host, port]) => `${svc}/${host}${port ? `:${port}` : ''}`);
  const eol = fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n');

  it('formatSetspnList -> parseSetspnList', () => {
    fc.assert(
      fc.property(dn, fc.array(spn, { maxLength: 12 }), eol, (accountDn, spns, e) => {
        const out = parseSetspnList(formatSetspnList(accountDn, spns, { eol: e }));
        assert.deepEqual(valueOf(out), { kind: 'list', accountDn, spns });
        assert.deepEqual(out.problems, []);
      }),
      { numRuns: 500 },
    );
  });

  it('formatSetspnDuplicates -> parseSetspnDuplicates', () => {
    const group = fc.record({ spn, accountDns: fc.array(dn, { minLength: 2, maxLength: 4 }) }).map((g) => ({ ...g }));
    fc.assert(
      fc.property(
        dn,
        fc.array(group, { maxLength: 6 }),
        fc.constantFrom<'domain' | 'forest'>('domain', 'forest'),
        (domainDn, groups, scope) => {
          const out = parseSetspnDuplicates(formatSetspnDuplicates(domainDn, groups, { scope }));
          assert.deepEqual(valueOf(out), {
            scope,
            checked: [domainDn],
            groups,
            complete: true,
            reportedGroupCount: groups.length,
          });
          assert.deepEqual(out.problems, []);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('formatSetspnQuery -> parseSetspnQuery', () => {
    const account = fc.record({ dn, spns: fc.array(spn, { minLength: 1, maxLength: 5 }) }).map((a) => ({ ...a }));
    fc.assert(
      fc.property(dn, fc.array(account, { maxLength: 4 }), (domainDn, accounts) => {
        const out = parseSetspnQuery(formatSetspnQuery(domainDn, accounts));
        assert.deepEqual(valueOf(out), { scope: 'domain', checked: [domainDn], accounts, found: accounts.length > 0 });
      }),
      { numRuns: 500 },
    );
  });

  it('prints control characters from the directory as visible escapes', () => {
    const text = formatSetspnList('CN=EX01\u001b]0;owned\u0007,DC=c', ['SMTP/EX01\nrm -rf /']);
    assert.ok(!text.includes('\u001b') && !text.includes('\u0007'));
    assert.equal(text.split('\n').length, 3);
    assert.match(text, /\\x1B\]0;owned\\x07/);
  });
});
