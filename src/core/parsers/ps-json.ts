/**
 * Helpers for `... | ConvertTo-Json` output: one object or an array (PowerShell unwraps a single
 * result), `\/Date(1595374458918)\/` dates from Windows PowerShell 5.1 and ISO strings from
 * PowerShell 7, values nested as `{ "value": [...], "Count": n }`, and property names in any case.
 */

export type JsonRead = { ok: true; value: unknown } | { ok: false; reason: string };

/** Parses the JSON document in the text, ignoring a BOM and any lines before it (a prompt echo). */
export function readJson(text: string): JsonRead {
  const start = text.search(/[[{]/);
  if (start < 0) return { ok: false, reason: 'no JSON object or array in the output' };
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (end < start) return { ok: false, reason: 'the JSON is not closed' };
  try {
    return { ok: true, value: JSON.parse(text.slice(start, end + 1)) as unknown };
  } catch (e) {
    return { ok: false, reason: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** PowerShell gives an object for one result and an array for several. */
export function asArray(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Property lookup ignoring case (`TimeCreated`, `timeCreated`). */
export function prop(obj: unknown, name: string): unknown {
  if (!isObject(obj)) return undefined;
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : obj[key];
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return /^true$/i.test(value.trim());
  return undefined;
}

/** Unwraps `{ "value": [...], "Count": n }` (how 5.1 serialises some collections) to the array. */
export function list(value: unknown): unknown[] {
  if (isObject(value) && Array.isArray(prop(value, 'value'))) return prop(value, 'value') as unknown[];
  return asArray(value);
}

/**
 * `/Date(1595374458918)/`, `/Date(1595374458918+0100)/`, an ISO 8601 string, or 5.1's
 * `{ "value": "/Date(...)/", "DateTime": "..." }` -> ISO 8601 UTC.
 */
export function psDate(value: unknown): string | undefined {
  if (isObject(value)) return psDate(prop(value, 'value'));
  if (typeof value !== 'string') return undefined;
  const m = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value.trim());
  if (m) {
    const t = Number(m[1]); // milliseconds since 1970 UTC; the offset only says how it was shown
    return Number.isFinite(t) && Math.abs(t) < 8.64e15 ? new Date(t).toISOString() : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value.trim())) {
    const t = Date.parse(value.trim());
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  return undefined;
}
