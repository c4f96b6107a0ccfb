import { strict as assert } from 'node:assert';
import { compareSpns, expectedSpns, serverHostNames } from '../../../../../src/core/steps/3-spns/expected-spns';
import type { ExchangeServer } from '../../../../../src/core/directory/model';

function server(overrides: Partial<ExchangeServer> = {}): ExchangeServer {
  return {
    name: 'EX01',
    dn: 'CN=EX01,CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=test',
    fqdn: 'ex01.contoso.test',
    roles: [],
    receiveConnectors: [],
    computer: {
      dn: 'CN=EX01,CN=Computers,DC=contoso,DC=test',
      samAccountName: 'EX01$',
      dnsHostName: 'ex01.contoso.test',
      servicePrincipalNames: [],
    },
    ...overrides,
  };
}

describe('expected SMTP SPNs', () => {
  it('are SMTP and SMTPSVC for the short name and the FQDN', () => {
    assert.deepEqual(
      expectedSpns(server()).map((e) => e.spn),
      ['SMTP/EX01', 'SMTP/ex01.contoso.test', 'SMTPSVC/EX01', 'SMTPSVC/ex01.contoso.test'],
    );
  });

  it('name the FQDN Exchange registered (the one senders use), not a differing dNSHostName', () => {
    const s = server({ fqdn: 'mail01.contoso.test' });
    assert.deepEqual(serverHostNames(s), { short: 'EX01', fqdns: ['mail01.contoso.test'] });
    assert.deepEqual(
      expectedSpns(s).map((e) => e.spn),
      ['SMTP/EX01', 'SMTP/mail01.contoso.test', 'SMTPSVC/EX01', 'SMTPSVC/mail01.contoso.test'],
    );
  });

  it('fall back to the networkAddress FQDN when the computer account is unknown, and drop a trailing dot', () => {
    const s = server({ computer: undefined, fqdn: 'ex01.contoso.test.' });
    assert.deepEqual(serverHostNames(s).fqdns, ['ex01.contoso.test']);
  });

  it('compare case-insensitively and report what is missing and what is unexpected', () => {
    const cmp = compareSpns(expectedSpns(server()), [
      'smtp/ex01',
      'SMTPSVC/EX01.CONTOSO.TEST',
      'HOST/EX01',
      'SMTPSVC/oldname.contoso.test',
    ]);
    assert.deepEqual(
      cmp.missing.map((m) => m.spn),
      ['SMTP/ex01.contoso.test', 'SMTPSVC/EX01'],
    );
    assert.deepEqual(
      cmp.present.map((p) => p.registered),
      ['smtp/ex01', 'SMTPSVC/EX01.CONTOSO.TEST'],
    );
    assert.deepEqual(cmp.unexpectedSmtp, ['SMTPSVC/oldname.contoso.test']);
  });
});
