/**
 * The evidence analyser for Windows events pasted or saved as text or XML (event-records.ts reads
 * the shapes): Exchange's 1035 (receiving end) and 2017 (sending end), and the Kerberos events of
 * the System log that KB 979174 step 5 asks for (Security-Kerberos 3 and 4, KDC 11, 14, 16, 27).
 * Each event becomes a finding with the ends it names, a symbol for the outline and a host mention
 * for "Diagnose". Failure text outside the events (a pasted NDR) still gets the generic search.
 */
import { KDC_PROVIDERS, KERBEROS_CLIENT_PROVIDERS, stepsForEvent } from '../kerberos-codes';
import type { Step } from '../../shared/findings';
import { meaningOfAuthError } from './auth-error-steps';
import { readEventRecords, type EventRecord } from './event-records';
import { findFailures } from './failure-patterns';
import { iterateLines } from './lines';
import { findingFromHit } from './messages';
import type {
  EvidenceAnalysis,
  EvidenceFinding,
  EvidenceSymbol,
  HostMention,
  TextRange,
} from '../../shared/evidence-model';
import { MAX_FINDINGS, MAX_SYMBOLS } from './protocol-log';
import { readInboundAuthFailure, readOutboundAuthFailure } from './transport-auth-events';

const is = (provider: string | undefined, names: readonly string[]): boolean =>
  !!provider && names.some((n) => n.toLowerCase() === provider.trim().toLowerCase());

/** The line of the record that holds `needle` (the error token), else its first line. */
function rangeIn(lines: readonly string[], r: EventRecord, needle: string | undefined): TextRange {
  if (needle) {
    for (let i = r.line; i <= r.endLine && i < lines.length; i++) {
      const at = lines[i]!.indexOf(needle);
      if (at >= 0) return { line: i, start: at, end: at + needle.length };
    }
  }
  return { line: r.line, start: 0, end: (lines[r.line] ?? '').length };
}

/** KRB_AP_ERR_SKEW and friends, or `0x25`, in a Kerberos event's text or data. */
function kerberosCode(r: EventRecord): { name?: string; code?: number } {
  const text = `${r.message} ${r.data.join(' ')}`;
  const name = /\b(KRB_[A-Z_]{2,40}|KDC_ERR_[A-Z_]{2,40})\b/.exec(text)?.[1];
  const hex = /\b0x([0-9a-f]{1,4})\b/i.exec(text)?.[1];
  return { ...(name ? { name } : {}), ...(hex ? { code: parseInt(hex, 16) } : {}) };
}

function kerberosFinding(lines: readonly string[], r: EventRecord): EvidenceFinding | undefined {
  if (r.id === undefined || !(is(r.provider, KERBEROS_CLIENT_PROVIDERS) || is(r.provider, KDC_PROVIDERS)))
    return undefined;
  if (![3, 4, 11, 14, 16, 27].includes(r.id)) return undefined;
  const k = kerberosCode(r);
  const hints = stepsForEvent({
    provider: r.provider!,
    id: r.id,
    ...(k.code !== undefined ? { errorCode: k.code } : {}),
  });
  const steps = [...new Set(hints.map((h) => h.step))] as Step[];
  const hit = {
    code: 'kerberos-event' as const,
    severity: 'error' as const,
    steps: steps.length ? steps : ([5] as Step[]),
    start: 0,
    end: 0,
    parts: {
      event: String(r.id),
      provider: r.provider!,
      ...(k.name ? { name: k.name } : {}),
      ...(r.computer ? { computer: r.computer } : {}),
    },
  };
  return findingFromHit(hit, rangeIn(lines, r, k.name ?? String(r.id)));
}

export function analyseWindowsEvents(text: string): EvidenceAnalysis {
  const records = readEventRecords(text);
  const lines = [...iterateLines(text)].map((l) => l.text);
  const findings: EvidenceFinding[] = [];
  const symbols: EvidenceSymbol[] = [];
  const hosts: HostMention[] = [];
  const covered = new Set<number>();

  for (const r of records) {
    if (findings.length >= MAX_FINDINGS) break;
    for (let i = r.line; i <= r.endLine; i++) covered.add(i);
    let finding: EvidenceFinding | undefined;
    let writtenBy: 'sending' | 'receiving' | undefined;
    const inbound = readInboundAuthFailure(r);
    const outbound = inbound ? undefined : readOutboundAuthFailure(r);
    if (inbound) {
      writtenBy = 'receiving';
      const parts: Record<string, string> = {};
      for (const k of ['error', 'connector', 'mechanism', 'sourceIp'] as const) if (inbound[k]) parts[k] = inbound[k];
      const steps = meaningOfAuthError(inbound.error).steps;
      finding = findingFromHit(
        { code: 'event-1035', severity: 'error', steps, start: 0, end: 0, parts },
        rangeIn(lines, r, inbound.error ?? inbound.sourceIp),
        {
          writtenBy: 'receiving',
          ...(inbound.sourceIp ? { sending: { ip: inbound.sourceIp } } : {}),
          ...(inbound.receivingServer ? { receiving: { name: inbound.receivingServer } } : {}),
        },
      );
    } else if (outbound) {
      writtenBy = 'sending';
      const parts: Record<string, string> = {};
      for (const k of ['error', 'connector', 'mechanism', 'targetSpn'] as const)
        if (outbound[k]) parts[k] = outbound[k];
      finding = findingFromHit(
        {
          code: 'event-2017',
          severity: 'error',
          steps: meaningOfAuthError(outbound.error).steps,
          start: 0,
          end: 0,
          parts,
        },
        rangeIn(lines, r, outbound.targetSpn ?? outbound.error),
        {
          writtenBy: 'sending',
          ...(outbound.sendingServer ? { sending: { name: outbound.sendingServer } } : {}),
          ...(outbound.targetHost ? { receiving: { name: outbound.targetHost } } : {}),
        },
      );
    } else finding = kerberosFinding(lines, r);
    if (!finding) continue;
    findings.push(finding);
    if (writtenBy) {
      // The other end is the one to diagnose from this server's evidence.
      const host = writtenBy === 'sending' ? finding.receiving : finding.sending;
      const peer = writtenBy === 'sending' ? finding.sending : finding.receiving;
      if (host)
        hosts.push({
          range: finding.range,
          host,
          role: writtenBy === 'sending' ? 'receiving' : 'sending',
          ...(peer ? { peer } : {}),
          ...(finding.steps[0] ? { step: finding.steps[0] } : {}),
        });
    }
    if (symbols.length < MAX_SYMBOLS)
      symbols.push({
        name: `${r.provider ?? 'Event'} ${r.id ?? ''}`.trim(),
        detail: [r.time, r.computer].filter(Boolean).join(' · '),
        kind: 'event',
        range: { line: r.line, start: 0, end: (lines[r.endLine] ?? '').length, endLine: r.endLine },
        selection: { line: r.line, start: 0, end: 0 },
      });
  }
  // Failure text outside the events (an NDR or a log line pasted next to them).
  for (let i = 0; i < lines.length && findings.length < MAX_FINDINGS; i++) {
    if (covered.has(i)) continue;
    for (const hit of findFailures(lines[i]!))
      findings.push(findingFromHit(hit, { line: i, start: hit.start, end: hit.end }));
  }
  findings.sort((a, b) => a.range.line - b.range.line || a.range.start - b.range.start);
  return { kind: 'windows-events', findings, symbols, hosts };
}
