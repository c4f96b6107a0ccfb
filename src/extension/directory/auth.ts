/**
 * Which credentials the extension signs in to the directory with, from the setting
 * `exchangeAuthDoctor.directory.authentication`:
 *   password  the bind user's password from SecretStorage (signed out when none is stored);
 *   kerberos  the Kerberos ticket (Linux, macOS) or the Windows logon: nothing is asked or stored;
 *   auto      kerberos when this machine holds such an identity, else the password.
 * The Kerberos credentials carry no secret, so no password ever reaches a child process with them.
 */
import type { DirectoryCredentials } from '../../core/io';
import { ExecaProcessRunner } from '../../io/process';
import { kerberosIdentityAvailable, resolveAuthentication } from '../../io/directory-auth';
import type { DirectorySettings } from './settings';

const runner = new ExecaProcessRunner();

/** Whether a ticket (or Windows domain logon) is there to sign in with; asked fresh each time. */
export function kerberosAvailable(timeoutMs: number): Promise<boolean> {
  return kerberosIdentityAvailable(runner, process.platform, process.env, { timeoutMs });
}

/** `password` or `kerberos` for these settings (`auto` decided by the machine's identity). */
export function effectiveAuthentication(s: DirectorySettings): Promise<'password' | 'kerberos'> {
  return resolveAuthentication(s.authentication, () => kerberosAvailable(s.connectMs));
}

/**
 * The credentials to sign in with, or undefined when the password way is chosen and no password
 * is stored (signed out).
 */
export async function directoryCredentials(
  s: DirectorySettings,
  store: { get(settings: DirectorySettings): Promise<string | undefined> },
): Promise<DirectoryCredentials | undefined> {
  if ((await effectiveAuthentication(s)) === 'kerberos') return { kind: 'kerberos' };
  const password = await store.get(s);
  return password === undefined ? undefined : { user: s.bindUser, password };
}
