import { strict as assert } from 'node:assert';
import { parseExchangeVersion } from '../../../../src/core/directory/version';
import {
  escapeFilterValue,
  parentDn,
  parseGeneralizedTime,
  rdnValue,
  splitDn,
} from '../../../../src/core/directory/ldap-text';
import { fqdnFromNetworkAddress } from '../../../../src/core/directory/exchange';
import { mergeDomainControllers, siteOfServerDn } from '../../../../src/core/directory/domain-controllers';

describe('parseExchangeVersion', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['Version 15.2 (Build 1118.7)', '15.2.1118.7', 'Exchange Server 2019'],
    ['Version 15.2 (Build 2562.17)', '15.2.2562.17', 'Exchange Server Subscription Edition'],
    ['Version 15.1 (Build 2507.6)', '15.1.2507.6', 'Exchange Server 2016'],
    ['Version 15.0 (Build 1497.2)', '15.0.1497.2', 'Exchange Server 2013'],
    ['Version 14.3 (Build 123.4)', '14.3.123.4', 'Exchange Server 2010'],
    ['Version 8.3 (Build 83.6)', '8.3.83.6', 'Exchange Server 2007'],
    ['  version 15.2(build 986.5) ', '15.2.986.5', 'Exchange Server 2019'],
    ['Version 15.1', '15.1', 'Exchange Server 2016'],
    ['15.2.1118.7', '15.2.1118.7', 'Exchange Server 2019'],
    ['Version 6.5 (Build 7638.2)', '6.5.7638.2', undefined],
  ];
  for (const [text, version, product] of cases) {
    it(`reads "${text}"`, () => {
      const v = parseExchangeVersion(text);
      assert.equal(v?.version, version);
      assert.equal(v?.product, product);
    });
  }
  it('returns undefined for text without a version', () => {
    assert.equal(parseExchangeVersion('unknown'), undefined);
    assert.equal(parseExchangeVersion(undefined), undefined);
  });
});

describe('LDAP text helpers', () => {
  it('parses GeneralizedTime with and without fraction and offset', () => {
    assert.equal(parseGeneralizedTime('20261122134747.0Z'), '2026-11-22T13:47:47.000Z');
    assert.equal(parseGeneralizedTime('20261122134747Z'), '2026-11-22T13:47:47.000Z');
    assert.equal(parseGeneralizedTime('20261122134747.25Z'), '2026-11-22T13:47:47.250Z');
    assert.equal(parseGeneralizedTime('20261122144747.0+0100'), '2026-11-22T13:47:47.000Z');
    assert.equal(parseGeneralizedTime('20261322134747.0Z'), undefined);
    assert.equal(parseGeneralizedTime('yesterday'), undefined);
  });
  it('escapes filter values', () => {
    assert.equal(escapeFilterValue('EX01$'), 'EX01$');
    assert.equal(escapeFilterValue('a*b(c)\\d'), 'a\\2ab\\28c\\29\\5cd');
  });
  it('splits DNs honouring escapes', () => {
    assert.deepEqual(splitDn('CN=Smith\\, John,OU=People,DC=x'), ['CN=Smith\\, John', 'OU=People', 'DC=x']);
    assert.equal(rdnValue('CN=Smith\\, John,OU=People,DC=x'), 'Smith, John');
    assert.equal(parentDn('CN=EX01,CN=Servers,DC=x'), 'CN=Servers,DC=x');
  });
  it('takes the FQDN from the ncacn_ip_tcp network address', () => {
    assert.equal(fqdnFromNetworkAddress(['netbios:EX01', 'ncacn_ip_tcp:EX01.Contoso.test']), 'ex01.contoso.test');
    assert.equal(fqdnFromNetworkAddress(['netbios:EX01']), undefined);
  });
  it('reads the site from a server object DN', () => {
    assert.equal(siteOfServerDn('CN=DC1,CN=Servers,CN=Branch-1,CN=Sites,CN=Configuration,DC=x'), 'Branch-1');
    assert.equal(siteOfServerDn('CN=DC1,OU=Domain Controllers,DC=x'), undefined);
  });
  it('merges DC lists preferring Sites and filling a missing FQDN', () => {
    const merged = mergeDomainControllers(
      [{ name: 'DC1', dn: 'CN=DC1,CN=Servers,...', site: 'S', source: 'sites' }],
      [
        { name: 'DC1', dn: 'CN=DC1,OU=Domain Controllers', fqdn: 'dc1.x', source: 'ou' },
        { name: 'DC0', dn: 'CN=DC0,OU=Domain Controllers', source: 'ou' },
      ],
    );
    assert.deepEqual(
      merged.map((d) => [d.name, d.fqdn, d.source]),
      [
        ['DC0', undefined, 'ou'],
        ['DC1', 'dc1.x', 'sites'],
      ],
    );
  });
});
