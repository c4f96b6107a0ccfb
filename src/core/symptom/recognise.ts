/**
 * Step 0 of the walkthrough: from whatever the admin pasted (the Queue Viewer "Last Error", the
 * text or the Get-WinEvent JSON of Application event 1035, or a line of an SMTP protocol log) to
 * the pair of servers that fail to authenticate. Pure: no I/O, no `vscode`. Matching names and
 * addresses to the discovered servers is in ./match.ts.
 *
 * Which end is which:
 * - Queue Viewer: the queue sits on the sending server; "The last endpoint attempted was IP:port"
 *   (Exchange 2013 and later) or the next hop names the receiving one.
 * - Event 1035 is logged by the receiving server ("Receive connector Default EX02"); its source IP
 *   address is the sending server.
 * - SMTP protocol log: in a Send log the 454 is received (`<`) and the remote endpoint is the
 *   receiver; in a Receive log the 454 is sent (`>`) and the remote endpoint is the sender.
 */
import { isIP } from 'node:net';
import { parseWinEvents } from '../steps/5-kerberos-logging/winevent';
import { cleanTerminalOutput } from '../parsers/terminal-clean';
import { fromEventRecords } from './from-events';

export type { HostRef, SymptomFact, SymptomKind, SymptomRecognition } from '../../shared/symptom';
import type { HostRef, SymptomRecognition } from '../../shared/symptom';

const STATUS_454 = /\b454[\s-]+4\.7\.0\b|\b4\.7\.0[^\n]{0,60}\b454\b/i;
const WRAPPER_451 = /\b451[\s-]+4\.4\.0\b/;
const LAST_ENDPOINT = /last endpoint attempted was\s+\[?([0-9a-f.:]+?)\]?:(\d{1,5})\b/i;
const EVENT_1035 =
  /authentication failed with error\s+(\S+?)\s+for Receive connector\s+(.+?)\.\s*The authentication mechanism is\s+(\S+?)\.[\s\S]*?\[([^\]\s]+)\]/i;
const EVENT_1035_LOOSE = /\b1035\b[\s\S]{0,400}\bMSExchangeTransport\b|\bMSExchangeTransport\b[\s\S]{0,400}\b1035\b/i;
const COMPUTER_LINE =
  /^\s*(?:Computer|MachineName|Equipo|Computer name|Computador|Computadora)\s*[:=]\s*([A-Za-z0-9.-]+)\s*$/im;
const NEXT_HOP = /^\s*NextHopDomain\s*:\s*(.+?)\s*$/im;
const QUEUE_IDENTITY = /^\s*Identity\s*:\s*([A-Za-z0-9-]+)\\\d+\s*$/im;

function splitEndpoint(text: string): { ip?: string; name?: string; port?: number } {
  const t = text.trim();
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(t);
  const host = m ? (m[1] ?? '') : t;
  const port = m ? Number(m[2]) : undefined;
  const out: { ip?: string; name?: string; port?: number } = {};
  if (isIP(host)) out.ip = host;
  else if (/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(host)) out.name = host;
  if (port !== undefined) out.port = port;
  return out;
}

/** The server a default receive connector is named after: `Default EX02`, `Default Frontend EX02`. */
export function serverOfConnector(connector: string): string | undefined {
  const c = connector.replace(/^.*\\/, '').trim();
  const m =
    /^(?:Default(?: Frontend)?|Client(?: Frontend| Proxy)|Outbound Proxy Frontend)\s+([A-Za-z0-9-]{1,63})$/i.exec(c);
  return m?.[1];
}

/** Splits one CSV line of an SMTP protocol log (quotes double as escapes). */
export function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function fromProtocolLog(text: string, r: SymptomRecognition): void {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || !STATUS_454.test(line)) continue;
    const f = splitCsv(line);
    // date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context
    if (f.length < 8) continue;
    const [, connector, , , local, remote, event] = f;
    if (!local || !remote || !/[:.]/.test(local) || !/[:.]/.test(remote)) continue;
    const localEnd = splitEndpoint(local);
    const remoteEnd = splitEndpoint(remote);
    if (event === '<') {
      r.kinds.push('smtp-send-log');
      r.sending = { ...localEnd };
      r.receiving = { ...remoteEnd };
    } else if (event === '>') {
      r.kinds.push('smtp-receive-log');
      r.receiving = { ...localEnd };
      r.sending = { ...remoteEnd };
    } else continue;
    if (connector) {
      r.connector = connector;
      r.facts.push({ label: 'Connector', value: connector });
    }
    return;
  }
}

function fromEventText(text: string, r: SymptomRecognition): void {
  const m = EVENT_1035.exec(text);
  if (m) {
    r.kinds.push('event-1035');
    r.error = m[1];
    r.connector = m[2]?.trim();
    r.mechanism = m[3];
    const source = splitEndpoint(m[4] ?? '');
    if (source.ip || source.name) r.sending = { ...source };
  } else if (EVENT_1035_LOOSE.test(text)) {
    r.kinds.push('event-1035');
  } else return;
  const computer = COMPUTER_LINE.exec(text)?.[1];
  const byConnector = r.connector ? serverOfConnector(r.connector) : undefined;
  const receiving = computer ?? byConnector;
  if (receiving) r.receiving = { name: receiving };
}

function fromEventJson(text: string, r: SymptomRecognition): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  const parsed = parseWinEvents(text);
  if (!parsed.recognised) return false;
  const event = parsed.value.find((e) => e.detail.kind === 'exchange-inbound-auth-failed');
  if (!event || event.detail.kind !== 'exchange-inbound-auth-failed') return false;
  const d = event.detail;
  r.kinds.push('event-1035');
  if (d.error) r.error = d.error;
  if (d.connector) r.connector = d.connector;
  if (d.mechanism) r.mechanism = d.mechanism;
  if (d.sourceIp) r.sending = splitEndpoint(d.sourceIp);
  const receiving = event.machineName ?? (d.connector ? serverOfConnector(d.connector) : undefined);
  if (receiving) r.receiving = { name: receiving };
  return true;
}

function fromQueueViewer(text: string, r: SymptomRecognition): void {
  if (!WRAPPER_451.test(text) && !LAST_ENDPOINT.test(text) && !/LastError\s*:/i.test(text)) return;
  r.kinds.push('queue-viewer');
  const endpoint = LAST_ENDPOINT.exec(text);
  if (endpoint) r.receiving = { ...r.receiving, ...splitEndpoint(`${endpoint[1]}:${endpoint[2]}`) };
  const hop = NEXT_HOP.exec(text)?.[1];
  if (hop && !r.receiving?.name && !r.receiving?.ip && /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(hop))
    r.receiving = { name: hop };
  const queueOwner = QUEUE_IDENTITY.exec(text)?.[1];
  if (queueOwner && !r.sending) r.sending = { name: queueOwner };
}

function describe(end: HostRef | undefined): string | undefined {
  if (!end) return undefined;
  const host = end.name ?? end.ip;
  if (!host) return undefined;
  const withIp = end.name && end.ip ? `${end.name} (${end.ip})` : host;
  return end.port ? `${withIp}, port ${end.port}` : withIp;
}

export function recogniseSymptom(input: string): SymptomRecognition {
  const text = cleanTerminalOutput(typeof input === 'string' ? input : '').slice(0, 200_000);
  const r: SymptomRecognition = {
    recognised: false,
    kinds: [],
    has454: STATUS_454.test(text),
    has451: WRAPPER_451.test(text),
    facts: [],
  };
  if (!fromEventJson(text, r)) {
    fromProtocolLog(text, r);
    if (!r.kinds.length) fromEventText(text, r);
    // Other display languages, Event XML, Format-List: when the English reading found no address.
    if ((!r.kinds.length || (r.kinds.includes('event-1035') && !r.sending)) && fromEventRecords(text, r))
      r.kinds = [...new Set(r.kinds)];
  }
  if (!r.kinds.includes('event-1035') && !r.kinds.some((k) => k.startsWith('smtp-'))) fromQueueViewer(text, r);
  if (r.has454 && !r.kinds.length) r.kinds.push('status-code');
  r.recognised = r.kinds.length > 0;
  if (r.error) r.facts.push({ label: 'Error', value: r.error });
  if (r.mechanism) r.facts.push({ label: 'Authentication mechanism', value: r.mechanism });
  if (r.connector && !r.facts.some((f) => f.label === 'Connector'))
    r.facts.push({ label: 'Connector', value: r.connector });
  const sending = describe(r.sending);
  if (sending) r.facts.push({ label: 'Sending server', value: sending });
  const receiving = describe(r.receiving);
  if (receiving) r.facts.push({ label: 'Receiving server', value: receiving });
  return r;
}
