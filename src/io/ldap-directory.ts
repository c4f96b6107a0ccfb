/**
 * DirectoryConnector over ldapts: LDAPS (implicit TLS) or LDAP + StartTLS, a simple bind with a
 * UPN or DN, and paged searches that yield entries page by page.
 *
 * Certificates are always verified against the system store plus the CA the user chose to trust;
 * there is no switch to turn verification off. Every operation runs under a deadline and the
 * caller's AbortSignal: when either fires the socket is destroyed (an LDAP request cannot be
 * recalled once sent) and the session is closed, so the caller gets TimeoutError/AbortError
 * promptly instead of waiting on a server that does not answer.
 */
import * as tls from 'node:tls';
import * as net from 'node:net';
import type { Socket } from 'node:net';
import type { Client, Entry } from 'ldapts';
import { ldapts } from './ldapts-module';
import type {
  DirectoryBinding,
  DirectoryConnector,
  DirectoryCredentials,
  DirectoryEntry,
  DirectorySearch,
  DirectorySession,
  DirectoryTarget,
  OpOptions,
} from '../core/io';
import { isKerberos } from '../core/io';
import { DoctorError, throwIfAborted, withDeadline } from '../core/errors';
import { mapLdapError, type LdapErrorContext } from './ldap-errors';
import { LdapFrameGuard } from './ldap-frame-guard';

/**
 * The largest single LDAP message accepted (ldap-frame-guard.ts). One message is one entry (a
 * page is many messages); an entry with thousands of SPNs or members is well under 1 MB.
 */
export const MAX_LDAP_MESSAGE_BYTES = 16 * 1024 * 1024;
import { refusePlainBind } from './ldap-plain-policy';

/** System and bundled roots plus the PEM text the user trusts. */
export function trustedCas(caPem: string | undefined): string[] {
  const cas = new Set<string>(tls.rootCertificates);
  for (const kind of ['default', 'system'] as const) {
    try {
      for (const c of tls.getCACertificates(kind)) cas.add(c);
    } catch {
      // Older runtimes lack getCACertificates('system'); the bundled roots are enough there.
    }
  }
  if (caPem?.trim()) cas.add(caPem);
  return [...cas];
}

export function directoryUrl(target: DirectoryTarget): string {
  const scheme = target.security === 'ldaps' ? 'ldaps' : 'ldap';
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `${scheme}://${host}:${target.port}`;
}

function validateTarget(target: DirectoryTarget): void {
  if (!/^[A-Za-z0-9.\-:[\]]+$/.test(target.host) || target.host.length > 253) {
    throw new DoctorError('usage', `"${target.host}" is not a valid host name`);
  }
  if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65535) {
    throw new DoctorError('usage', `Port ${String(target.port)} is not between 1 and 65535`);
  }
}

/** ldapts returns strings or Buffers, single or multi-valued; the core wants string arrays. */
export function toDirectoryEntry(entry: Entry, binary: readonly string[] = []): DirectoryEntry {
  const attributes: Record<string, string[]> = {};
  const isBinary = new Set(binary.map((b) => b.toLowerCase()));
  for (const [name, value] of Object.entries(entry)) {
    if (name === 'dn') continue;
    const values = Array.isArray(value) ? value : [value];
    const encoding = isBinary.has(name.toLowerCase()) ? 'base64' : 'utf8';
    attributes[name] = values.map((v: string | Buffer) => (typeof v === 'string' ? v : v.toString(encoding)));
  }
  return { dn: entry.dn, attributes };
}

/**
 * What the socket factories share with the session: the sockets (so abort can destroy them), and
 * whether the connection has been lost. Once established, a session never reconnects: ldapts would
 * silently open a new plain connection (no StartTLS, no bind) when the socket drops.
 */
interface ConnectionState {
  sockets: Socket[];
  /** Set once connect() has finished; from then on the factories refuse to open anything. */
  established: boolean;
  /** A socket closed (or the session was closed/destroyed). */
  lost: boolean;
  /** Rejects when the server broke a rule of the transport (a message over the size limit). */
  failure: Promise<never>;
  fail(error: DoctorError): void;
}

function connectionState(): ConnectionState {
  let reject: (e: DoctorError) => void = () => undefined;
  const failure = new Promise<never>((_, r) => (reject = r));
  failure.catch(() => undefined);
  return { sockets: [], established: false, lost: false, failure, fail: (e) => reject(e) };
}

class LdaptsSession implements DirectorySession {
  constructor(
    readonly url: string,
    private readonly client: Client,
    private readonly state: ConnectionState,
    private readonly ctx: LdapErrorContext,
    readonly binding: DirectoryBinding,
  ) {}

  private get closed(): boolean {
    return this.state.lost;
  }

  /** Throws when the connection is gone or no longer bound: every operation must run on the original, secured, bound connection. */
  private assertUsable(): void {
    if (this.state.lost || !this.client.isBound) {
      throw new DoctorError('unavailable', `The connection to ${this.url} is closed`);
    }
  }

  async *search(request: DirectorySearch, options: OpOptions): AsyncIterable<DirectoryEntry> {
    throwIfAborted(options.signal, `Search of ${request.base}`);
    this.assertUsable();
    const searchOptions = {
      scope: request.scope,
      filter: request.filter,
      attributes: request.attributes,
      sizeLimit: request.sizeLimit ?? 0,
      ...(request.pageSize ? { paged: { pageSize: request.pageSize } } : {}),
      ...(request.binaryAttributes?.length ? { explicitBufferAttributes: request.binaryAttributes } : {}),
    };
    const binary = request.binaryAttributes ?? [];
    const ctx = { ...this.ctx, timeoutMs: options.timeoutMs };
    if (!request.pageSize) {
      const result = await this.guard(options, ctx, () => this.client.search(request.base, searchOptions));
      for (const e of result.searchEntries) yield toDirectoryEntry(e, binary);
      return;
    }
    const pages = this.client.searchPaginated(request.base, searchOptions);
    try {
      for (;;) {
        // The deadline applies to each page: a large directory may take long in total, but every
        // round trip must answer in time.
        const page = await this.guard(options, ctx, () => pages.next());
        if (page.done) return;
        for (const e of page.value.searchEntries) {
          throwIfAborted(options.signal, `Search of ${request.base}`);
          yield toDirectoryEntry(e, binary);
        }
      }
    } finally {
      // A consumer that stops early leaves the generator suspended; finish it so no state lingers.
      if (!this.closed) await pages.return(undefined).catch(() => undefined);
    }
  }

  private async guard<T>(options: OpOptions, ctx: LdapErrorContext, work: () => Promise<T>): Promise<T> {
    this.assertUsable();
    try {
      return await withDeadline(ctx.host, options.timeoutMs, options.signal, (signal) => {
        signal.addEventListener('abort', () => this.destroy(), { once: true });
        return Promise.race([work(), this.state.failure]);
      });
    } catch (e) {
      throw mapLdapError(e, ctx);
    }
  }

  /** Drops the connection without waiting for the server (after a timeout or cancellation). */
  destroy(): void {
    this.state.lost = true;
    for (const s of this.state.sockets) s.destroy();
    this.client.unbind().catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.state.lost = true;
    try {
      await withDeadline('unbind', 2000, undefined, () => this.client.unbind());
    } catch {
      // Unbind is a courtesy; the sockets are destroyed below either way.
    }
    for (const s of this.state.sockets) s.destroy();
  }
}

export class LdaptsDirectoryConnector implements DirectoryConnector {
  async connect(
    target: DirectoryTarget,
    credentials: DirectoryCredentials,
    options: OpOptions,
  ): Promise<DirectorySession> {
    validateTarget(target);
    if (isKerberos(credentials))
      throw new DoctorError('usage', 'A Kerberos sign-in needs the Kerberos directory adapter, not the password one');
    if (!credentials.user.trim()) throw new DoctorError('usage', 'No bind user is configured');
    const url = directoryUrl(target);
    // A password never crosses the network unencrypted: on plain LDAP only the DC's policy is asked.
    if (target.security === 'ldap') return refusePlainBind(url, target, credentials.user, options);
    const ca = trustedCas(target.caPem);
    // SNI may not carry an IP address (RFC 6066); the certificate is still checked against it.
    // rejectUnauthorized is set explicitly: Node's default follows NODE_TLS_REJECT_UNAUTHORIZED,
    // and an environment that sets it to 0 must not turn verification off here.
    const tlsOptions: tls.ConnectionOptions = {
      ca,
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
      ...(net.isIP(target.host) ? {} : { servername: target.host }),
    };
    const state = connectionState();
    // Every socket's incoming bytes pass a size guard (the plain one too: before StartTLS its
    // replies come from whoever is on the path). The guard of a socket that StartTLS wraps is
    // removed, since what it then carries is TLS records, read by the TLS socket's own guard.
    const guards = new Map<Socket, (chunk: Buffer) => void>();
    const track = <S extends Socket>(s: S): S => {
      state.sockets.push(s);
      s.once('close', () => {
        state.lost = true;
      });
      const guard = new LdapFrameGuard(MAX_LDAP_MESSAGE_BYTES);
      const watch = (chunk: Buffer): void => {
        const verdict = guard.push(chunk);
        if (verdict.ok) return;
        s.off('data', watch);
        state.fail(
          new DoctorError(
            'protocol',
            `${target.host}:${target.port} announced an LDAP message of ${verdict.announced} bytes; ` +
              `at most ${MAX_LDAP_MESSAGE_BYTES} are accepted, so the connection was closed`,
          ),
        );
        state.lost = true;
        s.destroy();
      };
      guards.set(s, watch);
      s.on('data', watch);
      return s;
    };
    const refuseReconnect = (): never => {
      state.lost = true;
      throw new DoctorError(
        'unavailable',
        `The connection to ${url} was lost; it is not reopened without TLS and bind`,
      );
    };
    const ctx: LdapErrorContext = {
      host: target.host,
      endpoint: `${target.host}:${target.port}`,
      user: credentials.user,
      password: credentials.password,
      timeoutMs: options.timeoutMs,
    };
    const client = new (ldapts().Client)({
      url,
      // Each later operation gets its own deadline (see guard), so no client-wide `timeout`: it
      // would cut a search that was given longer than the connect.
      connectTimeout: options.timeoutMs,
      strictDN: false,
      // ldapts treats any tlsOptions as "connect with TLS", so StartTLS passes them to startTLS only.
      ...(target.security === 'ldaps' ? { tlsOptions } : {}),
      // The socket factories record the sockets (so abort can destroy them at once), mark the
      // session lost when one closes, and refuse any socket ldapts would open to reconnect.
      createConnection: ((...args: Parameters<typeof net.connect>) => {
        if (state.established || state.lost) refuseReconnect();
        return track((net.connect as (...a: unknown[]) => Socket)(...args));
      }) as typeof net.connect,
      createSecureConnection: ((...args: Parameters<typeof tls.connect>) => {
        if (state.established || state.lost) refuseReconnect();
        const [first] = args;
        // StartTLS passes the options object only; make sure verification cannot be switched off.
        if (typeof first === 'object' && first !== null) {
          (first as tls.ConnectionOptions).rejectUnauthorized = true;
          const plain = (first as tls.ConnectionOptions).socket;
          const watch = plain instanceof net.Socket ? guards.get(plain) : undefined;
          if (plain instanceof net.Socket && watch) plain.off('data', watch);
        }
        return track((tls.connect as (...a: unknown[]) => tls.TLSSocket)(...args));
      }) as typeof tls.connect,
    });
    const binding = { transport: target.security, mechanism: 'simple', identity: credentials.user } as const;
    const session = new LdaptsSession(url, client, state, ctx, binding);
    try {
      await withDeadline(ctx.host, options.timeoutMs, options.signal, async (signal) => {
        signal.addEventListener('abort', () => session.destroy(), { once: true });
        const steps = async (): Promise<void> => {
          if (target.security === 'starttls') await client.startTLS({ ...tlsOptions, host: target.host });
          await client.bind(credentials.user, credentials.password);
        };
        await Promise.race([steps(), state.failure]);
      });
      state.established = true;
      if (state.lost || !client.isBound)
        throw new DoctorError('unavailable', `The connection to ${url} closed during the bind`);
    } catch (e) {
      session.destroy();
      throw mapLdapError(e, ctx);
    }
    return session;
  }
}
