/**
 * The layout of the delivery-path diagram: where each box (the sender, each server, each
 * recipient) and each hop sits on a grid, so the page only places text in cells and draws lines
 * between them. Columns follow the travel (a server's column is its longest chain of hops from a
 * first server; the sender before, the recipients after); a server that sends to several next hops
 * spreads them over rows (a fork), and each hop has a cell of its own between the columns of its
 * two ends, in the row of the server it reaches. Grid positions are logical (column 0 is where the
 * message starts), so a right-to-left page mirrors the picture by itself. Pure.
 */
import type { DeliveryPath } from './delivery-path-model';

export interface GraphBox {
  /** `s` the sender, `n<i>` server i of `path.nodes`, `r<i>` recipient i of `path.recipients`. */
  id: string;
  kind: 'sender' | 'server' | 'recipient';
  /** Index into `path.nodes` (servers) or `path.recipients` (recipients). */
  index?: number;
  col: number;
  row: number;
  /** A server one of whose events failed, or a recipient reached through a failing hop. */
  failing: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Index into `path.hops` for a hop; none for the sender's submission or a delivery. */
  hop?: number;
  kind: 'hop' | 'submit' | 'deliver';
  failing: boolean;
  /** The hop's own cell (hops only): between the two columns, in half-column units. */
  cell?: { col: number; row: number };
}

export interface DeliveryGraph {
  boxes: GraphBox[];
  edges: GraphEdge[];
  /** Box columns (a hop cell sits between two). */
  cols: number;
  rows: number;
}

/** The longest chain of hops that reaches each server (capped, so a loop cannot hang). */
function depths(path: DeliveryPath): number[] {
  const depth = path.nodes.map(() => 0);
  for (let round = 0; round < path.nodes.length; round++)
    for (const h of path.hops) depth[h.to] = Math.max(depth[h.to]!, Math.min(depth[h.from]! + 1, path.nodes.length));
  return depth;
}

/** The server where each recipient ends: its DELIVER, else the last server a hop carried it to. */
function endOf(path: DeliveryPath, recipient: string, sinks: number[]): number | undefined {
  const same = (list: string[] | undefined): boolean =>
    !!list?.some((r) => r.toLowerCase() === recipient.toLowerCase());
  const delivered = path.nodes.findIndex((n) => n.events?.some((e) => e.event === 'DELIVER' && same(e.recipients)));
  if (delivered >= 0) return delivered;
  const carried = path.hops.filter((h) => same(h.recipients)).map((h) => h.to);
  const last = carried.find((to) => sinks.includes(to)) ?? carried[carried.length - 1];
  return last ?? sinks[sinks.length - 1];
}

export function layoutDeliveryPath(path: DeliveryPath): DeliveryGraph {
  const depth = depths(path);
  const first = path.sender ? 1 : 0;
  const taken = new Set<string>();
  const boxes: GraphBox[] = [];
  const place = (box: Omit<GraphBox, 'row'>, wanted: number): GraphBox => {
    let row = Math.max(0, wanted);
    while (taken.has(`${box.col}:${row}`)) row++;
    taken.add(`${box.col}:${row}`);
    const placed = { ...box, row };
    boxes.push(placed);
    return placed;
  };
  const rowOf = new Map<string, number>();
  if (path.sender) rowOf.set('s', place({ id: 's', kind: 'sender', col: 0, failing: false }, 0).row);
  // Servers column by column; each below the server that sent to it, its siblings under it.
  const order = path.nodes.map((_, i) => i).sort((a, b) => depth[a]! - depth[b]! || a - b);
  const children = new Map<number, number>();
  for (const i of order) {
    const into = path.hops.find((h) => h.to === i && rowOf.has(`n${h.from}`));
    const parentRow = into ? rowOf.get(`n${into.from}`)! : 0;
    const nth = into ? (children.get(into.from) ?? 0) : 0;
    if (into) children.set(into.from, nth + 1);
    const failing = !!path.nodes[i]!.events?.some((e) => e.failing);
    const box = place({ id: `n${i}`, kind: 'server', index: i, col: first + depth[i]!, failing }, parentRow + nth);
    rowOf.set(box.id, box.row);
  }
  const edges: GraphEdge[] = [];
  const cells = new Set<string>();
  path.hops.forEach((h, hop) => {
    const from = boxes.find((b) => b.id === `n${h.from}`)!;
    const to = boxes.find((b) => b.id === `n${h.to}`)!;
    const col = from.col * 2 + 1;
    let row = to.row;
    while (cells.has(`${col}:${row}`)) row++;
    cells.add(`${col}:${row}`);
    edges.push({ from: from.id, to: to.id, hop, kind: 'hop', failing: h.failing, cell: { col, row } });
  });
  const hasIn = new Set(path.hops.map((h) => h.to));
  const hasOut = new Set(path.hops.map((h) => h.from));
  if (path.sender)
    for (const i of order.filter((n) => !hasIn.has(n)).slice(0, 1))
      edges.push({ from: 's', to: `n${i}`, kind: 'submit', failing: false });
  const sinks = order.filter((n) => !hasOut.has(n));
  const lastCol = Math.max(first - 1, ...boxes.map((b) => b.col)) + 1;
  (path.recipients ?? []).forEach((recipient, r) => {
    const end = endOf(path, recipient, sinks);
    const endRow = end === undefined ? r : rowOf.get(`n${end}`)!;
    const through = path.hops.find((h) => h.to === end && h.failing);
    const failed =
      end !== undefined && !!path.nodes[end]!.events?.some((e) => e.failing && e.recipients?.includes(recipient));
    const box = place({ id: `r${r}`, kind: 'recipient', index: r, col: lastCol, failing: !!through || failed }, endRow);
    if (end !== undefined) edges.push({ from: `n${end}`, to: box.id, kind: 'deliver', failing: box.failing });
  });
  const rows = Math.max(1, ...boxes.map((b) => b.row + 1), ...[...cells].map((c) => Number(c.split(':')[1]) + 1));
  return { boxes, edges, cols: Math.max(1, ...boxes.map((b) => b.col + 1)), rows };
}
