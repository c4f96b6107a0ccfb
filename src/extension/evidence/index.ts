/**
 * The evidence feature: the language server for Exchange logs, message headers and queue output,
 * its commands, the Evidence scan view and content-based language detection.
 *
 * Wiring (src/extension.ts): `activateEvidenceFeature(context, api, log);` after the directory
 * feature has produced the API.
 *
 * The language server starts on first use (an evidence document open or opened, or a folder scan),
 * not at activation: its client library is most of the extension's bundle, and most sessions that
 * activate the extension for the Exchange Servers view never open a log.
 */
import * as vscode from 'vscode';
import type { ExchangeAuthDoctorApi } from '../api';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EVIDENCE_COMMANDS,
  EVIDENCE_LANGUAGES,
  EvidenceSettingsNotification,
  ResolveHostsRequest,
  SCAN_VIEW_ID,
} from '../../shared/evidence-protocol';
import { createEvidenceClient, readEvidenceSettings } from './client';
import { diagnose, openScanHit, openStep } from './commands';
import { registerLanguageDetection } from './detect-language';
import { HostResolverService } from '../../io/host-resolver';
import { onRequest, sendNotification } from './messages';
import { HAS_RESULTS_KEY, scanFolderCommand } from './scan-command';
import { ScanTreeProvider } from './scan-tree';

const WATCHED = [
  'exchangeAuthDoctor.checks.clockWarningSeconds',
  'exchangeAuthDoctor.checks.clockToleranceMinutes',
  'exchangeAuthDoctor.evidence',
];

export interface EvidenceFeature {
  /** Starts the language server unless it runs already; resolves with its client once it runs. */
  start(): Promise<LanguageClient>;
}

const LANGUAGES: ReadonlySet<string> = new Set(Object.values(EVIDENCE_LANGUAGES));

export function activateEvidenceFeature(
  context: vscode.ExtensionContext,
  api: Pick<ExchangeAuthDoctorApi, 'getDiscovery' | 'onDidChangeDiscovery'>,
  log: vscode.LogOutputChannel,
): EvidenceFeature {
  const resolver = new HostResolverService(() => api.getDiscovery());
  const tree = new ScanTreeProvider();
  const view = vscode.window.createTreeView(SCAN_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  let client: LanguageClient | undefined;
  let starting: Promise<LanguageClient> | undefined;
  const pushSettings = (): void => {
    if (client?.isRunning()) void sendNotification(client, EvidenceSettingsNotification, readEvidenceSettings());
  };
  const start = (): Promise<LanguageClient> => {
    starting ??= (async () => {
      const c = createEvidenceClient(context, log);
      client = c;
      context.subscriptions.push(
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

  context.subscriptions.push(
    tree,
    view,
    // A document in one of our languages (opened, or detected by content) starts the server.
    vscode.workspace.onDidOpenTextDocument(startFor),
    api.onDidChangeDiscovery(() => {
      resolver.reset();
      pushSettings();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (WATCHED.some((k) => e.affectsConfiguration(k))) pushSettings();
    }),
    vscode.commands.registerCommand(EVIDENCE_COMMANDS.scanFolder, async (arg: unknown) =>
      scanFolderCommand(await start(), tree, log, arg),
    ),
    vscode.commands.registerCommand(EVIDENCE_COMMANDS.clearScan, async () => {
      tree.show(undefined);
      await vscode.commands.executeCommand('setContext', HAS_RESULTS_KEY, false);
    }),
    vscode.commands.registerCommand(EVIDENCE_COMMANDS.openScanHit, openScanHit),
    vscode.commands.registerCommand(EVIDENCE_COMMANDS.diagnose, diagnose),
    vscode.commands.registerCommand(EVIDENCE_COMMANDS.openStep, openStep),
    registerLanguageDetection(log),
  );
  vscode.workspace.textDocuments.forEach(startFor);
  return { start };
}
