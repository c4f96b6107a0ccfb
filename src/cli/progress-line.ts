/**
 * One line on a terminal's stderr that says what a run is doing (which steps still run, how many
 * findings, how long so far), rewritten in place and wiped before any other text is written, so
 * the findings on stdout stay clean. Only on a terminal: piped or in CI nothing is written.
 */
import type { Step } from '../shared/findings';
import { sanitizeForTerminal } from '../core/safety/terminal-text';
import type { SharedTerminal } from './text-output';
import type { TextSink } from './text-output';

const CLEAR = '\r\u001b[2K';
/** How often the line may be rewritten, and how often it ticks while nothing happens. */
const MIN_INTERVAL_MS = 100;
const TICK_MS = 500;

export class ProgressLine implements SharedTerminal {
  private shown = false;
  private lastDraw = -Infinity;
  private readonly running = new Set<Step>();
  private readonly done = new Set<Step>();
  private findings = 0;
  private note = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly err: TextSink,
    private readonly enabled: boolean,
    private readonly now: () => number,
    private readonly startedAt = now(),
  ) {
    if (enabled) {
      this.timer = setInterval(() => this.draw(true), TICK_MS);
      this.timer.unref();
    }
  }

  stepStarted(step: Step): void {
    this.running.add(step);
    this.draw();
  }

  stepFinished(step: Step): void {
    this.running.delete(step);
    this.done.add(step);
    this.draw(true);
  }

  finding(): void {
    this.findings++;
    this.draw();
  }

  /** The latest thing a check said it is doing (shown at the end of the line). */
  log(message: string): void {
    this.note = message;
    this.draw();
  }

  /** The text of the line (for tests). */
  text(): string {
    const secs = ((this.now() - this.startedAt) / 1000).toFixed(1);
    const list = (s: Set<Step>): string => [...s].sort((a, b) => a - b).join(', ') || 'none';
    const note = this.note ? ` · ${sanitizeForTerminal(this.note).replace(/\s+/g, ' ').slice(0, 60)}` : '';
    return `running step ${list(this.running)} · done ${list(this.done)} · ${this.findings} findings · ${secs} s${note}`;
  }

  private draw(force = false): void {
    if (!this.enabled) return;
    const t = this.now();
    if (!force && t - this.lastDraw < MIN_INTERVAL_MS) return;
    this.lastDraw = t;
    this.err.write(`${CLEAR}${this.text()}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.err.write(CLEAR);
    this.shown = false;
  }

  redraw(): void {
    if (this.enabled && this.timer) this.draw(true);
  }

  /** Wipes the line for good (the run is over). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}
