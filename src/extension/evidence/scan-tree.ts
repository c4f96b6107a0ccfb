/**
 * The "Evidence scan" view: authentication failures found by "Scan log folder", grouped by remote
 * server, then by hour (UTC), then the lines themselves; a line opens its file at that line.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScanGroup, ScanHit, ScanReport } from '../../shared/evidence-scan';
import { commandId } from '../../shared/command-id';
import type { AuthObservation, CorrelatedFailure } from '../../shared/evidence-correlation';
import { parseLang, render } from '../../core/l10n/render';

type Node =
  | { kind: 'summary'; report: ScanReport }
  | { kind: 'correlated'; failure: CorrelatedFailure; folder: string }
  | { kind: 'observation'; obs: AuthObservation; folder: string }
  | { kind: 'remote'; remote: string; groups: ScanGroup[] }
  | { kind: 'hour'; group: ScanGroup }
  | { kind: 'hit'; hit: ScanHit };

function formatBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(2)} GB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  return `${(n / 1024).toFixed(0)} KB`;
}

function codesText(codes: ScanGroup['codes']): string {
  return Object.entries(codes)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([c, n]) => `${c} ×${n}`)
    .join(', ');
}

export class ScanTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private report: ScanReport | undefined;

  get current(): ScanReport | undefined {
    return this.report;
  }

  show(report: ScanReport | undefined): void {
    this.report = report;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const r = this.report;
    if (!r) return [];
    if (!node) {
      const byRemote = new Map<string, ScanGroup[]>();
      for (const g of r.groups) byRemote.set(g.remote, [...(byRemote.get(g.remote) ?? []), g]);
      const remotes = [...byRemote.entries()]
        .map(([remote, groups]) => ({ kind: 'remote' as const, remote, groups }))
        .sort((a, b) => b.groups.reduce((s, g) => s + g.count, 0) - a.groups.reduce((s, g) => s + g.count, 0));
      // Failures seen from both ends first: they name the step and the cause.
      const correlated = (r.correlated ?? []).map((failure) => ({
        kind: 'correlated' as const,
        failure,
        folder: r.folder,
      }));
      return [{ kind: 'summary', report: r }, ...correlated, ...remotes];
    }
    if (node.kind === 'correlated')
      return node.failure.observations.map((obs) => ({ kind: 'observation', obs, folder: node.folder }));
    if (node.kind === 'remote') return node.groups.map((group) => ({ kind: 'hour', group }));
    if (node.kind === 'hour') return node.group.hits.map((hit) => ({ kind: 'hit', hit }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'summary': {
        const r = node.report;
        const item = new vscode.TreeItem(
          r.cancelled
            ? vscode.l10n.t(
                'Cancelled after {0} files ({1}): {2} failure lines',
                r.files,
                formatBytes(r.bytes),
                r.matchedLines,
              )
            : vscode.l10n.t(
                '{0} files ({1}) in {2} s: {3} failure lines',
                r.files,
                formatBytes(r.bytes),
                (r.durationMs / 1000).toFixed(1),
                r.matchedLines,
              ),
        );
        item.description = r.folder;
        item.tooltip = [
          r.folder,
          ...(r.truncated ? [vscode.l10n.t('Only the first lines of each group are listed.')] : []),
          ...r.errors,
        ].join('\n');
        item.iconPath = new vscode.ThemeIcon(r.cancelled ? 'debug-pause' : 'search');
        item.contextValue = 'evidenceScanSummary';
        return item;
      }
      case 'correlated': {
        const f = node.failure;
        // The core's message catalogue, in VS Code's display language.
        const text = render(parseLang(vscode.env.language), f.text);
        const item = new vscode.TreeItem(`${f.sending} → ${f.receiving}`, vscode.TreeItemCollapsibleState.Expanded);
        item.description = text;
        item.tooltip = text;
        item.iconPath = new vscode.ThemeIcon('link');
        item.contextValue = 'evidenceScanCorrelated';
        return item;
      }
      case 'observation': {
        const o = node.obs;
        const file = o.file ? path.join(node.folder, o.file) : node.folder;
        const item = new vscode.TreeItem(`${o.file ?? '?'}${o.line !== undefined ? `:${o.line + 1}` : ''}`);
        item.description = [o.source, o.error, o.time !== undefined ? new Date(o.time).toISOString() : undefined]
          .filter(Boolean)
          .join(' · ');
        item.iconPath = new vscode.ThemeIcon('circle-small-filled');
        item.command = {
          command: commandId('evidence.openScanHit'),
          title: vscode.l10n.t('Open'),
          arguments: [file, o.line ?? 0],
        };
        return item;
      }
      case 'remote': {
        const count = node.groups.reduce((s, g) => s + g.count, 0);
        const item = new vscode.TreeItem(node.remote, vscode.TreeItemCollapsibleState.Expanded);
        item.description = vscode.l10n.t('{0} failure lines', count);
        item.iconPath = new vscode.ThemeIcon('server');
        item.contextValue = 'evidenceScanRemote';
        return item;
      }
      case 'hour': {
        const g = node.group;
        const label = /^\d{4}-\d{2}-\d{2}T\d{2}$/.test(g.hour) ? `${g.hour.replace('T', ' ')}:00 UTC` : g.hour;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${g.count} · ${codesText(g.codes)}`;
        item.iconPath = new vscode.ThemeIcon('clock');
        return item;
      }
      case 'hit': {
        const h = node.hit;
        const item = new vscode.TreeItem(`${path.basename(h.file)}:${h.line + 1}`);
        item.description = h.text.slice(0, 160);
        item.tooltip = `${h.file}:${h.line + 1}\n${h.text}`;
        item.iconPath = new vscode.ThemeIcon('error');
        item.command = {
          command: commandId('evidence.openScanHit'),
          title: vscode.l10n.t('Open'),
          arguments: [h.file, h.line],
        };
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
