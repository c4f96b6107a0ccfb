/**
 * What the walkthrough needs from the rest of the extension, as narrow interfaces so the panel
 * can be driven by fakes and does not depend on how the other features are built.
 */
import type * as vscode from 'vscode';
import type { EngineEvent, Scope } from '../../core/engine/check';
import type { Finding, Remedy, Step, Verdict } from '../../shared/findings';
import type { Language } from '../../shared/walkthrough-protocol';
import type { ExchangeAuthDoctorApi } from '../api';

/** A diagnosis as the panel reads it. */
export interface WalkthroughRun {
  scope: Scope;
  findings: Finding[];
  verdict: Verdict;
  cancelled: boolean;
  startedAt: string;
  steps?: Step[];
}

/** The part of src/extension/diagnosis/diagnosis-service.ts the panel uses. */
export interface WalkthroughDiagnosis {
  run(
    scope: Scope,
    options: { steps?: Step[]; signal?: AbortSignal; onEvent?: (e: EngineEvent) => void; progress?: boolean },
  ): Promise<WalkthroughRun>;
  /** The last complete diagnosis of a scope (made from the tree, the Findings view or the palette). */
  lastOf?(scope: Scope): WalkthroughRun | undefined;
  /** Fires when any diagnosis ends, the panel's own included. */
  onDidRun?: vscode.Event<WalkthroughRun>;
}

export interface WalkthroughDeps {
  extensionUri: vscode.Uri;
  extensionVersion: string;
  api: Pick<ExchangeAuthDoctorApi, 'getDiscovery' | 'getDirectoryStatus' | 'onDidChangeDiscovery'>;
  diagnosis: WalkthroughDiagnosis;
  log: vscode.LogOutputChannel;
  /** The language the panel opens in (the editor's display language). */
  defaultLanguage(): Language;
  /** DNS for mapping an address in a pasted symptom to a server. */
  resolve(host: string): Promise<string[]>;
  /**
   * Runs a remedy through the one remedy runner (src/extension/remedies/remedy-runner.ts): trust,
   * consent that shows exactly the line typed, the shell the remedy was quoted for. `alwaysAsk`:
   * consent even for a read-only remedy. True when it ran.
   */
  runRemedy(remedy: Remedy, options?: { alwaysAsk?: boolean }): Promise<boolean>;
  /** The safety gate's trust check (true, and a message, in an untrusted workspace): the same gate for Run. */
  refuseUntrusted(title: string): boolean;
  /** Strings to mask in exports (the bind password), read when exporting. */
  secrets(): Promise<string[]>;
}
