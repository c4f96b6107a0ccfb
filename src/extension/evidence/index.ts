/**
 * The evidence feature: the language server for Exchange logs, message headers and queue output,
 * its commands, the Evidence scan view and content-based language detection.
 *
 * Wiring (src/extension.ts): `activateEvidenceFeature(context, api, log);` after the directory
 * feature has produced the API.
 */
import * as vscode from 'vscode';
import type { ExchangeAuthDoctorApi } from '../api';
import {
  EVIDENCE_COMMANDS,
  EvidenceSettingsNotification,
  ResolveHostsRequest,
  SCAN_VIEW_ID,
} from '../../shared/evidence-protocol';
import { createEvidenceClient, readEvidenceSettings } from './client';
import { diagnose, openScanHit, openStep } from './commands';
import { registerLanguageDetection } from './detect-language';
import { HostResolverService } from './host-resolver';
import { onRequest, sendNotification } from './messages';
import { HAS_RESULTS_KEY, scanFolderCommand } from './scan-command';
import { ScanTreeProvider } from './scan-tree';

const WATCHED = [
  'exchangeAuthDoctor.checks.clockWarningSeconds',
  'exchangeAuthDoctor.checks.clockToleranceMinutes',
  'exchangeAuthDoctor.evidence',
];

export interface EvidenceFeature {
  /** Resolves once the language server is running. */
  readonly ready: Promise<void>;
}

export function activateEvidenceFeature(
  context: vscode.ExtensionContext,
  api: Pick<ExchangeAuthDoctorApi, 'getDiscovery' | 'onDidChangeDiscovery'>,
  log: vscode.LogOutputChannel,
): EvidenceFeature {
  const client = createEvidenceClient(context, log);
  const resolver = new HostResolverService(api);
  const tree = new ScanTreeProvider();
  const view = vscode.window.createTreeView(SCAN_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const pushSettings = (): void => {
    if (client.isRunning()) void sendNotification(client, EvidenceSettingsNotification, readEvidenceSettings());
  };

  context.subscriptions.push(
    tree,
    view,
    onRequest(client, ResolveHostsRequest, (p) => resolver.resolve(Array.isArray(p?.hosts) ? p.hosts : [])),
    api.onDidChangeDiscovery(() => {
      resolver.reset();
      pushSettings();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (WATCHED.some((k) => e.affectsConfiguration(k))) pushSettings();
    }),
    vscode.commands.registerCommand(EVIDENCE_COMMANDS.scanFolder, (arg: unknown) =>
      scanFolderCommand(client, tree, log, arg),
    ),
    vscode.commands.registerCommand(EVIDENCE_COMMANDS.clearScan, async () => {
      tree.show(undefined);
      await vscode.commands.executeCommand('setContext', HAS_RESULTS_KEY, false);
    }),
    vscode.commands.registerCommand(EVIDENCE_COMMANDS.openScanHit, openScanHit),
    vscode.commands.registerCommand(EVIDENCE_COMMANDS.diagnose, diagnose),
    vscode.commands.registerCommand(EVIDENCE_COMMANDS.openStep, openStep),
    registerLanguageDetection(log),
    { dispose: () => void client.stop().catch(() => undefined) },
  );

  const ready = client.start().then(
    () => log.info('evidence: language server started'),
    (e: unknown) => {
      log.error(`evidence: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    },
  );
  ready.catch(() => undefined);
  return { ready };
}
