/**
 * Findings from a terminal run of `w32tm /stripchart` and `w32tm /monitor` (step 1). Pure. The
 * stripchart's samples become a clock reading the way the engine reads its own w32tm run, and
 * every offset ends in ./clock-offset-findings.ts, the interpreter of the engine's readings too.
 */
import type { Finding } from '../../../shared/findings';
import { parseW32tmMonitor } from './w32tm-monitor';
import { parseW32tmStripchart } from './w32tm-stripchart';
import { skewOf, type ClockHost, type ClockThresholds } from './clock-analysis';
import { clockOffsetFinding, clockUnreadableFinding, failureReason, stripchartOutcome } from './clock-offset-findings';
import { text } from '../../l10n/render';
import { reasonOf } from '../../l10n/worded-parts';
import { labelledValue, toolOutput } from '../../tools/worded-evidence';
import { subjectOf, unrecognisedFinding, valueEvidence, type ToolContext } from '../../tools/tool-output';
import type { FindingCode } from '../finding-codes';

function thresholdsOf(ctx: ToolContext): ClockThresholds {
  return { toleranceMs: ctx.clockToleranceMs, warningMs: ctx.clockWarningMs };
}

export function stripchartFindings(
  target: string,
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding<FindingCode>[] {
  const parsed = parseW32tmStripchart(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 1, 'w32tm /stripchart', parsed.reason, raw, exitCode)];
  const host: ClockHost = { kind: 'dc', name: target };
  const subject = subjectOf(ctx, { kind: 'dc', name: target });
  const outcome = stripchartOutcome(host, parsed.value, ctx.commandLine, Date.parse(ctx.observedAt) || 0);
  if ('failure' in outcome)
    return [
      clockUnreadableFinding(host, failureReason(outcome.failure), { subject, evidence: [toolOutput(ctx, raw)] }),
    ];
  const r = outcome.reading;
  const offset = { host, offsetMs: skewOf(r), uncertaintyMs: r.uncertaintyMs, reference: text('fp.1.this-machine') };
  return [
    clockOffsetFinding(offset, thresholdsOf(ctx), {
      subject,
      evidence: [
        labelledValue(
          ctx,
          'fp.1.label.offsets',
          parsed.value.samples
            .map((s) => (s.offsetSeconds === undefined ? (s.error ?? 'error') : s.offsetSeconds.toFixed(4)))
            .join(', '),
        ),
      ],
    }),
  ];
}

export function monitorFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding<FindingCode>[] {
  const parsed = parseW32tmMonitor(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 1, 'w32tm /monitor', parsed.reason, raw, exitCode)];
  return parsed.value.servers.map((s): Finding<FindingCode> => {
    const host: ClockHost = { kind: 'dc', name: s.name };
    const subject = { kind: 'dc' as const, name: s.name };
    const evidence = [
      valueEvidence(
        ctx,
        `${s.name}${s.isPdc ? ' (PDC)' : ''}`,
        [
          s.address,
          s.ntpOffsetSeconds !== undefined ? `offset ${s.ntpOffsetSeconds}s` : s.ntpError,
          s.refId && `RefID ${s.refId}`,
        ]
          .filter(Boolean)
          .join(', '),
      ),
    ];
    if (s.ntpOffsetSeconds === undefined) {
      const printed = s.ntpError ?? s.addressError?.text;
      return clockUnreadableFinding(
        host,
        reasonOf(printed ? 'fp.1.printed' : 'fp.1.reason.no-offset', printed ? { message: printed } : {}),
        {
          subject,
          evidence,
        },
      );
    }
    // w32tm /monitor prints no uncertainty: the offset is taken as measured.
    const offset = {
      host,
      offsetMs: s.ntpOffsetSeconds * 1000,
      uncertaintyMs: 0,
      reference: s.offsetFrom ?? text('fp.1.the-reference'),
    };
    return clockOffsetFinding(offset, thresholdsOf(ctx), { subject, evidence });
  });
}
