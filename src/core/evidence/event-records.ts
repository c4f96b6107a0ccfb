/**
 * Windows events in the shapes admins paste or save, read into one record type: Event XML
 * (`wevtutil qe /f:xml`, Event Viewer "Save as XML", the `Event Xml:` part of "Copy details as
 * text"), Event Viewer "Copy details as text" with its labels in the display language,
 * `Get-WinEvent | Format-List`, `Get-WinEvent | ConvertTo-Json`, and a bare message.
 *
 * What is read is structure, not English: the event id, the provider, the computer, the time, and
 * the insertion strings (`<EventData><Data>` / `Properties`), which Windows never translates. The
 * labels of "Copy details as text" are matched through a small table per display language.
 * Pure; bounded (at most MAX_RECORDS records, lines cut by iterateLines).
 */
import { parseWinEvents } from '../steps/5-kerberos-logging/winevent';
import { asArray, isObject, list, prop, readJson, str } from '../parsers/ps-json';
import { iterateLines } from './lines';

export interface EventRecord {
  id?: number;
  provider?: string;
  computer?: string;
  /** As written (ISO from XML and JSON, the local format of Event Viewer otherwise). */
  time?: string;
  /** The insertion strings in order, when the form carries them (XML, JSON Properties). */
  data: string[];
  /** The rendered description, when the form carries it. */
  message: string;
  /** First and last line of the record in the text (zero-based). */
  line: number;
  endLine: number;
  form: 'xml' | 'details-text' | 'format-list' | 'json' | 'message';
}

export const MAX_RECORDS = 2000;

/**
 * Labels of Event Viewer's "Copy details as text" per display language (en, es, nl, he, zh-cn, de,
 * fr, ja). Not verified against a Windows in each language: written from the Windows UI
 * terminology; a label not in the table leaves that field unread, and the XML part (when present)
 * still gives every field.
 */
const LABELS: Record<'log' | 'source' | 'id' | 'computer' | 'date' | 'description' | 'xml', string[]> = {
  log: [
    'Log Name',
    'Nombre de registro',
    'Logboeknaam',
    'שם יומן',
    '日志名称',
    'Protokollname',
    'Nom du journal',
    'ログの名前',
  ],
  source: ['Source', 'Origen', 'Bron', 'מקור', '来源', 'Quelle', 'Source', 'ソース'],
  id: [
    'Event ID',
    'ID',
    'EventID',
    'Id. del evento',
    'Id. de evento',
    'Gebeurtenis-id',
    'מזהה אירוע',
    '事件 ID',
    'Ereignis-ID',
    'ID de l’événement',
    "ID de l'événement",
    'イベント ID',
  ],
  computer: ['Computer', 'Machine', 'Equipo', 'Computer', 'מחשב', '计算机', 'Computer', 'Ordinateur', 'コンピューター'],
  date: ['Time', 'Date', 'Fecha', 'Datum', 'תאריך', '日期', 'Datum', 'Date', '日付'],
  description: [
    'Description',
    'Message',
    'Descripción',
    'Beschrijving',
    'תיאור',
    '描述',
    'Beschreibung',
    'Description',
    '説明',
  ],
  xml: [
    'Event Xml',
    'XML de evento',
    'Xml del evento',
    'Gebeurtenis-XML',
    'XML של אירוע',
    '事件 Xml',
    'Ereignis-XML',
    'XML de l’événement',
    "XML de l'événement",
    'イベント XML',
  ],
};

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const labelRe = (names: string[]): RegExp =>
  new RegExp(`^\\s*(?:${names.map(escapeRe).join('|')})\\s*[:：]\\s?(.*)$`, 'iu');
const LABEL_RE = Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, labelRe(v)])) as Record<
  keyof typeof LABELS,
  RegExp
>;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Line numbers of increasing offsets, counted once over the text (not from the start each time). */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 0;
  return (offset) => {
    for (let i = text.indexOf('\n', at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      at = i + 1;
    }
    return line;
  };
}

/** Every `<Event ...>...</Event>` in the text. */
export function readEventXml(text: string): EventRecord[] {
  const out: EventRecord[] = [];
  const open = /<Event[\s>]/g;
  const lineAt = lineCounter(text);
  let close = -2;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text)) && out.length < MAX_RECORDS) {
    // Once no `</Event>` is left, none is looked for again (linear on a text of unclosed events).
    if (close !== -1 && close < m.index) close = text.indexOf('</Event>', m.index);
    const end = close < 0 ? Math.min(text.length, m.index + 8192) : close + 8;
    const xml = text.slice(m.index, end);
    open.lastIndex = end;
    const attr = (tag: string, name: string): string | undefined =>
      new RegExp(`<${tag}\\b[^>]*\\b${name}=["']([^"']*)["']`, 'i').exec(xml)?.[1];
    const element = (tag: string): string | undefined =>
      new RegExp(`<${tag}\\b[^>]*>([^<]*)</${tag}>`, 'i').exec(xml)?.[1];
    const data: string[] = [];
    for (const d of xml.matchAll(/<Data\b[^>]*?(?:\/>|>([\s\S]*?)<\/Data>)/gi)) data.push(decodeXml(d[1] ?? '').trim());
    const rec: EventRecord = {
      data,
      message: decodeXml(element('Message') ?? '').trim(),
      line: lineAt(m.index),
      endLine: lineAt(end),
      form: 'xml',
    };
    const id = element('EventID');
    if (id && /^\s*\d+\s*$/.test(id)) rec.id = Number(id);
    const provider = attr('Provider', 'Name') ?? attr('Provider', 'EventSourceName');
    if (provider) rec.provider = decodeXml(provider);
    const computer = element('Computer');
    if (computer) rec.computer = decodeXml(computer).trim();
    const time = attr('TimeCreated', 'SystemTime');
    if (time) rec.time = time;
    out.push(rec);
  }
  return out;
}

/** Event Viewer "Copy details as text": labelled lines, then the description, then maybe XML. */
function readDetailsText(text: string): EventRecord[] {
  const out: EventRecord[] = [];
  let rec: EventRecord | undefined;
  let inDescription = false;
  for (const line of iterateLines(text)) {
    const t = line.text;
    const logName = LABEL_RE.log.test(t);
    const source = LABEL_RE.source.exec(t);
    const idLabel = LABEL_RE.id.exec(t);
    const otherLabel = LABEL_RE.date.test(t) || LABEL_RE.computer.test(t);
    // A record starts at "Log Name", else at the first label seen, else at a second "Source" or "Event ID".
    const starts =
      logName ||
      (!rec && (source !== null || idLabel !== null || otherLabel)) ||
      (source !== null && rec?.provider !== undefined) ||
      (idLabel !== null && rec?.id !== undefined);
    if (starts && (!inDescription || logName)) {
      if (out.length >= MAX_RECORDS) break;
      rec = { data: [], message: '', line: line.index, endLine: line.index, form: 'details-text' };
      out.push(rec);
      inDescription = false;
    }
    if (!rec) continue;
    if (LABEL_RE.xml.test(t)) {
      inDescription = false;
      continue;
    }
    if (inDescription) {
      if (/^\s*</.test(t)) inDescription = false;
      else {
        rec.message = rec.message ? `${rec.message}\n${t}` : t;
        rec.endLine = line.index;
      }
      continue;
    }
    rec.endLine = line.index;
    if (source) rec.provider = source[1]!.trim();
    const idValue = idLabel ? /^\d+/.exec(idLabel[1]!.trim()) : null;
    if (idValue) rec.id = Number(idValue[0]);
    const computer = LABEL_RE.computer.exec(t);
    if (computer) rec.computer = computer[1]!.trim();
    const date = LABEL_RE.date.exec(t);
    if (date && rec.time === undefined) rec.time = date[1]!.trim();
    const description = LABEL_RE.description.exec(t);
    if (description) {
      inDescription = true;
      rec.message = description[1]!.trim();
    }
  }
  for (const r of out) r.message = r.message.trim();
  return out.filter((r) => r.id !== undefined && r.provider !== undefined);
}

/** `Get-WinEvent | Format-List`: property names are never translated. */
function readFormatList(text: string): EventRecord[] {
  const out: EventRecord[] = [];
  let rec: EventRecord | undefined;
  let last: 'message' | undefined;
  for (const line of iterateLines(text)) {
    const t = line.text;
    if (t.trim() === '') {
      rec = undefined;
      last = undefined;
      continue;
    }
    const m = /^([A-Za-z][A-Za-z]{1,30})\s*:\s?(.*)$/.exec(t);
    if (m && !/^\s/.test(t)) {
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim();
      if (!rec) {
        if (out.length >= MAX_RECORDS) break;
        rec = { data: [], message: '', line: line.index, endLine: line.index, form: 'format-list' };
        out.push(rec);
      }
      rec.endLine = line.index;
      last = undefined;
      if (key === 'id' && /^\d+$/.test(value)) rec.id = Number(value);
      else if (key === 'providername') rec.provider = value;
      else if (key === 'machinename') rec.computer = value;
      else if (key === 'timecreated') rec.time = value;
      else if (key === 'message') {
        rec.message = value;
        last = 'message';
      }
      continue;
    }
    if (rec && last === 'message' && /^\s/.test(t)) {
      rec.message += ` ${t.trim()}`;
      rec.endLine = line.index;
    }
  }
  return out.filter((r) => r.id !== undefined && r.provider !== undefined);
}

function readJsonEvents(text: string): EventRecord[] {
  if (!/^\s*[[{]/.test(text)) return [];
  const parsed = parseWinEvents(text);
  if (!parsed.recognised) return [];
  const raw = readJson(text);
  const items = raw.ok ? asArray(raw.value) : [];
  return parsed.value.slice(0, MAX_RECORDS).map((e, i) => {
    const values = list(prop(items[i], 'Properties')).map((p) => (isObject(p) ? str(prop(p, 'Value')) : undefined));
    const rec: EventRecord = {
      id: e.id,
      provider: e.provider,
      data: values.every((v) => v !== undefined) ? values : [],
      message: e.message,
      line: 0,
      endLine: 0,
      form: 'json',
    };
    if (e.machineName) rec.computer = e.machineName;
    if (e.timeCreated) rec.time = e.timeCreated;
    return rec;
  });
}

/**
 * The events in the text, in the first form that yields any. "Copy details as text" carries its XML
 * too: the XML record wins for data, the text record adds the rendered description.
 */
export function readEventRecords(input: string): EventRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const json = readJsonEvents(text);
  if (json.length) return json;
  const xml = /<Event[\s>]/.test(text) ? readEventXml(text) : [];
  const details = readDetailsText(text);
  if (xml.length && details.length) {
    for (const x of xml) {
      const d = details.find((r) => r.line <= x.line && r.endLine + 2 >= x.line);
      if (d) {
        if (!x.message) x.message = d.message;
        x.line = d.line;
        x.form = 'details-text';
      }
    }
    return xml;
  }
  if (xml.length) return xml;
  if (details.length) return details;
  const fl = readFormatList(text);
  if (fl.length) return fl;
  return [];
}

const EVENT_PROVIDER =
  /MSExchange\w*Transport|Security-Kerberos|Kerberos-Key-Distribution-Center|^\s*Source\s*:\s*(KDC|Kerberos)\s*$/i;

/** A line that only an event dump has (for detect.ts): an event-id label, a provider, an EventID element. */
export function isEventLine(line: string): boolean {
  if (line.length > 2000) return false;
  if (/<EventID\b[^>]*>\d+<\/EventID>/i.test(line)) return true;
  const id = LABEL_RE.id.exec(line);
  if (id && /^\d+\s*$/.test(id[1]!.trim())) return true;
  if (/^ProviderName\s*:\s*\S/.test(line)) return true;
  const source = LABEL_RE.source.exec(line);
  return !!source && EVENT_PROVIDER.test(source[1]!);
}
