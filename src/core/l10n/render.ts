/**
 * The message catalogue's one entry point, without `vscode`: a code and its parameters in, text in
 * the asked language out. Parameters may be plain values, another message (`LocalText`), or a list
 * of messages joined with the language's separator, so a sentence can hold "from EX01 to EX02" or
 * "step 1 (clocks), then step 3 (SPNs)" in the same language as itself. A missing translation falls
 * back to English, a missing parameter stays `{name}` (the catalogue test catches both).
 */
import type { Step } from '../../shared/findings';
import type { LocalParam, LocalText } from '../../shared/local-text';
import { EN, type Catalogue, type MessageKey } from './en';
import { ES } from './es';
import { HE } from './he';
import { NL } from './nl';
import { ZH_CN } from './zh-cn';

export type Lang = 'en' | 'es' | 'nl' | 'he' | 'zh-cn';
export const LANGS: readonly Lang[] = ['en', 'es', 'nl', 'he', 'zh-cn'];

export type ParamValue = LocalParam;
export type { LocalText };

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en: EN, es: ES, nl: NL, he: HE, 'zh-cn': ZH_CN };

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

function isLocalText(v: ParamValue): v is LocalText {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'key' in v;
}

/** One placeholder's text in `lang`: a value as it is, a phrase or a list of phrases rendered. */
export function paramText(lang: Lang, v: ParamValue): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (isLocalText(v)) return render(lang, v);
  const list = v;
  return list.map((x) => render(lang, x)).join(CATALOGUES[lang]['list.separator']);
}

export function render(lang: Lang, text: LocalText): string {
  const key = text.key as MessageKey;
  const template = CATALOGUES[lang][key] ?? EN[key] ?? text.key;
  const params = text.params ?? {};
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? paramText(lang, params[name]!) : whole,
  );
}

/** Shorthand: `t('es', 'cli.read-only')`. */
export function t(lang: Lang, key: MessageKey, params?: Readonly<Record<string, ParamValue>>): string {
  return render(lang, params ? { key, params } : { key });
}

export function text(key: MessageKey, params?: Readonly<Record<string, ParamValue>>): LocalText {
  return params ? { key, params } : { key };
}

/** "KB 979174 step 1 (clocks), then step 3 (SPNs)" as a message. */
export function stepsText(steps: readonly Step[]): LocalText {
  const label = (n: Step): LocalText => text('step.label', { n, name: text(`step.name.${n}`) });
  const [first, ...rest] = steps;
  if (first === undefined) return text('steps.none');
  if (!rest.length) return text('steps.one', { first: label(first) });
  return text('steps.more', { first: label(first), rest: rest.map(label) });
}

/**
 * A language tag from VS Code (`zh-cn`), LSP (`zh-CN`) or the environment (`es_ES.UTF-8`, `he`,
 * `nl_BE`) to one of ours; anything else is English.
 */
export function parseLang(tag: string | undefined): Lang {
  const t = (tag ?? '')
    .trim()
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/[.@].*$/, '');
  if (t.startsWith('zh')) return t === 'zh-tw' || t === 'zh-hk' || t.startsWith('zh-hant') ? 'en' : 'zh-cn';
  if (t.startsWith('iw')) return 'he';
  const base = t.split('-')[0] ?? '';
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : 'en';
}

/** The language of a POSIX environment: LC_ALL, then LC_MESSAGES, then LANG (as gettext reads them). */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v && v !== 'C' && v !== 'POSIX');
  return parseLang(tag);
}

/** `message` (English) and `text` of a result built in place: `{ code, ..., ...worded('ev.long-line', {...}) }`. */
export function worded(
  key: MessageKey,
  params: Readonly<Record<string, ParamValue>> = {},
): { message: string; text: LocalText } {
  const local = text(key, params);
  return { message: render('en', local), text: local };
}
