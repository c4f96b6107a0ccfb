/**
 * Findings the orchestrator itself produces or tidies: the `unknown` finding for a check that
 * stopped with an error, and the guarantee that every `unknown` finding carries a reason.
 */
import type { Finding } from '../../shared/findings';
import type { DiscoveryResult } from '../directory/model';
import { isDoctorError } from '../errors';
import { makeFinding } from '../findings/define';
import { commonFindings } from '../findings/common-codes';
import type { Check } from './check';
import type { FindingCode } from '../steps/finding-codes';

export function describeFailure(e: unknown): string {
  if (isDoctorError(e)) return e.message;
  if (e instanceof Error) return `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`;
  return String(e);
}

export function checkFailedFinding(
  check: Check,
  discovery: DiscoveryResult,
  error: unknown,
  observedAt: string,
): Finding<FindingCode> {
  const reason = describeFailure(error);
  return makeFinding(commonFindings, 'engine.check-failed', {
    step: check.step,
    severity: 'unknown',
    subject: { kind: 'organisation', name: discovery.organisation?.name ?? 'organisation' },
    params: { check: check.title },
    evidence: [{ label: 'error', value: reason, source: `check ${check.id}`, observedAt }],
    reason,
  });
}

/** A finding as handed to listeners: `unknown` always with a reason, arrays always present. */
export function completeFinding<C extends string>(finding: Finding<C>): Finding<C> {
  const complete: Finding<C> = { ...finding, evidence: finding.evidence ?? [], remedies: finding.remedies ?? [] };
  if (complete.severity === 'unknown' && !complete.reason)
    complete.reason = 'the check did not say why it could not decide';
  return complete;
}
