/**
 * Reads the `exchangeAuthDoctor.*` settings into one typed, validated object. Keys are the ones the
 * lab writes into its workspace (directory.hosts, .port, .security, .caFile, .bindUser,
 * timeouts.connectMs); keep them stable.
 */
import * as vscode from 'vscode';
import * as os from 'node:os';
import * as path from 'node:path';

export const SECTION = 'exchangeAuthDoctor';

export type DirectoryAuthenticationSetting = 'password' | 'kerberos' | 'auto';

export interface DirectorySettings {
  hosts: string[];
  port: number;
  /** `ldap` (plain 389) is only used with Kerberos, whose SASL layer seals the session. */
  security: 'ldaps' | 'starttls' | 'ldap';
  /** How to sign in: a stored password, the Kerberos ticket or Windows logon, or whichever is there. */
  authentication: DirectoryAuthenticationSetting;
  /** Absolute path of the PEM CA file to trust, or undefined. */
  caFile?: string;
  bindUser: string;
  manualServers: string[];
  connectMs: number;
  operationMs: number;
  clockToleranceMinutes: number;
  clockWarningSeconds: number;
}

const HOST_RE = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/;

function cleanList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function positive(value: unknown, fallback: number, min = 1): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
}

/** `~`, `${workspaceFolder}` and paths relative to the first workspace folder. */
export function resolveUserPath(p: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  let out = p.trim().replace(/\$\{workspaceFolder\}/g, folder ?? '');
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  if (!path.isAbsolute(out) && folder) out = path.join(folder, out);
  return out;
}

export function readSettings(): DirectorySettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const securityText = c.get<string>('directory.security');
  const security = securityText === 'starttls' || securityText === 'ldap' ? securityText : 'ldaps';
  const authText = c.get<string>('directory.authentication');
  const authentication = authText === 'kerberos' || authText === 'auto' ? authText : 'password';
  const caFile = c.get<string>('directory.caFile')?.trim();
  const settings: DirectorySettings = {
    hosts: cleanList(c.get('directory.hosts')),
    port: positive(c.get('directory.port'), security === 'ldaps' ? 636 : 389),
    security,
    authentication,
    bindUser: c.get<string>('directory.bindUser')?.trim() ?? '',
    manualServers: cleanList(c.get('servers.manual')),
    connectMs: positive(c.get('timeouts.connectMs'), 10000, 100),
    operationMs: positive(c.get('timeouts.operationMs'), 30000, 100),
    clockToleranceMinutes: positive(c.get('checks.clockToleranceMinutes'), 5),
    clockWarningSeconds: positive(c.get('checks.clockWarningSeconds'), 60),
  };
  if (caFile) settings.caFile = resolveUserPath(caFile);
  return settings;
}

/** Problems that make the directory settings unusable, as user-facing text (empty when fine). */
export function settingsProblems(s: DirectorySettings): string[] {
  const problems: string[] = [];
  for (const h of s.hosts) if (!HOST_RE.test(h)) problems.push(vscode.l10n.t('"{0}" is not a valid host name', h));
  if (s.port > 65535) problems.push(vscode.l10n.t('Port {0} is out of range', s.port));
  if (s.security === 'ldap' && s.authentication === 'password')
    problems.push(vscode.l10n.t('Plain LDAP needs Kerberos sign-in: a password is never sent without TLS'));
  return problems;
}

/** A DC is named, and a bind user unless the ticket or logon may sign in. */
export function isDirectoryConfigured(s: DirectorySettings): boolean {
  return s.hosts.length > 0 && (s.bindUser.length > 0 || s.authentication !== 'password');
}

/** Opens the Settings editor on one of our settings. */
export async function openSetting(key: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.${key}`);
}
