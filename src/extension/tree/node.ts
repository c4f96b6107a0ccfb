/**
 * The tree's own node model: plain objects built once per directory state, with parent links for
 * getParent and children arrays for getChildren. Rendering to TreeItems happens in server-tree.ts.
 */
import type * as vscode from 'vscode';

export type NodeType =
  | 'organisation'
  | 'site'
  | 'exchangeServer'
  | 'receiveConnector'
  | 'domainControllers'
  | 'domainController'
  | 'warnings'
  | 'warning'
  | 'manualServers'
  | 'failure'
  | 'message';

export interface TreeNode {
  /** Stable id, so expansion state survives refreshes. */
  id: string;
  type: NodeType;
  label: string;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  /** Codicon name. */
  icon?: string;
  iconColor?: string;
  /** Becomes TreeItem.contextValue (menus match on it). */
  contextValue: string;
  command?: vscode.Command;
  expanded?: boolean;
  /** For exchangeServer nodes: the key health is looked up by. */
  serverName?: string;
  parent?: TreeNode;
  children: TreeNode[];
}

export function node(
  fields: Omit<TreeNode, 'children' | 'contextValue'> & { contextValue?: string },
  children: TreeNode[] = [],
): TreeNode {
  const n: TreeNode = { ...fields, contextValue: fields.contextValue ?? fields.type, children };
  for (const c of children) c.parent = n;
  return n;
}
