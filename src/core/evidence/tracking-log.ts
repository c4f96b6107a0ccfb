/**
 * Analysis of message tracking logs: DEFER/FAIL events (and any other line) whose status carries
 * an authentication failure, with the client and server ends of the event.
 */
import { parseEndpoint } from './endpoint';
import { findFailures } from './failure-patterns';
import { iterateLines, longLineFinding, MAX_ANALYSED_LINE } from './lines';
import { findingFromHit } from './messages';
import type {
  EvidenceAnalysis,
  EvidenceFinding,
  EvidenceSymbol,
  HostEnd,
  HostMention,
} from '../../shared/evidence-model';
import { MAX_FINDINGS, MAX_SYMBOLS } from './protocol-log';
import { applyDirective, newHeader, readRecord, TRACKING_LOG_FIELDS, type W3cRecord } from './w3c';

function end(rec: W3cRecord, host: string, ip: string): HostEnd | undefined {
  const name = rec.get(host)?.value.trim();
  const addr = rec.get(ip)?.value.trim();
  const h: HostEnd = {};
  const n = name ? parseEndpoint(name) : undefined;
  if (n?.name) h.name = n.name;
  const a = addr ? parseEndpoint(addr) : undefined;
  if (a?.ip) h.ip = a.ip;
  return h.name || h.ip ? h : undefined;
}

export function analyseTrackingLog(text: string): EvidenceAnalysis {
  const header = newHeader(TRACKING_LOG_FIELDS);
  const findings: EvidenceFinding[] = [];
  const symbols: EvidenceSymbol[] = [];
  const hosts: HostMention[] = [];
  for (const line of iterateLines(text)) {
    if (line.length === 0) continue;
    if (line.length > MAX_ANALYSED_LINE && findings.length < MAX_FINDINGS) {
      findings.push(longLineFinding(line));
    }
    if (applyDirective(header, line.text)) continue;
    const hits = findFailures(line.text);
    if (hits.length === 0) continue;
    const rec = readRecord(header, line.text);
    const eventId = rec.get('event-id')?.value.trim() ?? '';
    const client = end(rec, 'client-hostname', 'client-ip');
    const server = end(rec, 'server-hostname', 'server-ip');
    // Both for RECEIVE (a client sent to this server) and SEND/DEFER/FAIL (this server, the client end, sent to the server end).
    const receiving = server;
    const sending = client;
    for (const hit of hits) {
      if (findings.length >= MAX_FINDINGS) break;
      findings.push(
        findingFromHit(
          hit,
          { line: line.index, start: hit.start, end: hit.end },
          { ...(sending ? { sending } : {}), ...(receiving ? { receiving } : {}) },
        ),
      );
    }
    const first = hits[0]!;
    if (symbols.length < MAX_SYMBOLS) {
      const when = rec.get('date-time')?.value ?? '';
      symbols.push({
        name: `${eventId || 'event'} ${when}`.trim(),
        detail: `${rec.get('recipient-address')?.value ?? ''} · ${(rec.get('recipient-status')?.value ?? line.text.slice(first.start, first.end)).slice(0, 120)}`,
        kind: 'event',
        range: { line: line.index, start: 0, end: line.text.length },
        selection: { line: line.index, start: first.start, end: first.end },
      });
    }
    const field = rec.get('server-hostname') ?? rec.get('server-ip');
    if (receiving && field && hosts.length < MAX_SYMBOLS) {
      hosts.push({
        range: { line: line.index, start: field.start, end: field.end },
        host: receiving,
        role: 'receiving',
        ...(sending ? { peer: sending } : {}),
        step: first.steps[0]!,
      });
    }
  }
  return { kind: 'tracking-log', findings, symbols, hosts };
}
