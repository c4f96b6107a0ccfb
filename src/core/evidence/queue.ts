/**
 * Queue Viewer / `Get-Queue` output: `Format-List` records (`Identity : EX01\3` ... `LastError :
 * 451 4.4.0 ...`) and `Format-Table` rows. The queue sits on the sending server (the Identity's
 * server part); the receiving end is "the last endpoint attempted", the `{FQDN=}`/`{IP=}` parts of
 * the error, or the next hop domain when it is a host name.
 */
import { parseEndpoint } from './endpoint';
import { findFailures } from './failure-patterns';
import { iterateLines, type Line } from './lines';
import { findingFromHit } from './messages';
import type {
  EvidenceAnalysis,
  EvidenceFinding,
  EvidenceSymbol,
  HostEnd,
  HostMention,
} from '../../shared/evidence-model';
import { MAX_FINDINGS, MAX_SYMBOLS } from './protocol-log';
import { joinWrappedValue, type ValuePiece } from './wrapped-value';

interface QueueProp {
  value: string;
  lines: Line[];
  pieces: ValuePiece[];
}

interface QueueRecord {
  props: Map<string, QueueProp>;
  firstLine: number;
  lastLine: number;
  lastLength: number;
}

const PROP = /^([A-Za-z][A-Za-z ]{0,40}?)\s*:\s?(.*)$/;

export function receivingFromError(text: string, nextHop?: string): HostEnd | undefined {
  const last = /last endpoint attempted was ([0-9A-Fa-f.:[\]]{3,60})/i.exec(text);
  if (last) {
    const e = parseEndpoint(last[1]!.replace(/[.,;]$/, ''));
    if (e) return e;
  }
  const fqdn = /\{FQDN=([A-Za-z0-9.-]{1,255})\}/.exec(text);
  const ip = /\{IP=([0-9A-Fa-f.:]{2,45})\}/.exec(text);
  if (fqdn || ip) return { ...(fqdn ? { name: fqdn[1]! } : {}), ...(ip ? { ip: ip[1]! } : {}) };
  if (nextHop && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(nextHop.trim())) return { name: nextHop.trim() };
  return undefined;
}

export function analyseQueue(text: string): EvidenceAnalysis {
  const records: QueueRecord[] = [];
  let current: QueueRecord | undefined;
  let lastProp: QueueProp | undefined;
  let tableHeader: string[] | undefined;
  const tableRows: { line: Line; cells: string[] }[] = [];

  for (const line of iterateLines(text)) {
    const t = line.text;
    if (t.trim() === '') {
      current = undefined;
      lastProp = undefined;
      continue;
    }
    if (/^\s*Identity\s+DeliveryType\s+Status\b/i.test(t)) {
      tableHeader = t.trim().split(/\s+/);
      continue;
    }
    if (/^\s*-{3,}(\s+-{3,})*\s*$/.test(t)) continue;
    const m = PROP.exec(t);
    if (m && !/^\s/.test(t)) {
      const name = m[1]!.replace(/\s+/g, '').toLowerCase();
      // Records are separated by blank lines; a property seen twice starts the next record too.
      // Identity may come anywhere in a record (PowerShell prints LastError before it).
      if (!current || current.props.has(name)) {
        current = { props: new Map(), firstLine: line.index, lastLine: line.index, lastLength: t.length };
        records.push(current);
      }
      lastProp = { value: m[2]!.trim(), lines: [line], pieces: [{ line, start: t.length - m[2]!.length }] };
      current.props.set(name, lastProp);
      current.lastLine = line.index;
      current.lastLength = t.length;
      continue;
    }
    if (/^\s/.test(t) && lastProp && current) {
      lastProp.value += ' ' + t.trim();
      lastProp.lines.push(line);
      lastProp.pieces.push({ line, start: 0 });
      current.lastLine = line.index;
      current.lastLength = t.length;
      continue;
    }
    if (tableHeader) tableRows.push({ line, cells: t.trim().split(/\s+/) });
  }

  const findings: EvidenceFinding[] = [];
  const symbols: EvidenceSymbol[] = [];
  const hosts: HostMention[] = [];
  const seen = new Set<number>();

  for (const r of records) {
    const identity = r.props.get('identity')?.value ?? '';
    const server = /^([A-Za-z0-9-]{1,63})\\/.exec(identity)?.[1];
    const error = r.props.get('lasterror') ?? r.props.get('lasterrortext');
    const nextHop = r.props.get('nexthopdomain')?.value;
    const sending: HostEnd | undefined = server ? { name: server } : undefined;
    // Both readings of a wrapped value: glued where the wrap may have cut a word, and all spaces.
    const wrapped = error ? joinWrappedValue(error.pieces) : undefined;
    const receiving = wrapped
      ? (receivingFromError(wrapped.text) ?? receivingFromError(wrapped.alternate.text, nextHop))
      : undefined;
    let firstHit: { line: number; start: number; end: number; step?: number } | undefined;
    for (const ln of error?.lines ?? []) seen.add(ln.index);
    if (error) {
      // The value as one string: `454 4.7.0` may be split over two lines at any console width.
      const joined = joinWrappedValue(error.pieces);
      let text = joined.text;
      let hits = findFailures(text);
      if (!hits.length && joined.alternate.text !== text) {
        text = joined.alternate.text;
        hits = findFailures(text);
      }
      const rangeOf = text === joined.text ? joined.rangeOf : joined.alternate.rangeOf;
      for (const hit of hits) {
        if (findings.length >= MAX_FINDINGS) break;
        const range = rangeOf(hit.start, hit.end);
        findings.push(
          findingFromHit(hit, range, {
            writtenBy: 'sending',
            ...(sending ? { sending } : {}),
            ...(receiving ? { receiving } : {}),
          }),
        );
        firstHit ??= {
          line: range.line,
          start: range.start,
          end: range.endLine === undefined ? range.end : range.start + 1,
          ...(hit.steps[0] ? { step: hit.steps[0] } : {}),
        };
      }
    }
    if (firstHit && receiving) {
      hosts.push({
        range: { line: firstHit.line, start: firstHit.start, end: firstHit.end },
        host: receiving,
        role: 'receiving',
        ...(sending ? { peer: sending } : {}),
        step: 1,
      });
    } else if (firstHit && sending) {
      const idLine = r.props.get('identity')?.lines[0];
      if (idLine)
        hosts.push({
          range: { line: idLine.index, start: 0, end: idLine.text.length },
          host: sending,
          role: 'sending',
          step: 1,
        });
    }
    if (identity && symbols.length < MAX_SYMBOLS) {
      const status = r.props.get('status')?.value ?? '';
      const count = r.props.get('messagecount')?.value;
      symbols.push({
        name: identity,
        detail: [
          status,
          nextHop,
          count !== undefined ? `${count} message(s)` : '',
          firstHit ? 'authentication failure' : '',
        ]
          .filter(Boolean)
          .join(' · '),
        kind: 'queue',
        range: { line: r.firstLine, start: 0, end: r.lastLength, endLine: r.lastLine },
        selection: { line: r.firstLine, start: 0, end: 0 },
      });
    }
  }
  for (const row of tableRows) {
    if (symbols.length < MAX_SYMBOLS && /\\/.test(row.cells[0] ?? '')) {
      symbols.push({
        name: row.cells[0]!,
        detail: row.cells.slice(1, 3).join(' · '),
        kind: 'queue',
        range: { line: row.line.index, start: 0, end: row.line.text.length },
        selection: { line: row.line.index, start: 0, end: 0 },
      });
    }
  }
  // Failure text outside LastError (table rows, pasted Queue Viewer dialogs).
  for (const line of iterateLines(text)) {
    if (seen.has(line.index) || findings.length >= MAX_FINDINGS) continue;
    for (const hit of findFailures(line.text))
      findings.push(
        findingFromHit(hit, { line: line.index, start: hit.start, end: hit.end }, { writtenBy: 'sending' }),
      );
  }
  findings.sort((a, b) => a.range.line - b.range.line || a.range.start - b.range.start);
  return { kind: 'queue', findings, symbols, hosts };
}
