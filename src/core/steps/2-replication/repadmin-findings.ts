/**
 * Findings from a terminal run of `repadmin /replsummary` and `repadmin /syncall` (step 2). Pure.
 * /replsummary ends in ./replsummary-findings.ts, the interpreter of the engine's own run too.
 */
import type { Finding } from '../../../shared/findings';
import { parseRepadminReplSummary, parseRepadminSyncAll } from './repadmin';
import { outputEvidence, unrecognisedFinding, valueEvidence, type ToolContext } from '../../tools/tool-output';
import { makeFinding } from '../../findings/define';
import { text } from '../../l10n/render';
import { labelOf, nameOr } from '../../l10n/worded-parts';
import { toolOutput } from '../../tools/worded-evidence';
import type { SyncAllError } from './repadmin';

const SYNC_ERROR_LABEL = {
  issuing: 'fp.2.label.issuing',
  contacting: 'fp.2.label.contacting',
  fatal: 'fp.2.label.fatal',
  other: 'fp.2.label.other',
} as const satisfies Record<SyncAllError['kind'], string>;
import { replicationFindings } from './finding-codes';
import { dsaAsPrinted, replSummaryObservationFindings } from './replsummary-findings';
import type { FindingCode } from '../finding-codes';

export function replSummaryFindings(
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding<FindingCode>[] {
  const parsed = parseRepadminReplSummary(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 2, 'repadmin /replsummary', parsed.reason, raw, exitCode)];
  const observation = {
    result: parsed.value,
    source: ctx.commandLine,
    observedAt: ctx.observedAt,
    raw: outputEvidence(ctx, raw).value,
  };
  return replSummaryObservationFindings(observation, dsaAsPrinted);
}

export function syncAllFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding<FindingCode>[] {
  const parsed = parseRepadminSyncAll(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 2, 'repadmin /syncall', parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const subject = { kind: 'dc' as const, ...nameOr(r.server, 'fp.2.this-dc') };
  const dc = r.server ?? text('fp.2.this-dc');
  if (r.ok)
    return [
      makeFinding(replicationFindings, 'replication.synced', {
        severity: 'ok',
        subject,
        params: { dc },
        evidence: [toolOutput(ctx, raw)],
      }),
    ];
  const errors = [...r.errors, ...r.partitions.flatMap((p) => p.errors)];
  return [
    makeFinding(replicationFindings, 'replication.sync-failed', {
      severity: 'error',
      subject,
      params: { dc, count: errors.length },
      evidence: [
        ...errors.map((e) => ({
          ...valueEvidence(ctx, '', `${e.server ? `${e.server}: ` : ''}${e.message}`),
          ...labelOf(SYNC_ERROR_LABEL[e.kind]),
        })),
        toolOutput(ctx, raw),
      ],
    }),
  ];
}
