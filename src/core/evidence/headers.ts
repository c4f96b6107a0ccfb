/**
 * Message headers (an .eml file or pasted header text): the Received chain read bottom-up as hops,
 * the delay of each hop, and a clock-skew warning when a hop is stamped earlier than the one before
 * it by more than the threshold (KB 979174 step 1: the two stamping hosts disagree on the time).
 * Failure text anywhere (an NDR's diagnostic, X- headers) is reported too.
 */
import { isIP } from 'node:net';
import { genericFindings } from './generic';
import { iterateLines, type Line } from './lines';
import { formatDelay, parseMailDate } from './mail-date';
import type {
  EvidenceAnalysis,
  EvidenceFinding,
  EvidenceSymbol,
  HostEnd,
  HostMention,
  TextRange,
} from '../../shared/evidence-model';
import { stepsText, text as localText, worded } from '../l10n/render';

export interface HeaderOptions {
  /** A hop stamped this many seconds before the previous one is a warning. */
  clockWarningSeconds: number;
  /** Beyond this many minutes Kerberos fails: the warning becomes an error. */
  clockToleranceMinutes: number;
}

export const DEFAULT_HEADER_OPTIONS: HeaderOptions = { clockWarningSeconds: 60, clockToleranceMinutes: 5 };

const MAX_HEADERS = 2000;

export interface HeaderField {
  name: string;
  /** Unfolded value. */
  value: string;
  lines: Line[];
}

export interface Hop {
  /** 1 for the first hop (the bottom Received header). */
  number: number;
  from?: HostEnd;
  by?: HostEnd;
  with?: string;
  time?: number;
  /** The date text's range in the document. */
  dateRange?: TextRange;
  range: TextRange;
  /** Milliseconds since the previous hop, when both have a date. */
  delayMs?: number;
}

/** Reads the header block: from the first non-empty line to the first empty line after it. */
export function readHeaderFields(lines: Iterable<Line>): { fields: HeaderField[]; bodyStart: number } {
  const fields: HeaderField[] = [];
  let started = false;
  let current: HeaderField | undefined;
  let bodyStart = -1;
  for (const line of lines) {
    const t = line.text;
    if (t.trim() === '') {
      if (started) {
        bodyStart = line.index + 1;
        break;
      }
      continue;
    }
    if ((t.charCodeAt(0) === 32 || t.charCodeAt(0) === 9) && current) {
      current.value += ' ' + t.trim();
      current.lines.push(line);
      continue;
    }
    const m = /^([!-9;-~]{1,100}):[ \t]?(.*)$/.exec(t);
    if (!m) {
      if (!started) continue;
      // A broken line inside the block: keep it with the previous field.
      if (current) {
        current.value += ' ' + t.trim();
        current.lines.push(line);
      }
      continue;
    }
    started = true;
    if (fields.length >= MAX_HEADERS) break;
    current = { name: m[1]!, value: m[2]!, lines: [line] };
    fields.push(current);
  }
  return { fields, bodyStart };
}

function hostFrom(part: string | undefined, comment: string | undefined): HostEnd | undefined {
  const h: HostEnd = {};
  if (part) {
    const p = part.replace(/^\[|\]$/g, '');
    if (isIP(p)) h.ip = p;
    else if (/^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/.test(p)) h.name = p.replace(/\.$/, '');
  }
  if (comment && !h.ip) {
    const ip = /\[?((?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})\]?/.exec(comment);
    if (ip && isIP(ip[1]!)) h.ip = ip[1]!;
  }
  return h.name || h.ip ? h : undefined;
}

export function parseReceived(value: string): { from?: HostEnd; by?: HostEnd; with?: string; dateText?: string } {
  const v = value.length > 4000 ? value.slice(0, 4000) : value;
  const semi = v.lastIndexOf(';');
  const body = semi >= 0 ? v.slice(0, semi) : v;
  const out: { from?: HostEnd; by?: HostEnd; with?: string; dateText?: string } = {};
  const from = /(?:^|\s)from\s+(\S{1,255})(?:\s+\(([^()]{0,300})\))?/i.exec(body);
  const f = hostFrom(from?.[1], from?.[2]);
  if (f) out.from = f;
  const by = /(?:^|\s)by\s+(\S{1,255})(?:\s+\(([^()]{0,300})\))?/i.exec(body);
  const b = hostFrom(by?.[1], by?.[2]);
  if (b) out.by = b;
  const w = /(?:^|\s)with\s+(.{1,120}?)(?=\s+(?:id|for|via)\s|\s*\(|$)/i.exec(body);
  if (w) out.with = w[1]!.trim();
  if (semi >= 0) out.dateText = v.slice(semi + 1).trim();
  return out;
}

function hopName(h: HostEnd | undefined): string {
  return h?.name ?? h?.ip ?? '?';
}

export function readHops(fields: readonly HeaderField[]): Hop[] {
  const received = fields.filter((f) => /^received$/i.test(f.name));
  const hops: Hop[] = [];
  for (let i = received.length - 1, n = 1; i >= 0; i--, n++) {
    const f = received[i]!;
    const r = parseReceived(f.value);
    const first = f.lines[0]!;
    const last = f.lines[f.lines.length - 1]!;
    const hop: Hop = { number: n, range: { line: first.index, start: 0, end: last.text.length, endLine: last.index } };
    if (r.from) hop.from = r.from;
    if (r.by) hop.by = r.by;
    if (r.with) hop.with = r.with;
    if (r.dateText) {
      const d = parseMailDate(r.dateText);
      if (d) {
        hop.time = d.time;
        const shown = r.dateText.slice(d.index, d.index + d.length).trim();
        // Find the date on the physical line that holds it (usually the last one).
        for (let k = f.lines.length - 1; k >= 0; k--) {
          const ln = f.lines[k]!;
          const at = ln.text.lastIndexOf(shown);
          if (at >= 0) {
            hop.dateRange = { line: ln.index, start: at, end: at + shown.length };
            break;
          }
        }
      }
    }
    const prev = hops[hops.length - 1];
    if (prev?.time !== undefined && hop.time !== undefined) hop.delayMs = hop.time - prev.time;
    hops.push(hop);
  }
  return hops;
}

export function analyseHeaders(text: string, options: HeaderOptions = DEFAULT_HEADER_OPTIONS): EvidenceAnalysis {
  const { fields } = readHeaderFields(iterateLines(text));
  const hops = readHops(fields);
  const findings: EvidenceFinding[] = [];
  const hosts: HostMention[] = [];
  const warnMs = Math.max(1, options.clockWarningSeconds) * 1000;
  const tolMs = Math.max(1, options.clockToleranceMinutes) * 60000;
  for (let i = 1; i < hops.length; i++) {
    const hop = hops[i]!;
    const prev = hops[i - 1]!;
    if (hop.delayMs === undefined || hop.delayMs >= -warnMs) continue;
    const range = hop.dateRange ?? { line: hop.range.line, start: 0, end: hop.range.end };
    const a = hopName(prev.by);
    const b = hopName(hop.by);
    const beyond = -hop.delayMs > tolMs;
    const sending = prev.by;
    const receiving = hop.by;
    findings.push({
      code: 'clock-skew',
      severity: beyond ? 'error' : 'warning',
      range,
      steps: [1],
      ...worded('ev.hop-skew', {
        hop: hop.number,
        b,
        delay: formatDelay(hop.delayMs),
        prev: prev.number,
        a,
        skew: formatDelay(-hop.delayMs).slice(1),
        beyond: beyond ? localText('ev.beyond-tolerance', { minutes: options.clockToleranceMinutes }) : '',
        steps: stepsText([1]),
      }),
      ...(sending ? { sending } : {}),
      ...(receiving ? { receiving } : {}),
    });
    if (receiving)
      hosts.push({ range, host: receiving, role: 'receiving', ...(sending ? { peer: sending } : {}), step: 1 });
  }
  findings.push(...genericFindings(text));
  const symbols: EvidenceSymbol[] = [];
  if (hops.length) {
    const first = hops[0]!;
    const last = hops[hops.length - 1]!;
    const top = Math.min(first.range.line, last.range.line);
    const bottom = Math.max(first.range.endLine ?? first.range.line, last.range.endLine ?? last.range.line);
    symbols.push({
      name: `Received chain (${hops.length} hop${hops.length === 1 ? '' : 's'})`,
      detail: hops.some((h) => (h.delayMs ?? 0) < -warnMs) ? 'clock skew' : '',
      kind: 'header-block',
      range: { line: top, start: 0, end: 0, endLine: bottom },
      selection: { line: top, start: 0, end: 0 },
      children: hops.map((h) => ({
        name: `${h.number}. ${hopName(h.from)} → ${hopName(h.by)}`,
        detail: [
          h.delayMs !== undefined ? formatDelay(h.delayMs) : h.time === undefined ? 'no date' : 'first hop',
          h.with ?? '',
        ]
          .filter(Boolean)
          .join(' · '),
        kind: 'hop' as const,
        range: h.range,
        selection: { line: h.range.line, start: 0, end: 0 },
      })),
    });
  }
  return { kind: 'headers', findings, symbols, hosts };
}
