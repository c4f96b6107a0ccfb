/**
 * setspn in another display language: its sentences are translated, its structure is not. These
 * helpers read the structure so that `setspn -X` / `-Q` output from a German, French, Chinese or
 * Japanese Windows gives the same result as the English one:
 * - the SPN of a duplicate group is the token with SPN syntax (`class/host[:port][/name]`) on
 *   the group's line, without the translated words around it (so the remedy built from it is a
 *   valid command again);
 * - the closing "found N group(s) of duplicate SPNs" is the one line that names `SPN` and holds a
 *   single number (`0 Gruppe(n) doppelter SPNs gefunden.`, `找到 0 组重复的 SPN。`);
 * - "Checking domain <DN>" is a line around a domain DN (`Die Domäne "DC=contoso,DC=com" wird überprüft.`);
 * - "Processing entry N" is a line with a single number and nothing else we know;
 * - the account of `-L` / `-S` is the DN inside the translated sentence
 *   (`Dienstprinzipalnamen (SPN) für CN=x,DC=y werden registriert.`, `为 CN=x,DC=y 注册 ...`);
 * - the closing line of `-Q` is a line naming `SPN` without a DN: found when accounts were listed.
 * "Updated object" has no structure of its own, so it is a phrase table of the verbatim forms.
 * Verbatim samples (fr -X, es/fr/ja -L, ja/zh-cn/es -Q, de/zh-cn -S) and the forms still composed:
 * test/fixtures/localised/setspn/SOURCES.md.
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
  // German quotes the DN (`Die Domäne "DC=a,DC=b" wird überprüft.`): quotes end a label.
  const m = /\bDC=[^,\s"'“”„«»]+(?:\s*,\s*DC=[^,\s"'“”„«»]+)*/i.exec(t);
  return m?.[0];
}

/**
 * The account DN written inside a translated sentence (`为 CN=x,CN=Users,DC=a,DC=b 注册 ...`,
 * `... für CN=x,DC=a,DC=b werden registriert.`): from the first CN=/OU= to the last DC= label.
 * Undefined when the line holds none or starts with the DN (then it is a DN line of its own).
 */
export function dnInSentence(text: string): string | undefined {
  const t = text.trim();
  if (/^(?:CN|OU)=/i.test(t)) return undefined;
  const start = t.search(/(?:^|[\s"'“„「(])(?:CN|OU)=/iu);
  if (start < 0) return undefined;
  const rest = t.slice(start).replace(/^[\s"'“„「(]/u, '');
  // Bounded: a DN of up to 1 KB, its last `,DC=label` found by one greedy pass.
  const m = /^((?:CN|OU)=[^]{0,1024}?(?:,\s*DC=[^,\s"'“”„«».:：。、)」]+)+)/iu.exec(rest);
  return m?.[1];
}

/** "Updated object" as setspn -S / -D print it after a change, per display language (verbatim forms). */
const UPDATED_OBJECT = [
  'Updated object', // en
  'Aktualisiertes Objekt', // de: setspn -S, test/fixtures/localised/setspn/setspn-S-de-verbatim.txt
  '更新的对象', // zh-cn: setspn -S, setspn-S-zh-cn-verbatim.txt
  '更新されたオブジェクト', // ja: setspn -D, SOURCES.md
];

export function isUpdatedObject(text: string): boolean {
  const t = text
    .trim()
    .replace(/[.。!！]$/u, '')
    .toLowerCase();
  return UPDATED_OBJECT.some((p) => p.toLowerCase() === t);
}

/** A line that is an SPN and nothing else (`HOST/x.y`), for an SPN a paste lost the indent of. */
export function isBareSpn(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9._-]{0,63}\/[A-Za-z0-9][A-Za-z0-9._:@/\\-]{0,255}$/u.test(text.trim());
}

/** The closing line of setspn -Q in any language: names `SPN`, holds no DN, no `=` and no path. */
export function isLocalisedQueryVerdict(text: string): boolean {
  const t = text.trim();
  return t.length < 120 && /SPN/i.test(t) && !/[=/\\]/.test(t);
}

/** `Processing entry N` and similar progress in any language. */
export function isLocalisedProgress(text: string): boolean {
  const t = text.trim();
  return t.length < 80 && !/SPN|[=/\\:]/i.test(t) && singleNumber(t) !== undefined;
}
