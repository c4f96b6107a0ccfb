import { strict as assert } from 'node:assert';
import { ldapsearchArgs } from '../../../src/io/ldapsearch-args';
import type { DirectorySearch, DirectoryTarget } from '../../../src/core/io';

const plain: DirectoryTarget = { host: 'dc1.contoso.test', port: 389, security: 'ldap' };
const search: DirectorySearch = {
  base: 'CN=Configuration,DC=contoso,DC=test',
  scope: 'sub',
  filter: '(objectClass=msExchExchangeServer)',
  attributes: ['cn', 'networkAddress'],
  pageSize: 500,
};

describe('ldapsearchArgs', () => {
  it('seals plain LDAP, pages, and puts the filter after "--"', () => {
    assert.deepEqual(ldapsearchArgs(plain, search, 10_000), [
      '-LLL',
      '-o',
      'ldif-wrap=no',
      '-N',
      '-Y',
      'GSSAPI',
      '-H',
      'ldap://dc1.contoso.test:389',
      '-O',
      'minssf=56',
      '-o',
      'nettimeout=10',
      '-l',
      '10',
      '-b',
      'CN=Configuration,DC=contoso,DC=test',
      '-s',
      'sub',
      '-E',
      'pr=500/noprompt',
      '--',
      '(objectClass=msExchExchangeServer)',
      'cn',
      'networkAddress',
    ]);
  });

  it('asks for no SASL layer inside LDAPS, does not page a base read, and passes a size limit', () => {
    const args = ldapsearchArgs(
      { host: 'dc1.contoso.test', port: 636, security: 'ldaps' },
      { base: '', scope: 'base', filter: '(objectClass=*)', attributes: [], sizeLimit: 5 },
      1500,
    );
    assert.ok(args.includes('ldaps://dc1.contoso.test:636'));
    assert.equal(args[args.indexOf('-O') + 1], 'maxssf=0');
    assert.equal(args[args.indexOf('-l') + 1], '2');
    assert.equal(args[args.indexOf('-z') + 1], '5');
    assert.ok(!args.includes('-E'));
    assert.deepEqual(args.slice(-2), ['(objectClass=*)', '*']);
  });

  it('refuses StartTLS, option-like attribute names, bare filters and control characters', () => {
    assert.throws(() => ldapsearchArgs({ ...plain, security: 'starttls' }, search, 1000), /not StartTLS/);
    assert.throws(() => ldapsearchArgs(plain, { ...search, attributes: ['-H'] }, 1000), /attribute name "-H"/);
    assert.throws(() => ldapsearchArgs(plain, { ...search, filter: 'cn=x' }, 1000), /parenthesised/);
    assert.throws(() => ldapsearchArgs(plain, { ...search, base: 'CN=a\nb' }, 1000), /control characters/);
  });
});
