/**
 * The message tracking log's part of a delivery path. A row with a client end and a server end
 * that are different servers (SMTP RECEIVE, SEND, SENDEXTERNAL, DEFER, FAIL) is a hop; any other
 * row of the message (DELIVER, SUBMIT, RESOLVE, EXPAND, a STOREDRIVER RECEIVE, a FAIL of the
 * categorizer, HAREDIRECT...) happened on one server and becomes an event on it: on the server end,
 * else the client end, else the server that wrote the log. Fields as Microsoft documents them
 * ("Message tracking in Exchange Server": client-hostname is the server or client that submitted,
 * server-hostname the server that logged the event or the destination of a SEND; event-id and
 * source name what happened). Only the rows of one message are kept: the one the other evidence
 * names, else the first that failed, else the first.
 */
import { parseEndpoint } from './endpoint';
import { findFailures } from './failure-patterns';
import { iterateLines } from './lines';
import { applyDirective, newHeader, readRecord, TRACKING_LOG_FIELDS } from './w3c';
import type { HostEnd } from '../../shared/evidence-model';
import type { Step } from '../../shared/findings';
import {
  addRecipients,
  angle,
  type EvidenceDocument,
  type PathFacts,
  type RawEvent,
  type RawHop,
} from './delivery-path-model';

/** Rows that carry the message from one server to another when their two ends differ. */
const HOP_EVENTS = new Set(['RECEIVE', 'SEND', 'SENDEXTERNAL', 'DEFER', 'FAIL']);
/** A server's events are capped: a message looping through agents must not flood the panel. */
export const MAX_EVENTS = 40;

export function failureSteps(text: string): Step[] {
  const steps: Step[] = [];
  for (const hit of findFailures(text)) for (const s of hit.steps) if (!steps.includes(s)) steps.push(s);
  return steps;
}

const short = (name: string): string => name.split('.')[0]!.toLowerCase();

/** The same server: the same address, or the same short name. */
export function sameHost(a: HostEnd, b: HostEnd): boolean {
  return (!!a.ip && a.ip === b.ip) || (!!a.name && !!b.name && short(a.name) === short(b.name));
}

interface MessageRows {
  hops: RawHop[];
  events: RawEvent[];
  sender?: string;
  recipients: string[];
  fails: boolean;
}

function splitRecipients(v: string): string[] {
  return v
    .split(';')
    .map((s) => angle(s) ?? '')
    .filter((s) => s.includes('@'))
    .slice(0, 50);
}

/** Reads one tracking log into rows per Message-ID. */
function readMessages(doc: EvidenceDocument): Map<string, MessageRows> {
  const header = newHeader(TRACKING_LOG_FIELDS);
  const byMessage = new Map<string, MessageRows>();
  /** The server that wrote the log: the server end of its first SMTP RECEIVE, else of any row. */
  let receiving: HostEnd | undefined;
  let anyServer: HostEnd | undefined;
  const homeless: { rows: MessageRows; event: Omit<RawEvent, 'at'> }[] = [];
  for (const line of iterateLines(doc.text)) {
    if (line.length === 0 || applyDirective(header, line.text)) continue;
    const rec = readRecord(header, line.text);
    const v = (name: string): string => rec.get(name)?.value.trim() ?? '';
    const event = v('event-id').toUpperCase();
    if (!/^[A-Z]{2,30}$/.test(event)) continue;
    const id = angle(v('message-id')) ?? '';
    const end = (host: string, ip: string): HostEnd | undefined => {
      const name = parseEndpoint(v(host))?.name;
      const addr = parseEndpoint(v(ip))?.ip;
      return name || addr ? { ...(name ? { name } : {}), ...(addr ? { ip: addr } : {}) } : undefined;
    };
    const client = end('client-hostname', 'client-ip');
    const server = end('server-hostname', 'server-ip');
    const source = v('source').toUpperCase();
    if (server) {
      anyServer ??= server;
      if (event === 'RECEIVE' && source === 'SMTP') receiving ??= server;
    }
    if (!id) continue;
    const status = v('recipient-status');
    const steps = failureSteps(status);
    const failing = event === 'DEFER' || event === 'FAIL' || steps.length > 0;
    const parsed = Date.parse(v('date-time'));
    const time = Number.isNaN(parsed) ? undefined : parsed;
    const recipients = splitRecipients(v('recipient-address'));
    const m = byMessage.get(id) ?? { hops: [], events: [], recipients: [], fails: false };
    byMessage.set(id, m);
    m.sender ??= angle(v('sender-address'));
    addRecipients(m.recipients, recipients);
    m.fails ||= failing;
    const common = {
      ...(time !== undefined ? { time } : {}),
      ...(status ? { status } : {}),
      ...(recipients.length ? { recipients } : {}),
      failing,
      steps,
    };
    if (HOP_EVENTS.has(event) && client && server && !sameHost(client, server)) {
      const via = v('connector-id') || v('source');
      m.hops.push({ from: client, to: server, ...common, ...(via ? { via } : {}), source: 'tracking-log' });
      continue;
    }
    const raw = { event, ...(source ? { source } : {}), ...common };
    const at = server ?? client;
    if (at) m.events.push({ ...raw, at });
    else homeless.push({ rows: m, event: raw });
  }
  // Rows that name no server at all (a categorizer FAIL, an EXPAND) happened on the log's server.
  const local = receiving ?? anyServer;
  if (local) for (const h of homeless) h.rows.events.push({ ...h.event, at: local });
  return byMessage;
}

/** Adds the rows of the message to follow (see the header) to what the other documents said. */
export function fromTrackingLog(doc: EvidenceDocument, facts: PathFacts): void {
  const byMessage = readMessages(doc);
  const wanted = facts.messageId;
  const id =
    (wanted && byMessage.has(wanted) ? wanted : undefined) ??
    [...byMessage.entries()].find(([, m]) => m.fails)?.[0] ??
    [...byMessage.keys()][0];
  const chosen = id === undefined ? undefined : byMessage.get(id);
  if (!chosen || id === undefined) return;
  facts.messageId ??= id;
  facts.sender ??= chosen.sender;
  addRecipients(facts.recipients, chosen.recipients);
  facts.hops.push(...chosen.hops);
  facts.events.push(...chosen.events.slice(0, MAX_EVENTS * 4));
}
