import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExchangeServer } from '../../../src/core/directory/model';
import type { ToolContext } from '../../../src/extension/terminal/tool-findings-common';

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../../fixtures/windows', name), 'utf8');
}

export function server(name: string, spns: string[], fqdn = `${name.toLowerCase()}.contoso.test`): ExchangeServer {
  return {
    name,
    fqdn,
    dn: `CN=${name},CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=test`,
    roles: ['Mailbox'],
    receiveConnectors: [],
    computer: {
      dn: `CN=${name},CN=Computers,DC=contoso,DC=test`,
      samAccountName: `${name}$`,
      dnsHostName: fqdn,
      servicePrincipalNames: spns,
    },
  };
}

export const FULL_SPNS = (name: string): string[] => {
  const f = `${name.toLowerCase()}.contoso.test`;
  return [`SMTPSVC/${f}`, `SMTPSVC/${name}`, `SMTP/${f}`, `SMTP/${name}`];
};

export function ctx(extra: Partial<ToolContext> = {}): ToolContext {
  return {
    commandLine: 'setspn -L EX01',
    observedAt: '2026-11-22T13:47:48.000Z',
    clockToleranceMs: 300_000,
    clockWarningMs: 60_000,
    ...extra,
  };
}
