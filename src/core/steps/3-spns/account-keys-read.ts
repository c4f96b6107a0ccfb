/**
 * Step 3, Kerberos keys: the Exchange servers' computer accounts as EVERY domain controller of
 * the domain holds them (key version, password time, encryption types, account flags, last
 * logon), each DC's own encryption types (what its KDC issues), and the computer accounts that
 * claim each server's host name. Read over one session per DC, so a DC that is behind shows its
 * own, older copy: that is what its KDC encrypts tickets with.
 */
import type { CheckContext } from '../../engine/check';
import type { DomainController, ExchangeServer } from '../../directory/model';
import { getAttr, getFirst, type DirectoryEntry, type DirectorySession } from '../../io';
import { computerFilter } from '../../directory/computers';
import { escapeFilterValue, parseGeneralizedTime } from '../../directory/ldap-text';
import { SERVER_TRUST_ACCOUNT } from '../../directory/domain-controllers';

/** One DC's copy of one account. Absent fields were not returned. */
export interface AccountCopy {
  keyVersion?: number;
  /** ISO time, from pwdLastSet (FILETIME); absent when 0 (must change) or not returned. */
  passwordSetAt?: string;
  enctypes?: number;
  userAccountControl?: number;
  /** ISO time, from lastLogonTimestamp (replicated, up to ~14 days late by design). */
  lastLogonAt?: string;
  dnsHostName?: string;
}

export interface DcAccounts {
  dc: DomainController;
  url?: string;
  /** Why this DC could not be read. */
  error?: string;
  /** By upper-case short name (`EX02`). */
  accounts: Map<string, AccountCopy>;
  /** msDS-SupportedEncryptionTypes on this DC's own computer account, as it holds it. */
  ownEnctypes?: number;
}

const BATCH = 40;
const ACCOUNT_ATTRIBUTES = [
  'sAMAccountName',
  'msDS-KeyVersionNumber',
  'pwdLastSet',
  'msDS-SupportedEncryptionTypes',
  'userAccountControl',
  'lastLogonTimestamp',
  'dNSHostName',
];
/** 100-ns intervals between 1601-01-01 and 1970-01-01. */
const FILETIME_UNIX_EPOCH = 116_444_736_000_000_000n;
/** `LDAP_MATCHING_RULE_BIT_AND`. */
const BIT_AND = '1.2.840.113556.1.4.803';

/** A FILETIME attribute (`134408736011755420`) as ISO time; 0 and "never" (2^63-1) give undefined. */
export function fileTimeToIso(value: string | undefined): string | undefined {
  if (!value || !/^\d{1,19}$/.test(value)) return undefined;
  const n = BigInt(value);
  if (n <= FILETIME_UNIX_EPOCH || n >= 0x7fffffffffffffffn) return undefined;
  const ms = Number((n - FILETIME_UNIX_EPOCH) / 10_000n);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function integer(entry: DirectoryEntry, name: string): number | undefined {
  const v = getFirst(entry, name);
  if (v === undefined || !/^-?\d{1,10}$/.test(v.trim())) return undefined;
  // userAccountControl and msDS-SupportedEncryptionTypes are 32-bit; AD may return them signed.
  return Number(v) >>> 0;
}

export function parseAccountCopy(entry: DirectoryEntry): AccountCopy {
  const copy: AccountCopy = {};
  const kvno = integer(entry, 'msDS-KeyVersionNumber');
  if (kvno !== undefined) copy.keyVersion = kvno;
  const pwd = fileTimeToIso(getFirst(entry, 'pwdLastSet'));
  if (pwd) copy.passwordSetAt = pwd;
  const types = integer(entry, 'msDS-SupportedEncryptionTypes');
  if (types !== undefined) copy.enctypes = types;
  const uac = integer(entry, 'userAccountControl');
  if (uac !== undefined) copy.userAccountControl = uac;
  const logon = fileTimeToIso(getFirst(entry, 'lastLogonTimestamp'));
  if (logon) copy.lastLogonAt = logon;
  const dns = getFirst(entry, 'dNSHostName');
  if (dns) copy.dnsHostName = dns.toLowerCase();
  return copy;
}

async function* search(
  ctx: CheckContext,
  session: DirectorySession,
  filter: string,
  attributes: string[],
): AsyncIterable<DirectoryEntry> {
  yield* session.search(
    { base: ctx.discovery.rootDse.defaultNamingContext, scope: 'sub', filter, attributes, pageSize: 200 },
    { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal },
  );
}

/** One DC's copies of the servers' accounts and its own encryption types; never throws but for cancellation. */
export async function readDcAccounts(
  ctx: CheckContext,
  dc: DomainController,
  servers: readonly ExchangeServer[],
  isCancellation: (e: unknown) => boolean,
): Promise<DcAccounts> {
  const result: DcAccounts = { dc, accounts: new Map() };
  let session: DirectorySession | undefined;
  try {
    session = await ctx.openSession(dc.fqdn ?? dc.name);
    result.url = session.url;
    for (let i = 0; i < servers.length; i += BATCH) {
      const names = servers.slice(i, i + BATCH).map((s) => s.name);
      for await (const e of search(ctx, session, computerFilter(names), ACCOUNT_ATTRIBUTES)) {
        const sam = (getFirst(e, 'sAMAccountName') ?? '').replace(/\$$/, '').toUpperCase();
        if (sam) result.accounts.set(sam, parseAccountCopy(e));
      }
    }
    const own = `(&(objectCategory=computer)(userAccountControl:${BIT_AND}:=${SERVER_TRUST_ACCOUNT}))`;
    for await (const e of search(ctx, session, own, ['cn', 'dNSHostName', 'msDS-SupportedEncryptionTypes'])) {
      const isThis =
        (getFirst(e, 'cn') ?? '').toUpperCase() === dc.name ||
        (dc.fqdn !== undefined && getFirst(e, 'dNSHostName')?.toLowerCase() === dc.fqdn);
      const types = integer(e, 'msDS-SupportedEncryptionTypes');
      if (isThis && types !== undefined) result.ownEnctypes = types;
    }
  } catch (e) {
    if (isCancellation(e) || ctx.signal.aborted) throw e;
    result.error = e instanceof Error ? e.message : String(e);
  } finally {
    await session?.close().catch(() => undefined);
  }
  return result;
}

/** Host name (lower case) to the sAMAccountNames of every computer account whose dNSHostName it is. */
export async function readHostNameClaims(
  ctx: CheckContext,
  session: DirectorySession,
  hostNames: readonly string[],
): Promise<Map<string, string[]>> {
  const claims = new Map<string, string[]>();
  const unique = [...new Set(hostNames.map((h) => h.toLowerCase()))];
  for (let i = 0; i < unique.length; i += BATCH) {
    const terms = unique
      .slice(i, i + BATCH)
      .map((h) => `(dNSHostName=${escapeFilterValue(h)})`)
      .join('');
    for await (const e of search(ctx, session, `(&(objectCategory=computer)(|${terms}))`, [
      'sAMAccountName',
      'dNSHostName',
    ])) {
      for (const host of getAttr(e, 'dNSHostName')) {
        const key = host.toLowerCase();
        claims.set(key, [...(claims.get(key) ?? []), getFirst(e, 'sAMAccountName') ?? e.dn]);
      }
    }
  }
  return claims;
}

/** A binary SID (base64, as LDAP returns objectSid) as `S-1-5-21-...`; undefined when malformed. */
export function sidToString(base64: string): string | undefined {
  const b = Buffer.from(base64, 'base64');
  if (b.length < 8) return undefined;
  const count = b[1] ?? 0;
  if (b[0] !== 1 || count > 15 || b.length !== 8 + 4 * count) return undefined;
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + (b[i] ?? 0);
  const subs = Array.from({ length: count }, (_, i) => b.readUInt32LE(8 + 4 * i));
  return `S-1-${authority}${subs.map((s) => `-${s}`).join('')}`;
}

/**
 * When the domain could first hold AES keys: the creation of its "Read-only Domain Controllers"
 * group (RID 521), made when the domain was prepared for Windows Server 2008 (adprep /rodcprep or
 * the 2008 functional level), the point Microsoft's guidance uses (KB5021131): an account whose
 * password was last set before it may have RC4 keys only. Found by SID, so the group's localised
 * name does not matter. Undefined when it cannot be read.
 */
export async function readAesSince(ctx: CheckContext, session: DirectorySession): Promise<string | undefined> {
  const base = ctx.discovery.rootDse.defaultNamingContext;
  const options = { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal };
  let domainSid: string | undefined;
  for await (const e of session.search(
    { base, scope: 'base', filter: '(objectClass=*)', attributes: ['objectSid'], binaryAttributes: ['objectSid'] },
    options,
  )) {
    const raw = getFirst(e, 'objectSid');
    if (raw) domainSid = sidToString(raw);
  }
  if (!domainSid) return undefined;
  for await (const e of search(ctx, session, `(objectSid=${domainSid}-521)`, ['whenCreated'])) {
    const when = getFirst(e, 'whenCreated');
    if (when) return parseGeneralizedTime(when);
  }
  return undefined;
}
