/**
 * A PowerShell `Format-List` value that the console width wrapped onto several lines, joined back
 * into one string with a map from offsets in that string to (line, character) in the document.
 *
 * Format-List word-wraps a value to the width of the console (or `Out-File`/`Out-String -Width`),
 * indenting continuation lines to the value column; a word longer than the column is chopped into
 * pieces of exactly that width. So pieces are joined with a space, except after a line filled to
 * the record's widest line, where the wrap may have cut a word (an IP address, `[{LRT=...}`).
 * `alternate` is the all-spaces join, for callers that want to try both readings.
 */
import type { Line } from './lines';
import type { TextRange } from '../../shared/evidence-model';

export interface ValuePiece {
  line: Line;
  /** Where the value starts on this line (after `Name : ` on the first, the indent on the others). */
  start: number;
}

export interface MappedText {
  text: string;
  /** The document range of `[from, to)` in `text`. */
  rangeOf: (from: number, to: number) => TextRange;
}

export interface JoinedValue extends MappedText {
  /** The same pieces all joined with a space. */
  alternate: MappedText;
}

interface Segment {
  at: number;
  line: number;
  ch: number;
  length: number;
}

function join(pieces: readonly ValuePiece[], glueAt: (i: number) => boolean): { text: string; segments: Segment[] } {
  let text = '';
  const segments: Segment[] = [];
  pieces.forEach((p, i) => {
    const raw = p.line.text.slice(p.start);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (i > 0 && text !== '' && !glueAt(i)) text += ' ';
    segments.push({ at: text.length, line: p.line.index, ch: p.start + lead, length: body.length });
    text += body;
  });
  return { text, segments };
}

function locate(segments: readonly Segment[], offset: number, isEnd: boolean): { line: number; ch: number } {
  let seg = segments[0] ?? { at: 0, line: 0, ch: 0, length: 0 };
  for (const s of segments) {
    // An end offset that falls exactly on a segment's start belongs to the segment before it.
    if (isEnd ? s.at < offset : s.at <= offset) seg = s;
    else break;
  }
  const within = Math.max(0, Math.min(seg.length, offset - seg.at));
  return { line: seg.line, ch: seg.ch + within };
}

export function joinWrappedValue(pieces: readonly ValuePiece[]): JoinedValue {
  let width = 0;
  if (pieces.length > 1) for (const p of pieces) width = Math.max(width, p.line.text.trimEnd().length);
  const glue = (i: number): boolean => {
    const prev = pieces[i - 1]!.line.text;
    const next = pieces[i]!.line.text.slice(pieces[i]!.start).trimStart();
    return width >= 40 && prev.trimEnd().length === width && !/\s$/.test(prev) && next !== '';
  };
  return { ...mapped(join(pieces, glue)), alternate: mapped(join(pieces, () => false)) };
}

function mapped(j: { text: string; segments: Segment[] }): MappedText {
  return {
    text: j.text,
    rangeOf: (from, to) => {
      const a = locate(j.segments, from, false);
      const b = locate(j.segments, to, true);
      return b.line === a.line
        ? { line: a.line, start: a.ch, end: b.ch }
        : { line: a.line, start: a.ch, end: b.ch, endLine: b.line };
    },
  };
}
