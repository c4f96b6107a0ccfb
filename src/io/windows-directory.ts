/**
 * DirectoryConnector for Windows that reads the directory as the logged-on user, as Microsoft's
 * own tools do: Windows PowerShell 5.1 (`-NoProfile -NonInteractive -EncodedCommand`) running the
 * script of ./windows-directory-script.ts (System.DirectoryServices, Negotiate with signing and
 * sealing, or LDAPS). One process per session, i.e. per discovery: requests go to it as JSON
 * lines on standard input, never into the command line, and each has the caller's deadline and
 * AbortSignal (./line-channel.ts). The machine's certificate store decides LDAPS trust here; a CA
 * file from the settings is not used by this adapter.
 *
 * NOT RUN ON WINDOWS HERE; see the script's header. The channel and the parsing are tested on
 * Linux with a stand-in process that speaks the script's protocol.
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
} from '../core/io';
import { isKerberos } from '../core/io';
import { DoctorError, throwIfAborted } from '../core/errors';
import { ldapsearchUrl, validateSearch } from './ldapsearch-args';
import { powershellArgs } from './windows-directory-script';
import { parseWindowsOutput, type WindowsSearchOutput } from './windows-directory-output';
import { LineChannel } from './line-channel';
import { resolveExecutable } from './process';

const HOST_RE = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

/** One request line for the script: JSON with every non-ASCII character escaped (\uXXXX), so no console code page can change it. */
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
  }).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface WindowsProcessStarter {
  /** The absolute path of Windows PowerShell, or undefined when it is not on PATH. */
  resolve(): Promise<string | undefined>;
  start(executable: string, args: readonly string[], what: string): LineChannel;
}

const powershell: WindowsProcessStarter = {
  resolve: () => resolveExecutable('powershell', { platform: process.platform, env: process.env }),
  start: (executable, args, what) => LineChannel.start(executable, args, what),
};

class WindowsSession implements DirectorySession {
  readonly url: string;
  binding: DirectoryBinding | undefined;

  constructor(
    private readonly target: DirectoryTarget,
    private readonly channel: LineChannel,
  ) {
    this.url = ldapsearchUrl(target);
  }

  async run(request: DirectorySearch, options: OpOptions): Promise<WindowsSearchOutput> {
    if (this.channel.closed) throw new DoctorError('unavailable', `The connection to ${this.url} is closed`);
    const line = await this.channel.request(windowsRequest(this.target, request, options.timeoutMs), options);
    const ctx = {
      endpoint: `${this.target.host}:${this.target.port}`,
      host: this.target.host,
      timeoutMs: options.timeoutMs,
    };
    return parseWindowsOutput(line, ctx);
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
    return this.channel.close();
  }
}

export class WindowsDirectoryConnector implements DirectoryConnector {
  constructor(private readonly starter: WindowsProcessStarter = powershell) {}

  async connect(
    target: DirectoryTarget,
    credentials: DirectoryCredentials,
    options: OpOptions,
  ): Promise<DirectorySession> {
    if (!HOST_RE.test(target.host))
      throw new DoctorError('usage', `"${target.host}" is not a DNS host name; Kerberos needs the DC's full name`);
    if (!isKerberos(credentials))
      throw new DoctorError('usage', 'The Windows logon adapter signs in as the logged-on user, never with a password');
    if (target.security === 'starttls')
      throw new DoctorError(
        'usage',
        'With the Windows logon use plain LDAP (port 389, signed and sealed) or LDAPS, not StartTLS',
      );
    throwIfAborted(options.signal, `Connecting to ${target.host}`);
    const executable = await this.starter.resolve();
    if (!executable)
      throw new DoctorError('kerberos-unavailable', 'Windows PowerShell (powershell.exe) was not found on PATH');
    const channel = this.starter.start(executable, powershellArgs(), `Windows PowerShell reading ${target.host}`);
    const session = new WindowsSession(target, channel);
    try {
      await session.bind(options);
    } catch (e) {
      await session.close();
      throw e;
    }
    return session;
  }
}
