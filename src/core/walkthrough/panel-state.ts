/**
 * How the panel's state changes as a diagnosis runs. Pure (no `vscode`): the panel feeds it the
 * engine's events and the run's result, and posts the new state to the webview.
 */
import type { EngineEvent } from '../engine/check';
import { buildVerdict } from '../engine/verdict';
import type { Finding, Step, Verdict } from '../../shared/findings';
import { stepStatus, type StepState, type WalkthroughState } from '../../shared/walkthrough-protocol';

const mapSteps = (state: WalkthroughState, f: (s: StepState) => StepState): WalkthroughState => ({
  ...state,
  steps: state.steps.map(f),
});

/** Marks the steps about to run and clears their previous findings. */
export function startRun(state: WalkthroughState, steps: readonly Step[], now: string): WalkthroughState {
  const next = mapSteps(state, (s) => (steps.includes(s.step) ? { step: s.step, status: 'running', findings: [] } : s));
  const { error: _error, ...rest } = next;
  return { ...rest, running: true, startedAt: now };
}

export function applyEvent(state: WalkthroughState, e: EngineEvent, now: string): WalkthroughState {
  if (e.type === 'finding') {
    return mapSteps(state, (s) => (s.step === e.finding.step ? { ...s, findings: [...s.findings, e.finding] } : s));
  }
  if (e.type === 'step-finished') {
    return mapSteps(state, (s) =>
      s.step === e.step ? { ...s, status: stepStatus(s.findings), checkedAt: now, durationMs: e.durationMs } : s,
    );
  }
  return state;
}

/** All findings of the state, steps in order. */
export function allFindings(state: WalkthroughState): Finding[] {
  return state.steps.flatMap((s) => s.findings);
}

/**
 * The run's findings replace those of the steps it ran (the streamed ones are the same objects,
 * but a run is the authority); steps it did not finish go back to idle, or keep what they had.
 */
export function finishRun(
  state: WalkthroughState,
  run: { findings: readonly Finding[]; cancelled: boolean },
  steps: readonly Step[],
  now: string,
): WalkthroughState {
  const next = mapSteps(state, (s) => {
    if (!steps.includes(s.step)) return s;
    const findings = run.findings.filter((f) => f.step === s.step);
    if (run.cancelled && findings.length === 0) return { step: s.step, status: 'idle', findings: [] };
    return { ...s, findings, status: stepStatus(findings), checkedAt: s.checkedAt ?? now };
  });
  const verdict: Verdict = buildVerdict(allFindings(next), state.startedAt ?? now, now);
  const { shownFromEarlierRun: _earlier, ...rest } = next;
  return { ...rest, running: false, verdict, finishedAt: now };
}

/**
 * A diagnosis made elsewhere, shown as if the panel had run it: its steps get its findings, the
 * others stay as they were; the verdict and times are the run's.
 */
export function showRun(
  state: WalkthroughState,
  run: { findings: readonly Finding[]; verdict: Verdict; steps?: readonly Step[] },
): WalkthroughState {
  const steps = run.steps ?? [1, 2, 3, 4, 5, 6];
  const at = run.verdict.finishedAt;
  const next = mapSteps(state, (s) => {
    if (!steps.includes(s.step)) return s;
    const findings = run.findings.filter((f) => f.step === s.step);
    return { step: s.step, findings, status: stepStatus(findings), checkedAt: at };
  });
  const { error: _error, ...rest } = next;
  return {
    ...rest,
    running: false,
    verdict: run.verdict,
    startedAt: run.verdict.startedAt,
    finishedAt: at,
    shownFromEarlierRun: true,
  };
}

export function failRun(state: WalkthroughState, message: string): WalkthroughState {
  return {
    ...mapSteps(state, (s) => (s.status === 'running' ? { step: s.step, status: 'idle', findings: [] } : s)),
    running: false,
    error: message,
  };
}
