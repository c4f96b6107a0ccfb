/**
 * Step 2's one interpreter of `repadmin /replsummary`: the engine's own run on Windows
 * (./replication-windows.ts) and a terminal's run (./repadmin-findings.ts) read the same table,
 * so both end here and give the same codes and text. A failing link is reported once, on the DC
 * that does not receive (its destination row); the source rows are evidence. Pure.
 */
import type { Evidence, Finding, Subject } from '../../../shared/findings';
import type { LocalText } from '../../../shared/local-text';
import { makeFinding } from '../../findings/define';
import { text } from '../../l10n/render';
import { labelOf, reasonOf, tableOf, nameOf } from '../../l10n/worded-parts';
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
  const ev = (label: { label: string; labelText: LocalText }, value: string): Evidence => ({
    ...label,
    value,
    source: obs.source,
    observedAt: obs.observedAt,
  });
  const rows = [...result.source, ...result.destination];
  // What repadmin printed (`>60 days`, an error's text) stays as printed, in its own language.
  const printed = (message: string): string | LocalText => (message ? text('fp.1.printed', { message }) : '');
  const table = tableOf({
    caption: text('fp.1.printed', { message: 'repadmin /replsummary' }),
    columns: [
      text('fp.1.printed', { message: 'DSA' }),
      text('fp.2.summary.largest-delta'),
      text('fp.2.summary.fails'),
      text('fp.2.summary.error'),
    ],
    rows: rows.map((x) => [x.dsa, printed(x.largestDeltaText), `${x.fails} / ${x.total}`, printed(x.errorText ?? '')]),
  });
  const out: Finding<FindingCode>[] = [];
  for (const r of result.destination) {
    if (r.fails === 0) continue;
    const subject = subjectOf(r.dsa);
    const sending = result.source
      .filter((s) => s.fails > 0)
      .map((s) => ev(labelOf('fp.2.label.as-source', { dsa: s.dsa }), rowText(s)));
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
        evidence: [ev(labelOf('fp.2.label.as-destination', { dsa: r.dsa }), rowText(r)), ...sending],
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
        evidence: [ev(labelOf('fp.2.label.operational-error'), `${u.code} - ${u.dsa}`)],
        remedies: compact([repadminReplSummary()]),
        ...reasonOf('fp.2.reason.repadmin-error', { code: u.code, dsa: u.dsa }),
      }),
    );
  }
  if (!out.length)
    out.push(
      makeFinding(replicationFindings, 'replication.healthy', {
        severity: 'ok',
        subject: { kind: 'organisation', ...nameOf('fp.common.organisation') },
        params: { rows: rows.length },
        evidence: obs.raw !== undefined ? [ev(labelOf('fp.1.label.output'), obs.raw)] : [],
        tables: [table],
      }),
    );
  return out;
}
