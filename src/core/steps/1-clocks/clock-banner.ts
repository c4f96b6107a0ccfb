/**
 * The date in an SMTP greeting. Exchange ends its banner with the server's local time and UTC
 * offset (`... ready at Fri, 5 Aug 2016 16:24:41 -0700`, RFC 5322 style, 1 s precision) unless a
 * custom banner replaces it; other servers often put a date there too.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATE =
  /(?:\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*([+-]\d{4}|GMT|UTC|UT|Z)?/i;

/** Milliseconds since the epoch of the date in the banner, or undefined when it has none. */
export function parseBannerDate(banner: string): number | undefined {
  const m = DATE.exec(banner);
  if (!m) return undefined;
  const [, d, mon, y, h, mi, s, zone = ''] = m;
  const month = MONTHS.indexOf((mon ?? '').slice(0, 3).toLowerCase());
  const parts = [Number(d), Number(y), Number(h), Number(mi), Number(s)];
  if (month < 0 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [day = 0, year = 0, hour = 0, minute = 0, second = 0] = parts;
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  let t = Date.UTC(year, month, day, hour, minute, second);
  const offset = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  // A date without a zone cannot be compared safely; Exchange always gives one.
  if (!offset && !/^(GMT|UTC|UT|Z)$/i.test(zone)) return undefined;
  if (offset) t -= (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000;
  return t;
}
