/**
 * The byte-level part of "Scan log folder": finds the lines with an authentication failure in a
 * source read chunk by chunk (the SCAN_NEEDLES of failure-patterns.ts, searched as bytes in one
 * pass, see multi-search.ts, so the cost is close to `grep -F`), and groups them by remote server
 * and hour. Memory is bounded: the caller's one read buffer, and at most `maxHits` lines kept per
 * group and `maxGroups` groups. Reading (files, workers) is the caller's: src/io/evidence/.
 */
import type { EvidenceCode } from '../../shared/evidence-model';
import type { ScanGroup } from '../../shared/evidence-scan';
import { formatHost, parseEndpoint } from './endpoint';
import { findFailures, SCAN_NEEDLES } from './failure-patterns';
import { MultiSearch } from './multi-search';
import { receivingFromError } from './queue';
import { applyDirective, hourOf, newHeader, readRecord, type W3cHeader } from './w3c';

const NEEDLES = SCAN_NEEDLES.map((n) => Buffer.from(n, 'latin1'));
/** The longest needle: a chunk boundary keeps this many bytes minus one for the next chunk. */
export const MAX_NEEDLE = Math.max(...NEEDLES.map((n) => n.length));
const SEARCH = new MultiSearch(NEEDLES);
const MAX_LINE_TEXT = 4096;

/** Counts `\n` bytes in buf[from, to). */
function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  let p = buf.indexOf(10, from);
  while (p !== -1 && p < to) {
    n++;
    p = buf.indexOf(10, p + 1);
  }
  return n;
}

/** Where a failure line came from (remote server) and when (hour), from the log's fields. */
export function classifyLine(
  text: string,
  header: W3cHeader | undefined,
): { code: EvidenceCode; remote: string; hour: string } | undefined {
  const hits = findFailures(text);
  const first = hits[0];
  if (!first) return undefined;
  let remote: string | undefined;
  let hour: string | undefined;
  if (header?.fieldsDeclared && !text.startsWith('#')) {
    const rec = readRecord(header, text);
    hour = hourOf(rec.get('date-time')?.value ?? '');
    const endpoint = rec.get('remote-endpoint')?.value;
    if (endpoint) {
      const e = parseEndpoint(endpoint);
      if (e) remote = formatHost({ ...e, port: undefined });
    } else if (rec.get('event-id')) {
      const receive = rec.get('event-id')?.value === 'RECEIVE';
      const name = rec.get(receive ? 'client-hostname' : 'server-hostname')?.value.trim();
      const ip = rec.get(receive ? 'client-ip' : 'server-ip')?.value.trim();
      remote = name || ip || undefined;
    }
  }
  if (!remote) {
    const src = hits.find((h) => h.parts?.sourceIp)?.parts?.sourceIp;
    const recv = src ? undefined : receivingFromError(text);
    remote = src ?? (recv ? formatHost({ ...recv, port: undefined }) : undefined);
  }
  hour ??= hourOf(text.slice(0, 24).trim());
  return { code: first.code, remote: remote ?? '(unknown)', hour: hour ?? '(no time)' };
}

export class Groups {
  private readonly map = new Map<string, ScanGroup>();
  truncated = false;
  matched = 0;
  constructor(
    private readonly maxHits: number,
    private readonly maxGroups: number,
  ) {}
  add(file: string, line: number, text: string, header: W3cHeader | undefined): void {
    const c = classifyLine(text, header);
    this.matched++;
    const code = c?.code ?? 'malformed';
    const remote = c?.remote ?? '(unknown)';
    const hour = c?.hour ?? '(no time)';
    const key = `${remote}\u0000${hour}`;
    let g = this.map.get(key);
    if (!g) {
      if (this.map.size >= this.maxGroups) {
        this.truncated = true;
        return;
      }
      g = { remote, hour, count: 0, codes: {}, hits: [] };
      this.map.set(key, g);
    }
    g.count++;
    g.codes[code] = (g.codes[code] ?? 0) + 1;
    if (g.hits.length < this.maxHits)
      g.hits.push({ file, line, code, text: text.length > 300 ? text.slice(0, 300) : text });
    else this.truncated = true;
  }
  /** Adds groups scanned elsewhere (a worker's file). */
  merge(groups: readonly ScanGroup[], matched: number, truncated: boolean): void {
    this.matched += matched;
    if (truncated) this.truncated = true;
    for (const src of groups) {
      const key = `${src.remote}\u0000${src.hour}`;
      let g = this.map.get(key);
      if (!g) {
        if (this.map.size >= this.maxGroups) {
          this.truncated = true;
          continue;
        }
        g = { remote: src.remote, hour: src.hour, count: 0, codes: {}, hits: [] };
        this.map.set(key, g);
      }
      g.count += src.count;
      for (const [code, n] of Object.entries(src.codes) as [EvidenceCode, number][])
        g.codes[code] = (g.codes[code] ?? 0) + n;
      for (const h of src.hits) {
        if (g.hits.length < this.maxHits) g.hits.push(h);
        else this.truncated = true;
      }
    }
  }
  list(): ScanGroup[] {
    return [...this.map.values()].sort((a, b) =>
      a.remote === b.remote ? (a.hour < b.hour ? -1 : a.hour > b.hour ? 1 : 0) : a.remote < b.remote ? -1 : 1,
    );
  }
}

/** Reads the W3C directives at the top of a file's first chunk. */
function readHeader(buf: Buffer, end: number): W3cHeader | undefined {
  const head = buf.toString('latin1', 0, Math.min(end, 8192));
  const header = newHeader([]);
  let any = false;
  for (const line of head.split('\n')) {
    const t = line.replace(/\r$/, '');
    if (!t.startsWith('#') && !t.startsWith('\uFEFF#') && !t.startsWith('\u00EF\u00BB\u00BF#')) break;
    applyDirective(header, t.replace(/^\u00EF\u00BB\u00BF/, ''));
    any = true;
  }
  return any && header.fieldsDeclared ? header : undefined;
}

/** Reads up to `length` bytes of the source at `position` into `buf` at `offset`; 0 at the end. */
export type ReadAt = (buf: Buffer, offset: number, length: number, position: number) => Promise<number>;

/**
 * Scans one source (a file, read through `read`) chunk by chunk into `groups`; returns false when
 * cancelled. `file` only names the source in the hits. `buf` holds `chunk * 2 + MAX_NEEDLE` bytes.
 */
export async function scanSource(
  file: string,
  read: ReadAt,
  buf: Buffer,
  chunk: number,
  groups: Groups,
  onBytes: (n: number) => void,
  isCancelled: () => boolean,
): Promise<boolean> {
  {
    let carry = 0;
    let position = 0;
    let lineNo = 0;
    let header: W3cHeader | undefined;
    let first = true;
    let lastHitLine = -1;
    const positions: number[] = [];
    for (;;) {
      if (isCancelled()) return false;
      const bytesRead = await read(buf, carry, chunk, position);
      position += bytesRead;
      onBytes(bytesRead);
      const end = carry + bytesRead;
      const eof = bytesRead === 0;
      if (first) {
        header = readHeader(buf, end);
        first = false;
      }
      let upto: number;
      if (eof) upto = end;
      else {
        const nl = buf.lastIndexOf(10, end - 1);
        upto = nl >= 0 ? nl + 1 : Math.max(0, end - (MAX_NEEDLE - 1));
      }
      const windowEnd = Math.min(end, upto + MAX_NEEDLE - 1);
      positions.length = 0;
      // One pass for all the needles; the positions come out in increasing order.
      SEARCH.findAll(buf, windowEnd, upto, positions);
      // The line of each match is found by walking forward over the newlines, never back from
      // the match: looking back to the line start for every match is quadratic on one long line
      // with dense matches (10 MB took 9.5 s). `nextNl` is the first newline at or after
      // `lineStart` in this chunk, -1 when there is none, so each byte is looked at once.
      const view = buf.subarray(0, end);
      let lineStart = 0;
      let nextNl = positions.length ? view.indexOf(10, 0) : -1;
      if (positions.length) {
        let prevLineStart = -1;
        for (const p of positions) {
          while (nextNl !== -1 && nextNl < p) {
            lineNo++;
            lineStart = nextNl + 1;
            nextNl = view.indexOf(10, lineStart);
          }
          if (lineStart === prevLineStart) continue;
          prevLineStart = lineStart;
          if (lineNo === lastHitLine) continue;
          lastHitLine = lineNo;
          const lineEnd = nextNl === -1 ? end : nextNl;
          let stop = Math.min(lineEnd, lineStart + MAX_LINE_TEXT, p + MAX_NEEDLE + 600);
          if (stop > lineStart && buf[stop - 1] === 13) stop--;
          const from = Math.max(lineStart, p - MAX_LINE_TEXT);
          groups.add(file, lineNo, buf.toString('utf8', from, stop), header);
        }
      }
      lineNo += countNewlines(view, lineStart, upto);
      if (eof) return true;
      carry = end - upto;
      if (carry > 0) buf.copy(buf, 0, upto, end);
    }
  }
}
