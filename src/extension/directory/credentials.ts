/**
 * The bind password lives only in SecretStorage, keyed by everything that decides where it is
 * sent and whom the connection trusts: the whole list of DC hosts (sorted, lower-cased), the port,
 * the security mode, the CA file and the bind user. The password is sent to every host of the list
 * (failover), so adding a host, pointing the settings at another domain, or naming another CA file
 * (a workspace's own CA would let it accept a certificate of its choosing for the same host name)
 * asks again instead of sending the stored password there. Keys of earlier versions are simply not
 * found: the user is signed out and signs in again.
 *
 * Sign-out removes every password this extension stored, not only the one of the current
 * settings: the keys stored are kept in an index (itself in SecretStorage, which all of the
 * extension's CredentialStore instances share; it names hosts and users, never a password).
 */
import type * as vscode from 'vscode';
import type { DirectorySettings } from '../settings';
import type { DirectoryCredentials } from '../../core/io';
import { ExecaProcessRunner } from '../../io/process';
import { kerberosIdentityAvailable, resolveAuthentication } from '../../io/directory-auth';

const PREFIX = 'exchangeAuthDoctor.directory.password';
/** Does not start with PREFIX: changing the index is not a change of credentials. */
export const INDEX_KEY = 'exchangeAuthDoctor.directory.storedCredentialKeys';

export type KeyedSettings = Pick<DirectorySettings, 'hosts' | 'bindUser' | 'port' | 'security' | 'caFile'>;

/** The key of the password for these hosts (all of them, in any order and case), port, mode, CA file and user. */
export function secretKey(s: KeyedSettings): string {
  const list = [...new Set(s.hosts.map((h) => h.trim().toLowerCase()).filter((h) => h !== ''))].sort();
  // JSON keeps the parts apart whatever characters a path holds.
  const where = JSON.stringify([s.security, s.port, s.caFile ?? null]);
  return `${PREFIX}:${list.join(',')}|${s.bindUser.toLowerCase()}|${where}`;
}

/** The key earlier versions used (the first host only); removed on sign-out. */
function legacyKey(host: string, user: string): string {
  return `${PREFIX}:${host.toLowerCase()}|${user.toLowerCase()}`;
}

/** Index updates of every instance run one after the other (read-modify-write of one secret). */
let indexQueue: Promise<unknown> = Promise.resolve();

export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  readonly onDidChange = (listener: () => void): vscode.Disposable =>
    this.secrets.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) listener();
    });

  private key(s: KeyedSettings): string | undefined {
    return s.hosts.some((h) => h.trim() !== '') && s.bindUser ? secretKey(s) : undefined;
  }

  private async readIndex(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse((await this.secrets.get(INDEX_KEY)) ?? '[]');
      return Array.isArray(parsed)
        ? parsed.filter((k): k is string => typeof k === 'string' && k.startsWith(`${PREFIX}:`))
        : [];
    } catch {
      return [];
    }
  }

  private updateIndex(change: (keys: string[]) => string[]): Promise<string[]> {
    const next = indexQueue.then(async () => {
      const before = await this.readIndex();
      const after = [...new Set(change(before))];
      if (after.length) await this.secrets.store(INDEX_KEY, JSON.stringify(after));
      else await this.secrets.delete(INDEX_KEY);
      return before;
    });
    indexQueue = next.catch(() => undefined);
    return next;
  }

  /** How many passwords this extension keeps in SecretStorage (from the index; names no secret). */
  async storedCount(): Promise<number> {
    return (await this.readIndex()).length;
  }

  async get(s: DirectorySettings): Promise<string | undefined> {
    const key = this.key(s);
    return key ? await this.secrets.get(key) : undefined;
  }

  async store(s: DirectorySettings, password: string): Promise<void> {
    const key = this.key(s);
    if (!key) throw new Error('No domain controller or bind user is configured');
    await this.updateIndex((keys) => [...keys, key]);
    await this.secrets.store(key, password);
  }

  /**
   * Signs out: removes every stored password (all the keys of the index, the current settings'
   * key and its legacy form). True when a password was removed.
   */
  async delete(s: DirectorySettings): Promise<boolean> {
    const key = this.key(s);
    let removed = false;
    const listed = await this.updateIndex(() => []);
    const extra: string[] = [];
    if (key) extra.push(key);
    const first = s.hosts[0];
    if (first && s.bindUser) extra.push(legacyKey(first, s.bindUser));
    for (const k of new Set([...listed, ...extra])) {
      if ((await this.secrets.get(k)) === undefined) continue;
      await this.secrets.delete(k);
      removed = true;
    }
    return removed;
  }
}

/*
 * Which credentials the extension signs in to the directory with, from the setting
 * `exchangeAuthDoctor.directory.authentication`:
 *   password  the bind user's password from SecretStorage (signed out when none is stored);
 *   kerberos  the Kerberos ticket (Linux, macOS) or the Windows logon: nothing is asked or stored;
 *   auto      kerberos when this machine holds such an identity, else the password.
 * The Kerberos credentials carry no secret, so no password ever reaches a child process with them.
 */
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
