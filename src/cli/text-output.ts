/**
 * Readable text for a terminal: findings printed as they arrive under a header per step, a short
 * verdict at the end. Colours only when asked (a TTY without NO_COLOR). Every value that came from
 * a server goes through sanitizeForTerminal, so it cannot drive the terminal.
 */
import { redactSecrets } from '../core/report/meta';

/** Where text goes: a stream, or a wrapper that redacts it first (see redactingSink). */
export interface TextSink {
  write(text: string): unknown;
}

/** A sink that masks every secret before passing text on: the terminal never shows the password. */
export function redactingSink(out: TextSink, secrets: readonly string[]): TextSink {
  return { write: (text: string) => out.write(redactSecrets(text, secrets)) };
}
import { STEP_TITLES, type Finding, type Severity, type Step, type Verdict } from '../shared/findings';
import { sanitizeForTerminal } from '../core/safety/terminal-text';

const LABEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARN', unknown: 'UNKNOWN', ok: 'OK' };
const COLOUR: Record<Severity, string> = { error: '31', warning: '33', unknown: '36', ok: '32' };

export class TextPrinter {
  private lastStep: Step | undefined;

  constructor(
    private readonly out: TextSink,
    private readonly color: boolean,
  ) {}

  private paint(code: string, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  finding(f: Finding): void {
    if (f.step !== this.lastStep) {
      this.lastStep = f.step;
      this.out.write(`\n${this.paint('1', `Step ${f.step}: ${STEP_TITLES[f.step]}`)}\n`);
    }
    const label = this.paint(COLOUR[f.severity], LABEL[f.severity].padEnd(7));
    const lines = [`  ${label} ${clean(f.subject.name)}: ${clean(f.title)}`];
    const pad = ' '.repeat(10);
    if (f.severity === 'unknown' && f.reason) lines.push(`${pad}why unknown: ${clean(f.reason)}`);
    if (f.severity === 'error' || f.severity === 'warning') {
      for (const t of f.tables ?? []) {
        lines.push(`${pad}${clean(t.caption)}`);
        for (const r of t.rows) lines.push(`${pad}  ${r.map(clean).join('  |  ')}`);
      }
      for (const r of f.remedies) {
        const effect = r.changesState ? this.paint('35', 'changes the server') : 'read-only';
        lines.push(`${pad}${clean(r.summary)} (${effect}; on ${clean(r.runOn)}):`, `${pad}  ${clean(r.command)}`);
      }
    }
    this.out.write(lines.join('\n') + '\n');
  }

  verdict(verdict: Verdict, findings: readonly Finding[]): void {
    const c = verdict.counts;
    const overall = this.paint(COLOUR[verdict.overall], LABEL[verdict.overall]);
    this.out.write(
      `\nVerdict: ${overall} (${c.error ?? 0} error, ${c.warning ?? 0} warning, ${c.unknown ?? 0} unknown, ${c.ok ?? 0} ok; ${findings.length} findings)\n`,
    );
    verdict.causes.forEach((cause, i) => this.out.write(`  ${i + 1}. Step ${cause.step}: ${clean(cause.summary)}\n`));
  }
}

function clean(text: string): string {
  return sanitizeForTerminal(text).replace(/\s+/g, ' ').trim();
}
