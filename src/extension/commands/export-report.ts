/**
 * "Export findings as a report": the stored findings (last diagnosis and tool runs) as Markdown or
 * JSON through the core's renderers, with the bind password masked, saved where the user says (or
 * to the given file, for automation and tests).
 */
import * as vscode from 'vscode';
import { buildVerdict } from '../../core/engine/verdict';
import { renderJson } from '../../core/report/json';
import { renderMarkdown } from '../../core/report/markdown';
import { type ReportMeta } from '../../core/report/meta';
import type { FindingsStore } from '../../core/session/findings-store';

export type ReportFormat = 'markdown' | 'json';

export interface ExportRequest {
  format?: ReportFormat;
  /** Where to write; when absent the user is asked. */
  uri?: vscode.Uri;
}

export function renderReport(
  store: FindingsStore,
  format: ReportFormat,
  version: string,
  secrets: readonly string[],
  directoryUrl?: string,
): string {
  const entries = store.all;
  const findings = store.findings();
  const now = new Date().toISOString();
  const startedAt = entries.map((e) => e.at).sort()[0] ?? now;
  const verdict = buildVerdict(findings, startedAt, now);
  const steps = [...new Set(entries.flatMap((e) => e.steps))].sort((a, b) => a - b);
  const meta: ReportMeta = {
    tool: { name: 'Exchange Auth Doctor (VS Code)', version },
    startedAt,
    finishedAt: now,
    ...(directoryUrl ? { directoryUrl } : {}),
    scope: entries.map((e) => e.label).join('; ') || 'nothing run yet',
    servers: [...new Set(entries.flatMap((e) => e.servers))],
    steps,
    platform: process.platform,
  };
  return format === 'json'
    ? renderJson(findings, verdict, meta, { secrets })
    : renderMarkdown(findings, verdict, meta, { secrets });
}

export async function exportReport(
  store: FindingsStore,
  request: ExportRequest,
  version: string,
  secrets: readonly string[],
  directoryUrl?: string,
): Promise<vscode.Uri | undefined> {
  if (store.all.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('There are no findings to export yet: run a diagnosis or a tool first.'),
    );
    return undefined;
  }
  let format = request.format;
  if (!format) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'Markdown', description: '.md', format: 'markdown' as const },
        { label: 'JSON', description: '.json', format: 'json' as const },
      ],
      { placeHolder: vscode.l10n.t('Report format') },
    );
    if (!pick) return undefined;
    format = pick.format;
  }
  const ext = format === 'json' ? 'json' : 'md';
  let uri = request.uri;
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `exchange-auth-report-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${ext}`;
    uri = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
      filters: format === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
    });
    if (!uri) return undefined;
  }
  const text = renderReport(store, format, version, secrets, directoryUrl);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (!request.uri) await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
