/**
 * A finding's parts besides its title and explanation, in any language: remedy summaries, evidence
 * labels, evidence tables and the reason of an unknown. Producers build each part from a catalogue
 * phrase with the helpers here, which keep the English text (reports, JSON, tests read it) and the
 * phrase side by side; `wordParts` then words every part that has a phrase in the view's language
 * and leaves the rest (names, values, messages from servers) as they are.
 */
import type { Evidence, EvidenceTable, Finding, Remedy } from '../../shared/findings';
import type { LocalParam, LocalText } from '../../shared/local-text';
import type { MessageKey } from './en';
import { render, text, type Lang } from './render';

type Params = Readonly<Record<string, LocalParam>>;

/** `{ summary, summaryText }` for a remedy: `{ ...summaryOf('fp.3.add-spn', { spn }), command, ... }`. */
export function summaryOf(key: MessageKey, params?: Params): { summary: string; summaryText: LocalText } {
  const local = text(key, params);
  return { summary: render('en', local), summaryText: local };
}

/** `{ label, labelText }` for an evidence row whose label is words of ours. */
export function labelOf(key: MessageKey, params?: Params): { label: string; labelText: LocalText } {
  const local = text(key, params);
  return { label: render('en', local), labelText: local };
}

/** `{ reason, reasonText }` for a finding whose severity is unknown. */
export function reasonOf(key: MessageKey, params?: Params): { reason: string; reasonText: LocalText } {
  const local = text(key, params);
  return { reason: render('en', local), reasonText: local };
}

/**
 * An evidence table from phrases: the caption and column heads are phrases, a cell is either a
 * value as it is (a string) or a phrase.
 */
export function tableOf(spec: {
  caption: LocalText;
  columns: readonly LocalText[];
  rows: readonly (readonly (string | LocalText)[])[];
}): EvidenceTable {
  const en = (x: string | LocalText): string => (typeof x === 'string' ? x : render('en', x));
  return {
    caption: render('en', spec.caption),
    columns: spec.columns.map(en),
    rows: spec.rows.map((r) => r.map(en)),
    text: {
      caption: spec.caption,
      columns: [...spec.columns],
      rows: spec.rows.map((r) => r.map((c) => (typeof c === 'string' ? null : c))),
    },
  };
}

function wordTable(lang: Lang, t: EvidenceTable): EvidenceTable {
  const x = t.text;
  if (!x) return t;
  return {
    ...t,
    caption: x.caption ? render(lang, x.caption) : t.caption,
    columns: t.columns.map((c, i) => (x.columns?.[i] ? render(lang, x.columns[i]) : c)),
    rows: t.rows.map((r, i) => r.map((c, j) => (x.rows?.[i]?.[j] ? render(lang, x.rows[i][j]) : c))),
  };
}

function wordEvidence(lang: Lang, e: Evidence): Evidence {
  return e.labelText ? { ...e, label: render(lang, e.labelText) } : e;
}

function wordRemedy(lang: Lang, r: Remedy): Remedy {
  return r.summaryText ? { ...r, summary: render(lang, r.summaryText) } : r;
}

/** The finding with its remedies, evidence labels, tables and reason worded in `lang` where they have phrases. */
export function wordParts<F extends Finding>(lang: Lang, f: F): F {
  if (lang === 'en') return f;
  const worded: F = {
    ...f,
    evidence: f.evidence.map((e) => wordEvidence(lang, e)),
    remedies: f.remedies.map((r) => wordRemedy(lang, r)),
  };
  if (f.tables) worded.tables = f.tables.map((t) => wordTable(lang, t));
  if (f.reasonText) worded.reason = render(lang, f.reasonText);
  return worded;
}
