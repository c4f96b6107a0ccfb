/**
 * A likely cause of the verdict (src/core/engine/verdict.ts) in any language: what a fault in its
 * step does (a phrase), then the titles of its top findings, each worded in the view's language
 * from its code and params (./finding-wording.ts). The verdict keeps the English summary and the
 * phrase side by side; a view that has the findings words the whole line, one without them (or a
 * cause from an older report without the phrase) shows the English summary.
 */
import type { Finding, LikelyCause, Step } from '../../shared/findings';
import type { LocalText } from '../../shared/local-text';
import { wordFinding } from './finding-wording';
import { render, t, text, type Lang } from './render';

const withoutStop = (title: string): string => title.replace(/[.。]$/, '');

/** The phrase of a cause: the step's lead, the English titles of its first findings, how many more. */
export function causeSummaryText(step: Step, titles: readonly string[], more: number): LocalText {
  const lead = text(`fp.verdict.lead.${step}`);
  const joined = titles.map(withoutStop).join(t('en', 'fp.verdict.separator'));
  return more > 0
    ? text('fp.verdict.summary-more', { lead, titles: joined, more })
    : text('fp.verdict.summary', { lead, titles: joined });
}

/** The cause's summary in `lang`, its findings' titles worded from `findings` (matched by code and subject). */
export function wordCause(lang: Lang, cause: LikelyCause, findings: readonly Finding[]): string {
  const local = cause.summaryText;
  if (lang === 'en' || !local) return cause.summary;
  // The summary names the first findings; `more` counts the rest.
  const count = cause.findings.length - Number(local.params?.['more'] ?? 0);
  const titles: string[] = [];
  for (const id of cause.findings.slice(0, count)) {
    const f = findings.find((x) => `${x.code} ${x.subject.name}` === id);
    if (!f) return render(lang, local);
    titles.push(withoutStop(wordFinding(lang, f).title));
  }
  return render(lang, { ...local, params: { ...local.params, titles: titles.join(t(lang, 'fp.verdict.separator')) } });
}
