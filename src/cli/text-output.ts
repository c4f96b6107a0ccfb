/**
 * Readable text for a terminal, streamed in step order: a step is printed as soon as it and every
 * selected step before it are done (checks finish in any order; the reader wants 1, 2, 3...), each
 * under one header, its findings by subject (DCs first, then servers, connectors and the rest,
 * names in natural order), then the ranked verdict at the end. Colours only when asked (a TTY
 * without NO_COLOR). Every value that came from a server goes through sanitizeForTerminal, so it
 * cannot drive the terminal.
 */
import { redactSecrets } from '../core/report/meta';
import type { TextSink } from './output';
import {
  SEVERITY_ORDER,
  STEP_TITLES,
  type Finding,
  type Severity,
  type Step,
  type SubjectKind,
  type Verdict,
} from '../shared/findings';
import { sanitizeForTerminal } from '../core/safety/terminal-text';
import { wordFinding } from '../core/l10n/finding-wording';
import { runOnShown, wordParts } from '../core/l10n/worded-parts';
import { wordCause } from '../core/l10n/worded-cause';
import type { MessageKey } from '../core/l10n/en';
import { t, type Lang } from '../core/l10n/render';

export type { TextSink };

/** A sink that masks every secret before passing text on: the terminal never shows the password. */
export function redactingSink(out: TextSink, secrets: readonly string[]): TextSink {
  return { write: (text: string) => out.write(redactSecrets(text, secrets)) };
}

const COLOUR: Record<Severity, string> = { error: '31', warning: '33', unknown: '36', ok: '32' };

/** Something else on the same terminal (the progress line) that must step aside while text is written. */
export interface SharedTerminal {
  clear(): void;
  redraw(): void;
}

const KIND_ORDER: Readonly<Record<SubjectKind, number>> = {
  organisation: 0,
  local: 1,
  dc: 2,
  kdc: 3,
  server: 4,
  pair: 5,
  connector: 6,
  account: 7,
};

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Subject kind, subject name (natural order), worst first, then title: stable whatever the finishing order. */
export function compareForReading(a: Finding, b: Finding): number {
  return (
    KIND_ORDER[a.subject.kind] - KIND_ORDER[b.subject.kind] ||
    natural.compare(a.subject.name, b.subject.name) ||
    SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
    natural.compare(a.title, b.title)
  );
}

export class TextPrinter {
  private readonly held = new Map<Step, Finding[]>();
  private readonly finished = new Set<Step>();
  private readonly printed = new Set<Step>();

  /** `steps`: the selected steps, in the order they are printed. */
  constructor(
    private readonly out: TextSink,
    private readonly color: boolean,
    private readonly steps: readonly Step[] = [1, 2, 3, 4, 5, 6],
    private readonly terminal?: SharedTerminal,
    private readonly lang: Lang = 'en',
  ) {}

  private label(s: Severity): string {
    return t(this.lang, `severity.${s}` as MessageKey);
  }

  /** Labels padded to the longest one of the language, so the subjects line up. */
  private get labelWidth(): number {
    return Math.max(7, ...(['error', 'warning', 'unknown', 'ok'] as const).map((s) => this.label(s).length));
  }

  private paint(code: string, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  /** Holds a finding until its step can be printed in order. */
  finding(f: Finding): void {
    const list = this.held.get(f.step) ?? [];
    list.push(f);
    this.held.set(f.step, list);
  }

  /** A step is done: print it, and the steps after it that were waiting for it. */
  stepFinished(step: Step): void {
    this.finished.add(step);
    for (const s of [...this.steps].sort((a, b) => a - b)) {
      if (this.printed.has(s)) continue;
      if (!this.finished.has(s)) return;
      this.printStep(s);
    }
  }

  /** Prints what is still held (a cancelled run), in step order. */
  flush(): void {
    const left = [...this.held.keys()].filter((s) => !this.printed.has(s)).sort((a, b) => a - b);
    for (const s of left) this.printStep(s);
  }

  private write(text: string): void {
    this.terminal?.clear();
    this.out.write(text);
    this.terminal?.redraw();
  }

  private printStep(step: Step): void {
    this.printed.add(step);
    const findings = [...(this.held.get(step) ?? [])].sort(compareForReading);
    this.held.delete(step);
    if (findings.length === 0) return;
    const header =
      this.lang === 'en'
        ? `Step ${step}: ${STEP_TITLES[step]}`
        : t(this.lang, 'cli.step-header', { step, title: t(this.lang, `step.title.${step}` as MessageKey) });
    const lines = [`\n${this.paint('1', header)}`];
    for (const f of findings) lines.push(...this.lines(f));
    this.write(`${lines.join('\n')}\n`);
  }

  private lines(found: Finding): string[] {
    const f = wordParts(this.lang, found);
    const label = this.paint(COLOUR[f.severity], this.label(f.severity).padEnd(this.labelWidth));
    const lines = [`  ${label} ${clean(f.subject.name)}: ${clean(wordFinding(this.lang, f).title)}`];
    const pad = ' '.repeat(10);
    if (f.severity === 'unknown' && f.reason)
      lines.push(`${pad}${t(this.lang, 'cli.why-unknown', { reason: clean(f.reason) })}`);
    if (f.severity === 'error' || f.severity === 'warning') {
      for (const t of f.tables ?? []) {
        lines.push(`${pad}${clean(t.caption)}`);
        for (const r of t.rows) lines.push(`${pad}  ${r.map(clean).join('  |  ')}`);
      }
      for (const r of f.remedies) {
        const effect = r.changesState
          ? this.paint('35', t(this.lang, 'cli.changes-server'))
          : t(this.lang, 'cli.read-only');
        lines.push(
          `${pad}${t(this.lang, 'cli.remedy', { summary: clean(r.summary), effect, host: clean(runOnShown(this.lang, r)) })}`,
          `${pad}  ${clean(r.command)}`,
        );
      }
    }
    return lines;
  }

  verdict(verdict: Verdict, findings: readonly Finding[]): void {
    this.flush();
    const c = verdict.counts;
    const overall = this.paint(COLOUR[verdict.overall], this.label(verdict.overall));
    const counts = { error: c.error ?? 0, warning: c.warning ?? 0, unknown: c.unknown ?? 0, ok: c.ok ?? 0 };
    this.write(`\n${t(this.lang, 'cli.verdict', { overall, ...counts, findings: findings.length })}\n`);
    verdict.causes.forEach((cause, i) =>
      this.write(
        `  ${i + 1}. ${t(this.lang, 'cli.cause', { step: cause.step, summary: clean(wordCause(this.lang, cause, findings)) })}\n`,
      ),
    );
  }
}

function clean(text: string): string {
  return sanitizeForTerminal(text).replace(/\s+/g, ' ').trim();
}
