/**
 * Findings the orchestrator itself produces or tidies: the `unknown` finding for a check that
 * stopped with an error, and the guarantee that every `unknown` finding carries a reason.
 */
import type { Finding } from '../../shared/findings';
import type { DiscoveryResult } from '../directory/model';
import { isDoctorError } from '../errors';
import type { Check } from './check';

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
): Finding {
  const reason = describeFailure(error);
  return {
    code: 'engine.check-failed',
    step: check.step,
    severity: 'unknown',
    subject: { kind: 'organisation', name: discovery.organisation?.name ?? 'organisation' },
    title: `${check.title}: the check stopped before it could decide`,
    explanation:
      'This check ran into an error and gave up; the other checks still ran. The reason says what went wrong; fix it and run the diagnosis again.',
    evidence: [{ label: 'error', value: reason, source: `check ${check.id}`, observedAt }],
    remedies: [],
    reason,
  };
}

/** A finding as handed to listeners: `unknown` always with a reason, arrays always present. */
export function completeFinding(finding: Finding): Finding {
  const complete: Finding = { ...finding, evidence: finding.evidence ?? [], remedies: finding.remedies ?? [] };
  if (complete.severity === 'unknown' && !complete.reason)
    complete.reason = 'the check did not say why it could not decide';
  return complete;
}
