/**
 * One DirectoryConnector for every way of signing in, chosen by the credentials: a password goes
 * to the LDAPS/StartTLS client (ldapts); Kerberos goes to the Windows logon adapter on Windows
 * and to `ldapsearch -Y GSSAPI` elsewhere. The core, the CLI and the extension hold this one
 * connector and only decide which credentials to pass.
 *
 * `auto` (the setting and `--auth auto`) resolves to Kerberos when this machine already holds an
 * identity: a valid ticket (`klist -s`) on Linux and macOS, a domain logon on Windows.
 */
import type {
  DirectoryConnector,
  DirectoryCredentials,
  DirectorySession,
  DirectoryTarget,
  OpOptions,
  ProcessRunner,
} from '../core/io';
import { isKerberos } from '../core/io';
import { LdaptsDirectoryConnector } from './ldap-directory';
import { GssapiDirectoryConnector } from './gssapi-directory';
import { WindowsDirectoryConnector } from './windows-directory';

export type DirectoryAuthentication = 'password' | 'kerberos' | 'auto';

export class AuthDirectoryConnector implements DirectoryConnector {
  private readonly password: DirectoryConnector;
  private readonly kerberos: DirectoryConnector;

  constructor(runner: ProcessRunner, platform: NodeJS.Platform = process.platform) {
    this.password = new LdaptsDirectoryConnector();
    this.kerberos =
      platform === 'win32' ? new WindowsDirectoryConnector() : new GssapiDirectoryConnector(runner, platform);
  }

  connect(target: DirectoryTarget, credentials: DirectoryCredentials, options: OpOptions): Promise<DirectorySession> {
    return (isKerberos(credentials) ? this.kerberos : this.password).connect(target, credentials, options);
  }
}

/**
 * Whether a Kerberos sign-in can work without asking anything: on Windows a domain logon
 * (USERDNSDOMAIN is set only for domain accounts), elsewhere a valid ticket in the cache.
 */
export async function kerberosIdentityAvailable(
  runner: ProcessRunner,
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  options: OpOptions,
): Promise<boolean> {
  if (platform === 'win32') return !!env.USERDNSDOMAIN;
  if (!(await runner.has('klist')) || !(await runner.has('ldapsearch'))) return false;
  try {
    return (await runner.run('klist', ['-s'], options)).exitCode === 0;
  } catch {
    return false;
  }
}

export async function resolveAuthentication(
  mode: DirectoryAuthentication,
  available: () => Promise<boolean>,
): Promise<'password' | 'kerberos'> {
  if (mode !== 'auto') return mode;
  return (await available()) ? 'kerberos' : 'password';
}
