/**
 * Step 1's one interpreter of "the offset of host X's clock against a reference, as source S
 * measured it": the engine's per-host verdict (against the domain's time, or another host of a
 * server-to-DC pair), a terminal's `w32tm /stripchart` (against this machine) and `w32tm /monitor`
 * (against its reference DC) all end here, so they yield the same codes and the same text.
 * Also the one reading of a stripchart's samples, shared by the engine (./clock-windows.ts) and
 * the terminal (./w32tm-findings.ts). Pure.
 */
import type { Evidence, EvidenceTable, Finding, Remedy, Subject } from '../../../shared/findings';
import { durationText } from '../../l10n/duration';
import type { LocalText } from '../../../shared/local-text';
import { makeFinding } from '../../findings/define';
import { render, text } from '../../l10n/render';
import {
  classifySkew,
  direction,
  formatSkew,
  type ClockHost,
  type ClockReading,
  type ClockSeverity,
  type ClockThresholds,
} from './clock-analysis';
import type { ClockFailure, SourceOutcome } from './clock-sources';
import type { W32tmStripchartResult } from './w32tm-stripchart';
import { w32tmErrorText } from './w32tm-codes';
import { clockFindings } from './finding-codes';
import type { FindingCode } from '../finding-codes';

/** One host's clock against a reference. */
export interface ClockOffset {
  host: ClockHost;
  /** The host's clock minus the reference's, in ms (positive: the host is ahead). */
  offsetMs: number;
  uncertaintyMs: number;
  /** What the offset is measured against: `DC1`, or a phrase (`this machine`, `the domain's time (as DC1, DC2 agree)`). */
  reference: string | LocalText;
  /** Who is named as off, when not the host itself (`The KDC on DC2`). */
  by?: string | LocalText;
  /** Said after the size of the skew (`, beyond the 5 min 0.0 s Kerberos tolerance between them`). */
  detail?: LocalText;
}

export interface OffsetFindingInit {
  subject: Subject;
  evidence: Evidence[];
  tables?: EvidenceTable[];
  remedies?: Remedy[];
  /** When something else than this offset decides (a server-to-DC pair). */
  severity?: ClockSeverity;
}

function beyondTolerance(thresholds: ClockThresholds): LocalText {
  return text('fp.1.beyond-tolerance', { tolerance: durationText(thresholds.toleranceMs) });
}

/** `clock.ok` or `clock.skew` for one offset. */
export function clockOffsetFinding(
  offset: ClockOffset,
  thresholds: ClockThresholds,
  init: OffsetFindingInit,
): Finding<FindingCode> {
  const severity = init.severity ?? classifySkew(offset.offsetMs, offset.uncertaintyMs, thresholds);
  const rest = {
    subject: init.subject,
    evidence: init.evidence,
    ...(init.tables ? { tables: init.tables } : {}),
    remedies: init.remedies ?? [],
  };
  if (severity === 'ok')
    return makeFinding(clockFindings, 'clock.ok', {
      ...rest,
      severity,
      params: {
        host: offset.host.name,
        reference: offset.reference,
        skew: formatSkew(offset.offsetMs),
        uncertainty: durationText(offset.uncertaintyMs),
      },
    });
  return makeFinding(clockFindings, 'clock.skew', {
    ...rest,
    severity,
    params: {
      by: offset.by ?? offset.host.name,
      duration: durationText(Math.abs(offset.offsetMs)),
      direction: direction(offset.offsetMs),
      reference: offset.reference,
      detail: offset.detail ?? (severity === 'error' ? beyondTolerance(thresholds) : ''),
      tolerance: durationText(thresholds.toleranceMs),
      warning: durationText(thresholds.warningMs),
    },
  });
}

/** A reason in English and, when it is words of ours, as a phrase. */
export interface ClockReason {
  reason: string;
  reasonText?: LocalText;
}

/** The reason of a failure: its phrase when it has one. */
export function failureReason(f: ClockFailure): ClockReason {
  return f.reasonText ? { reason: f.reason, reasonText: f.reasonText } : { reason: f.reason };
}

/** `clock.unreachable`: no reading of the host's clock. */
export function clockUnreadableFinding(
  host: ClockHost,
  reason: ClockReason,
  init: Omit<OffsetFindingInit, 'severity'>,
): Finding<FindingCode> {
  return makeFinding(clockFindings, 'clock.unreachable', {
    severity: 'unknown',
    subject: init.subject,
    params: { host: host.name },
    evidence: init.evidence,
    ...(init.tables ? { tables: init.tables } : {}),
    remedies: init.remedies ?? [],
    ...reason,
  });
}

/**
 * A stripchart's samples as one clock reading: the median offset, with half the spread of the
 * samples as its uncertainty (at least 1 ms). `localMs` is this machine's clock when w32tm ended.
 */
export function stripchartOutcome(
  host: ClockHost,
  result: W32tmStripchartResult,
  source: string,
  localMs: number,
): SourceOutcome {
  const { summary, fatalError } = result;
  if (fatalError) {
    const known = fatalError.code !== undefined ? w32tmErrorText(fatalError.code) : undefined;
    const printed = known && render('en', known) === `w32tm: ${fatalError.message}`;
    return {
      failure: failure(host, source, printed ? known : text('fp.1.reason.w32tm', { message: fatalError.message })),
    };
  }
  if (summary.medianOffsetSeconds === undefined) {
    const failed = result.samples.find((s) => s.errorCode !== undefined);
    const why =
      failed?.errorCode !== undefined
        ? (w32tmErrorText(failed.errorCode) ?? text('fp.1.reason.w32tm', { message: failed.error ?? 'error' }))
        : text('fp.1.reason.w32tm-no-sample');
    return { failure: failure(host, source, why) };
  }
  const spread = ((summary.maxOffsetSeconds ?? 0) - (summary.minOffsetSeconds ?? 0)) * 500;
  const reading: ClockReading = {
    host,
    method: 'w32tm',
    source,
    observedText: result.samples
      .map(
        (s) =>
          `${s.time} ${s.offsetSeconds !== undefined ? `${s.offsetSeconds >= 0 ? '+' : ''}${s.offsetSeconds}s` : (s.error ?? 'error')}`,
      )
      .join('; '),
    remoteMs: localMs + summary.medianOffsetSeconds * 1000,
    localMs,
    uncertaintyMs: Math.max(1, spread),
  };
  return { reading };
}

function failure(host: ClockHost, source: string, reason: LocalText): ClockFailure {
  return { host, source, reason: render('en', reason), reasonText: reason };
}
