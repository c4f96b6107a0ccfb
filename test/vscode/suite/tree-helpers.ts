/**
 * Small helpers the in-editor test files share: the settings section and a search of the
 * Exchange Servers tree as the extension renders it.
 */
import type { TreeSnapshot } from '../../../src/extension/tree/server-tree';

export const SECTION = 'exchangeAuthDoctor';

/** The first node, depth first, that satisfies `pred`. */
export function find(nodes: TreeSnapshot[], pred: (n: TreeSnapshot) => boolean): TreeSnapshot | undefined {
  for (const n of nodes) {
    if (pred(n)) return n;
    const hit = find(n.children, pred);
    if (hit) return hit;
  }
  return undefined;
}
