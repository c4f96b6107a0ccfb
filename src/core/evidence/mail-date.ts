/** RFC 5322 dates as they appear in Received headers, parsed without Date.parse's leniency. */
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const DATE =
  /(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,7})?\s*([+-]\d{4}|UTC|UT|GMT|Z|[ECMP][SD]T)?/;

export interface MailDate {
  /** Milliseconds since the epoch (UTC). */
  time: number;
  /** Offset of the match in the text and its length. */
  index: number;
  length: number;
  hasZone: boolean;
}

export function parseMailDate(text: string): MailDate | undefined {
  const m = DATE.exec(text.length > 400 ? text.slice(0, 400) : text);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = MONTHS[m[2]!.toLowerCase()];
  let year = Number(m[3]);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] ? Number(m[6]) : 0;
  if (month === undefined || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  let offsetMinutes = 0;
  const zone = m[7];
  if (zone) {
    if (/^[+-]\d{4}$/.test(zone)) {
      const sign = zone[0] === '-' ? -1 : 1;
      offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
    } else offsetMinutes = ZONES[zone.toUpperCase()] ?? 0;
  }
  const time = Date.UTC(year, month, day, hour, minute, second) - offsetMinutes * 60000;
  if (!Number.isFinite(time)) return undefined;
  return { time, index: m.index, length: m[0].length, hasZone: !!zone };
}

/** `-7 min 12 s`, `+3 s`, `+1 h 02 min`. */
export function formatDelay(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  let s = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h) return `${sign}${h} h ${String(m).padStart(2, '0')} min`;
  if (m) return `${sign}${m} min ${String(s).padStart(2, '0')} s`;
  return `${sign}${s} s`;
}
