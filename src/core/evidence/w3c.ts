/**
 * The W3C-style header of Exchange logs (`#Software:`, `#Version:`, `#Log-type:`, `#Date:`,
 * `#Fields:`) and the mapping of a record's CSV fields to their names.
 */
import { splitCsvLine, type CsvField } from './csv';

export const PROTOCOL_LOG_FIELDS = [
  'date-time',
  'connector-id',
  'session-id',
  'sequence-number',
  'local-endpoint',
  'remote-endpoint',
  'event',
  'data',
  'context',
];

export const TRACKING_LOG_FIELDS = [
  'date-time',
  'client-ip',
  'client-hostname',
  'server-ip',
  'server-hostname',
  'source-context',
  'connector-id',
  'source',
  'event-id',
  'internal-message-id',
  'message-id',
  'network-message-id',
  'recipient-address',
  'recipient-status',
  'total-bytes',
  'recipient-count',
  'related-recipient-address',
  'reference',
  'message-subject',
  'sender-address',
  'return-path',
  'message-info',
  'directionality',
  'tenant-id',
  'original-client-ip',
  'original-server-ip',
  'custom-data',
  'transport-traffic-type',
  'log-id',
  'schema-version',
];

export interface W3cHeader {
  software?: string;
  version?: string;
  logType?: string;
  date?: string;
  fields: string[];
  /** True once a `#Fields:` line was read (otherwise `fields` holds the defaults). */
  fieldsDeclared: boolean;
  /** Field name -> index, built once per `#Fields:` list. */
  index?: Map<string, number>;
}

/** `#Name: value` (a BOM before `#` is allowed), or undefined when the line is no directive. */
export function readDirective(line: string): { name: string; value: string } | undefined {
  const t = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  if (t.charCodeAt(0) !== 35) return undefined;
  const colon = t.indexOf(':');
  if (colon < 0 || colon > 40) return { name: t.slice(1).trim(), value: '' };
  return { name: t.slice(1, colon).trim(), value: t.slice(colon + 1).trim() };
}

/** Applies a directive to the header; returns true when it was one. */
export function applyDirective(header: W3cHeader, line: string): boolean {
  const d = readDirective(line);
  if (!d) return false;
  switch (d.name.toLowerCase()) {
    case 'software':
      header.software = d.value;
      break;
    case 'version':
      header.version = d.value;
      break;
    case 'log-type':
      header.logType = d.value;
      break;
    case 'date':
      header.date = d.value;
      break;
    case 'fields': {
      const names = d.value
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean)
        .slice(0, 64);
      if (names.length) {
        header.fields = names;
        header.fieldsDeclared = true;
        delete header.index;
      }
      break;
    }
    default:
      break;
  }
  return true;
}

export function newHeader(defaults: string[]): W3cHeader {
  return { fields: defaults, fieldsDeclared: false };
}

export interface W3cRecord {
  fields: CsvField[];
  get(name: string): CsvField | undefined;
}

export function readRecord(header: W3cHeader, line: string): W3cRecord {
  const fields = splitCsvLine(line, Math.max(header.fields.length + 4, 16));
  let index = header.index;
  if (!index) {
    index = new Map<string, number>();
    header.fields.forEach((n, i) => index!.set(n, i));
    header.index = index;
  }
  const byName = index;
  return {
    fields,
    get(name: string): CsvField | undefined {
      const i = byName.get(name);
      return i === undefined ? undefined : fields[i];
    },
  };
}

/** `2026-11-22T10:00:01.123Z` -> `2026-11-22T10` (the hour bucket), or undefined. */
export function hourOf(dateTime: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}/.test(dateTime) ? dateTime.slice(0, 13) : undefined;
}

/** Every `#Fields:` directive of a document with its line, so a hover uses the one above it. */
export function collectFieldDirectives(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let at = text.indexOf('#Fields:');
  let line = 0;
  let counted = 0;
  while (at !== -1 && out.length < 1000) {
    const startOfLine = at === 0 || text.charCodeAt(at - 1) === 10 || (at === 1 && text.charCodeAt(0) === 0xfeff);
    if (startOfLine) {
      for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
      counted = at;
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const header = newHeader([]);
      applyDirective(header, text.slice(at, Math.min(end, at + 4096)).replace(/\r$/, ''));
      if (header.fieldsDeclared) out.push({ line, fields: header.fields });
    }
    at = text.indexOf('#Fields:', at + 8);
  }
  return out;
}
