/**
 * Domain controllers, from two places: the Sites configuration (each DC has a server object with an
 * `NTDS Settings` (nTDSDSA) child; it covers the whole forest and gives the site) and the Domain
 * Controllers of this domain (computers with SERVER_TRUST_ACCOUNT in userAccountControl).
 * The first is preferred; the second fills gaps, e.g. when the configuration is not readable.
 */
import { getAttr, getFirst } from '../io';
import type { DomainController, RootDse } from './model';
import { parentDn, rdnValue, sameDn, splitDn } from './ldap-text';
import { collect, describe, isFatal, type SearchContext } from './search';

/** userAccountControl bit of a domain controller's computer account. */
export const SERVER_TRUST_ACCOUNT = 8192;
/** LDAP_MATCHING_RULE_BIT_AND. */
const BIT_AND = '1.2.840.113556.1.4.803';

/** `CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,...` -> `Default-First-Site-Name`. */
export function siteOfServerDn(dn: string): string | undefined {
  const rdns = splitDn(dn);
  return rdns[1]?.toLowerCase() === 'cn=servers' && rdns[2] ? rdnValue(rdns.slice(2).join(',')) : undefined;
}

export async function readDcsFromSites(
  ctx: SearchContext,
  configurationNamingContext: string,
): Promise<DomainController[]> {
  const base = `CN=Sites,${configurationNamingContext}`;
  const ntds = await collect(ctx, {
    base,
    scope: 'sub',
    filter: '(objectClass=nTDSDSA)',
    attributes: ['objectClass', 'msDS-hasMasterNCs', 'hasMasterNCs'],
  });
  const serverDns = new Set(ntds.map((e) => parentDn(e.dn).toLowerCase()));
  // Writable naming contexts per server DN: msDS-hasMasterNCs (Windows 2003+), else the older
  // hasMasterNCs (what Samba returns).
  const masterNcs = new Map<string, string[]>();
  for (const e of ntds) {
    const ncs = getAttr(e, 'msDS-hasMasterNCs').length ? getAttr(e, 'msDS-hasMasterNCs') : getAttr(e, 'hasMasterNCs');
    if (ncs.length) masterNcs.set(parentDn(e.dn).toLowerCase(), ncs);
  }
  const servers = await collect(ctx, {
    base,
    scope: 'sub',
    filter: '(objectClass=server)',
    attributes: ['cn', 'dNSHostName'],
  });
  return servers
    .filter((s) => serverDns.has(s.dn.toLowerCase()))
    .map((s) => {
      const dc: DomainController = {
        name: (getFirst(s, 'cn') ?? rdnValue(s.dn)).toUpperCase(),
        dn: s.dn,
        source: 'sites',
      };
      const fqdn = getFirst(s, 'dNSHostName');
      if (fqdn) dc.fqdn = fqdn.toLowerCase();
      const site = siteOfServerDn(s.dn);
      if (site) dc.site = site;
      const ncs = masterNcs.get(s.dn.toLowerCase());
      if (ncs) dc.masterNamingContexts = ncs;
      return dc;
    });
}

export async function readDcsFromDomain(ctx: SearchContext, defaultNamingContext: string): Promise<DomainController[]> {
  const entries = await collect(ctx, {
    base: defaultNamingContext,
    scope: 'sub',
    filter: `(&(objectCategory=computer)(userAccountControl:${BIT_AND}:=${SERVER_TRUST_ACCOUNT}))`,
    attributes: ['cn', 'sAMAccountName', 'dNSHostName'],
  });
  return entries.map((e) => {
    const name = (
      getFirst(e, 'cn') ??
      getFirst(e, 'sAMAccountName')?.replace(/\$$/, '') ??
      rdnValue(e.dn)
    ).toUpperCase();
    const dc: DomainController = { name, dn: e.dn, source: 'ou' };
    const fqdn = getFirst(e, 'dNSHostName');
    if (fqdn) dc.fqdn = fqdn.toLowerCase();
    return dc;
  });
}

/** True unless the DC's writable naming contexts are known and do not include `namingContext`. */
export function holdsNamingContext(dc: DomainController, namingContext: string): boolean {
  return !dc.masterNamingContexts || dc.masterNamingContexts.some((nc) => sameDn(nc, namingContext));
}

/** Merges both lists by name; the Sites entry wins and takes the FQDN from the domain if it lacks one. */
export function mergeDomainControllers(
  fromSites: DomainController[],
  fromDomain: DomainController[],
): DomainController[] {
  const byName = new Map<string, DomainController>();
  for (const dc of fromSites) byName.set(dc.name, dc);
  for (const dc of fromDomain) {
    const known = byName.get(dc.name);
    if (!known) byName.set(dc.name, dc);
    else if (!known.fqdn && dc.fqdn) known.fqdn = dc.fqdn;
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function readDomainControllers(
  ctx: SearchContext,
  rootDse: RootDse,
  warnings: string[],
): Promise<DomainController[]> {
  let fromSites: DomainController[] = [];
  let fromDomain: DomainController[] = [];
  try {
    fromSites = await readDcsFromSites(ctx, rootDse.configurationNamingContext);
  } catch (e) {
    if (isFatal(e)) throw e;
    warnings.push(`Domain controllers could not be read from the Sites configuration: ${describe(e)}`);
  }
  try {
    fromDomain = await readDcsFromDomain(ctx, rootDse.defaultNamingContext);
  } catch (e) {
    if (isFatal(e)) throw e;
    warnings.push(`Domain controllers could not be read from the domain: ${describe(e)}`);
  }
  return mergeDomainControllers(fromSites, fromDomain);
}
