/**
 * Dates, clock times and decimal numbers as Windows tools print them in the machine's locale:
 * `06/02/2019`, `02.06.2019`, `2019/6/2`, `2019-06-02`; `14:18:09`, `2:18:09 PM`, `14.18.09`,
 * `下午 2:18:09`; `+00.0349344`, `+00,0349344`. Nothing here knows the time zone: the tools print
 * local time, so these are wall-clock values.
 */

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

export interface LocalDateTime extends ClockTime {
  year: number;
  month: number;
  day: number;
}

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

export interface ParsedDateTime {
  value: LocalDateTime;
  order: DateOrder;
  /** True when day and month could be swapped and nothing in the text decided it. */
  ambiguous: boolean;
}

const AM = /^(?:AM|A\.M\.|a\.m\.|am|上午|午前|오전|π\.μ\.)$/u;
const PM = /^(?:PM|P\.M\.|p\.m\.|pm|下午|午後|오후|μ\.μ\.)$/u;
const MERIDIEM = String.raw`(?:AM|PM|A\.M\.|P\.M\.|a\.m\.|p\.m\.|am|pm|上午|下午|午前|午後|오전|오후|π\.μ\.|μ\.μ\.)`;
const TIME = new RegExp(
  String.raw`^(?:(${MERIDIEM})\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[.,]\d+)?(?:\s*(${MERIDIEM}))?$`,
  'u',
);

/** `14:18:09`, `2:18:09 PM`, `14.18.09`, `下午 2:18:09` -> 24-hour clock time. */
export function parseClockTime(text: string): ClockTime | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const marker = m[1] ?? m[5];
  let hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = Number(m[4] ?? '0');
  if (marker !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    if (AM.test(marker) && hour === 12) hour = 0;
    else if (PM.test(marker) && hour !== 12) hour += 12;
  }
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  return { hour, minute, second };
}

export function formatClockTime(t: ClockTime): string {
  return [t.hour, t.minute, t.second].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * A date followed by a time, in any of the orders Windows locales use. `order` forces the
 * interpretation (from the machine's known culture); `auto` decides from the separators and
 * values and says when it had to guess (then month-first, as en-US prints).
 */
export function parseLocalDateTime(text: string, order: DateOrder | 'auto' = 'auto'): ParsedDateTime | undefined {
  const m = /^(\d{1,4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,4})\.?\s+(.+)$/u.exec(text.trim());
  if (!m) return undefined;
  const [, a = '', sep = '', b = '', c = '', rest = ''] = m;
  const time = parseClockTime(rest);
  if (!time) return undefined;
  let chosen: DateOrder;
  let ambiguous = false;
  if (order !== 'auto') chosen = order;
  else if (a.length === 4) chosen = 'YMD';
  else if (sep === '.') chosen = 'DMY';
  else if (Number(a) > 12) chosen = 'DMY';
  else if (Number(b) > 12) chosen = 'MDY';
  else {
    chosen = 'MDY';
    ambiguous = a !== b;
  }
  const [y, mo, d] = chosen === 'YMD' ? [a, b, c] : chosen === 'DMY' ? [c, b, a] : [c, a, b];
  let year = Number(y);
  if (y.length <= 2) year += 2000;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { value: { year, month, day, ...time }, order: chosen, ambiguous };
}

/** `+00.0349344`, `-00,0123`, `312.5`, `+0,0000000` -> number; undefined for anything else. */
export function parseLocaleDecimal(text: string): number | undefined {
  const m = /^([+-])?(\d+)(?:[.,](\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const value = Number(`${m[2]}.${m[3] ?? '0'}`);
  return m[1] === '-' ? -value : value;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
