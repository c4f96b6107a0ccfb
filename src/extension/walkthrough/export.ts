/**
 * Saves the walkthrough's report (Markdown or self-contained HTML) where the user chooses, then
 * offers to open it. The bind password is masked should it appear anywhere.
 */
import * as vscode from 'vscode';
import type { WalkthroughState } from '../../shared/walkthrough-protocol';
import type { WalkthroughDeps } from './deps';
import { renderWalkthroughHtml, renderWalkthroughMarkdown, type ExportContext } from '../../core/walkthrough/report';

export type ExportFormat = 'markdown' | 'html';

export function renderReport(state: WalkthroughState, format: ExportFormat, ctx: ExportContext): string {
  return format === 'markdown' ? renderWalkthroughMarkdown(state, ctx) : renderWalkthroughHtml(state, ctx);
}

function defaultUri(format: ExportFormat, now: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `exchange-auth-report-${now.slice(0, 19).replace(/[:T]/g, '-')}.${format === 'markdown' ? 'md' : 'html'}`;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}

/** Writes the report to `target`, or asks where (undefined when the user cancels). */
export async function exportReport(
  deps: WalkthroughDeps,
  state: WalkthroughState,
  format: ExportFormat,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const now = new Date().toISOString();
  const ctx: ExportContext = {
    tool: { name: 'Exchange Auth Doctor', version: deps.extensionVersion },
    platform: process.platform,
    secrets: await deps.secrets(),
    now,
  };
  if (state.directorySource) ctx.directoryUrl = state.directorySource;
  let uri = target;
  if (!uri) {
    const suggested = defaultUri(format, now);
    uri = await vscode.window.showSaveDialog({
      ...(suggested ? { defaultUri: suggested } : {}),
      filters: format === 'markdown' ? { Markdown: ['md'] } : { HTML: ['html'] },
      title: vscode.l10n.t('Export the walkthrough report'),
    });
    if (!uri) return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(renderReport(state, format, ctx)));
  deps.log.info(`Walkthrough report written to ${uri.toString(true)}`);
  if (!target) {
    const open = vscode.l10n.t('Open');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Report saved to {0}', vscode.workspace.asRelativePath(uri)), open)
      .then(async (choice) => {
        if (choice === open) await vscode.window.showTextDocument(uri);
      });
  }
  return uri;
}
