/**
 * Findings the orchestrator itself produces or tidies: the `unknown` finding for a check that
 * stopped with an error, and the guarantee that every `unknown` finding carries a reason.
 */
import type { Finding } from '../../shared/findings';
import type { DiscoveryResult } from '../directory/model';
import { formatSeconds, isDoctorError } from '../errors';
import { makeFinding } from '../findings/define';
import { commonFindings } from '../findings/common-codes';
import type { Check } from './check';
import type { FindingCode } from '../steps/finding-codes';
import { STEP_TITLES } from '../../shared/findings';
import type { LocalText } from '../../shared/local-text';
import { text } from '../l10n/render';
import { labelOf, nameOr, reasonOf, sourceOf } from '../l10n/worded-parts';

export function describeFailure(e: unknown): string {
  if (isDoctorError(e)) return e.message;
  if (e instanceof Error) return `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`;
  return String(e);
}

/**
 * Why a check failed, as a phrase for the kinds of failure a view can word without the English
 * message (a timeout, a cancellation, refused credentials or connection); undefined for the rest,
 * whose message (from a server, a library or a parser) is shown as it is.
 */
export function failureText(e: unknown): LocalText | undefined {
  if (!isDoctorError(e)) return undefined;
  switch (e.kind) {
    case 'timeout':
      return 'timeoutMs' in e && typeof e.timeoutMs === 'number'
        ? text('fp.common.reason.timeout', { seconds: formatSeconds(e.timeoutMs) })
        : undefined;
    case 'aborted':
      return text('fp.common.reason.cancelled');
    case 'bind-invalid-credentials':
      return text('fp.common.reason.credentials');
    case 'refused':
      return text('fp.common.reason.refused');
    default:
      return undefined;
  }
}

export function checkFailedFinding(
  check: Check,
  discovery: DiscoveryResult,
  error: unknown,
  observedAt: string,
): Finding<FindingCode> {
  const reason = describeFailure(error);
  const reasonText = failureText(error);
  return makeFinding(commonFindings, 'engine.check-failed', {
    step: check.step,
    severity: 'unknown',
    subject: { kind: 'organisation', ...nameOr(discovery.organisation?.name, 'fp.common.organisation') },
    params: { check: check.title === STEP_TITLES[check.step] ? text(`step.title.${check.step}`) : check.title },
    evidence: [
      {
        ...labelOf('fp.common.error'),
        value: reason,
        ...(reasonText ? { valueText: reasonText } : {}),
        ...sourceOf(text('fp.common.source.check', { id: check.id })),
        observedAt,
      },
    ],
    reason,
    ...(reasonText ? { reasonText } : {}),
  });
}

/** A finding as handed to listeners: `unknown` always with a reason, arrays always present. */
export function completeFinding<C extends string>(finding: Finding<C>): Finding<C> {
  const complete: Finding<C> = { ...finding, evidence: finding.evidence ?? [], remedies: finding.remedies ?? [] };
  if (complete.severity === 'unknown' && !complete.reason)
    Object.assign(complete, reasonOf('fp.common.reason.unspecified'));
  return complete;
}
