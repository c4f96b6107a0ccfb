/**
 * Findings from a terminal run of `repadmin /replsummary` and `repadmin /syncall` (step 2). Pure.
 */
import type { Finding } from '../../../shared/findings';
import { parseRepadminReplSummary, parseRepadminSyncAll } from './repadmin';
import { outputEvidence, unrecognisedFinding, valueEvidence, type ToolContext } from '../../tools/tool-output';

export function replSummaryFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseRepadminReplSummary(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 2, 'repadmin /replsummary', parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const out: Finding[] = [];
  const rows = [...r.source, ...r.destination];
  const table = {
    caption: 'repadmin /replsummary',
    columns: ['DSA', 'Largest delta', 'Fails/Total', 'Error'],
    rows: rows.map((x) => [x.dsa, x.largestDeltaText, `${x.fails} / ${x.total}`, x.errorText ?? '']),
  };
  for (const x of rows.filter((row) => row.fails > 0)) {
    out.push({
      code: 'replication.failures',
      step: 2,
      severity: 'error',
      subject: { kind: 'dc', name: x.dsa },
      title: `${x.dsa}: ${x.fails} of ${x.total} replication links fail${x.errorText ? ` (${x.errorText})` : ''}`,
      explanation:
        'Domain controllers that do not replicate hand out tickets from stale account data: an SPN added on one DC is unknown to the others.',
      evidence: [
        valueEvidence(
          ctx,
          'row',
          `${x.dsa} ${x.largestDeltaText} ${x.fails}/${x.total} ${x.errorCode ?? ''} ${x.errorText ?? ''}`.trim(),
        ),
      ],
      tables: [table],
      remedies: [],
    });
  }
  for (const u of r.unreachable) {
    out.push({
      code: 'replication.unreachable',
      step: 2,
      severity: 'warning',
      subject: { kind: 'dc', name: u.dsa },
      title: `repadmin could not query ${u.dsa} (error ${u.code})`,
      explanation: 'A DC repadmin cannot reach is a blind spot, not a healthy DC.',
      evidence: [valueEvidence(ctx, 'unreachable', `${u.code} - ${u.dsa}`)],
      remedies: [],
    });
  }
  if (!out.length)
    out.push({
      code: 'replication.healthy',
      step: 2,
      severity: 'ok',
      subject: { kind: 'organisation', name: 'organisation' },
      title: `Replication reports no failures across ${rows.length} row(s)`,
      explanation: 'Every replication link succeeded in its last attempt.',
      evidence: [outputEvidence(ctx, raw)],
      tables: [table],
      remedies: [],
    });
  return out;
}

export function syncAllFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseRepadminSyncAll(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 2, 'repadmin /syncall', parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const subject = { kind: 'dc' as const, name: r.server ?? 'this DC' };
  if (r.ok)
    return [
      {
        code: 'replication.synced',
        step: 2,
        severity: 'ok',
        subject,
        title: `SyncAll from ${subject.name} terminated with no errors`,
        explanation: 'Every partition was pushed to all partners.',
        evidence: [outputEvidence(ctx, raw)],
        remedies: [],
      },
    ];
  const errors = [...r.errors, ...r.partitions.flatMap((p) => p.errors)];
  return [
    {
      code: 'replication.sync-failed',
      step: 2,
      severity: 'error',
      subject,
      title: `SyncAll from ${subject.name} reported ${errors.length} error(s)`,
      explanation: 'Some partners did not take the changes; tickets may still be issued from stale data.',
      evidence: [
        ...errors.map((e) => valueEvidence(ctx, e.kind, `${e.server ? `${e.server}: ` : ''}${e.message}`)),
        outputEvidence(ctx, raw),
      ],
      remedies: [],
    },
  ];
}
