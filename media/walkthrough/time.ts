/**
 * Times in the walkthrough: short in tables and the summary (the time of day, with the date only
 * when it is not today), and the full local date and time with the ISO stamp for a tooltip.
 * Formatted in the panel's language; an unreadable stamp is shown as it came.
 */
const LOCALES: Record<string, string> = { en: 'en-GB', es: 'es-ES', nl: 'nl-NL', he: 'he-IL', 'zh-cn': 'zh-CN' };

function locale(): string {
  return LOCALES[document.documentElement.lang] ?? 'en-GB';
}

function parse(iso: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** `14:03:27`, or `4 Dec 14:03` for another day. */
export function shortTime(iso: string, now = new Date()): string {
  const d = parse(iso);
  if (!d) return iso;
  const sameDay = d.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(
    locale(),
    sameDay
      ? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
      : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  ).format(d);
}

/** `Friday 4 December 2026 at 14:03:27 (2026-12-04T14:03:27.512Z)` */
export function fullTime(iso: string): string {
  const d = parse(iso);
  if (!d) return iso;
  return `${new Intl.DateTimeFormat(locale(), { dateStyle: 'full', timeStyle: 'medium' }).format(d)} (${iso})`;
}

/** Whether a table column holds time stamps: every filled cell is an ISO 8601 date and time. */
export function isTimeColumn(values: readonly string[]): boolean {
  const filled = values.filter((v) => v !== '');
  return filled.length > 0 && filled.every((v) => parse(v) !== undefined);
}
