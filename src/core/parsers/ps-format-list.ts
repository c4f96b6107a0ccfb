/**
 * Reader of PowerShell's Format-List text (`Get-X | fl A,B,C`, and the default list view of
 * objects such as Test-NetConnection's result): records separated by blank lines, `Key : value`
 * with the colons aligned, long values wrapped onto lines indented to the value column, and
 * collections printed as `{a, b, c}`, cut to `{a, b, c, d...}` by $FormatEnumerationLimit.
 */
import type { Line } from './result';

export interface ListField {
  line: number;
  key: string;
  value: string;
}

export interface ListRecord {
  line: number;
  fields: ListField[];
}

const KEY_LINE = /^(\S[^:]*?)\s*:(?:\s(.*))?$/u;

export function readFormatList(lines: Line[]): ListRecord[] {
  const records: ListRecord[] = [];
  let record: ListRecord | undefined;
  let field: ListField | undefined;
  for (const line of lines) {
    if (line.text.trim() === '') {
      record = undefined;
      field = undefined;
      continue;
    }
    const m = /^\s/.test(line.text) ? null : KEY_LINE.exec(line.text);
    if (m) {
      if (!record) {
        record = { line: line.no, fields: [] };
        records.push(record);
      }
      field = { line: line.no, key: (m[1] ?? '').trim(), value: (m[2] ?? '').trim() };
      record.fields.push(field);
    } else if (field && /^\s/.test(line.text)) {
      // A wrapped value. PowerShell breaks at spaces, so the space it dropped comes back.
      field.value = field.value === '' ? line.text.trim() : `${field.value} ${line.text.trim()}`;
    } else {
      if (!record) {
        record = { line: line.no, fields: [] };
        records.push(record);
      }
      record.fields.push({ line: line.no, key: '', value: line.text.trim() });
    }
  }
  return records;
}

/** Case-insensitive field lookup. */
export function fieldValue(record: ListRecord, key: string): string | undefined {
  const k = key.toLowerCase();
  return record.fields.find((f) => f.key.toLowerCase() === k)?.value;
}

export interface PsCollection {
  items: string[];
  /** True when PowerShell cut the list (`...` before the closing brace). */
  truncated: boolean;
}

/** `{0.0.0.0:25, [::]:25}`, `{}`, `Tls, Integrated`, `10.0.0.1` -> items. */
export function readPsCollection(value: string): PsCollection {
  let v = value.trim();
  if (v.startsWith('{') && v.endsWith('}')) v = v.slice(1, -1).trim();
  let truncated = false;
  if (v.endsWith('...') || v.endsWith('…')) {
    truncated = true;
    v = v.replace(/(\.\.\.|…)$/u, '');
  }
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return { items, truncated };
}

/** `True` / `False` as PowerShell prints booleans (never localised). */
export function readPsBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^true$/i.test(value.trim())) return true;
  if (/^false$/i.test(value.trim())) return false;
  return undefined;
}
