import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExchangeServer } from '../../../../src/core/directory/model';
import { server as engineServer } from '../engine/fixtures';
import type { ToolContext } from '../../../../src/core/tools/tool-output';

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../../../fixtures/windows', name), 'utf8');
}

export function server(name: string, spns: string[], fqdn = `${name.toLowerCase()}.contoso.test`): ExchangeServer {
  const s = engineServer(name, fqdn);
  return { ...s, computer: { ...s.computer!, servicePrincipalNames: spns } };
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
