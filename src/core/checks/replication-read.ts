/**
 * Step 2, the reading: one DC's copies of the Exchange objects — each server's computer account
 * (domain partition) and its msExchExchangeServer object (configuration partition) — read over a
 * session to that DC by its FQDN, so what is compared is what that DC would tell a KDC or an
 * Exchange server asking it.
 */
import type { CheckContext } from '../engine/check';
import type { DomainController, ExchangeServer } from '../directory/model';
import { getAttr, getFirst, type DirectoryEntry, type DirectorySession } from '../io';
import { computerFilter } from '../directory/computers';
import { escapeFilterValue, parseGeneralizedTime } from '../directory/ldap-text';
import { exchangeServicesDn } from '../directory/exchange';

export type ObjectKind = 'computer' | 'exchange-server';

/** Attributes whose values must agree between DCs (compared case-insensitively, as sets). */
export const COMPARED: Readonly<Record<ObjectKind, readonly string[]>> = {
  computer: ['servicePrincipalName', 'dNSHostName', 'userAccountControl', 'msDS-SupportedEncryptionTypes'],
  'exchange-server': ['networkAddress', 'msExchCurrentServerRoles', 'serialNumber', 'msExchServerSite'],
};

/** Per-attribute replication metadata: Windows DCs return it, Samba does not. */
export const META_DATA = 'msDS-ReplAttributeMetaData';
const STAMPS = ['whenChanged', 'uSNChanged', META_DATA];

/** The originating write of one attribute, as AD's own conflict resolution orders it. */
export interface AttributeStamp {
  version: number;
  /** ISO time of the originating change. */
  originatingTime?: string;
}

/**
 * Parses the values of msDS-ReplAttributeMetaData (one `<DS_REPL_ATTR_META_DATA>` XML fragment per
 * attribute) into stamps keyed by lower-case attribute name; fragments that do not parse are skipped.
 */
export function parseAttributeMetaData(values: readonly string[]): Record<string, AttributeStamp> {
  const out: Record<string, AttributeStamp> = {};
  const field = (xml: string, name: string): string | undefined => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml)?.[1];
  for (const xml of values) {
    const name = field(xml, 'pszAttributeName');
    const version = Number(field(xml, 'dwVersion'));
    if (!name || !Number.isInteger(version)) continue;
    const stamp: AttributeStamp = { version };
    const time = field(xml, 'ftimeLastOriginatingChange');
    if (time && !Number.isNaN(Date.parse(time))) stamp.originatingTime = new Date(Date.parse(time)).toISOString();
    out[name.toLowerCase()] = stamp;
  }
  return out;
}

export interface ObjectCopy {
  /** `computer:ex01$` or `exchange-server:ex01`. */
  key: string;
  kind: ObjectKind;
  /** `EX01$` or `EX01 (Exchange server object)`. */
  label: string;
  dn: string;
  values: Record<string, string[]>;
  /** ISO time of whenChanged on this DC (a local, non-replicated stamp). */
  whenChanged?: string;
  /** This DC's own update sequence number for the object: shown, never compared across DCs. */
  uSNChanged?: string;
  /** Per-attribute originating stamps (msDS-ReplAttributeMetaData), keyed by lower-case name, when returned. */
  metadata?: Record<string, AttributeStamp>;
}

export interface DcCopies {
  dc: DomainController;
  url: string;
  objects: Map<string, ObjectCopy>;
}

export function computerKey(name: string): string {
  return `computer:${name.toLowerCase()}$`;
}

export function exchangeKey(name: string): string {
  return `exchange-server:${name.toLowerCase()}`;
}

/** The objects every DC is expected to hold, with their labels. */
export function expectedObjects(servers: readonly ExchangeServer[]): { key: string; label: string }[] {
  return servers.flatMap((s) => [
    { key: computerKey(s.name), label: `${s.name}$` },
    { key: exchangeKey(s.name), label: `${s.name} (Exchange server object)` },
  ]);
}

function copyOf(entry: DirectoryEntry, kind: ObjectKind): ObjectCopy {
  const name = kind === 'computer' ? (getFirst(entry, 'sAMAccountName') ?? '').replace(/\$$/, '') : (getFirst(entry, 'cn') ?? '');
  const values: Record<string, string[]> = {};
  for (const attr of COMPARED[kind]) values[attr] = getAttr(entry, attr);
  const copy: ObjectCopy = {
    key: kind === 'computer' ? computerKey(name) : exchangeKey(name),
    kind,
    label: kind === 'computer' ? `${name.toUpperCase()}$` : `${name.toUpperCase()} (Exchange server object)`,
    dn: entry.dn,
    values,
  };
  const when = getFirst(entry, 'whenChanged');
  const whenIso = when ? parseGeneralizedTime(when) : undefined;
  if (whenIso) copy.whenChanged = whenIso;
  const usn = getFirst(entry, 'uSNChanged');
  if (usn) copy.uSNChanged = usn;
  const meta = getAttr(entry, META_DATA);
  if (meta.length) copy.metadata = parseAttributeMetaData(meta);
  return copy;
}

async function collectCopies(ctx: CheckContext, session: DirectorySession, base: string, filter: string, kind: ObjectKind, into: Map<string, ObjectCopy>): Promise<void> {
  const attributes = [...COMPARED[kind], ...STAMPS, kind === 'computer' ? 'sAMAccountName' : 'cn'];
  for await (const entry of session.search({ base, scope: 'sub', filter, attributes, pageSize: 200 }, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal })) {
    const copy = copyOf(entry, kind);
    into.set(copy.key, copy);
  }
}

const BATCH = 40;

export async function readDcCopies(ctx: CheckContext, dc: DomainController, servers: readonly ExchangeServer[]): Promise<DcCopies> {
  const host = dc.fqdn ?? dc.name;
  const session = await ctx.openSession(host);
  try {
    const objects = new Map<string, ObjectCopy>();
    const { defaultNamingContext, configurationNamingContext } = ctx.discovery.rootDse;
    for (let i = 0; i < servers.length; i += BATCH) {
      const batch = servers.slice(i, i + BATCH).map((s) => s.name);
      await collectCopies(ctx, session, defaultNamingContext, computerFilter(batch), 'computer', objects);
      const names = batch.map((n) => `(cn=${escapeFilterValue(n)})`).join('');
      await collectCopies(ctx, session, exchangeServicesDn(configurationNamingContext), `(&(objectClass=msExchExchangeServer)(|${names}))`, 'exchange-server', objects);
    }
    return { dc, url: session.url, objects };
  } finally {
    await session.close().catch(() => undefined);
  }
}
