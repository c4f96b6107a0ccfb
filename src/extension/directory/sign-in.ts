/**
 * "Sign in to directory" and "Sign out". Sign-in offers the two ways (the Kerberos ticket or
 * Windows logon, or a bind user's password) and records the choice in
 * `exchangeAuthDoctor.directory.authentication`. With Kerberos nothing is asked or stored: a real
 * bind checks that the ticket works. A password is typed into a masked box, checked with a real bind
 * (cancellable, with progress), and kept in SecretStorage only. A wrong password is not stored; a DC
 * that cannot be reached right now does not block storing (the tree will say why).
 */
import * as vscode from 'vscode';
import {
  isDirectoryConfigured,
  openSetting,
  readSettings,
  saveAuthentication,
  saveBindUser,
  type DirectorySettings,
} from '../settings';
import type { CredentialStore } from './credentials';
import type { DiscoveryService } from './discovery-service';

const UPN_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$|^(?:CN|OU|DC|UID)=.+/i;

async function askBindUser(): Promise<string | undefined> {
  const user = await vscode.window.showInputBox({
    title: vscode.l10n.t('Sign in to directory'),
    prompt: vscode.l10n.t('User to bind as, as a UPN (name@domain) or a distinguished name'),
    placeHolder: 'svc-doctor@contoso.com',
    ignoreFocusOut: true,
    validateInput: (v) =>
      UPN_RE.test(v.trim()) ? undefined : vscode.l10n.t('Enter a UPN such as name@contoso.com, or a DN'),
  });
  if (!user) return undefined;
  await saveBindUser(user.trim());
  return user.trim();
}

export type SignInWay = 'password' | 'kerberos';

function isSignInWay(v: unknown): v is SignInWay {
  return v === 'password' || v === 'kerberos';
}

/** The quick pick of the two ways, the current one first. */
async function askWay(settings: DirectorySettings): Promise<SignInWay | undefined> {
  const items: (vscode.QuickPickItem & { way: SignInWay })[] = [
    {
      way: 'kerberos',
      label: vscode.l10n.t('Kerberos ticket or Windows logon'),
      detail: vscode.l10n.t('No password: uses your kinit ticket (Linux, macOS) or your Windows sign-in'),
    },
    {
      way: 'password',
      label: vscode.l10n.t('Password of a bind user'),
      detail: vscode.l10n.t('Kept in the editor secret storage; needs LDAPS or StartTLS'),
    },
  ];
  if (settings.authentication === 'password') items.reverse();
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Sign in to directory'),
    placeHolder: vscode.l10n.t('How should Exchange Auth Doctor read Active Directory?'),
    ignoreFocusOut: true,
  });
  return pick?.way;
}

export class SignIn {
  constructor(
    private readonly credentials: CredentialStore,
    private readonly discovery: DiscoveryService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The command: the way to sign in (asked when not given), then verify, store, refresh. */
  async signIn(way?: SignInWay): Promise<void> {
    let settings = readSettings();
    if (settings.hosts.length === 0) {
      const open = vscode.l10n.t('Open Settings');
      const pick = await vscode.window.showWarningMessage(
        vscode.l10n.t('Set the domain controller host name first.'),
        open,
      );
      if (pick === open) await openSetting('directory.hosts');
      return;
    }
    const chosen = isSignInWay(way) ? way : await askWay(settings);
    if (!chosen) return;
    if (settings.authentication !== chosen) {
      await saveAuthentication(chosen);
      settings = readSettings();
    }
    if (chosen === 'kerberos') return this.signInWithKerberos(settings);
    if (!settings.bindUser) {
      if (!(await askBindUser())) return;
      settings = readSettings();
    }
    const password = await vscode.window.showInputBox({
      title: vscode.l10n.t('Sign in to directory'),
      prompt: vscode.l10n.t('Password of {0} for {1}', settings.bindUser, settings.hosts.join(', ')),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.length === 0 ? vscode.l10n.t('The password cannot be empty') : undefined),
    });
    if (!password) return;

    const error = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Checking the sign-in with {0}', settings.hosts[0] ?? ''),
        cancellable: true,
      },
      (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return this.discovery.verify(settings, { user: settings.bindUser, password }, controller.signal);
      },
    );
    if (error?.kind === 'aborted') return;
    if (error?.kind === 'bind-invalid-credentials') {
      void vscode.window.showErrorMessage(vscode.l10n.t('Sign-in failed: {0}', error.message));
      return;
    }
    await this.store(settings, password);
    if (error) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Password saved, but the sign-in could not be checked: {0}', error.message),
      );
    } else {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Signed in to {0} as {1}.', settings.hosts[0] ?? '', settings.bindUser),
      );
    }
    await this.discovery.refresh();
  }

  /** Kerberos: nothing to ask or store; a bind with the ticket (or logon) says whether it works. */
  private async signInWithKerberos(settings: DirectorySettings): Promise<void> {
    const error = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Checking the Kerberos sign-in with {0}', settings.hosts[0] ?? ''),
        cancellable: true,
      },
      (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return this.discovery.verify(settings, { kind: 'kerberos' }, controller.signal);
      },
    );
    if (error?.kind === 'aborted') return;
    if (error) void vscode.window.showErrorMessage(vscode.l10n.t('Kerberos sign-in failed: {0}', error.message));
    else
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Signed in to {0} with Kerberos; no password is stored.', settings.hosts[0] ?? ''),
      );
    this.log.info(`Kerberos sign-in ${error ? `failed: ${error.message}` : 'verified'}`);
    await this.discovery.refresh();
  }

  /** Stores a password without prompting (test API and automation); does not verify it. */
  async store(settings: DirectorySettings, password: string): Promise<void> {
    if (!isDirectoryConfigured(settings))
      throw new Error(vscode.l10n.t('Set the domain controller and bind user before signing in.'));
    await this.credentials.store(settings, password);
    this.log.info(`Password stored in SecretStorage for ${settings.bindUser} at ${settings.hosts.join(', ')}`);
  }

  async signOut(): Promise<void> {
    const settings = readSettings();
    const removed = await this.credentials.delete(settings);
    this.log.info(removed ? `Signed out: every stored password was removed` : 'Sign out: no stored password');
    void vscode.window.showInformationMessage(
      removed
        ? vscode.l10n.t('Signed out. The stored password of {0} was removed.', settings.bindUser)
        : vscode.l10n.t('No stored password to remove.'),
    );
    await this.discovery.refresh();
  }
}
