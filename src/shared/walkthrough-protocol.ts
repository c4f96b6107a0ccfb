/**
 * The messages between the "Resolve 454 4.7.0" panel (extension host) and its webview script
 * (media/walkthrough/main.ts). Both sides import this module, so a message that one side sends
 * and the other does not understand is a compile error. Plain data only.
 *
 * Handshake: the webview posts `ready` once its script runs; the host answers with `init` (the
 * whole state and the strings of the chosen language) and from then on sends `state` after each
 * change. The webview never sends command text: it names a remedy by finding index and remedy
 * index in the state the host holds, and the host runs what it has.
 */
import type { Finding, LikelyCause, Severity, Step, Verdict } from './findings';
import type { SymptomFact, SymptomKind } from './symptom';
import type { LocalText } from './local-text';

export const LANGUAGES = ['en', 'es', 'nl', 'he', 'zh-cn'] as const;
export type Language = (typeof LANGUAGES)[number];
export const RTL_LANGUAGES: readonly Language[] = ['he'];

export type StepStatus = 'idle' | 'running' | Severity;

export type WalkthroughScope =
  { kind: 'organisation' } | { kind: 'server'; server: string } | { kind: 'pair'; sending: string; receiving: string };

export interface StepState {
  step: Step;
  status: StepStatus;
  findings: Finding[];
  /** ISO time the step last finished. */
  checkedAt?: string;
  durationMs?: number;
}

export interface SymptomState {
  /** What was pasted (kept so a reload shows it again; never contains credentials by itself). */
  text: string;
  recognised: boolean;
  kinds: SymptomKind[];
  has454: boolean;
  /** The sending server's 451 4.4.0 wrapper was seen (absent in states saved before it existed). */
  has451?: boolean;
  facts: SymptomFact[];
  /** Ends of the connection the text named neither by name nor by address. */
  missing?: ('sending' | 'receiving')[];
  sending?: string;
  receiving?: string;
  /** Names or addresses from the text that match no discovered server. */
  unmatched: string[];
  /**
   * Failures the paste shows from both ends (sender and receiver evidence joined by time and
   * endpoint): the step to start at and the cause, worded in the panel's language as `message`.
   */
  bothEnds?: { sending: string; receiving: string; step: Step; text: LocalText; message: string }[];
}

export interface CommandRecord {
  command: string;
  runOn: string;
  changesState: boolean;
  at: string;
  how: 'terminal' | 'copied';
}

export interface WalkthroughState {
  version: 1;
  language: Language;
  /** 0 is the symptom step; 1 to 6 the steps of KB 979174; 7 the summary. */
  currentStep: number;
  scope?: WalkthroughScope;
  /** Short names of the discovered Exchange servers, to pick a pair from. */
  servers: string[];
  /** Directory state as the tree shows it (`ready`, `signed-out`, ...). */
  directory: string;
  directorySource?: string;
  symptom?: SymptomState;
  steps: StepState[];
  verdict?: Verdict;
  running: boolean;
  /** Error of the last run (e.g. not signed in), already translated. */
  error?: string;
  startedAt?: string;
  finishedAt?: string;
  /**
   * Set when the results shown come from a diagnosis run outside the panel (the tree, the Findings
   * view, the palette) before it opened: the panel says so with the time it finished.
   */
  shownFromEarlierRun?: boolean;
  commands: CommandRecord[];
}

export type Strings = Record<string, string>;

export type HostToWebview =
  | { type: 'init'; state: WalkthroughState; strings: Strings; dir: 'ltr' | 'rtl' }
  | { type: 'state'; state: WalkthroughState }
  | { type: 'strings'; language: Language; strings: Strings; dir: 'ltr' | 'rtl' }
  | { type: 'focusStep'; step: number }
  | { type: 'snapshotRequest'; requestId: number };

export interface RenderedSnapshot {
  lang: string;
  dir: string;
  /** The visible text of the panel, in DOM order. */
  text: string;
  headings: string[];
  /** Per step: its status attribute and the text of its findings region. */
  steps: { step: number; status: string; findings: string }[];
  /** How the findings' tables are laid out at the panel's current width (for layout tests). */
  layout?: TableLayout;
}

export interface TableLayout {
  panelWidth: number;
  tables: number;
  /** Tables wider than the space they have, and their captions (or headers). */
  overflowing: number;
  overflowingTables: string[];
  /** Column headers narrower than their longest word (broken inside a word). */
  brokenHeaders: string[];
  timeCells: number;
  timeCellsWithoutTooltip: number;
  longestTimeText: number;
  /** Time stamps taking more than one line. */
  wrappedTimeCells: number;
}

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'setLanguage'; language: Language }
  | { type: 'recognise'; text: string }
  | { type: 'setScope'; scope: WalkthroughScope }
  | { type: 'run'; steps?: Step[] }
  | { type: 'cancel' }
  | { type: 'navigate'; step: number }
  | { type: 'copyRemedy'; step: Step; finding: number; remedy: number }
  | { type: 'runRemedy'; step: Step; finding: number; remedy: number }
  | { type: 'export'; format: 'markdown' | 'html' }
  | { type: 'snapshot'; requestId: number; snapshot: RenderedSnapshot };

export const STEPS: readonly Step[] = [1, 2, 3, 4, 5, 6];

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/** VS Code's display language (`vscode.env.language`, e.g. `zh-cn`, `es`, `he`, `en-us`) to ours. */
export function languageFromLocale(locale: string | undefined): Language {
  const l = (locale ?? '').toLowerCase();
  if (l === 'zh-cn' || l === 'zh-hans' || l.startsWith('zh-hans') || l === 'zh') return 'zh-cn';
  const base = l.split('-')[0];
  if (base === 'iw') return 'he';
  return isLanguage(base) ? base : 'en';
}

export function emptyState(language: Language): WalkthroughState {
  return {
    version: 1,
    language,
    currentStep: 0,
    servers: [],
    directory: 'not-configured',
    steps: STEPS.map((step) => ({ step, status: 'idle', findings: [] })),
    running: false,
    commands: [],
  };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStep = (x: unknown): x is Step => typeof x === 'number' && STEPS.includes(x as Step);
const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 10_000;
const isName = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 255;

export function isScope(x: unknown): x is WalkthroughScope {
  if (!isObj(x)) return false;
  if (x.kind === 'organisation') return true;
  if (x.kind === 'server') return isName(x.server);
  if (x.kind === 'pair') return isName(x.sending) && isName(x.receiving);
  return false;
}

/**
 * Checks a message from the webview before the host acts on it: a webview is a web page, and
 * what it posts is treated as untrusted input.
 */
export function isWebviewMessage(x: unknown): x is WebviewToHost {
  if (!isObj(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'ready':
    case 'cancel':
      return true;
    case 'setLanguage':
      return isLanguage(x.language);
    case 'recognise':
      return typeof x.text === 'string' && x.text.length <= 200_000;
    case 'setScope':
      return isScope(x.scope);
    case 'run':
      return x.steps === undefined || (Array.isArray(x.steps) && x.steps.length <= 6 && x.steps.every(isStep));
    case 'navigate':
      return typeof x.step === 'number' && Number.isInteger(x.step) && x.step >= 0 && x.step <= 7;
    case 'copyRemedy':
    case 'runRemedy':
      return isStep(x.step) && isIndex(x.finding) && isIndex(x.remedy);
    case 'export':
      return x.format === 'markdown' || x.format === 'html';
    case 'snapshot':
      return isIndex(x.requestId) && isObj(x.snapshot) && typeof x.snapshot.text === 'string';
    default:
      return false;
  }
}

/** A state restored by the serializer is data from disk: keep it only when it has our shape. */
export function isWalkthroughState(x: unknown): x is WalkthroughState {
  return (
    isObj(x) &&
    x.version === 1 &&
    isLanguage(x.language) &&
    Array.isArray(x.steps) &&
    x.steps.length === 6 &&
    Array.isArray(x.commands)
  );
}

/** Status of a step from its findings: the worst severity, `ok` only when something was checked. */
export function stepStatus(findings: readonly Finding[]): StepStatus {
  if (!findings.length) return 'unknown';
  const order: Severity[] = ['error', 'warning', 'unknown', 'ok'];
  return order.find((s) => findings.some((f) => f.severity === s)) ?? 'unknown';
}

/** Steps done (not idle, not running) out of six. */
export function progressOf(state: WalkthroughState): { done: number; total: number } {
  return { done: state.steps.filter((s) => s.status !== 'idle' && s.status !== 'running').length, total: 6 };
}

export function topCauses(verdict: Verdict | undefined, n = 3): LikelyCause[] {
  return verdict ? verdict.causes.slice(0, n) : [];
}
