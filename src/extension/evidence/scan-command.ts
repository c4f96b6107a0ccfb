/**
 * "Scan log folder": asks the language server to stream every log of a folder from disk (the
 * server reads them; nothing is opened in the editor), shows progress with a Cancel button, and
 * puts the failures in the Evidence scan view.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ScanReport } from '../../shared/evidence-scan';
import {
  CancelScanNotification,
  ScanFolderRequest,
  ScanProgressNotification,
  SCAN_VIEW_ID,
} from '../../shared/evidence-protocol';
import { onNotification, sendNotification, sendRequest } from './messages';
import type { ScanTreeProvider } from './scan-tree';

export const HAS_RESULTS_KEY = 'exchangeAuthDoctor.evidenceScan.hasResults';

async function pickFolder(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.file(arg);
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Scan'),
    title: vscode.l10n.t('Folder of Exchange logs (SMTP protocol logs, message tracking logs)'),
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
  });
  return picked?.[0];
}

export async function scanFolderCommand(
  client: LanguageClient,
  tree: ScanTreeProvider,
  log: vscode.LogOutputChannel,
  arg: unknown,
): Promise<ScanReport | undefined> {
  const folder = await pickFolder(arg);
  if (!folder) return undefined;
  if (folder.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Only folders on this machine can be scanned.'));
    return undefined;
  }
  const scanId = randomUUID();
  const report = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Scanning {0}', folder.fsPath),
      cancellable: true,
    },
    async (progress, token) => {
      let reported = 0;
      const sub = onNotification(client, ScanProgressNotification, (p) => {
        if (p.scanId !== scanId) return;
        const pct = p.bytesTotal ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 0;
        progress.report({
          increment: Math.max(0, pct - reported),
          message: vscode.l10n.t(
            '{0} of {1} files, {2} MB, {3} failure lines',
            p.filesDone,
            p.filesTotal,
            Math.round(p.bytesDone / 1048576),
            p.matchedLines,
          ),
        });
        reported = Math.max(reported, pct);
      });
      const cancel = token.onCancellationRequested(
        () => void sendNotification(client, CancelScanNotification, { scanId }),
      );
      try {
        return await sendRequest(client, ScanFolderRequest, { folder: folder.fsPath, scanId });
      } finally {
        sub.dispose();
        cancel.dispose();
      }
    },
  );
  log.info(
    `evidence: scanned ${report.files} files (${report.bytes} bytes) in ${report.durationMs} ms under ${report.folder}: ${report.matchedLines} failure lines${report.cancelled ? ' (cancelled)' : ''}`,
  );
  for (const e of report.errors) log.warn(`evidence: ${e}`);
  tree.show(report);
  await vscode.commands.executeCommand('setContext', HAS_RESULTS_KEY, true);
  await vscode.commands.executeCommand(`${SCAN_VIEW_ID}.focus`).then(undefined, () => undefined);
  const remotes = new Set(report.groups.map((g) => g.remote)).size;
  void vscode.window.showInformationMessage(
    report.matchedLines
      ? vscode.l10n.t('{0} authentication failure lines from {1} remote server(s).', report.matchedLines, remotes)
      : vscode.l10n.t('No authentication failures in {0} files.', report.files),
  );
  return report;
}
