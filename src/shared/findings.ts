/**
 * What a check reports. Shared by the core engine, the CLI, the extension, the webview and the
 * language server, so it holds plain data only (JSON-serialisable, no classes, no functions).
 */

import type { LocalParam, LocalText } from './local-text';

/** The six steps of the KB 979174 resolution. */
export type Step = 1 | 2 | 3 | 4 | 5 | 6;

export const STEP_TITLES: Readonly<Record<Step, string>> = {
  1: 'Clocks agree within the Kerberos tolerance',
  2: 'Domain controllers replicate',
  3: 'SMTP and SMTPSVC SPNs are registered once, on the right account',
  4: 'Kerberos and transport ports are reachable',
  5: 'Kerberos logging shows no errors',
  6: 'Receive connectors accept Exchange Server authentication',
};

/** `unknown` always comes with a `reason` (timeout, no credentials, not available on this OS...). */
export type Severity = 'ok' | 'warning' | 'error' | 'unknown';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 3, warning: 2, unknown: 1, ok: 0 };

export type SubjectKind = 'organisation' | 'server' | 'dc' | 'kdc' | 'connector' | 'pair' | 'account' | 'local';

export interface Subject {
  kind: SubjectKind;
  /** Short display name: `EX01`, `DC1`, `EX01\Default EX01`, `EX01 -> EX02`. */
  name: string;
  /** Optional identifier such as an FQDN, a DN or `host:port`. */
  id?: string;
  /**
   * The name as a catalogue phrase when it is words of ours (`this machine`, `organisation`), for a
   * view in another language; `name` stays the English text that reports and matching read.
   */
  nameText?: LocalText;
}

export interface Evidence {
  /** What was observed, e.g. `servicePrincipalName`, `KDC time`, `EHLO verbs`. */
  label: string;
  /** The label as a catalogue phrase, when it is words of ours rather than an attribute or field name. */
  labelText?: LocalText;
  /** The raw value as observed (not interpreted). */
  value: string;
  /** The value as a catalogue phrase, when it is words of ours (`(none)`, a port's state) rather than observed data. */
  valueText?: LocalText;
  /** Where it came from: `LDAPS dc1.contoso.test:636`, `setspn -L EX01`, `UDP 127.0.0.10:88`. */
  source: string;
  /** The source as a catalogue phrase, when it is words of ours (`from this machine to dc1:88`). */
  sourceText?: LocalText;
  /** ISO 8601 timestamp of the observation. */
  observedAt: string;
}

/** A small table for evidence that reads best as rows (skew matrix, expected vs registered SPNs). */
export interface EvidenceTable {
  caption: string;
  columns: string[];
  rows: string[][];
  /**
   * The same table as catalogue phrases, for a view in another language: the caption, the column
   * heads, and any cell of words of ours (`null` keeps the cell as it is: names, values, times).
   */
  text?: {
    caption?: LocalText;
    columns?: LocalText[];
    rows?: (LocalText | null)[][];
  };
}

export type ShellKind = 'powershell' | 'cmd' | 'posix';

export interface Remedy {
  /** One line saying what the command does. */
  summary: string;
  /** The summary as a catalogue phrase, so a view words it in its own language. */
  summaryText?: LocalText;
  /** The exact command line with names filled in. */
  command: string;
  /**
   * Where the command has to run: `EX01`, `any domain-joined Windows machine`, `this machine`.
   * Always the English text: with `command` and `shell` it is the key a remedy is recognised by
   * (src/core/session/remedy-registry.ts), so a worded copy never changes it.
   */
  runOn: string;
  /** `runOn` as a catalogue phrase when it is words of ours rather than a host name; for display only. */
  runOnText?: LocalText;
  /**
   * `runOnText` worded in a view's language, set only on a copy worded for display
   * (src/core/l10n/worded-parts.ts); a view shows it instead of `runOn` and sends back the original.
   */
  runOnWorded?: string;
  shell: ShellKind;
  /** True when the command changes a server (setspn -S, reg add, repadmin /syncall, w32tm /resync...). */
  changesState: boolean;
}

/**
 * Values for a wording's `{name}` placeholders: names, numbers and tokens as they are, and words of
 * the product's own (a direction, a state, a list of causes) as catalogue phrases (`LocalText`), so a
 * translated wording holds no English fragment.
 */
export type FindingParams = Readonly<Record<string, LocalParam>>;

/**
 * `Code` is the closed union of codes where the producer knows it (the engine's `FindingCode`);
 * readers of reports, the webview and the language server see plain strings.
 */
export interface Finding<Code extends string = string> {
  /** Stable identifier of the kind of finding, e.g. `spn.missing`, `clock.skew`, `port.blocked`. */
  code: Code;
  step: Step;
  severity: Severity;
  subject: Subject;
  title: string;
  /** Why this matters, in our own words. */
  explanation: string;
  evidence: Evidence[];
  tables?: EvidenceTable[];
  remedies: Remedy[];
  /** Required when severity is `unknown`: why the check could not decide. */
  reason?: string;
  /** The reason as a catalogue phrase, when it is words of ours (not an error message from elsewhere). */
  reasonText?: LocalText;
  /** The values the title and explanation were worded from (absent on findings made before codes had tables). */
  params?: FindingParams;
}

/** A ranked likely cause in the verdict at the end of a run. */
export interface LikelyCause {
  step: Step;
  score: number;
  summary: string;
  /** The summary as a catalogue phrase; a view words it with its findings' titles in its language. */
  summaryText?: LocalText;
  findings: string[];
}

export interface Verdict {
  startedAt: string;
  finishedAt: string;
  /** The highest severity seen. */
  overall: Severity;
  causes: LikelyCause[];
  counts: Record<Severity, number>;
}

export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst: Severity = 'ok';
  for (const s of severities) if (SEVERITY_ORDER[s] > SEVERITY_ORDER[worst]) worst = s;
  return worst;
}
