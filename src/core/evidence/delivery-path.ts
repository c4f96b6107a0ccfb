/**
 * The delivery path of one message, from the evidence about it that the admin has open: the
 * Received chain of its headers (read bottom-up as hops), the message tracking log lines with its
 * Message-ID, and bounces about it (RFC 3464 DSN fields, Exchange NDR text). The result is plain
 * data - the sender, the servers in the order the message reached them, the hops between them (time,
 * connector or protocol, status, which evidence saw it) and the recipient - with the failing hop
 * marked and given the likely steps of KB 979174 that the evidence recognisers name. The webview
 * draws it; nothing here reads files or knows about VS Code.
 */
import type { Step } from '../../shared/findings';
import { analyseEvidence } from './analyse';
import { readBounce } from './bounce';
import { detectEvidenceKind } from './detect';
import { parseEndpoint } from './endpoint';
import { findFailures } from './failure-patterns';
import { readHeaderFields, readHops } from './headers';
import { iterateLines } from './lines';
import { parseMailDate } from './mail-date';
import { applyDirective, newHeader, readRecord, TRACKING_LOG_FIELDS } from './w3c';
import type { HostEnd } from '../../shared/evidence-model';

export type PathSource = 'headers' | 'tracking-log' | 'bounce';

export interface EvidenceDocument {
  text: string;
  fileName?: string;
}

export interface PathNode {
  /** The fullest name seen for the server, else its address. */
  name: string;
  ip?: string;
}

export interface PathHop {
  /** Indexes into `nodes`. */
  from: number;
  to: number;
  /** Milliseconds since the epoch, when the evidence dates the hop. */
  time?: number;
  /** Connector, tracking source or the `with` of a Received header. */
  via?: string;
  /** The status the evidence gives for the hop (tracking status, DSN diagnostic). */
  status?: string;
  sources: PathSource[];
  failing: boolean;
  /** Likely steps of KB 979174 for a failing hop, most likely first. */
  steps: Step[];
}

export interface DeliveryPath {
  sender?: string;
  recipient?: string;
  messageId?: string;
  nodes: PathNode[];
  hops: PathHop[];
  /** Index into `hops` of the first failing hop. */
  failing?: number;
}

interface RawHop {
  from: HostEnd;
  to: HostEnd;
  time?: number;
  via?: string;
  status?: string;
  source: PathSource;
  failing: boolean;
  steps: Step[];
}

interface Facts {
  sender?: string;
  recipient?: string;
  messageId?: string;
  hops: RawHop[];
}

const angle = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  if (!t) return undefined;
  return (/<([^<>]{1,300})>/.exec(t)?.[1] ?? t).trim();
};

function failureSteps(text: string): Step[] {
  const steps: Step[] = [];
  for (const hit of findFailures(text)) for (const s of hit.steps) if (!steps.includes(s)) steps.push(s);
  return steps;
}

function fromHeaders(doc: EvidenceDocument, facts: Facts): void {
  const { fields } = readHeaderFields(iterateLines(doc.text));
  const get = (name: string): string | undefined => fields.find((f) => f.name.toLowerCase() === name)?.value;
  facts.sender ??= angle(get('from'));
  facts.recipient ??= angle(get('to'));
  facts.messageId ??= angle(get('message-id'));
  const skew = analyseEvidence(doc.text, { kind: 'headers' }).findings.filter((f) => f.code === 'clock-skew');
  for (const hop of readHops(fields)) {
    if (!hop.by) continue;
    const from = hop.from ?? facts.hops[facts.hops.length - 1]?.to;
    if (!from) continue;
    const last = hop.range.endLine ?? hop.range.line;
    const skewed = skew.find((f) => f.range.line >= hop.range.line && f.range.line <= last);
    facts.hops.push({
      from,
      to: hop.by,
      ...(hop.time !== undefined ? { time: hop.time } : {}),
      ...(hop.with ? { via: hop.with } : {}),
      ...(skewed ? { status: skewed.message } : {}),
      source: 'headers',
      failing: skewed?.severity === 'error',
      steps: skewed ? skewed.steps : [],
    });
  }
}

function fromTrackingLog(doc: EvidenceDocument, facts: Facts, messageId: string | undefined): void {
  const header = newHeader(TRACKING_LOG_FIELDS);
  const byMessage = new Map<string, { rows: RawHop[]; sender?: string; recipient?: string; fails: boolean }>();
  for (const line of iterateLines(doc.text)) {
    if (line.length === 0 || applyDirective(header, line.text)) continue;
    const rec = readRecord(header, line.text);
    const v = (name: string): string => rec.get(name)?.value.trim() ?? '';
    const event = v('event-id').toUpperCase();
    if (!['RECEIVE', 'SEND', 'DEFER', 'FAIL', 'SENDEXTERNAL'].includes(event)) continue;
    const end = (host: string, ip: string): HostEnd | undefined => {
      const name = parseEndpoint(v(host))?.name;
      const addr = parseEndpoint(v(ip))?.ip;
      return name || addr ? { ...(name ? { name } : {}), ...(addr ? { ip: addr } : {}) } : undefined;
    };
    const from = end('client-hostname', 'client-ip');
    const to = end('server-hostname', 'server-ip');
    if (!from || !to) continue;
    const status = v('recipient-status');
    const steps = failureSteps(status);
    const failing = event === 'DEFER' || event === 'FAIL' || steps.length > 0;
    const time = Date.parse(v('date-time'));
    const via = v('connector-id') || v('source');
    const row: RawHop = {
      from,
      to,
      ...(Number.isNaN(time) ? {} : { time }),
      ...(via ? { via } : {}),
      ...(status ? { status } : {}),
      source: 'tracking-log',
      failing,
      steps,
    };
    const id = angle(v('message-id')) ?? '';
    const m = byMessage.get(id) ?? { rows: [], fails: false };
    m.rows.push(row);
    m.sender ??= angle(v('sender-address'));
    m.recipient ??= angle(v('recipient-address'));
    m.fails ||= failing;
    byMessage.set(id, m);
  }
  // The message asked for, else the one the other evidence names, else the first that failed.
  const id =
    (messageId && byMessage.has(messageId) ? messageId : undefined) ??
    [...byMessage.entries()].find(([, m]) => m.fails)?.[0] ??
    [...byMessage.keys()][0];
  const chosen = id === undefined ? undefined : byMessage.get(id);
  if (!chosen) return;
  if (id) facts.messageId ??= id;
  facts.sender ??= chosen.sender;
  facts.recipient ??= chosen.recipient;
  facts.hops.push(...chosen.rows);
}

function fromBounce(doc: EvidenceDocument, facts: Facts): boolean {
  const bounce = readBounce(doc.text);
  if (!bounce?.reportingMta) return false;
  const from = parseEndpoint(bounce.reportingMta);
  const { fields } = readHeaderFields(iterateLines(doc.text));
  const date = fields.find((f) => f.name.toLowerCase() === 'date')?.value;
  const time = date ? parseMailDate(date)?.time : undefined;
  for (const r of bounce.recipients) {
    const to = r.remoteMta ? parseEndpoint(r.remoteMta.replace(/^\[(.+)\]$/, '$1')) : undefined;
    if (!from || !to) continue;
    const status = r.diagnosticCode ?? r.status;
    const failing = /^(failed|delayed)$/i.test(r.action ?? '') || /^[45]\./.test(r.status ?? '');
    facts.recipient ??= r.finalRecipient;
    facts.hops.push({
      from,
      to,
      ...(time !== undefined ? { time } : {}),
      ...(status ? { status } : {}),
      source: 'bounce',
      failing,
      steps: failureSteps(status ?? ''),
    });
  }
  return true;
}

const MAX_STATUS = 600;

const short = (name: string): string => name.split('.')[0]!.toLowerCase();

/** Finds or adds the node for a host: the same short name or the same address is the same server. */
function nodeOf(nodes: PathNode[], h: HostEnd): number {
  const i = nodes.findIndex(
    (n) => (h.ip !== undefined && n.ip === h.ip) || (h.name !== undefined && short(n.name) === short(h.name)),
  );
  const name = h.name ?? h.ip ?? '?';
  if (i < 0) {
    nodes.push({ name, ...(h.ip ? { ip: h.ip } : {}) });
    return nodes.length - 1;
  }
  const n = nodes[i]!;
  if (h.ip && !n.ip) n.ip = h.ip;
  // Prefer a name over an address, and the longer (fuller) name.
  if (h.name && (n.name === n.ip || h.name.length > n.name.length)) n.name = h.name;
  return i;
}

/**
 * Puts the servers in the order the message reached them, whatever order the documents came in:
 * each server's depth is its longest chain of hops from a server nothing sent to (capped, so a loop
 * in the evidence cannot hang), and nodes and hops are sorted by it, stably.
 */
function inTravelOrder(nodes: PathNode[], hops: PathHop[]): { nodes: PathNode[]; hops: PathHop[] } {
  const depth = nodes.map(() => 0);
  for (let round = 0; round < nodes.length; round++)
    for (const h of hops) depth[h.to] = Math.max(depth[h.to]!, Math.min(depth[h.from]! + 1, nodes.length));
  const order = nodes.map((_, i) => i).sort((a, b) => depth[a]! - depth[b]! || a - b);
  const index = new Map(order.map((old, i) => [old, i]));
  const moved = hops.map((h) => ({ ...h, from: index.get(h.from)!, to: index.get(h.to)! }));
  return {
    nodes: order.map((i) => nodes[i]!),
    hops: moved
      .map((h, i) => ({ h, i }))
      .sort((a, b) => a.h.from - b.h.from || a.h.to - b.h.to || a.i - b.i)
      .map((x) => x.h),
  };
}

/** Builds the path of one message from the open evidence documents (headers, tracking logs, bounces). */
export function buildDeliveryPath(
  docs: readonly EvidenceDocument[],
  options: { messageId?: string } = {},
): DeliveryPath {
  const facts: Facts = { hops: [] };
  if (options.messageId) facts.messageId = angle(options.messageId);
  const later: EvidenceDocument[] = [];
  for (const doc of docs) {
    const kind = detectEvidenceKind(doc.text, doc.fileName);
    if (kind === 'tracking-log') later.push(doc);
    else if (fromBounce(doc, facts)) continue;
    else if (kind === 'headers') fromHeaders(doc, facts);
  }
  // Tracking logs last: the headers and bounces name the message to follow in them.
  for (const doc of later) fromTrackingLog(doc, facts, facts.messageId);
  const nodes: PathNode[] = [];
  const hops: PathHop[] = [];
  for (const raw of facts.hops) {
    // A status is shown whole in the panel: keep it to what a person reads.
    if (raw.status && raw.status.length > MAX_STATUS) raw.status = raw.status.slice(0, MAX_STATUS) + '…';
    const from = nodeOf(nodes, raw.from);
    const to = nodeOf(nodes, raw.to);
    if (from === to) continue;
    const same = hops.find((h) => h.from === from && h.to === to);
    if (!same) {
      hops.push({
        from,
        to,
        ...(raw.time !== undefined ? { time: raw.time } : {}),
        ...(raw.via ? { via: raw.via } : {}),
        ...(raw.status ? { status: raw.status } : {}),
        sources: [raw.source],
        failing: raw.failing,
        steps: [...raw.steps],
      });
      continue;
    }
    if (!same.sources.includes(raw.source)) same.sources.push(raw.source);
    same.via ??= raw.via;
    if (raw.failing && (!same.failing || (same.steps.length === 0 && raw.steps.length > 0))) {
      same.failing = true;
      if (raw.status) same.status = raw.status;
    } else same.status ??= raw.status;
    for (const s of raw.steps) if (!same.steps.includes(s)) same.steps.push(s);
  }
  const ordered = inTravelOrder(nodes, hops);
  const failing = ordered.hops.findIndex((h) => h.failing);
  return {
    ...(facts.sender ? { sender: facts.sender } : {}),
    ...(facts.recipient ? { recipient: facts.recipient } : {}),
    ...(facts.messageId ? { messageId: facts.messageId } : {}),
    nodes: ordered.nodes,
    hops: ordered.hops,
    ...(failing >= 0 ? { failing } : {}),
  };
}
