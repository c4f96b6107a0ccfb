/**
 * Findings from a terminal run of `w32tm /stripchart` and `w32tm /monitor` (step 1). Pure.
 */
import type { Finding, Severity } from '../../../shared/findings';
import { parseW32tmMonitor } from './w32tm-monitor';
import { parseW32tmStripchart } from './w32tm-stripchart';
import {
  outputEvidence,
  subjectOf,
  unrecognisedFinding,
  valueEvidence,
  type ToolContext,
} from '../../tools/tool-output';

function skewSeverity(seconds: number, ctx: ToolContext): Severity {
  const ms = Math.abs(seconds) * 1000;
  return ms >= ctx.clockToleranceMs ? 'error' : ms >= ctx.clockWarningMs ? 'warning' : 'ok';
}

export function stripchartFindings(
  target: string,
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding[] {
  const parsed = parseW32tmStripchart(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 1, 'w32tm /stripchart', parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const subject = subjectOf(ctx, { kind: 'dc', name: target });
  const worst = r.summary.worstOffsetSeconds;
  if (r.fatalError || worst === undefined) {
    return [
      {
        code: 'clock.unreachable',
        step: 1,
        severity: 'unknown',
        subject,
        title: `The clock of ${target} could not be read`,
        explanation: 'w32tm got no time sample, so the offset is unknown.',
        evidence: [outputEvidence(ctx, raw)],
        remedies: [],
        reason: r.fatalError?.message ?? `${r.summary.failed} sample(s) failed`,
      },
    ];
  }
  const severity = skewSeverity(worst, ctx);
  return [
    {
      code: severity === 'ok' ? 'clock.in-sync' : 'clock.skew',
      step: 1,
      severity,
      subject,
      title: `${target} is ${worst >= 0 ? '+' : ''}${worst.toFixed(3)} s from this machine`,
      explanation:
        severity === 'error'
          ? 'Beyond the Kerberos tolerance, tickets are rejected (KRB_AP_ERR_SKEW) and Exchange authentication fails with 454 4.7.0.'
          : severity === 'warning'
            ? 'Within the Kerberos tolerance, but clocks that drift this far usually keep drifting.'
            : 'Well within the Kerberos tolerance.',
      evidence: [
        valueEvidence(
          ctx,
          'offsets (s)',
          r.samples
            .map((s) => (s.offsetSeconds === undefined ? (s.error ?? 'error') : s.offsetSeconds.toFixed(4)))
            .join(', '),
        ),
      ],
      remedies: [],
    },
  ];
}

export function monitorFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseW32tmMonitor(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 1, 'w32tm /monitor', parsed.reason, raw, exitCode)];
  return parsed.value.servers.map((s): Finding => {
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
      return {
        code: 'clock.unreachable',
        step: 1,
        severity: 'unknown',
        subject,
        title: `${s.name} gave no NTP offset`,
        explanation: 'w32tm /monitor could not measure this DC.',
        evidence,
        remedies: [],
        reason: s.ntpError ?? s.addressError?.text ?? 'no offset printed',
      };
    }
    const severity = skewSeverity(s.ntpOffsetSeconds, ctx);
    return {
      code: severity === 'ok' ? 'clock.in-sync' : 'clock.skew',
      step: 1,
      severity,
      subject,
      title: `${s.name} is ${s.ntpOffsetSeconds.toFixed(3)} s from ${s.offsetFrom ?? 'the reference'}`,
      explanation: 'Domain controllers must agree within the Kerberos tolerance.',
      evidence,
      remedies: [],
    };
  });
}
