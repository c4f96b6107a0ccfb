/**
 * The shape every parser of Windows tool output returns. Parsers never throw on bad input: text
 * they do not recognise gives `recognised: false` with a reason, and lines they recognise only in
 * part are listed as problems next to the value, so a caller can show both.
 */
import { cleanTerminalOutput } from './terminal-clean';

export interface ParseProblem {
  /** 1-based line number in the cleaned text (0 when it concerns the whole text). */
  line: number;
  /** The line as read (cleaned, trimmed to 200 characters). */
  text: string;
  message: string;
}

export type ParseOutcome<T> =
  | { recognised: true; value: T; problems: ParseProblem[] }
  | { recognised: false; reason: string; problems: ParseProblem[] };

export interface Line {
  /** 1-based line number. */
  no: number;
  text: string;
}

/**
 * Cleans raw output (escape sequences, CR, backspaces, BOM) and splits it into lines with their
 * numbers. Trailing whitespace is removed; leading whitespace is kept because indentation carries
 * meaning in setspn and Format-List output.
 */
export function toLines(raw: string): Line[] {
  const text = cleanTerminalOutput(typeof raw === 'string' ? raw : '');
  // trimEnd removes exactly what /\s+$/ matches, in linear time: that regex retries from every
  // position of a run of spaces that does not end the line, so one long such run was quadratic.
  return text.split('\n').map((t, i) => ({ no: i + 1, text: t.trimEnd() }));
}

export function problem(line: Line | undefined, message: string): ParseProblem {
  return { line: line?.no ?? 0, text: (line?.text ?? '').slice(0, 200), message };
}

export function recognised<T>(value: T, problems: ParseProblem[]): ParseOutcome<T> {
  return { recognised: true, value, problems };
}

export function unrecognised<T>(reason: string, problems: ParseProblem[] = []): ParseOutcome<T> {
  return { recognised: false, reason, problems };
}

/** True when the text holds nothing but whitespace once cleaned. */
export function isBlank(lines: Line[]): boolean {
  return lines.every((l) => l.text.trim() === '');
}

/** Parses `0x2098`, `0x00000525` or `8344` to a number, or undefined. */
export function parseCode(text: string): number | undefined {
  const t = text.trim();
  if (/^0x[0-9a-f]{1,8}$/i.test(t)) return parseInt(t.slice(2), 16);
  if (/^-?\d{1,10}$/.test(t)) return Number(t);
  return undefined;
}

/** Formats a 32-bit code as `0x800705B4` (upper-case digits, at least 8 for HRESULTs). */
export function hex(code: number, width = 0): string {
  return `0x${(code >>> 0).toString(16).toUpperCase().padStart(width, '0')}`;
}
