/**
 * The walkthrough state as the webview shows it: every finding's title and explanation worded in
 * the panel's language from the finding's code and params, and its remedies, evidence labels, tables
 * and reason from their phrases (src/core/l10n/worded-parts.ts) (src/core/l10n/finding-wording.ts). The
 * panel keeps its state in English (the report, the JSON and the tests read that); only what is
 * sent to the webview is worded. A code without a translation keeps its English text. The causes
 * step 0 read from both ends of a paste, and the verdict's likely causes, are worded the same way.
 */
import type { Finding } from '../../shared/findings';
import type { WalkthroughState } from '../../shared/walkthrough-protocol';
import { wordFinding } from '../l10n/finding-wording';
import { render } from '../l10n/render';
import { wordParts } from '../l10n/worded-parts';
import { wordCause } from '../l10n/worded-cause';

export function wordedFinding<F extends Finding>(finding: F, language: WalkthroughState['language']): F {
  if (language === 'en') return finding;
  const { title, explanation } = wordFinding(language, finding);
  return { ...wordParts(language, finding), title, explanation };
}

export function wordedState(state: WalkthroughState): WalkthroughState {
  if (state.language === 'en') return state;
  const symptom = state.symptom?.bothEnds
    ? {
        ...state.symptom,
        bothEnds: state.symptom.bothEnds.map((b) => ({ ...b, message: render(state.language, b.text) })),
      }
    : state.symptom;
  const findings = state.steps.flatMap((s) => s.findings);
  const verdict = state.verdict
    ? {
        ...state.verdict,
        causes: state.verdict.causes.map((c) => ({ ...c, summary: wordCause(state.language, c, findings) })),
      }
    : state.verdict;
  return {
    ...state,
    ...(symptom ? { symptom } : {}),
    ...(verdict ? { verdict } : {}),
    steps: state.steps.map((s) => ({ ...s, findings: s.findings.map((f) => wordedFinding(f, state.language)) })),
  };
}
