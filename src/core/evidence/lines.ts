/**
 * Line access that stays bounded on hostile input: a 50 MB line is analysed through its first
 * MAX_ANALYSED_LINE characters only, and callers are told so once.
 */
import type { EvidenceFinding } from '../../shared/evidence-model';
import { worded } from '../l10n/render';

export const MAX_ANALYSED_LINE = 64 * 1024;

/** The note that a line was cut to MAX_ANALYSED_LINE characters for analysis. */
export function longLineFinding(line: Line): EvidenceFinding {
  return {
    code: 'long-line',
    severity: 'information',
    range: { line: line.index, start: 0, end: 0 },
    ...worded('ev.long-line', { line: line.index + 1, length: line.length, max: MAX_ANALYSED_LINE }),
    steps: [],
  };
}

export interface Line {
  /** Zero-based line number. */
  index: number;
  /** The line without its terminator, cut to MAX_ANALYSED_LINE characters. */
  text: string;
  /** The real length of the line. */
  length: number;
}

/** Yields the lines of `text` (LF or CRLF), each cut to MAX_ANALYSED_LINE characters. */
export function* iterateLines(text: string, maxLine = MAX_ANALYSED_LINE): Generator<Line> {
  let start = 0;
  let index = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    const length = stop - start;
    yield { index, text: text.slice(start, Math.min(stop, start + maxLine)), length };
    index++;
    if (end >= n) break;
    start = end + 1;
  }
}

export function splitLines(text: string, maxLine = MAX_ANALYSED_LINE): Line[] {
  return [...iterateLines(text, maxLine)];
}

/** Characters that mark binary content (NUL and most C0 controls other than tab, CR, LF, FF). */
export function looksBinary(sample: string): boolean {
  let controls = 0;
  const n = Math.min(sample.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return n > 0 && controls / n > 0.1;
}
