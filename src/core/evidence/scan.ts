/**
 * "Scan log folder": streams every log file under a folder (gigabytes) from disk in fixed-size
 * chunks, finds the lines with an authentication failure (the SCAN_NEEDLES of failure-patterns.ts,
 * searched as bytes in one pass, see multi-search.ts, so the cost is close to `grep -F`), and groups them by remote server and hour.
 * Memory is bounded: one read buffer, and at most `maxHitsPerGroup` lines kept per group and
 * `maxGroups` groups, whatever the corpus size. Cancellation is checked between chunks.
 */
import { open, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { formatHost, parseEndpoint } from './endpoint';
import { findFailures, SCAN_NEEDLES } from './failure-patterns';
import type { FindingCode } from './model';
import { MultiSearch } from './multi-search';
import { receivingFromError } from './queue';
import { scanInWorkers } from './scan-parallel';
import { applyDirective, hourOf, newHeader, readRecord, type W3cHeader } from './w3c';

export interface ScanHit {
  file: string;
  /** Zero-based line number. */
  line: number;
  code: FindingCode;
  /** The line, cut to 300 characters. */
  text: string;
}

export interface ScanGroup {
  remote: string;
  /** `2026-11-22T10` (UTC hour) or `(no time)`. */
  hour: string;
  count: number;
  codes: Partial<Record<FindingCode, number>>;
  /** The first `maxHitsPerGroup` lines of the group. */
  hits: ScanHit[];
}

export interface ScanProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  matchedLines: number;
  currentFile?: string;
}

export interface ScanReport {
  folder: string;
  files: number;
  bytes: number;
  matchedLines: number;
  groups: ScanGroup[];
  cancelled: boolean;
  /** Files that could not be read, with the reason. */
  errors: string[];
  durationMs: number;
  /** True when groups or hits were dropped to keep memory bounded. */
  truncated: boolean;
}

export interface ScanOptions {
  isCancelled?: () => boolean;
  onProgress?: (p: ScanProgress) => void;
  /** Minimum milliseconds between progress callbacks. */
  progressIntervalMs?: number;
  chunkSize?: number;
  maxHitsPerGroup?: number;
  maxGroups?: number;
  /** Which files to read; default: .log, .txt, .eml, .csv. */
  include?: RegExp;
  /**
   * Scan files on worker threads: `script` is a module that calls runScanWorker() in a worker
   * (the bundled server passes its own file). Without it the scan runs on the calling thread.
   */
  workers?: { script: string; count: number; execArgv?: string[] };
}

export const DEFAULT_INCLUDE = /\.(log|txt|eml|csv)$/i;
const NEEDLES = SCAN_NEEDLES.map((n) => Buffer.from(n, 'latin1'));
const MAX_NEEDLE = Math.max(...NEEDLES.map((n) => n.length));
const SEARCH = new MultiSearch(NEEDLES);
const MAX_LINE_TEXT = 4096;

export interface LogFile {
  path: string;
  size: number;
}

/** Regular files under `folder` (recursively, symbolic links not followed), sorted by path. */
export async function listLogFiles(
  folder: string,
  include = DEFAULT_INCLUDE,
  isCancelled: () => boolean = () => false,
): Promise<LogFile[]> {
  const out: LogFile[] = [];
  const queue = [folder];
  while (queue.length && !isCancelled()) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) queue.push(p);
      else if (e.isFile() && include.test(e.name)) {
        try {
          out.push({ path: p, size: (await stat(p)).size });
        } catch {
          // Vanished or unreadable: skipped.
        }
      }
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

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
): { code: FindingCode; remote: string; hour: string } | undefined {
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
      for (const [code, n] of Object.entries(src.codes) as [FindingCode, number][])
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

/** Scans one file; returns false when cancelled. */
export async function scanFile(
  file: string,
  buf: Buffer,
  chunk: number,
  groups: Groups,
  onBytes: (n: number) => void,
  isCancelled: () => boolean,
): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    let carry = 0;
    let position = 0;
    let lineNo = 0;
    let header: W3cHeader | undefined;
    let first = true;
    let lastHitLine = -1;
    const positions: number[] = [];
    for (;;) {
      if (isCancelled()) return false;
      const { bytesRead } = await fh.read(buf, carry, chunk, position);
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
  } finally {
    await fh.close();
  }
}

export async function scanFolder(folder: string, options: ScanOptions = {}): Promise<ScanReport> {
  const started = Date.now();
  const isCancelled = options.isCancelled ?? (() => false);
  const chunk = options.chunkSize ?? 2 * 1024 * 1024;
  const files = await listLogFiles(folder, options.include ?? DEFAULT_INCLUDE, isCancelled);
  const bytesTotal = files.reduce((s, f) => s + f.size, 0);
  const groups = new Groups(options.maxHitsPerGroup ?? 200, options.maxGroups ?? 5000);
  // The carry area holds at most one chunk (a line longer than a chunk is cut at MAX_NEEDLE overlap).
  const buf = Buffer.allocUnsafe(chunk * 2 + MAX_NEEDLE);
  const errors: string[] = [];
  let bytesDone = 0;
  let filesDone = 0;
  let cancelled = isCancelled();
  let lastProgress = 0;
  const interval = options.progressIntervalMs ?? 100;
  const progress = (currentFile?: string, force = false): void => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastProgress < interval)) return;
    lastProgress = now;
    options.onProgress({
      filesDone,
      filesTotal: files.length,
      bytesDone,
      bytesTotal,
      matchedLines: groups.matched,
      ...(currentFile ? { currentFile } : {}),
    });
  };
  if (options.workers && options.workers.count > 1 && files.length > 1) {
    const r = await scanInWorkers(files, groups, {
      ...options.workers,
      chunk,
      maxHits: options.maxHitsPerGroup ?? 200,
      maxGroups: options.maxGroups ?? 5000,
      isCancelled,
      onBytes: (n) => {
        bytesDone += n;
        progress();
      },
      onFile: () => {
        filesDone++;
        progress(undefined);
      },
    });
    errors.push(...r.errors);
    cancelled = r.cancelled;
  } else
    for (const f of files) {
      if (isCancelled()) {
        cancelled = true;
        break;
      }
      progress(f.path, true);
      try {
        const done = await scanFile(
          f.path,
          buf,
          chunk,
          groups,
          (n) => {
            bytesDone += n;
            progress(f.path);
          },
          isCancelled,
        );
        if (!done) {
          cancelled = true;
          break;
        }
      } catch (e) {
        errors.push(`${f.path}: ${e instanceof Error ? e.message : String(e)}`);
      }
      filesDone++;
    }
  progress(undefined, true);
  return {
    folder,
    files: filesDone,
    bytes: bytesDone,
    matchedLines: groups.matched,
    groups: groups.list(),
    cancelled,
    errors: errors.slice(0, 100),
    durationMs: Date.now() - started,
    truncated: groups.truncated,
  };
}
