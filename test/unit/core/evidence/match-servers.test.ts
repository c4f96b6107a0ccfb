import { strict as assert } from 'node:assert';
import type { DiscoveryResult } from '../../../../src/core/directory/model';
import { knownServers, matchServer } from '../../../../src/core/evidence/match-servers';

const discovery = {
  discoveredAt: '2026-11-22T10:00:00Z',
  source: 'ldaps://dc1.contoso.com',
  rootDse: {
    defaultNamingContext: 'DC=contoso,DC=com',
    configurationNamingContext: 'CN=Configuration,DC=contoso,DC=com',
  },
  servers: [
    { name: 'EX01', fqdn: 'EX01.contoso.com', dn: 'CN=EX01', roles: [], receiveConnectors: [] },
    {
      name: 'EX02',
      dn: 'CN=EX02',
      roles: [],
      receiveConnectors: [],
      computer: { dn: 'CN=EX02', samAccountName: 'EX02$', dnsHostName: 'ex02.contoso.com', servicePrincipalNames: [] },
    },
  ],
  domainControllers: [],
  warnings: [],
} as DiscoveryResult;

describe('evidence: hosts in evidence to discovered servers', () => {
  const servers = knownServers(
    discovery,
    new Map([
      ['ex01.contoso.com', ['10.0.0.11']],
      ['ex02.contoso.com', ['10.0.0.12', 'fe80::12']],
    ]),
  );

  it('matches short names, FQDNs (any case, trailing dot) and addresses', () => {
    assert.deepEqual(matchServer(servers, { name: 'ex01' }), { name: 'EX01', fqdn: 'ex01.contoso.com' });
    assert.equal(matchServer(servers, { name: 'EX02.CONTOSO.COM.' })?.name, 'EX02');
    assert.equal(matchServer(servers, { ip: '10.0.0.12', port: 2525 })?.name, 'EX02');
    assert.equal(matchServer(servers, { ip: 'fe80::12' })?.name, 'EX02');
  });

  it('answers null for hosts that are not discovered Exchange servers', () => {
    assert.equal(matchServer(servers, { name: 'mail.fabrikam.com' }), null);
    assert.equal(matchServer(servers, { ip: '10.0.0.99' }), null);
    assert.equal(matchServer(servers, {}), null);
    assert.deepEqual(knownServers(undefined, new Map()), []);
  });
});
