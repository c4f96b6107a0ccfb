/**
 * How evidence points at the steps of KB 979174, in words used by findings. The step titles are the
 * shared ones (src/shared/findings.ts).
 */
import { STEP_TITLES, type Step } from '../../shared/findings';

export const KB_URL = 'https://support.microsoft.com/kb/979174';

/** Short names for messages: "step 1 (clocks)". */
export const STEP_SHORT: Readonly<Record<Step, string>> = {
  1: 'clocks',
  2: 'AD replication',
  3: 'SPNs',
  4: 'Kerberos ports',
  5: 'Kerberos logging',
  6: 'Receive connector authentication',
};

export function stepLabel(step: Step): string {
  return `step ${step} (${STEP_SHORT[step]})`;
}

/** "KB 979174 step 1 (clocks), then step 3 (SPNs)". */
export function stepsSentence(steps: readonly Step[]): string {
  if (steps.length === 0) return 'KB 979174';
  const [first, ...rest] = steps;
  const tail = rest.length ? `, then ${rest.map(stepLabel).join(', ')}` : '';
  return `KB 979174 ${stepLabel(first!)}${tail}`;
}

export function stepTitle(step: Step): string {
  return STEP_TITLES[step];
}
