/**
 * The "Exchange Servers" tree. Nodes are rebuilt from the directory state on every change; server
 * items also show a findings state (icon and description suffix) that checks set through
 * setServerHealth, keyed by the server's short name.
 */
import * as vscode from 'vscode';
import type { Severity } from '../../shared/findings';
import type { DirectoryState } from '../directory/discovery-service';
import { buildNodes } from './build-nodes';
import type { TreeNode } from './node';

/** The Exchange Servers view. */
export const SERVERS_VIEW_ID = 'exchangeAuthDoctor.servers';

export interface ServerHealth {
  severity: Severity;
  summary?: string;
}

const HEALTH_ICONS: Record<Severity, [string, string]> = {
  ok: ['pass', 'testing.iconPassed'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  error: ['error', 'problemsErrorIcon.foreground'],
  unknown: ['question', 'disabledForeground'],
};

const SEVERITY_LABELS: Record<Severity, () => string> = {
  ok: () => vscode.l10n.t('no problem found'),
  warning: () => vscode.l10n.t('warning'),
  error: () => vscode.l10n.t('error'),
  unknown: () => vscode.l10n.t('could not be decided'),
};

/** Plain, serialisable view of the tree, for tests and diagnostics. */
export interface TreeSnapshot {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  icon?: string;
  command?: string;
  commandArguments?: unknown[];
  children: TreeSnapshot[];
}

export class ServerTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] = [];
  private readonly health = new Map<string, ServerHealth>();

  constructor(private state: DirectoryState) {
    this.roots = buildNodes(state);
  }

  update(state: DirectoryState): void {
    this.state = state;
    this.refresh();
  }

  refresh(): void {
    this.roots = buildNodes(this.state);
    this.changed.fire(undefined);
  }

  setServerHealth(name: string, severity: Severity, summary?: string): void {
    this.health.set(name.toUpperCase(), summary === undefined ? { severity } : { severity, summary });
    this.changed.fire(undefined);
  }

  clearServerHealth(name?: string): void {
    if (name === undefined) this.health.clear();
    else this.health.delete(name.toUpperCase());
    this.changed.fire(undefined);
  }

  getServerHealth(name: string): ServerHealth | undefined {
    return this.health.get(name.toUpperCase());
  }

  getChildren(element?: TreeNode): TreeNode[] {
    return element ? element.children : this.roots;
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.parent;
  }

  getTreeItem(n: TreeNode): vscode.TreeItem {
    const state =
      n.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : n.expanded
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(n.label, state);
    item.id = n.id;
    item.contextValue = n.contextValue;
    if (n.description !== undefined) item.description = n.description;
    if (n.tooltip !== undefined) item.tooltip = n.tooltip;
    if (n.command) item.command = n.command;
    let icon = n.icon;
    let color = n.iconColor;
    const health = n.serverName ? this.health.get(n.serverName.toUpperCase()) : undefined;
    if (health) {
      [icon, color] = HEALTH_ICONS[health.severity];
      if (health.summary) item.description = [n.description, health.summary].filter(Boolean).join(' — ');
      item.contextValue = `${n.contextValue}.${health.severity}`;
      const last = vscode.l10n.t(
        'Last check: {0}',
        [SEVERITY_LABELS[health.severity](), health.summary].filter(Boolean).join(' — '),
      );
      const before = typeof n.tooltip === 'string' ? n.tooltip : n.tooltip?.value;
      item.tooltip = before ? `${before}\n\n${last}` : last;
    }
    if (icon)
      item.iconPath = color ? new vscode.ThemeIcon(icon, new vscode.ThemeColor(color)) : new vscode.ThemeIcon(icon);
    return item;
  }

  /** The whole tree as TreeItems would show it. */
  snapshot(nodes: TreeNode[] = this.roots): TreeSnapshot[] {
    return nodes.map((n) => {
      const item = this.getTreeItem(n);
      const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const snap: TreeSnapshot = { id: n.id, label, children: this.snapshot(n.children) };
      if (typeof item.description === 'string') snap.description = item.description;
      if (tooltip !== undefined) snap.tooltip = tooltip;
      if (item.contextValue) snap.contextValue = item.contextValue;
      if (item.iconPath instanceof vscode.ThemeIcon) snap.icon = item.iconPath.id;
      if (item.command) {
        snap.command = item.command.command;
        if (item.command.arguments) snap.commandArguments = item.command.arguments;
      }
      return snap;
    });
  }

  /** Nodes for reveal(): the first exchangeServer node with this name. */
  findServer(name: string, nodes: TreeNode[] = this.roots): TreeNode | undefined {
    for (const n of nodes) {
      if (n.type === 'exchangeServer' && n.serverName?.toUpperCase() === name.toUpperCase()) return n;
      const found = this.findServer(name, n.children);
      if (found) return found;
    }
    return undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
