import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { changeLdif, dnsOf, entryLdif, ldifLine, unicodePwd } from '../../../test/lab/ldif';
import { hostsBlock, withBlock, withoutBlock } from '../../../test/lab/hosts';
import { exportLines, shellQuote } from '../../../test/lab/env';
import { tuneSmbConf } from '../../../test/lab/samba';
import { DC1, DC2 } from '../../../test/lab/layout';
import { labServers } from '../../../test/lab/model';

describe('lab: text formats', () => {
  it('writes LDIF values base64 when plain text cannot carry them', () => {
    assert.equal(ldifLine('cn', 'EX01'), 'cn: EX01');
    assert.equal(
      ldifLine('description', ' leading space'),
      `description:: ${Buffer.from(' leading space').toString('base64')}`,
    );
    assert.equal(ldifLine('cn', 'Zoë'), `cn:: ${Buffer.from('Zoë').toString('base64')}`);
    assert.equal(unicodePwd('a').toString('utf16le'), '"a"');
    const add = entryLdif({
      dn: 'CN=Default EX01,CN=x',
      attributes: [['objectClass', ['top', 'msExchSmtpReceiveConnector']]],
    });
    assert.equal(add, 'dn: CN=Default EX01,CN=x\nobjectClass: top\nobjectClass: msExchSmtpReceiveConnector\n\n');
    assert.equal(
      changeLdif({
        dn: 'CN=EX02,CN=Computers',
        op: 'delete',
        attribute: 'servicePrincipalName',
        values: ['SMTPSVC/ex02'],
      }),
      'dn: CN=EX02,CN=Computers\nchangetype: modify\ndelete: servicePrincipalName\nservicePrincipalName: SMTPSVC/ex02\n-\n\n',
    );
    assert.deepEqual(dnsOf(`${add}dn:: ${Buffer.from('CN=Zoë').toString('base64')}\n`), [
      'CN=Default EX01,CN=x',
      'CN=Zoë',
    ]);
  });

  it('replaces its /etc/hosts block as a whole and removes it without touching other lines', () => {
    const original = '127.0.0.1 localhost\n::1 ip6-localhost\n';
    const block = hostsBlock([DC1, DC2], labServers(2));
    const once = withBlock(original, block);
    assert.equal(withBlock(once, block), once, 'idempotent');
    assert.match(once, /^127\.0\.0\.12\tex02\.contoso\.test$/m);
    assert.equal(withoutBlock(once), original);
    assert.equal(
      withoutBlock(`${original}# BEGIN exchange-auth-doctor lab\n127.0.0.11 ex01\n`),
      original,
      'a block cut short is removed too',
    );
  });

  it('prints export lines a POSIX shell reads back exactly', () => {
    const value = `it's "quoted" $HOME \`x\``;
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
    const r = spawnSync('sh', ['-c', `${exportLines({ EAD_X: value })}; printf %s "$EAD_X"`], { encoding: 'utf8' });
    assert.equal(r.stdout, value);
  });

  it('tunes smb.conf idempotently, replacing settings samba-tool wrote', () => {
    const conf =
      '# Global parameters\n[global]\n\tserver services = s3fs, rpc, nbt, dns\n\tlog file = /var/log/samba/log.%m\n\n[sysvol]\n\tpath = /x\n';
    const once = tuneSmbConf(conf, '/lab/dc1', { key: 'k', cert: 'c', ca: 'a' });
    assert.equal(tuneSmbConf(once, '/lab/dc1', { key: 'k', cert: 'c', ca: 'a' }), once);
    assert.match(once, /\tpid directory = \/lab\/dc1\/run\n/);
    assert.equal((once.match(/server services/g) ?? []).length, 1);
    assert.ok(!once.includes('/var/log/samba'));
    assert.match(once, /\[sysvol\]\n\tpath = \/x/);
  });
});
