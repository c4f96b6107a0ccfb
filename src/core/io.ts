/**
 * The I/O the core needs, passed in by whoever runs it (extension, CLI, tests). Nothing in
 * src/core opens a socket, spawns a process or reads the clock directly: it asks one of these.
 * Implementations over Node live in src/io/.
 *
 * Every operation takes a timeout and an AbortSignal; an operation that times out rejects with
 * a TimeoutError, one that is aborted with an AbortError (see ./errors.ts).
 */
import type { Duplex } from 'node:stream';
import type { TlsUpgrader } from './io-tls';

export interface OpOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface Clock {
  /** Wall-clock time in milliseconds since the epoch. */
  now(): number;
  /** A monotonic clock in milliseconds for measuring round trips. */
  monotonic(): number;
}

export interface TcpConnector {
  /** Opens a TCP connection; rejects with ConnectionRefusedError, TimeoutError or AbortError. */
  connect(host: string, port: number, options: OpOptions): Promise<Duplex>;
}

/**
 * Called by an exchanger at the moments that matter for timing, after any wait for a slot and any
 * name lookup: a clock probe stamps them with its own clock, so queueing never counts as round trip.
 */
export interface ExchangeTiming {
  /** Just before the datagram leaves. */
  sent(): void;
  /** As soon as the reply arrived. */
  received(): void;
}

export interface UdpExchanger {
  /** Sends one datagram and resolves with the first reply. */
  exchange(
    host: string,
    port: number,
    payload: Uint8Array,
    options: OpOptions & { timing?: ExchangeTiming },
  ): Promise<Uint8Array>;
}

export interface DnsResolver {
  /** A and AAAA addresses of a host name (IP literals resolve to themselves). */
  lookup(host: string, options: OpOptions): Promise<string[]>;
  /** PTR names of an address. */
  reverse(address: string, options: OpOptions): Promise<string[]>;
}

export interface ProcessResult {
  stdout: string;
  stderr: string;
  /** Undefined when the process was killed or never started. */
  exitCode: number | undefined;
}

export interface ProcessRunner {
  /** Runs an executable with an argument vector (never through a shell). */
  run(
    file: string,
    args: readonly string[],
    options: OpOptions & { input?: string; env?: Record<string, string> },
  ): Promise<ProcessResult>;
  /** Whether an executable can be found (e.g. `setspn` exists only on Windows). */
  has(file: string): Promise<boolean>;
}

export interface DirectoryEntry {
  dn: string;
  /** Attribute names as returned by the server, values as strings (lower-cased lookups via getAttr). */
  attributes: Record<string, string[]>;
}

export interface DirectorySearch {
  base: string;
  scope: 'base' | 'one' | 'sub';
  filter: string;
  attributes: string[];
  /** Page size for the paged-results control; 0 or undefined means no paging. */
  pageSize?: number;
  sizeLimit?: number;
  /** Attributes whose values are binary: returned base64-encoded instead of as text. */
  binaryAttributes?: string[];
}

/** How a session reached the directory, for the user to see ("LDAPS, password of ..."). */
export interface DirectoryBinding {
  /** What protects the connection: TLS from the first byte, StartTLS, or plain LDAP (SASL layer). */
  transport: 'ldaps' | 'starttls' | 'ldap';
  /** simple: a password bind; gssapi: SASL GSSAPI with a Kerberos ticket; negotiate: the Windows logon. */
  mechanism: 'simple' | 'gssapi' | 'negotiate';
  /** The bind UPN, or the Kerberos principal the DC saw (`alice@CONTOSO.TEST`). */
  identity: string;
  /** SASL security strength factor when the SASL layer protects the connection (56 and up: sealed). */
  ssf?: number;
}

/** One bound connection to one domain controller. */
export interface DirectorySession {
  /** `ldaps://dc1.contoso.test:636` */
  readonly url: string;
  /** How it was bound; adapters that know set it. */
  readonly binding?: DirectoryBinding;
  /** Streams entries page by page, so memory stays bounded on large searches. */
  search(request: DirectorySearch, options: OpOptions): AsyncIterable<DirectoryEntry>;
  close(): Promise<void>;
}

export interface DirectoryTarget {
  host: string;
  port: number;
  /**
   * `ldaps` (implicit TLS, usually 636), `starttls` (389 upgraded), or `ldap` (plain 389: only a
   * Kerberos bind with a SASL security layer protects it; no password is ever sent over it).
   */
  security: 'ldaps' | 'starttls' | 'ldap';
  /** PEM text of extra CA certificates to trust (in addition to the system store). */
  caPem?: string;
  /** Global catalog (3268/3269) rather than the domain partition. */
  globalCatalog?: boolean;
}

/** A simple bind with a password (LDAPS or StartTLS only). */
export interface PasswordCredentials {
  kind?: 'password';
  /** UPN (`svc-doctor@contoso.test`) or DN. */
  user: string;
  password: string;
}

/**
 * The identity this machine already holds: a Kerberos ticket (kinit) on Linux and macOS, the
 * Windows logon on Windows. No password is handled by the tool.
 */
export interface KerberosCredentials {
  kind: 'kerberos';
}

export type DirectoryCredentials = PasswordCredentials | KerberosCredentials;

export function isKerberos(c: DirectoryCredentials): c is KerberosCredentials {
  return c.kind === 'kerberos';
}

export interface DirectoryConnector {
  connect(target: DirectoryTarget, credentials: DirectoryCredentials, options: OpOptions): Promise<DirectorySession>;
}

/** A credential cache of this run's own, with the variables that point Kerberos tools at it. */
export interface PrivateTicketCache {
  /** `KRB5CCNAME` for the tools (and nothing secret). */
  readonly env: Record<string, string>;
  /** Removes the cache and its private folder; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Tickets from the signed-in password (Linux/macOS): `kinit` into a fresh private cache, the
 * password on its standard input only. Rejects with a DoctorError when kinit is missing or refuses.
 */
export interface PrivateKerberos {
  open(principal: string, password: string, options: OpOptions): Promise<PrivateTicketCache>;
}

/** Everything the engine may use, bundled so callers pass one object. */
export interface CoreIo {
  clock: Clock;
  tcp: TcpConnector;
  udp: UdpExchanger;
  dns: DnsResolver;
  process: ProcessRunner;
  directory: DirectoryConnector;
  /** Private ticket caches from a password (absent where not provided, e.g. in unit tests). */
  kerberos?: PrivateKerberos;
  /** TLS over a connected socket (X-ANONYMOUSTLS, STARTTLS); absent where no TLS is available. */
  tls?: TlsUpgrader;
  /** `win32`, `darwin`, `linux`: decides whether Windows tools may be used. */
  platform: NodeJS.Platform;
}

export function getAttr(entry: DirectoryEntry, name: string): string[] {
  const wanted = name.toLowerCase();
  for (const [key, values] of Object.entries(entry.attributes)) if (key.toLowerCase() === wanted) return values;
  return [];
}

export function getFirst(entry: DirectoryEntry, name: string): string | undefined {
  return getAttr(entry, name)[0];
}
