/**
 * How a step declares its findings: every code the step can emit, with its English title and
 * explanation as templates (`{server}`, `{spn}`...), in one table per step
 * (`src/core/steps/N-name/finding-codes.ts`). Checks and terminal-output interpreters make findings
 * only through `makeFinding`, so a code that is not in its step's table does not compile, and the
 * text of a finding is the table's template filled with the finding's `params`, whoever observed it.
 * A translation is then one table per language keyed by code (see the localisation issue).
 */
import type {
  Evidence,
  EvidenceTable,
  Finding,
  FindingParams,
  Remedy,
  Severity,
  Step,
  Subject,
} from '../../shared/findings';
import type { LocalText } from '../../shared/local-text';
import { paramText, type Lang } from '../l10n/render';

/** The English wording of one code. Placeholders are `{name}`, filled from the finding's params. */
export interface FindingWording {
  title: string;
  explanation: string;
}

/** One step's codes and their wording. */
export interface StepFindings<C extends string> {
  /** The step every finding of the table belongs to; null for codes any step can emit (init.step then says which). */
  readonly step: Step | null;
  readonly wording: Readonly<Record<C, FindingWording>>;
}

/** The codes of a step's table, as a closed union. */
export type CodeOf<T> = T extends StepFindings<infer C> ? C : never;

export function defineFindings<const W extends Record<string, FindingWording>>(
  step: Step | null,
  wording: W,
): StepFindings<keyof W & string> {
  return { step, wording };
}

/** What a finding carries besides its code and text. */
export interface FindingInit {
  severity: Severity;
  subject: Subject;
  /** Values for the wording's placeholders; kept on the finding so a view can word it in another language. */
  params?: FindingParams;
  evidence?: Evidence[];
  tables?: EvidenceTable[];
  remedies?: Remedy[];
  /** Required when severity is `unknown`. */
  reason?: string;
  /** The reason as a catalogue phrase (`reasonOf` in src/core/l10n/worded-parts.ts gives both). */
  reasonText?: LocalText;
  /** When the finding belongs to another step than its table's (a Kerberos event that points at step 1). */
  step?: Step;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * Fills `{name}` placeholders, phrases in `lang` (English by default: a finding's own text); a
 * placeholder without a value stays as written (a test catches it).
 */
export function fillTemplate(template: string, params: FindingParams = {}, lang: Lang = 'en'): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? paramText(lang, params[name]!) : whole,
  );
}

/** The placeholder names of a template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export function makeFinding<C extends string>(table: StepFindings<C>, code: C, init: FindingInit): Finding<C> {
  const wording = table.wording[code];
  const params = init.params ?? {};
  const step = init.step ?? table.step;
  if (step === null) throw new Error(`finding ${code} needs the step it belongs to`);
  const finding: Finding<C> = {
    code,
    step,
    severity: init.severity,
    subject: init.subject,
    title: fillTemplate(wording.title, params),
    explanation: fillTemplate(wording.explanation, params),
    evidence: init.evidence ?? [],
    remedies: init.remedies ?? [],
  };
  if (init.params && Object.keys(init.params).length) finding.params = { ...init.params };
  if (init.tables) finding.tables = init.tables;
  if (init.reason !== undefined) finding.reason = init.reason;
  if (init.reasonText) finding.reasonText = init.reasonText;
  return finding;
}
