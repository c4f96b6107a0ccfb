import type { Finding } from '../../../../src/shared/findings';

export function finding(o: Partial<Finding> = {}): Finding {
  return {
    code: 'clock.ok',
    step: 1,
    severity: 'ok',
    subject: { kind: 'server', name: 'EX01' },
    title: 'Clock of EX01 agrees',
    explanation: 'Within tolerance.',
    evidence: [],
    remedies: [],
    ...o,
  };
}
