/**
 * DirectoryConnector for Linux and macOS that signs in with the Kerberos ticket the user already
 * has (`kinit`): OpenLDAP's `ldapsearch -Y GSSAPI`, because ldapts has no SASL GSSAPI. The tool
 * never sees a password. On plain LDAP (389) the SASL security layer must seal the session
 * (`-O minssf=56`); over LDAPS, TLS protects it and the certificate is verified (`LDAPTLS_REQCERT=demand`,
 * the CA the user trusts added to the system's).
 *
 * A "session" is a checked ticket plus a verified bind (a RootDSE read); each search is then one
 * `ldapsearch` process with paged results, run with an argument vector, the caller's timeout and
 * AbortSignal (see ProcessRunner), its LDIF parsed by core/parsers/ldif. Output is read whole
 * (the runner caps it at 32 MiB), so a search streams only after its process ended.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  DirectoryBinding,
  DirectoryConnector,
  DirectoryCredentials,
  DirectoryEntry,
  DirectorySearch,
  DirectorySession,
  DirectoryTarget,
  OpOptions,
  ProcessRunner,
} from '../core/io';
import { isKerberos } from '../core/io';
import { DoctorError, TimeoutError, isDoctorError, throwIfAborted } from '../core/errors';
import { LdifError, ldifBase64, ldifText, parseLdif, type LdifRecord } from '../core/parsers/ldif';
import { ldapsearchArgs, ldapsearchUrl } from './ldapsearch-args';
import {
  expiredTicket,
  klistPrincipal,
  ldapsearchMissing,
  mapLdapsearchFailure,
  noTicket,
  saslInfo,
  type GssapiErrorContext,
} from './gssapi-errors';
import { trustedCas } from './ldap-directory';

const HOST_RE = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

/** `dc1.contoso.test` -> `CONTOSO.TEST` (what "run kinit user@REALM" names before a ticket exists). */
export function realmOfHost(host: string): string {
  const dot = host.indexOf('.');
  return (dot > 0 ? host.slice(dot + 1) : host).toUpperCase();
}

export function toEntry(record: LdifRecord, binary: readonly string[]): DirectoryEntry {
  const isBinary = new Set(binary.map((b) => b.toLowerCase()));
  const attributes: Record<string, string[]> = {};
  for (const [name, values] of record.attributes) {
    const asBase64 = isBinary.has(name.toLowerCase());
    attributes[name] = values.map((v) => (asBase64 ? ldifBase64(v) : ldifText(v)));
  }
  return { dn: record.dn, attributes };
}

class GssapiSession implements DirectorySession {
  readonly url: string;
  binding: DirectoryBinding | undefined;
  private closed = false;

  constructor(
    private readonly target: DirectoryTarget,
    private readonly runner: ProcessRunner,
    private readonly env: Record<string, string>,
    private readonly ctx: GssapiErrorContext,
    private readonly cleanup: () => Promise<void>,
  ) {
    this.url = ldapsearchUrl(target);
  }

  /** Runs one ldapsearch; returns its parsed records and stderr. */
  private async ldapsearch(
    request: DirectorySearch,
    options: OpOptions,
  ): Promise<{ records: LdifRecord[]; stderr: string }> {
    if (this.closed) throw new DoctorError('unavailable', `The connection to ${this.url} is closed`);
    const args = ldapsearchArgs(this.target, request, options.timeoutMs);
    let result;
    try {
      result = await this.runner.run('ldapsearch', args, {
        timeoutMs: options.timeoutMs,
        env: this.env,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (e) {
      if (isDoctorError(e) && e.kind === 'timeout') throw new TimeoutError(this.target.host, options.timeoutMs);
      throw e;
    }
    // 4 = sizeLimitExceeded: the entries up to the limit the caller asked for are valid.
    const partialOk = result.exitCode === 4 && !!request.sizeLimit;
    if (result.exitCode !== 0 && !partialOk) throw mapLdapsearchFailure(result.exitCode, result.stderr, this.ctx);
    try {
      return { records: parseLdif(result.stdout), stderr: result.stderr };
    } catch (e) {
      if (e instanceof LdifError)
        throw new DoctorError('protocol', `${this.ctx.endpoint}: unreadable LDIF from ldapsearch (${e.message})`);
      throw e;
    }
  }

  /** Verifies the bind with a RootDSE read, and learns who the DC saw and how the session is protected. */
  async bind(options: OpOptions): Promise<void> {
    const { records, stderr } = await this.ldapsearch(
      { base: '', scope: 'base', filter: '(objectClass=*)', attributes: ['dnsHostName'] },
      options,
    );
    if (records.length !== 1) throw new DoctorError('protocol', `${this.ctx.endpoint} returned no RootDSE`);
    const info = saslInfo(stderr);
    this.binding = {
      transport: this.target.security,
      mechanism: 'gssapi',
      identity: info.identity ?? this.ctx.principal ?? '',
      ...(info.ssf !== undefined ? { ssf: info.ssf } : {}),
    };
  }

  async *search(request: DirectorySearch, options: OpOptions): AsyncIterable<DirectoryEntry> {
    throwIfAborted(options.signal, `Search of ${request.base}`);
    const { records } = await this.ldapsearch(request, options);
    for (const r of records) {
      throwIfAborted(options.signal, `Search of ${request.base}`);
      yield toEntry(r, request.binaryAttributes ?? []);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.cleanup();
  }
}

export class GssapiDirectoryConnector implements DirectoryConnector {
  constructor(
    private readonly runner: ProcessRunner,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** The cache's principal, or the error that says to run kinit (no cache, or only expired tickets). */
  private async checkTicket(realm: string, options: OpOptions): Promise<string | undefined> {
    if (!(await this.runner.has('klist'))) return undefined; // ldapsearch will say what is missing
    const op = { timeoutMs: options.timeoutMs, ...(options.signal ? { signal: options.signal } : {}) };
    const list = await this.runner.run('klist', [], op);
    const principal = klistPrincipal(list.stdout);
    if (list.exitCode !== 0 || !principal) throw noTicket({ realm });
    const valid = await this.runner.run('klist', ['-s'], op);
    if (valid.exitCode !== 0) throw expiredTicket({ realm, principal });
    return principal;
  }

  async connect(
    target: DirectoryTarget,
    credentials: DirectoryCredentials,
    options: OpOptions,
  ): Promise<DirectorySession> {
    if (!HOST_RE.test(target.host))
      throw new DoctorError('usage', `"${target.host}" is not a DNS host name; Kerberos needs the DC's full name`);
    if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65535)
      throw new DoctorError('usage', `Port ${String(target.port)} is not between 1 and 65535`);
    if (!isKerberos(credentials))
      throw new DoctorError('usage', 'The Kerberos directory adapter signs in with a ticket, never a password');
    if (target.security === 'starttls')
      throw new DoctorError(
        'usage',
        'With Kerberos use plain LDAP (port 389, sealed by Kerberos) or LDAPS, not StartTLS',
      );
    throwIfAborted(options.signal, `Connecting to ${target.host}`);
    if (!(await this.runner.has('ldapsearch'))) throw ldapsearchMissing(this.platform);
    const realm = realmOfHost(target.host);
    const principal = await this.checkTicket(realm, options);
    const ctx: GssapiErrorContext = {
      endpoint: `${target.host}:${target.port}`,
      host: target.host,
      realm,
      ...(principal ? { principal } : {}),
      timeoutMs: options.timeoutMs,
      platform: this.platform,
    };
    const env: Record<string, string> = {};
    let dir: string | undefined;
    if (target.security === 'ldaps') {
      env.LDAPTLS_REQCERT = 'demand';
      if (target.caPem?.trim()) {
        // OpenLDAP reads CAs from a file only; the bundle is the system's roots plus the user's CA.
        dir = await mkdtemp(path.join(os.tmpdir(), 'ead-ldap-'));
        const bundle = path.join(dir, 'ca.pem');
        await writeFile(bundle, trustedCas(target.caPem).join('\n'), { mode: 0o600 });
        env.LDAPTLS_CACERT = bundle;
      }
    }
    const cleanup = async (): Promise<void> => {
      if (dir) await rm(dir, { recursive: true, force: true });
    };
    const session = new GssapiSession(target, this.runner, env, ctx, cleanup);
    try {
      await session.bind(options);
    } catch (e) {
      await session.close();
      throw e;
    }
    return session;
  }
}
