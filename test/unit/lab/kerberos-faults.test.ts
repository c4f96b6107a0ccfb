/**
 * The lab's Kerberos faults of issue 12 as LDIF changes (pure): a new computer password that is
 * never the same twice and never the lab's known one, attributes on a DC's own account, a second
 * computer claiming a host name, and a second site pointed at by an Exchange server.
 */
import { strict as assert } from 'node:assert';
import { faultChanges, siteDn } from '../../../test/lab/directory-faults';
import { changesLdif } from '../../../test/lab/ldif';
import { SCENARIOS } from '../../../test/lab/scenarios';
import { COMPUTER_ENCTYPES } from '../../../test/lab/directory-data';

describe('lab: Kerberos faults (issue 12)', () => {
  it('changes a computer password to a fresh value each time, through the modules (new keys, new key version)', () => {
    const a = faultChanges({ kind: 'computer-password', server: 'EX02' });
    const b = faultChanges({ kind: 'computer-password', server: 'EX02' });
    assert.equal(a.backend.length, 0);
    const first = a.modules[0];
    assert.ok(first && first.op === 'replace' && first.attribute === 'unicodePwd');
    assert.match(first.dn, /^CN=EX02,CN=Computers,/);
    assert.notEqual(changesLdif(a.modules), changesLdif(b.modules));
  });

  it("writes a DC's attribute on its account under OU=Domain Controllers, a server's under CN=Computers", () => {
    const dc = faultChanges({ kind: 'account-attribute', account: 'DC1', attribute: 'x', values: ['1'] }).modules[0];
    const ex = faultChanges({ kind: 'account-attribute', account: 'EX02', attribute: 'x', values: ['1'] }).modules[0];
    assert.match(dc?.dn ?? '', /^CN=DC1,OU=Domain Controllers,DC=contoso,DC=test$/);
    assert.match(ex?.dn ?? '', /^CN=EX02,CN=Computers,DC=contoso,DC=test$/);
  });

  it('adds a site with its Servers container and points the Exchange server at it', () => {
    const c = faultChanges({ kind: 'site', site: 'Branch-Site', dcs: ['DC2'], servers: ['EX02'] }).modules;
    const text = changesLdif(c);
    assert.match(
      text,
      /dn: CN=Branch-Site,CN=Sites,CN=Configuration,DC=contoso,DC=test\nchangetype: add\nobjectClass: site/,
    );
    assert.match(text, /dn: CN=Servers,CN=Branch-Site,.*\nchangetype: add\nobjectClass: serversContainer/);
    assert.ok(text.includes(`msExchServerSite: ${siteDn('Branch-Site')}`));
  });

  it('gives every Exchange computer AES (RC4, AES128, AES256 = 28, as Windows writes it) and the scenarios their one difference', () => {
    assert.equal(COMPUTER_ENCTYPES, '28');
    const rc4 = SCENARIOS['rc4-only'];
    assert.ok(rc4?.directory.some((f) => f.kind === 'account-attribute' && f.values[0] === '4'));
    assert.match(rc4?.dcOptions?.['kdc supported enctypes'] ?? '', /^aes128\S* aes256\S*$/);
    assert.deepEqual(SCENARIOS['no-kdc-in-site']?.servicesOff, { DC2: ['kdc'] });
  });
});
