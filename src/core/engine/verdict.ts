/**
 * The verdict at the end of a run: counts, the worst severity, and the steps ranked by how likely
 * they explain `454 4.7.0 Temporary authentication failure`. A step's score adds up its error and
 * warning findings, each weighted by how directly its kind of fault produces the 454: a clock
 * beyond the Kerberos tolerance or a missing or duplicate SPN makes every ticket fail, an
 * unreachable KDC makes tickets impossible to get, a connector without Exchange Server
 * authentication refuses the mechanism, while replication lag only explains it through one of the
 * others. `unknown` findings do not make a cause: they are what could not be checked.
 */
import {
  SEVERITY_ORDER,
  worstSeverity,
  type Finding,
  type LikelyCause,
  type Severity,
  type Step,
  type Verdict,
} from '../../shared/findings';
import { causeSummaryText } from '../l10n/worded-cause';
import { render } from '../l10n/render';

const SEVERITY_WEIGHT: Record<Severity, number> = { error: 10, warning: 1, unknown: 0, ok: 0 };

/** How directly a kind of finding explains the 454, from 0 to 1 (first match wins). */
const DIRECTNESS: readonly [RegExp, number][] = [
  [/^clock\.(skew|pair-skew)$/, 1],
  [/^spn\.(missing|duplicate|wrong-account)$/, 1],
  [/^spn\.ticket-failed$/, 0.9],
  [/^port\.kerberos-/, 0.8],
  [/^clock\./, 0.6],
  [/^connector\.(no-exchange-auth|relay-captures-exchange)$/, 0.7],
  [/^kerberos-log\./, 0.6],
  [/^replication\./, 0.5],
  [/^spn\./, 0.5],
  [/^port\./, 0.4],
];

export function directness(code: string): number {
  for (const [pattern, weight] of DIRECTNESS) if (pattern.test(code)) return weight;
  return 0.3;
}

export function findingScore(f: Finding): number {
  return SEVERITY_WEIGHT[f.severity] * directness(f.code);
}

const MAX_TITLES = 2;

/** The cause's summary as a phrase (the step's lead, its top findings' titles, how many more). */
function summarise(step: Step, ranked: readonly Finding[]) {
  const titles = ranked.slice(0, MAX_TITLES).map((f) => f.title);
  return causeSummaryText(step, titles, ranked.length - titles.length);
}

/** Worst first, then by score, then by subject for a stable order. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
    findingScore(b) - findingScore(a) ||
    a.subject.name.localeCompare(b.subject.name)
  );
}

export function rankCauses(findings: readonly Finding[]): LikelyCause[] {
  const byStep = new Map<Step, Finding[]>();
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    const list = byStep.get(f.step) ?? [];
    list.push(f);
    byStep.set(f.step, list);
  }
  const causes: LikelyCause[] = [];
  for (const [step, list] of byStep) {
    const ranked = [...list].sort(compareFindings);
    const summaryText = summarise(step, ranked);
    const score = Math.round(ranked.reduce((sum, f) => sum + findingScore(f), 0) * 10) / 10;
    causes.push({
      step,
      score,
      summary: render('en', summaryText),
      summaryText,
      findings: ranked.map((f) => `${f.code} ${f.subject.name}`),
    });
  }
  return causes.sort((a, b) => b.score - a.score || a.step - b.step);
}

export function countSeverities(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, unknown: 0, ok: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function buildVerdict(findings: readonly Finding[], startedAt: string, finishedAt: string): Verdict {
  return {
    startedAt,
    finishedAt,
    overall: worstSeverity(findings.map((f) => f.severity)),
    causes: rankCauses(findings),
    counts: countSeverities(findings),
  };
}
