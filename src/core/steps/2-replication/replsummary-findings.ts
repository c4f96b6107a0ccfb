/**
 * Step 2's one interpreter of `repadmin /replsummary`: the engine's own run on Windows
 * (./replication-windows.ts) and a terminal's run (./repadmin-findings.ts) read the same table,
 * so both end here and give the same codes and text. A failing link is reported once, on the DC
 * that does not receive (its destination row); the source rows are evidence. Pure.
 */
import type { Evidence, Finding, Subject } from '../../../shared/findings';
import { makeFinding } from '../../findings/define';
import { compact } from '../../remedies/build';
import type { ReplSummaryResult, ReplSummaryRow } from './repadmin';
import { repadminReplSummary, replicationRemedies } from './replication-remedies';
import { replicationFindings } from './finding-codes';
import type { FindingCode } from '../finding-codes';

/** One run of repadmin /replsummary. */
export interface ReplSummaryObservation {
  result: ReplSummaryResult;
  /** The command line, as run. */
  source: string;
  /** ISO 8601. */
  observedAt: string;
  /** The raw text, kept as evidence of an all-clear. */
  raw?: string;
}

/** A DSA as printed, named like a known DC when there is one. */
export type DsaSubject = (dsa: string) => Subject;

export const dsaAsPrinted: DsaSubject = (dsa) => ({ kind: 'dc', name: dsa.toUpperCase() });

function rowText(r: ReplSummaryRow): string {
  return `largest delta ${r.largestDeltaText}, ${r.fails}/${r.total} links failing${r.errorCode !== undefined ? `, last error (${r.errorCode}) ${r.errorText ?? ''}` : ''}`.trim();
}

export function replSummaryObservationFindings(
  obs: ReplSummaryObservation,
  subjectOf: DsaSubject,
): Finding<FindingCode>[] {
  const { result } = obs;
  const ev = (label: string, value: string): Evidence => ({
    label,
    value,
    source: obs.source,
    observedAt: obs.observedAt,
  });
  const rows = [...result.source, ...result.destination];
  const table = {
    caption: 'repadmin /replsummary',
    columns: ['DSA', 'Largest delta', 'Fails/Total', 'Error'],
    rows: rows.map((x) => [x.dsa, x.largestDeltaText, `${x.fails} / ${x.total}`, x.errorText ?? '']),
  };
  const out: Finding<FindingCode>[] = [];
  for (const r of result.destination) {
    if (r.fails === 0) continue;
    const subject = subjectOf(r.dsa);
    const sending = result.source.filter((s) => s.fails > 0).map((s) => ev(`${s.dsa} as source`, rowText(s)));
    out.push(
      makeFinding(replicationFindings, 'replication.failures', {
        severity: 'error',
        subject,
        params: {
          dc: subject.name,
          fails: r.fails,
          total: r.total,
          error: r.errorCode !== undefined ? ` (${r.errorCode}) ${r.errorText ?? ''}`.trimEnd() : '',
        },
        evidence: [ev(`${r.dsa} as destination`, rowText(r)), ...sending],
        tables: [table],
        remedies: replicationRemedies(subject.id ?? subject.name, undefined),
      }),
    );
  }
  for (const u of result.unreachable) {
    const subject = subjectOf(u.dsa);
    out.push(
      makeFinding(replicationFindings, 'replication.unreachable', {
        severity: 'unknown',
        subject,
        params: { dc: subject.name, code: u.code },
        evidence: [ev('operational error', `${u.code} - ${u.dsa}`)],
        remedies: compact([repadminReplSummary()]),
        reason: `repadmin reported error ${u.code} for ${u.dsa}`,
      }),
    );
  }
  if (!out.length)
    out.push(
      makeFinding(replicationFindings, 'replication.healthy', {
        severity: 'ok',
        subject: { kind: 'organisation', name: 'organisation' },
        params: { rows: rows.length },
        evidence: obs.raw !== undefined ? [ev('output', obs.raw)] : [],
        tables: [table],
      }),
    );
  return out;
}
