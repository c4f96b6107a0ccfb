/**
 * The one reader (and writer) of the `exchangeAuthDoctor.*` settings: every other file gets its
 * settings from here, typed and validated (the context object holds a `Settings`). Keys are the
 * ones the lab writes into its workspace (directory.hosts, .port, .security, .caFile, .bindUser,
 * timeouts.connectMs); keep them stable.
 */
import { sourceAddressesFrom } from '../core/steps/6-receive-connectors/source-addresses';
import * as vscode from 'vscode';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../core/engine/check';
import type { Step } from '../shared/findings';
import { DEFAULT_EVIDENCE_SETTINGS, type EvidenceSettings } from '../shared/evidence-protocol';

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

/** Engine settings from the editor settings (clock tolerance, warning threshold, timeouts). */
export function engineSettingsFrom(s: DirectorySettings, steps?: Step[]): EngineSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const whole = (key: string, fallback: number, min: number, max: number): number => {
    const v = c.get<number>(key);
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
  };
  return {
    ...DEFAULT_ENGINE_SETTINGS,
    realm: '',
    clockToleranceMs: s.clockToleranceMinutes * 60_000,
    clockWarningMs: s.clockWarningSeconds * 1000,
    probeTimeoutMs: whole('probes.replyTimeoutMs', DEFAULT_ENGINE_SETTINGS.probeTimeoutMs, 100, 600_000),
    connectTimeoutMs: whole('probes.connectTimeoutMs', DEFAULT_ENGINE_SETTINGS.connectTimeoutMs, 100, 60_000),
    concurrency: whole('probes.perHost', DEFAULT_ENGINE_SETTINGS.concurrency, 1, 64),
    maxConnections: whole('probes.maxConnections', DEFAULT_ENGINE_SETTINGS.maxConnections, 1, 4096),
    allSpnDuplicates: c.get<boolean>('checks.allSpnDuplicates') === true,
    windowsTools: c.get<string>('checks.windowsTools') === 'never' ? 'never' : 'auto',
    steps: steps?.length ? [...steps] : [...DEFAULT_ENGINE_SETTINGS.steps],
    ...sourceAddressSetting(c.get('servers.sourceAddresses')),
  };
}

function sourceAddressSetting(raw: unknown): Pick<EngineSettings, 'sourceAddresses'> {
  const sources = sourceAddressesFrom(raw);
  return Object.keys(sources).length ? { sourceAddresses: sources } : {};
}

/** What the evidence language server is told (it cannot read the editor's settings itself). */
export function readEvidenceSettings(): EvidenceSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    clockWarningSeconds: config.get<number>(
      'checks.clockWarningSeconds',
      DEFAULT_EVIDENCE_SETTINGS.clockWarningSeconds,
    ),
    clockToleranceMinutes: config.get<number>(
      'checks.clockToleranceMinutes',
      DEFAULT_EVIDENCE_SETTINGS.clockToleranceMinutes,
    ),
    scanWorkers: config.get<number>('evidence.scanWorkers', DEFAULT_EVIDENCE_SETTINGS.scanWorkers),
  };
}

/** Saves the bind user for every workspace (the user's settings). */
export async function saveBindUser(user: string): Promise<void> {
  await vscode.workspace
    .getConfiguration(SECTION)
    .update('directory.bindUser', user, vscode.ConfigurationTarget.Global);
}

/** Saves the sign-in way where the current value comes from (the workspace when it sets one, else the user). */
export async function saveAuthentication(way: 'password' | 'kerberos'): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const target =
    config.inspect('directory.authentication')?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update('directory.authentication', way, target);
}

/**
 * The settings as the context object hands them out: each read is fresh, so a change applies to
 * the next run without a reload.
 */
export class Settings {
  directory(): DirectorySettings {
    return readSettings();
  }

  engine(steps?: Step[]): EngineSettings {
    return engineSettingsFrom(readSettings(), steps);
  }

  evidence(): EvidenceSettings {
    return readEvidenceSettings();
  }

  /** `commands.dryRun`: commands that change a server only show what they would run. */
  dryRun(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>('commands.dryRun') === true;
  }

  /** False when `checks.windowsTools` is `never` (the CLI runs instead of setspn, w32tm...). */
  windowsToolsAllowed(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<string>('checks.windowsTools') !== 'never';
  }

  /** False forces the terminal's fallback (`terminal.useShellIntegration`). */
  useShellIntegration(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>('terminal.useShellIntegration') !== false;
  }

  /** True when the change touches one of `keys` (relative to the section: `directory`, `evidence`...). */
  affects(e: vscode.ConfigurationChangeEvent, keys: readonly string[]): boolean {
    return keys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
  }
}

/** Opens the Settings editor on one of our settings. */
export async function openSetting(key: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.${key}`);
}
