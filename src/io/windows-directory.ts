/**
 * DirectoryConnector for Windows that reads the directory as the logged-on user, as Microsoft's
 * own tools do: Windows PowerShell 5.1 running the script of ./windows-directory-script.ts
 * (System.DirectoryServices, Negotiate with signing and sealing, or LDAPS). The request goes
 * to the process as JSON on standard input, never into the command line; the process runs with
 * the caller's timeout and AbortSignal (ProcessRunner). The machine's certificate store decides
 * LDAPS trust here; a CA file from the settings is not used by this adapter.
 *
 * One process per search (and one for the bind check), not one per discovery: each costs a
 * PowerShell start. NOT RUN ON WINDOWS HERE; see the script's header.
 */
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
} from '../core/io.js';
import { isKerberos } from '../core/io.js';
import { DoctorError, TimeoutError, isDoctorError, throwIfAborted } from '../core/errors.js';
import { ldapsearchUrl, validateSearch } from './ldapsearch-args.js';
import { powershellArgs } from './windows-directory-script.js';
import { parseWindowsOutput, type WindowsSearchOutput } from './windows-directory-output.js';

/** The request object the script reads from standard input. */
export function windowsRequest(target: DirectoryTarget, request: DirectorySearch, timeoutMs: number): string {
  validateSearch(request);
  return JSON.stringify({
    host: target.host,
    port: target.port,
    ldaps: target.security === 'ldaps',
    base: request.base,
    scope: request.scope,
    filter: request.filter,
    attributes: request.attributes,
    binary: request.binaryAttributes ?? [],
    pageSize: request.scope === 'base' ? 0 : request.pageSize || 1000,
    sizeLimit: request.sizeLimit ?? 0,
    timeoutSeconds: Math.max(1, Math.ceil(timeoutMs / 1000)),
  });
}

class WindowsSession implements DirectorySession {
  readonly url: string;
  binding: DirectoryBinding | undefined;
  private closed = false;

  constructor(
    private readonly target: DirectoryTarget,
    private readonly runner: ProcessRunner,
  ) {
    this.url = ldapsearchUrl(target);
  }

  async run(request: DirectorySearch, options: OpOptions): Promise<WindowsSearchOutput> {
    if (this.closed) throw new DoctorError('unavailable', `The connection to ${this.url} is closed`);
    const input = windowsRequest(this.target, request, options.timeoutMs);
    let result;
    try {
      result = await this.runner.run('powershell', powershellArgs(), {
        input,
        timeoutMs: options.timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (e) {
      if (isDoctorError(e) && e.kind === 'timeout') throw new TimeoutError(this.target.host, options.timeoutMs);
      throw e;
    }
    const ctx = {
      endpoint: `${this.target.host}:${this.target.port}`,
      host: this.target.host,
      timeoutMs: options.timeoutMs,
    };
    return parseWindowsOutput(result.stdout, ctx);
  }

  async bind(options: OpOptions): Promise<void> {
    const out = await this.run(
      { base: '', scope: 'base', filter: '(objectClass=*)', attributes: ['dnsHostName'] },
      options,
    );
    this.binding = { transport: this.target.security, mechanism: 'negotiate', identity: out.identity };
  }

  async *search(request: DirectorySearch, options: OpOptions): AsyncIterable<DirectoryEntry> {
    throwIfAborted(options.signal, `Search of ${request.base}`);
    const { entries } = await this.run(request, options);
    for (const e of entries) {
      throwIfAborted(options.signal, `Search of ${request.base}`);
      yield e;
    }
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

export class WindowsDirectoryConnector implements DirectoryConnector {
  constructor(private readonly runner: ProcessRunner) {}

  async connect(
    target: DirectoryTarget,
    credentials: DirectoryCredentials,
    options: OpOptions,
  ): Promise<DirectorySession> {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(target.host))
      throw new DoctorError('usage', `"${target.host}" is not a DNS host name; Kerberos needs the DC's full name`);
    if (!isKerberos(credentials))
      throw new DoctorError('usage', 'The Windows logon adapter signs in as the logged-on user, never with a password');
    if (target.security === 'starttls')
      throw new DoctorError(
        'usage',
        'With the Windows logon use plain LDAP (port 389, signed and sealed) or LDAPS, not StartTLS',
      );
    if (!(await this.runner.has('powershell')))
      throw new DoctorError('kerberos-unavailable', 'Windows PowerShell (powershell.exe) was not found on PATH');
    const session = new WindowsSession(target, this.runner);
    await session.bind(options);
    return session;
  }
}
