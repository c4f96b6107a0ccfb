/**
 * `exchange-auth-doctor setspn -L/-X/-Q`: setspn's views computed over LDAP and printed in its own
 * layout by the parsers engineer's formatters, so a macOS or Linux admin reads the familiar output
 * (and the setspn parsers read it back).
 */
import type { DirectorySession } from '../../io';
import { getAttr, getFirst } from '../../io';
import { escapeFilterValue } from '../../directory/ldap-text';
import { entrySpns, scanAllDuplicateSpns } from './duplicates';
import { formatSetspnDuplicates, formatSetspnList, formatSetspnQuery } from './setspn-format';
import { type SetspnAccount } from './setspn-common';

/** Which setspn form to answer: `-L account`, `-X`, or `-Q spn`. */
export type SetspnMode = { mode: 'list'; account: string } | { mode: 'duplicates' } | { mode: 'query'; spn: string };

export interface SetspnRun {
  /** Session on the domain partition (for -L and the domain DN). */
  domain: DirectorySession;
  /** Session on the global catalog, or the domain session again when the GC is closed. */
  forest: DirectorySession;
  forestIsGc: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface SetspnOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

async function namingContexts(run: SetspnRun): Promise<{ domainDn: string; forestDn: string }> {
  for await (const e of run.domain.search(
    {
      base: '',
      scope: 'base',
      filter: '(objectClass=*)',
      attributes: ['defaultNamingContext', 'rootDomainNamingContext'],
    },
    { timeoutMs: run.timeoutMs, ...(run.signal ? { signal: run.signal } : {}) },
  )) {
    const domainDn = getFirst(e, 'defaultNamingContext') ?? '';
    return { domainDn, forestDn: getFirst(e, 'rootDomainNamingContext') ?? domainDn };
  }
  throw new Error('The RootDSE of the domain controller could not be read');
}

/** Escapes a filter value but keeps `*` as the wildcard setspn -Q allows. */
function wildcardValue(value: string): string {
  return value.split('*').map(escapeFilterValue).join('*');
}

export async function runSetspn(mode: SetspnMode, run: SetspnRun): Promise<SetspnOutput> {
  const { domainDn, forestDn } = await namingContexts(run);
  const op = { timeoutMs: run.timeoutMs, ...(run.signal ? { signal: run.signal } : {}) };
  if (mode.mode === 'list') {
    const name = mode.account.replace(/\$$/, '');
    const filter = `(|(sAMAccountName=${escapeFilterValue(name)}$)(sAMAccountName=${escapeFilterValue(name)})(dNSHostName=${escapeFilterValue(name)}))`;
    for await (const e of run.domain.search(
      { base: domainDn, scope: 'sub', filter, attributes: ['servicePrincipalName'], sizeLimit: 2 },
      op,
    )) {
      return { stdout: formatSetspnList(e.dn, entrySpns(e).values), stderr: '', exitCode: 0 };
    }
    return {
      stdout: '',
      stderr: `FindDomainForAccount: Call to DsGetDcNameWithAccountW failed with return value 0x00000525\nCould not find account ${mode.account}\n`,
      exitCode: 1,
    };
  }
  const scope = run.forestIsGc ? 'forest' : 'domain';
  const base = run.forestIsGc ? '' : domainDn;
  const shownDn = run.forestIsGc ? forestDn : domainDn;
  if (mode.mode === 'duplicates') {
    const result = await scanAllDuplicateSpns(run.forest, { base, pageSize: 1000, ...op });
    const groups = result.groups.map((g) => ({ spn: g.spn, accountDns: g.holders.map((h) => h.dn) }));
    return { stdout: formatSetspnDuplicates(shownDn, groups, { scope }), stderr: '', exitCode: 0 };
  }
  const accounts: SetspnAccount[] = [];
  for await (const e of run.forest.search(
    {
      base,
      scope: 'sub',
      filter: `(servicePrincipalName=${wildcardValue(mode.spn)})`,
      attributes: ['servicePrincipalName'],
      pageSize: 500,
    },
    op,
  )) {
    accounts.push({
      dn: e.dn,
      spns: entrySpns(e).values.length ? entrySpns(e).values : getAttr(e, 'servicePrincipalName'),
    });
  }
  return { stdout: formatSetspnQuery(shownDn, accounts, { scope }), stderr: '', exitCode: 0 };
}
