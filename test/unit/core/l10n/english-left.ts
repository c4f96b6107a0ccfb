/**
 * Finds English words of ours left in a finding worded in a language without the Latin script
 * (Hebrew, Chinese): its title and explanation (wordFinding) and its subject's name, its remedies
 * and where they run, evidence labels, the evidence values and sources of our words, tables and
 * reason (wordParts). What may stay Latin: identifiers (EX01, dc1.contoso.test,
 * SMTPSVC/EX01, servicePrincipalName, KRB_AP_ERR_SKEW, 0x800705b4: anything holding a digit, a
 * dot, a slash, an underscore, a capital after a small letter or only capitals), the technical
 * terms of TECHNICAL below, text in double quotes (a tool's output quoted as printed), and the text of params that carry a message printed by a tool or a
 * server as it was printed (MESSAGE_PARAMS). Any other Latin word is an English fragment.
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../src/shared/findings';
import type { LocalParam, LocalText } from '../../../../src/shared/local-text';
import { wordFinding } from '../../../../src/core/l10n/finding-wording';
import { wordParts } from '../../../../src/core/l10n/worded-parts';

/** Terms every translation keeps in Latin letters (docs/localisation.md). */
export const TECHNICAL = new Set(
  [
    'Kerberos',
    'Exchange',
    'Server',
    'Windows',
    'Microsoft',
    'Samba',
    'Active',
    'Directory',
    'setspn',
    'repadmin',
    'klist',
    'kvno',
    'SyncAll',
    'RefID',
    'Sites',
    'RootDSE',
    'krbtgt',
    'replsummary',
    'showrepl',
    'syncall',
    'showobjmeta',
    'stime',
    'stripchart',
    'monitor',
    'resync',
    'rediscover',
    'Local',
    'CMOS',
    'Clock',
    'Domain',
    'Admins',
    // SI unit symbols in durations (5 min 0.0 s, 200 ms).
    'ms',
    'min',
  ].map((w) => w.toLowerCase()),
);

/**
 * Params whose value is a message from a tool, a server or the system as it was printed (an
 * error text, a parser's reason): kept as they are in every language.
 */
export const MESSAGE_PARAMS = new Set(['message', 'error', 'errorText', 'reasons', 'printed']);

const TOKEN = /[A-Za-z0-9_$.\-/\\@=:]+/g;

/** A token without the punctuation around it (`ב-File` gives `File`, `Services:` gives `Services`). */
function bare(token: string): string {
  return token.replace(/^[.:\-/=]+|[.:\-/=]+$/g, '');
}

function isIdentifier(t: string): boolean {
  if ((t.match(/[A-Za-z]/g) ?? []).length < 2) return true;
  if (/[0-9_$.\-/\\@=:]/.test(t)) return true;
  if (/[a-z][A-Z]/.test(t)) return true;
  if (/^[A-Z]+s?$/.test(t) && /^[A-Z]{2}/.test(t)) return true;
  return TECHNICAL.has(t.toLowerCase());
}

/**
 * Text a tool prints, quoted in a sentence as the tool prints it ("Updated object"), syntax slots
 * (SMTPSVC/<name>) and distinguished names (CN=Exchange Administrative Group (...),CN=...; a
 * space inside a DN is followed by a capital, as in the names AD gives): values.
 */
const DN_PART = String.raw`(?:CN|OU|DC)=(?:[^,\\\s]|\\.|\s(?=[A-Z0-9(]))+`;
const QUOTED = new RegExp(String.raw`"[^"]*"|<[a-z-]+>|\b${DN_PART}(?:,${DN_PART})*`, 'g');

/** The Latin words of a text that are neither identifiers, technical terms nor quoted tool output. */
export function englishWords(text: string): string[] {
  return (text.replace(QUOTED, ' ').match(TOKEN) ?? []).map(bare).filter((t) => !isIdentifier(t));
}

/** Words of the message params (anywhere in a finding's phrases): allowed as they are. */
function messageWords(params: Readonly<Record<string, LocalParam>> | undefined, into: Set<string>): void {
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string' && MESSAGE_PARAMS.has(name))
      for (const w of englishWords(value)) into.add(w.toLowerCase());
    const phrases: readonly LocalText[] =
      typeof value === 'string' || typeof value === 'number' ? [] : Array.isArray(value) ? value : [value as LocalText];
    for (const p of phrases) messageWords(p.params, into);
  }
}

/** "where: word word" for every English word of ours left in `finding` worded in `lang`. */
export function englishLeft(lang: 'he' | 'zh-cn', finding: Finding, names: readonly string[] = []): string[] {
  const allowed = new Set(names.flatMap((n) => englishWords(n)).map((w) => w.toLowerCase()));
  messageWords(finding.params, allowed);
  messageWords(finding.reasonText?.params, allowed);
  for (const r of finding.remedies) messageWords(r.summaryText?.params, allowed);
  for (const r of finding.remedies) messageWords(r.runOnText?.params, allowed);
  for (const e of finding.evidence)
    for (const phrase of [e.labelText, e.valueText, e.sourceText]) messageWords(phrase?.params, allowed);
  // A subject's name is a name (a server, an organisation called Contoso) unless it has a phrase.
  if (finding.subject.nameText) messageWords(finding.subject.nameText.params, allowed);
  else for (const w of englishWords(finding.subject.name)) allowed.add(w.toLowerCase());
  for (const t of finding.tables ?? [])
    for (const phrase of [t.text?.caption, ...(t.text?.columns ?? []), ...(t.text?.rows ?? []).flat()])
      if (phrase) messageWords({ phrase }, allowed);
  const { title, explanation } = wordFinding(lang, finding);
  const parts = wordParts(lang, finding);
  const texts: [string, string][] = [
    ['subject', parts.subject.name],
    ['title', title],
    ['explanation', explanation],
    ...parts.remedies.map((r, i): [string, string] => [`remedy ${i}`, r.summary]),
    // Where it runs as the views show it: a host name (an identifier) or a phrase worded here.
    ...parts.remedies.map((r, i): [string, string] => [`remedy ${i} runs on`, r.runOnWorded ?? r.runOn]),
    ...parts.evidence.map((e, i): [string, string] => [`evidence ${i} label`, e.label]),
    // Values and sources of our words; an observed value or source stays as it was seen.
    ...parts.evidence.flatMap((e, i): [string, string][] => [
      ...(finding.evidence[i]?.valueText ? [[`evidence ${i} value`, e.value] as [string, string]] : []),
      ...(finding.evidence[i]?.sourceText ? [[`evidence ${i} source`, e.source] as [string, string]] : []),
    ]),
    ...(parts.tables ?? []).flatMap((t, i): [string, string][] => [
      [`table ${i} caption`, t.caption],
      ...t.columns.map((c, j): [string, string] => [`table ${i} column ${j}`, c]),
      ...t.rows.flatMap((r, j) => r.map((c, k): [string, string] => [`table ${i} cell ${j},${k}`, c])),
    ]),
    ...(parts.reason !== undefined ? [['reason', parts.reason] as [string, string]] : []),
  ];
  return texts.flatMap(([where, text]) => {
    const left = englishWords(text).filter((w) => !allowed.has(w.toLowerCase()));
    return left.length ? [`${finding.code} ${where}: ${left.join(' ')} | ${text}`] : [];
  });
}

/**
 * Fails naming every English fragment left in the findings, worded in Hebrew and in Chinese.
 * `names`: names of the scenario made of plain words (an account called `File Services`).
 */
export function assertWhollyWorded(findings: readonly Finding[], names: readonly string[] = []): void {
  const left = [
    ...new Set(findings.flatMap((f) => [...englishLeft('he', f, names), ...englishLeft('zh-cn', f, names)])),
  ];
  assert.deepEqual(left, [], `English left in translated findings:\n${left.join('\n')}`);
}
