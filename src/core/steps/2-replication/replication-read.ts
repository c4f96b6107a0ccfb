/**
 * Step 2, the reading: one DC's copies of the Exchange objects — each server's computer account
 * (domain partition) and its msExchExchangeServer object (configuration partition) — read over a
 * session to that DC by its FQDN, so what is compared is what that DC would tell a KDC or an
 * Exchange server asking it.
 */
import type { LocalText } from '../../../shared/local-text';
import type { CheckContext } from '../../engine/check';
import type { DomainController, ExchangeServer } from '../../directory/model';
import { getAttr, getFirst, type DirectoryEntry, type DirectorySession } from '../../io';
import { computerFilter } from '../../directory/computers';
import { escapeFilterValue, parseGeneralizedTime } from '../../directory/ldap-text';
import { exchangeServicesDn } from '../../directory/exchange';

export type ObjectKind = 'computer' | 'exchange-server';

/** Attributes whose values must agree between DCs (compared case-insensitively, as sets). */
export const COMPARED: Readonly<Record<ObjectKind, readonly string[]>> = {
  computer: ['servicePrincipalName', 'dNSHostName', 'userAccountControl', 'msDS-SupportedEncryptionTypes'],
  'exchange-server': ['networkAddress', 'msExchCurrentServerRoles', 'serialNumber', 'msExchServerSite'],
};

/** Per-attribute replication metadata: Windows DCs return it, Samba does not. */
export const META_DATA = 'msDS-ReplAttributeMetaData';
/** The stored form of the same data (NDR, binary): Samba returns it when asked by name. */
export const REPL_PROPERTY_META_DATA = 'replPropertyMetaData';
const STAMPS = ['whenChanged', 'uSNChanged', META_DATA, REPL_PROPERTY_META_DATA];

/**
 * ATTIDs of the compared attributes whose OIDs sit in the default prefix table (MS-DRSR 5.16.4:
 * index 0 is 2.5.4, 2 is 1.2.840.113556.1.2, 9 is 1.2.840.113556.1.4; ATTID = index << 16 | last
 * arc). Exchange's own attributes have forest-specific ATTIDs and are not listed.
 */
const ATTIDS: Readonly<Record<number, string>> = {
  0x00090303: 'servicePrincipalName', // 1.2.840.113556.1.4.771
  0x0009026b: 'dNSHostName', // 1.2.840.113556.1.4.619
  0x00090008: 'userAccountControl', // 1.2.840.113556.1.4.8
  0x000907ab: 'msDS-SupportedEncryptionTypes', // 1.2.840.113556.1.4.1963
  0x000201cb: 'networkAddress', // 1.2.840.113556.1.2.459
  0x00000005: 'serialNumber', // 2.5.4.5
};

/** Seconds between 1601-01-01 (NTTIME) and 1970-01-01. */
const NT_EPOCH_SECONDS = 11_644_473_600n;

/**
 * Parses replPropertyMetaData (base64 of replPropertyMetaDataBlob, version 1: version, reserved,
 * count, reserved, then 48-byte entries of attid, version, originating time in seconds since 1601,
 * originating invocation id, originating USN, local USN) into stamps for the attributes of ATTIDS.
 */
export function parseReplPropertyMetaData(base64: string): Record<string, AttributeStamp> {
  const out: Record<string, AttributeStamp> = {};
  const b = Buffer.from(base64, 'base64');
  if (b.length < 16 || b.readUInt32LE(0) !== 1) return out;
  const count = b.readUInt32LE(8);
  for (let i = 0; i < count; i++) {
    const at = 16 + i * 48;
    if (at + 48 > b.length) break;
    const name = ATTIDS[b.readUInt32LE(at)];
    if (!name) continue;
    const seconds = b.readBigUInt64LE(at + 8);
    const stamp: AttributeStamp = { version: b.readUInt32LE(at + 4) };
    if (seconds > NT_EPOCH_SECONDS)
      stamp.originatingTime = new Date(Number(seconds - NT_EPOCH_SECONDS) * 1000).toISOString();
    out[name.toLowerCase()] = stamp;
  }
  return out;
}

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
  const field = (xml: string, name: string): string | undefined =>
    new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml)?.[1];
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

/** A label as a catalogue param: `EX01$` as it is, `EX01 (Exchange server object)` as a phrase. */
export function objectLabel(label: string): string | LocalText {
  const m = /^(.*) \(Exchange server object\)$/.exec(label);
  return m ? { key: 'fp.2.exchange-object', params: { name: m[1] ?? '' } } : label;
}

/** The objects every DC is expected to hold, with their labels. */
export function expectedObjects(servers: readonly ExchangeServer[]): { key: string; label: string }[] {
  return servers.flatMap((s) => [
    { key: computerKey(s.name), label: `${s.name}$` },
    { key: exchangeKey(s.name), label: `${s.name} (Exchange server object)` },
  ]);
}

function copyOf(entry: DirectoryEntry, kind: ObjectKind): ObjectCopy {
  const name =
    kind === 'computer' ? (getFirst(entry, 'sAMAccountName') ?? '').replace(/\$$/, '') : (getFirst(entry, 'cn') ?? '');
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
  const stored = getFirst(entry, REPL_PROPERTY_META_DATA);
  if (meta.length) copy.metadata = parseAttributeMetaData(meta);
  else if (stored) copy.metadata = parseReplPropertyMetaData(stored);
  return copy;
}

async function collectCopies(
  ctx: CheckContext,
  session: DirectorySession,
  base: string,
  filter: string,
  kind: ObjectKind,
  into: Map<string, ObjectCopy>,
): Promise<void> {
  const attributes = [...COMPARED[kind], ...STAMPS, kind === 'computer' ? 'sAMAccountName' : 'cn'];
  for await (const entry of session.search(
    { base, scope: 'sub', filter, attributes, pageSize: 200, binaryAttributes: [REPL_PROPERTY_META_DATA] },
    { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal },
  )) {
    const copy = copyOf(entry, kind);
    into.set(copy.key, copy);
  }
}

const BATCH = 40;

export async function readDcCopies(
  ctx: CheckContext,
  dc: DomainController,
  servers: readonly ExchangeServer[],
): Promise<DcCopies> {
  const host = dc.fqdn ?? dc.name;
  const session = await ctx.openSession(host);
  try {
    const objects = new Map<string, ObjectCopy>();
    const { defaultNamingContext, configurationNamingContext } = ctx.discovery.rootDse;
    for (let i = 0; i < servers.length; i += BATCH) {
      const batch = servers.slice(i, i + BATCH).map((s) => s.name);
      await collectCopies(ctx, session, defaultNamingContext, computerFilter(batch), 'computer', objects);
      const names = batch.map((n) => `(cn=${escapeFilterValue(n)})`).join('');
      await collectCopies(
        ctx,
        session,
        exchangeServicesDn(configurationNamingContext),
        `(&(objectClass=msExchExchangeServer)(|${names}))`,
        'exchange-server',
        objects,
      );
    }
    return { dc, url: session.url, objects };
  } finally {
    await session.close().catch(() => undefined);
  }
}
