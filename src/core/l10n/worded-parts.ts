/**
 * A finding's parts besides its title and explanation, in any language: remedy summaries and where
 * they run, evidence labels, values and sources of our words, evidence tables, the subject's name
 * when it is ours and the reason of an unknown. Producers build each part from a catalogue
 * phrase with the helpers here, which keep the English text (reports, JSON, tests read it) and the
 * phrase side by side; `wordParts` then words every part that has a phrase in the view's language
 * and leaves the rest (names, values, messages from servers) as they are.
 */
import type { Evidence, EvidenceTable, Finding, Remedy, Subject } from '../../shared/findings';
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

/** `{ runOn, runOnText }` for a remedy that runs on a place named in our words (not a host name). */
export function runOnOf(key: MessageKey, params?: Params): { runOn: string; runOnText: LocalText } {
  const local = text(key, params);
  return { runOn: render('en', local), runOnText: local };
}

/** `{ value }` for an observed value, `{ value, valueText }` for a value of our words (`(none)`, a state). */
export function valueOf(value: string | LocalText): { value: string; valueText?: LocalText } {
  return typeof value === 'string' ? { value } : { value: render('en', value), valueText: value };
}

/** `{ source }` for a source as observed, `{ source, sourceText }` for one in our words. */
export function sourceOf(source: string | LocalText): { source: string; sourceText?: LocalText } {
  return typeof source === 'string' ? { source } : { source: render('en', source), sourceText: source };
}

/** `{ name, nameText }` for a subject named in our words (`this machine`, `organisation`). */
export function nameOf(key: MessageKey, params?: Params): { name: string; nameText: LocalText } {
  const local = text(key, params);
  return { name: render('en', local), nameText: local };
}

/** `{ name }` when the subject has a name of its own, else `{ name, nameText }` from `key` (`this DC`). */
export function nameOr(name: string | undefined, key: MessageKey): { name: string; nameText?: LocalText } {
  return name ? { name } : nameOf(key);
}

/** The items joined with `separator`, or the phrase `(none)` when there are none. */
export function listOrNone(items: readonly string[], separator = ', '): string | LocalText {
  return items.length ? items.join(separator) : text('fp.common.none');
}

/** Where a remedy runs, worded in `lang` when it is words of ours: for display, never for matching. */
export function runOnShown(lang: Lang, r: Remedy): string {
  return r.runOnText && lang !== 'en' ? render(lang, r.runOnText) : (r.runOnWorded ?? r.runOn);
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
  return {
    ...e,
    ...(e.labelText ? { label: render(lang, e.labelText) } : {}),
    ...(e.valueText ? { value: render(lang, e.valueText) } : {}),
    ...(e.sourceText ? { source: render(lang, e.sourceText) } : {}),
  };
}

/** The summary worded; `runOn` kept (it identifies the remedy), its wording in `runOnWorded`. */
function wordRemedy(lang: Lang, r: Remedy): Remedy {
  return {
    ...r,
    ...(r.summaryText ? { summary: render(lang, r.summaryText) } : {}),
    ...(r.runOnText ? { runOnWorded: render(lang, r.runOnText) } : {}),
  };
}

function wordSubject(lang: Lang, s: Subject): Subject {
  return s.nameText ? { ...s, name: render(lang, s.nameText) } : s;
}

/**
 * The finding with its subject's name, remedies, evidence, tables and reason worded in `lang` where
 * they have phrases. A copy for display: a remedy keeps its `runOn` (see wordRemedy).
 */
export function wordParts<F extends Finding>(lang: Lang, f: F): F {
  if (lang === 'en') return f;
  const worded: F = {
    ...f,
    subject: wordSubject(lang, f.subject),
    evidence: f.evidence.map((e) => wordEvidence(lang, e)),
    remedies: f.remedies.map((r) => wordRemedy(lang, r)),
  };
  if (f.tables) worded.tables = f.tables.map((t) => wordTable(lang, t));
  if (f.reasonText) worded.reason = render(lang, f.reasonText);
  return worded;
}
