/**
 * Parser of `w32tm /stripchart /computer:X /samples:N /dataonly` (and of the graph form without
 * /dataonly, which prints `d:` delay and `o:` offset). Offsets are in seconds, positive when the
 * other computer's clock is ahead of this one. Dates, times and decimal separators follow the
 * machine's locale; header lines are read in English or, failing that, by their shape.
 */
import {
  type ClockTime,
  type DateOrder,
  type LocalDateTime,
  formatClockTime,
  parseClockTime,
  parseLocalDateTime,
  parseLocaleDecimal,
} from '../../parsers/locale';
import {
  type ParseOutcome,
  type ParseProblem,
  hex,
  isBlank,
  parseCode,
  problem,
  recognised,
  toLines,
  unrecognised,
} from '../../parsers/result';
import { describeW32tmError } from './w32tm-codes';

export interface StripchartSample {
  line: number;
  /** Sample time as printed, normalised to 24-hour `HH:MM:SS`. */
  time: string;
  clock: ClockTime;
  /** Offset of the target's clock from ours in seconds; absent when the sample failed. */
  offsetSeconds?: number;
  /** Round-trip delay in seconds (graph form only). */
  delaySeconds?: number;
  /** HRESULT of a failed sample, e.g. 0x800705B4. */
  errorCode?: number;
  error?: string;
}

export interface StripchartSummary {
  answered: number;
  failed: number;
  minOffsetSeconds?: number;
  maxOffsetSeconds?: number;
  medianOffsetSeconds?: number;
  /** The offset with the largest magnitude, sign kept. */
  worstOffsetSeconds?: number;
}

export interface W32tmStripchartResult {
  target?: string;
  /** `192.168.100.10:123` as w32tm resolved it. */
  address?: string;
  samplesRequested?: number;
  currentTimeText?: string;
  currentTime?: LocalDateTime;
  /** True when the date's day/month order could not be decided from the text alone. */
  currentTimeAmbiguous?: boolean;
  samples: StripchartSample[];
  /** An error that stopped w32tm before or instead of sampling. */
  fatalError?: { code?: number; message: string };
  summary: StripchartSummary;
}

export interface StripchartOptions {
  /** Day/month order of the machine that ran w32tm, when known. */
  dateOrder?: DateOrder | 'auto';
}

// Every pattern here is linear in the line's length, whatever its shape (issue 15, item 11). The
// time that starts a sample line is at most 40 characters in every locale, so the lazy group that
// holds it is bounded, and it ends on a non-space so that it and the `\s+` after it cannot split
// a run of spaces in every possible way. Text between brackets is read greedily once, and the
// fatal error's text is trimmed afterwards instead of being separated from spaces by the pattern.
const SAMPLE = /^(.{0,39}?\S),\s*([+-]\d+(?:[.,]\d+)?)s$/u;
const SAMPLE_ERROR = /^(.{0,39}?\S),?\s+[\p{L}]+\s*:\s*(0x[0-9a-f]{8})\s*:?$/iu;
// The graph form may put a comma after the time (`02:56:46, d:+00.0216004s o:-00.0068953s  [ * ]`).
const GRAPH = /^(.{0,39}?[^\s,]),?\s+d:([+-]?\d+(?:[.,]\d+)?)s\s+o:([+-]?\d+(?:[.,]\d+)?)s(?:\s+\[.*\])?$/u;
const TRACKING = /^(?:Tracking\s)?([^[]*)\[(.+)\][.。]?$/u;
const FATAL = /^(?:The following error occurred:)?(.*?)\((0x[0-9a-f]{8})\)\.?$/iu;

export function parseW32tmStripchart(
  raw: string,
  options: StripchartOptions = {},
): ParseOutcome<W32tmStripchartResult> {
  const lines = toLines(raw);
  const problems: ParseProblem[] = [];
  if (isBlank(lines)) return unrecognised('w32tm printed nothing');
  const result: W32tmStripchartResult = { samples: [], summary: { answered: 0, failed: 0 } };
  let header = false;
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '') continue;
    let m: RegExpExecArray | null;
    if ((m = GRAPH.exec(t)) && sampleTime(m[1])) {
      const s = sample(line, m[1] ?? '');
      const delay = parseLocaleDecimal(m[2] ?? '');
      const offset = parseLocaleDecimal(m[3] ?? '');
      if (delay !== undefined) s.delaySeconds = delay;
      if (offset !== undefined) s.offsetSeconds = offset;
      result.samples.push(s);
    } else if ((m = SAMPLE.exec(t)) && sampleTime(m[1])) {
      const s = sample(line, m[1] ?? '');
      const offset = parseLocaleDecimal(m[2] ?? '');
      if (offset !== undefined) s.offsetSeconds = offset;
      result.samples.push(s);
    } else if ((m = SAMPLE_ERROR.exec(t)) && sampleTime(m[1])) {
      const s = sample(line, m[1] ?? '');
      s.errorCode = parseCode(m[2] ?? '') ?? 0;
      s.error = describeW32tmError(s.errorCode) ?? `error ${hex(s.errorCode, 8)}`;
      result.samples.push(s);
    } else if (!header && result.target === undefined && (m = TRACKING.exec(t)) && /:\d+$/.test(m[2] ?? '')) {
      const words = (m[1] ?? '').trim().split(/\s+/);
      result.target = words[words.length - 1] ?? '';
      result.address = m[2] ?? '';
      if (!/^Tracking /i.test(t)) problems.push(problem(line, 'target line not in English; read by its shape'));
      header = true;
    } else if ((m = /^Collecting (\d+) samples?\.?$/i.exec(t))) {
      result.samplesRequested = Number(m[1]);
    } else if (
      (m = /^The current time is (.+?)\.?$/i.exec(t)) ||
      (m = /^\D*?(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}.*?)[.。]?$/u.exec(t))
    ) {
      readCurrentTime(result, m[1] ?? '', options.dateOrder ?? 'auto', line, problems);
    } else if ((m = FATAL.exec(t))) {
      const code = parseCode(m[2] ?? '');
      result.fatalError = {
        message: (m[1] ?? '').trim() || (code !== undefined ? (describeW32tmError(code) ?? t) : t),
      };
      if (code !== undefined) result.fatalError.code = code;
    } else {
      problems.push(problem(line, 'line not understood; ignored'));
    }
  }
  if (result.samples.length === 0 && !header && !result.fatalError && result.samplesRequested === undefined) {
    return unrecognised('no "Tracking" line, no samples and no w32tm error', problems);
  }
  result.summary = summarise(result.samples);
  if (result.samplesRequested !== undefined && result.samples.length < result.samplesRequested && !result.fatalError) {
    problems.push(problem(undefined, `${result.samplesRequested} samples requested, ${result.samples.length} printed`));
  }
  return recognised(result, problems);
}

function sampleTime(text: string | undefined): boolean {
  return parseClockTime(text ?? '') !== undefined;
}

function sample(line: { no: number }, timeText: string): StripchartSample {
  const clock = parseClockTime(timeText) ?? { hour: 0, minute: 0, second: 0 };
  return { line: line.no, time: formatClockTime(clock), clock };
}

function readCurrentTime(
  result: W32tmStripchartResult,
  text: string,
  order: DateOrder | 'auto',
  line: { no: number; text: string },
  problems: ParseProblem[],
): void {
  result.currentTimeText = text;
  const parsed = parseLocalDateTime(text, order);
  if (!parsed) {
    problems.push(problem(line, 'current time not understood'));
    return;
  }
  result.currentTime = parsed.value;
  if (parsed.ambiguous) {
    result.currentTimeAmbiguous = true;
    problems.push(problem(line, `day and month order is ambiguous; read as ${parsed.order}`));
  }
}

function summarise(samples: StripchartSample[]): StripchartSummary {
  const offsets = samples.flatMap((s) => (s.offsetSeconds === undefined ? [] : [s.offsetSeconds]));
  const summary: StripchartSummary = { answered: offsets.length, failed: samples.length - offsets.length };
  if (offsets.length === 0) return summary;
  const sorted = [...offsets].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  summary.minOffsetSeconds = sorted[0];
  summary.maxOffsetSeconds = sorted[sorted.length - 1];
  summary.medianOffsetSeconds = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  summary.worstOffsetSeconds = offsets.reduce((w, o) => (Math.abs(o) > Math.abs(w) ? o : w), 0);
  return summary;
}
