/**
 * The bind password lives only in SecretStorage, keyed by the first DC host and the bind user, so
 * pointing the settings at another domain asks again instead of sending the old password there.
 */
import type * as vscode from 'vscode';
import type { DirectorySettings } from './settings.js';

const PREFIX = 'exchangeAuthDoctor.directory.password';

export function secretKey(host: string, user: string): string {
  return `${PREFIX}:${host.toLowerCase()}|${user.toLowerCase()}`;
}

export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  readonly onDidChange = (listener: () => void): vscode.Disposable =>
    this.secrets.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) listener();
    });

  private key(s: DirectorySettings): string | undefined {
    const host = s.hosts[0];
    return host && s.bindUser ? secretKey(host, s.bindUser) : undefined;
  }

  async get(s: DirectorySettings): Promise<string | undefined> {
    const key = this.key(s);
    return key ? await this.secrets.get(key) : undefined;
  }

  async store(s: DirectorySettings, password: string): Promise<void> {
    const key = this.key(s);
    if (!key) throw new Error('No domain controller or bind user is configured');
    await this.secrets.store(key, password);
  }

  async delete(s: DirectorySettings): Promise<boolean> {
    const key = this.key(s);
    if (!key || (await this.secrets.get(key)) === undefined) return false;
    await this.secrets.delete(key);
    return true;
  }
}
