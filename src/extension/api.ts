/**
 * What `activate()` returns: the extension's internal API for the integration tests and for other
 * features of this extension (checks decorate servers; commands read the discovery).
 *
 *   const api = await vscode.extensions.getExtension<ExchangeAuthDoctorApi>(EXTENSION_ID)!.activate();
 *   await api.signInWithPassword(process.env.EAD_BIND_PASSWORD!);   // SecretStorage, no prompt
 *   await api.refresh();                                            // resolves when settled
 *   api.getDiscovery()?.servers;  api.getTreeSnapshot();
 *   api.setServerHealth('EX01', 'error', 'SPN missing');
 */
import type * as vscode from 'vscode';
import type { DiscoveryResult } from '../core/directory/model';
import type { FailureKind } from '../core/errors';
import type { Finding, Remedy, Severity } from '../shared/findings';
import type { ServerHealth, TreeSnapshot } from './tree/server-tree';
import type { DiagnosisService } from './diagnosis/diagnosis-service';
import type { FindingsSnapshot } from './findings/findings-view';
import type { ToolRunOutcome } from './tool-runs/tool-run-service';
import type { GateHooks } from './tool-runs/safety-gate';

export const EXTENSION_ID = 'exchange-auth-doctor.exchange-auth-doctor';

export interface DirectoryStatus {
  kind: 'not-configured' | 'invalid-settings' | 'signed-out' | 'loading' | 'ready' | 'failed';
  /** For `failed`: the failure kind and message (never contains the password). */
  failure?: { kind: FailureKind; message: string };
}

export interface ExchangeAuthDoctorApi {
  /** The current discovery when the state is `ready`, otherwise undefined. */
  getDiscovery(): DiscoveryResult | undefined;
  getDirectoryStatus(): DirectoryStatus;
  /** Re-reads settings and the directory; resolves once the state has settled. */
  refresh(): Promise<void>;
  /** Stores a password for the configured DC and bind user in SecretStorage, without a prompt or a check. */
  signInWithPassword(password: string): Promise<void>;
  /** Removes the stored password (no prompt) and refreshes. */
  signOut(): Promise<void>;
  /** How many passwords the extension keeps in SecretStorage (0 after sign-out, and with Kerberos). */
  storedPasswordCount(): Promise<number>;
  /** The tree as it is rendered (labels, descriptions, tooltips, contextValues, commands). */
  getTreeSnapshot(): TreeSnapshot[];
  /** Shows a findings state on a server item (icon and description suffix). */
  setServerHealth(serverName: string, severity: Severity, summary?: string): void;
  /** Clears one server's state, or all when no name is given. */
  clearServerHealth(serverName?: string): void;
  getServerHealth(serverName: string): ServerHealth | undefined;
  /** Fires after every discovery state change with the current discovery (or undefined). */
  readonly onDidChangeDiscovery: vscode.Event<DiscoveryResult | undefined>;
  /** The extension's log channel, for other features to write to. */
  readonly log: vscode.LogOutputChannel;
  /** What this session ran and found (diagnosis service, findings, tool runs, test hooks). */
  session?: SessionApi;
}

/** What this session ran and found, for the integration tests. */
export interface SessionApi {
  readonly diagnosis: DiagnosisService;
  /** The Findings view as rendered. */
  findingsSnapshot(): FindingsSnapshot[];
  findings(): Finding[];
  clearFindings(): void;
  lastToolRun(): readonly ToolRunOutcome[];
  statusText(): string;
  /**
   * Runs a remedy through the one remedy runner (src/extension/remedies/remedy-runner.ts): only
   * remedies this session produced, looked up by command line, runOn and shell; `alwaysAsk`:
   * consent even for a read-only one. True when it ran.
   */
  runRemedy(remedy: Remedy, options?: { alwaysAsk?: boolean }): Promise<boolean>;
  /** The safety gate's trust check: true, and a message, when the workspace is not trusted. */
  refuseUntrusted(title: string): boolean;
  /**
   * Test hooks: confirmation, trust check and the show-only modal (undefined restores the real
   * ones). Absent in production (ExtensionMode.Production): nothing can bypass the gate there.
   */
  setHooks?: (hooks: GateHooks) => void;
}
