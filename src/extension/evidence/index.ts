/**
 * The evidence feature: the language server for Exchange logs, message headers and queue output,
 * the Evidence scan view and content-based language detection (its commands are in the command
 * table). Created by the context object (src/extension/ctx.ts); what belongs to one language
 * client goes in the context's client lifetime.
 *
 * The language server starts on first use (an evidence document open or opened, or a folder scan),
 * not at activation: its client library is most of the extension's bundle, and most sessions that
 * activate the extension for the Exchange Servers view never open a log.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DiscoveryResult } from '../../core/directory/model';
import {
  EVIDENCE_LANGUAGES,
  EvidenceSettingsNotification,
  ResolveHostsRequest,
  SCAN_VIEW_ID,
} from '../../shared/evidence-protocol';
import { HostResolverService } from '../../io/host-resolver';
import type { Settings } from '../settings';
import { createEvidenceClient } from './client';
import { registerLanguageDetection } from './detect-language';
import { onRequest, sendNotification } from './messages';
import { HAS_RESULTS_KEY } from './scan-command';
import { ScanTreeProvider } from './scan-tree';

export interface EvidenceFeature {
  /** Starts the language server unless it runs already; resolves with its client once it runs. */
  start(): Promise<LanguageClient>;
  /** The Evidence scan view's tree. */
  readonly tree: ScanTreeProvider;
  /** Empties the Evidence scan view. */
  clearScan(): Promise<void>;
}

export interface EvidenceFeatureDeps {
  extension: vscode.ExtensionContext;
  getDiscovery(): DiscoveryResult | undefined;
  onDidChangeDiscovery: vscode.Event<DiscoveryResult | undefined>;
  settings: Pick<Settings, 'evidence' | 'affects'>;
  log: vscode.LogOutputChannel;
  /** Disposed with the extension. */
  subscriptions: vscode.Disposable[];
  /** Disposed when the language client stops (and with the extension). */
  clientSubscriptions: vscode.Disposable[];
}

const LANGUAGES: ReadonlySet<string> = new Set(Object.values(EVIDENCE_LANGUAGES));

export function createEvidenceFeature(deps: EvidenceFeatureDeps): EvidenceFeature {
  const { log, settings } = deps;
  const resolver = new HostResolverService(() => deps.getDiscovery());
  const tree = new ScanTreeProvider();
  const view = vscode.window.createTreeView(SCAN_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  let client: LanguageClient | undefined;
  let starting: Promise<LanguageClient> | undefined;
  const pushSettings = (): void => {
    if (client?.isRunning()) void sendNotification(client, EvidenceSettingsNotification, settings.evidence());
  };
  const start = (): Promise<LanguageClient> => {
    starting ??= (async () => {
      const c = createEvidenceClient(deps.extension, log, settings.evidence());
      client = c;
      deps.clientSubscriptions.push(
        onRequest(c, ResolveHostsRequest, (p) => resolver.resolve(Array.isArray(p?.hosts) ? p.hosts : [])),
        { dispose: () => void c.stop().catch(() => undefined) },
      );
      try {
        await c.start();
      } catch (e) {
        log.error(`evidence: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
      log.info('evidence: language server started');
      return c;
    })();
    return starting;
  };
  const startFor = (doc: vscode.TextDocument): void => {
    if (LANGUAGES.has(doc.languageId)) start().catch(() => undefined);
  };

  deps.subscriptions.push(
    tree,
    view,
    // A document in one of our languages (opened, or detected by content) starts the server.
    vscode.workspace.onDidOpenTextDocument(startFor),
    deps.onDidChangeDiscovery(() => {
      resolver.reset();
      pushSettings();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (settings.affects(e, ['checks.clockWarningSeconds', 'checks.clockToleranceMinutes', 'evidence']))
        pushSettings();
    }),
    registerLanguageDetection(log),
  );
  vscode.workspace.textDocuments.forEach(startFor);
  return {
    start,
    tree,
    clearScan: async () => {
      tree.show(undefined);
      await vscode.commands.executeCommand('setContext', HAS_RESULTS_KEY, false);
    },
  };
}
