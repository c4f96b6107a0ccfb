/**
 * setspn in another display language: its sentences are translated, its structure is not. These
 * helpers read the structure so that `setspn -X` / `-Q` output from a German, French, Chinese or
 * Japanese Windows gives the same result as the English one:
 * - the SPN of a duplicate group is the token with SPN syntax (`class/host[:port][/name]`) on
 *   the group's line, without the translated words around it (so the remedy built from it is a
 *   valid command again);
 * - the closing "found N group(s) of duplicate SPNs" is the one line that names `SPN` and holds a
 *   single number (`0 Gruppe(n) doppelter SPNs gefunden.`, `找到 0 组重复的 SPN。`);
 * - "Checking domain <DN>" is a line around a domain DN (`Domäne DC=contoso,DC=com wird überprüft`);
 * - "Processing entry N" is a line with a single number and nothing else we know.
 * No verbatim localised setspn -X output was found in public sources (searched in de, fr, ja,
 * zh-cn); the fixtures of these forms are composed and say so.
 */

/** `SMTPSVC/ex01.contoso.com`, `HTTP/web:8080`, `MSSQLSvc/db.contoso.com:1433/inst`. */
const SPN_TOKEN = /(?:^|[\s"'“„「(])([A-Za-z][A-Za-z0-9._-]{0,63}\/[A-Za-z0-9][A-Za-z0-9._:@/-]{0,255})/u;

/** The SPN written on a line of translated words, or undefined. */
export function spnOnLine(text: string): string | undefined {
  const m = SPN_TOKEN.exec(text.trim());
  if (!m) return undefined;
  return m[1]!.replace(/[.:,;!?。：]+$/u, '');
}

const NUMBERS = /\d+/g;

function singleNumber(text: string): number | undefined {
  const all = text.match(NUMBERS);
  return all && all.length === 1 ? Number(all[0]) : undefined;
}

/** `found N group(s) of duplicate SPNs` in any language: N, else undefined. */
export function localisedGroupCount(text: string): number | undefined {
  const t = text.trim();
  if (!/SPN/i.test(t) || /[=/\\]/.test(t)) return undefined;
  return singleNumber(t);
}

/** `Checking domain DC=contoso,DC=com` in any language: the domain DN, else undefined. */
export function localisedChecking(text: string): string | undefined {
  const t = text.trim();
  if (t.endsWith(':') || /^(?:CN|OU)=/i.test(t)) return undefined;
  const m = /\bDC=[^,\s]+(?:\s*,\s*DC=[^,\s]+)*/i.exec(t);
  return m?.[0];
}

/** `Processing entry N` and similar progress in any language. */
export function isLocalisedProgress(text: string): boolean {
  const t = text.trim();
  return t.length < 80 && !/SPN|[=/\\:]/i.test(t) && singleNumber(t) !== undefined;
}
