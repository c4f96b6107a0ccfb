/** Computer accounts of the Exchange servers: DNS name, SPNs, and the change stamps replication compares. */
import { getAttr, getFirst, type DirectoryEntry } from '../io';
import type { ComputerAccount } from './model';
import { escapeFilterValue } from './ldap-text';
import { collect, type SearchContext } from './search';

const COMPUTER_ATTRIBUTES = ['sAMAccountName', 'dNSHostName', 'servicePrincipalName', 'uSNChanged', 'whenChanged'];
/** Names per OR filter, so a large organisation does not build one huge filter. */
const BATCH = 40;

export function computerFilter(names: readonly string[]): string {
  const terms = names.map((n) => `(sAMAccountName=${escapeFilterValue(`${n}$`)})`).join('');
  return `(&(objectCategory=computer)(|${terms}))`;
}

export function parseComputer(entry: DirectoryEntry): ComputerAccount {
  const account: ComputerAccount = {
    dn: entry.dn,
    samAccountName: getFirst(entry, 'sAMAccountName') ?? '',
    servicePrincipalNames: getAttr(entry, 'servicePrincipalName'),
  };
  const dns = getFirst(entry, 'dNSHostName');
  if (dns) account.dnsHostName = dns.toLowerCase();
  const usn = getFirst(entry, 'uSNChanged');
  if (usn) account.uSNChanged = usn;
  const when = getFirst(entry, 'whenChanged');
  if (when) account.whenChanged = when;
  return account;
}

/** Returns accounts keyed by upper-case short name (`EX01`). */
export async function readComputerAccounts(
  ctx: SearchContext,
  defaultNamingContext: string,
  names: readonly string[],
): Promise<Map<string, ComputerAccount>> {
  const found = new Map<string, ComputerAccount>();
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = names.slice(i, i + BATCH);
    const entries = await collect(ctx, {
      base: defaultNamingContext,
      scope: 'sub',
      filter: computerFilter(batch),
      attributes: COMPUTER_ATTRIBUTES,
    });
    for (const e of entries) {
      const account = parseComputer(e);
      found.set(account.samAccountName.replace(/\$$/, '').toUpperCase(), account);
    }
  }
  return found;
}
