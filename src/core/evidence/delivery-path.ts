/**
 * The delivery path of one message, from the evidence about it that the admin has open: the
 * Received chain of its headers (read bottom-up as hops), the message tracking log lines with its
 * Message-ID (delivery-path-tracking.ts), and bounces about it (RFC 3464 DSN fields, Exchange NDR
 * text; the enclosed original's Message-ID joins them, bounce-original.ts). Evidence about another
 * message (a different Message-ID) stays off. The result is plain data (delivery-path-model.ts) -
 * the sender, the servers in the order the message reached them with the events on each, the hops
 * between them (which may fork: one message, several next hops), the recipients - with the failing
 * hop marked and given the likely steps of KB 979174 that the evidence recognisers name. The
 * webview draws it; nothing here reads files or knows about VS Code.
 */
import { analyseEvidence } from './analyse';
import { readBounce } from './bounce';
import { readEnclosedMessageId } from './bounce-original';
import {
  addRecipients,
  angle,
  type DeliveryPath,
  type EvidenceDocument,
  type PathEvent,
  type PathFacts,
  type PathHop,
  type PathNode,
} from './delivery-path-model';
import { failureSteps, fromTrackingLog, MAX_EVENTS } from './delivery-path-tracking';
import { detectEvidenceKind } from './detect';
import { parseEndpoint } from './endpoint';
import { readHeaderFields, readHops } from './headers';
import { iterateLines } from './lines';
import { parseMailDate } from './mail-date';
import type { HostEnd } from '../../shared/evidence-model';

/** Another message than the one followed: its evidence stays off the path. */
const otherMessage = (facts: PathFacts, id: string | undefined): boolean =>
  !!id && !!facts.messageId && id.toLowerCase() !== facts.messageId.toLowerCase();

function fromHeaders(doc: EvidenceDocument, facts: PathFacts): void {
  const { fields } = readHeaderFields(iterateLines(doc.text));
  const get = (name: string): string | undefined => fields.find((f) => f.name.toLowerCase() === name)?.value;
  const id = angle(get('message-id'));
  if (otherMessage(facts, id)) return;
  facts.messageId ??= id;
  facts.sender ??= angle(get('from'));
  const to = get('to');
  if (to)
    addRecipients(
      facts.recipients,
      to
        .split(',')
        .map((r) => angle(r) ?? '')
        .filter((r) => r.includes('@')),
    );
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

function fromBounce(doc: EvidenceDocument, facts: PathFacts): boolean {
  const bounce = readBounce(doc.text);
  if (!bounce?.reportingMta) return false;
  // The original message the bounce encloses names the message it is about.
  const id = readEnclosedMessageId(doc.text);
  if (otherMessage(facts, id)) return true;
  facts.messageId ??= id;
  const from = parseEndpoint(bounce.reportingMta);
  const { fields } = readHeaderFields(iterateLines(doc.text));
  const date = fields.find((f) => f.name.toLowerCase() === 'date')?.value;
  const time = date ? parseMailDate(date)?.time : undefined;
  for (const r of bounce.recipients) {
    const to = r.remoteMta ? parseEndpoint(r.remoteMta.replace(/^\[(.+)\]$/, '$1')) : undefined;
    const status = r.diagnosticCode ?? r.status;
    const failing = /^(failed|delayed)$/i.test(r.action ?? '') || /^[45]\./.test(r.status ?? '');
    const recipient = angle(r.finalRecipient);
    if (recipient) addRecipients(facts.recipients, [recipient]);
    if (!from) continue;
    if (!to) {
      // No remote MTA (the reporting server failed it itself): the failure is an event on that server.
      facts.events.push({
        at: from,
        event: 'DSN',
        ...(time !== undefined ? { time } : {}),
        ...(status ? { status } : {}),
        ...(recipient ? { recipients: [recipient] } : {}),
        failing,
        steps: failureSteps(status ?? ''),
      });
      continue;
    }
    facts.hops.push({
      from,
      to,
      ...(recipient ? { recipients: [recipient] } : {}),
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

const clip = (status: string | undefined): string | undefined =>
  status && status.length > MAX_STATUS ? status.slice(0, MAX_STATUS) + '…' : status;

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

/** Merges a hop seen again (another document, another row) into the one already on the path. */
function mergeHop(same: PathHop, raw: PathFacts['hops'][number]): void {
  if (!same.sources.includes(raw.source)) same.sources.push(raw.source);
  same.via ??= raw.via;
  if (raw.failing && (!same.failing || (same.steps.length === 0 && raw.steps.length > 0))) {
    same.failing = true;
    if (raw.status) same.status = raw.status;
  } else same.status ??= raw.status;
  for (const s of raw.steps) if (!same.steps.includes(s)) same.steps.push(s);
  if (raw.recipients) addRecipients((same.recipients ??= []), raw.recipients);
}

/** Builds the path of one message from the open evidence documents (headers, tracking logs, bounces). */
export function buildDeliveryPath(
  docs: readonly EvidenceDocument[],
  options: { messageId?: string } = {},
): DeliveryPath {
  const facts: PathFacts = { hops: [], events: [], recipients: [] };
  const asked = angle(options.messageId);
  if (asked) facts.messageId = asked;
  const later: EvidenceDocument[] = [];
  for (const doc of docs) {
    const kind = detectEvidenceKind(doc.text, doc.fileName);
    if (kind === 'tracking-log') later.push(doc);
    else if (fromBounce(doc, facts)) continue;
    else if (kind === 'headers') fromHeaders(doc, facts);
  }
  // Tracking logs last: the headers and bounces name the message to follow in them.
  for (const doc of later) fromTrackingLog(doc, facts);
  const nodes: PathNode[] = [];
  const hops: PathHop[] = [];
  for (const raw of facts.hops) {
    const from = nodeOf(nodes, raw.from);
    const to = nodeOf(nodes, raw.to);
    if (from === to) continue;
    // A status is shown whole in the panel: keep it to what a person reads.
    const status = clip(raw.status);
    const same = hops.find((h) => h.from === from && h.to === to);
    if (same) {
      mergeHop(same, { ...raw, ...(status ? { status } : {}) });
      continue;
    }
    hops.push({
      from,
      to,
      ...(raw.time !== undefined ? { time: raw.time } : {}),
      ...(raw.via ? { via: raw.via } : {}),
      ...(status ? { status } : {}),
      ...(raw.recipients ? { recipients: [...raw.recipients] } : {}),
      sources: [raw.source],
      failing: raw.failing,
      steps: [...raw.steps],
    });
  }
  for (const { at, ...event } of facts.events) {
    const node = nodes[nodeOf(nodes, at)]!;
    const list = (node.events ??= []);
    const status = clip(event.status);
    if (list.length < MAX_EVENTS) list.push({ ...event, ...(status ? { status } : {}) } satisfies PathEvent);
  }
  const ordered = inTravelOrder(nodes, hops);
  const failing = ordered.hops.findIndex((h) => h.failing);
  return {
    ...(facts.sender ? { sender: facts.sender } : {}),
    ...(facts.recipients.length ? { recipient: facts.recipients[0]!, recipients: facts.recipients } : {}),
    ...(facts.messageId ? { messageId: facts.messageId } : {}),
    nodes: ordered.nodes,
    hops: ordered.hops,
    ...(failing >= 0 ? { failing } : {}),
  };
}
