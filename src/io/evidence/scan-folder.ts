/**
 * "Scan log folder": streams every log file under a folder (gigabytes) from disk in fixed-size
 * chunks, finds the lines with an authentication failure (the SCAN_NEEDLES of failure-patterns.ts,
 * searched as bytes in one pass by src/core/evidence/scan-lines.ts), and groups them by remote
 * server and hour. This file is the I/O: the folder walk, the reads, the worker threads. Memory is
 * bounded: one read buffer, and at most `maxHitsPerGroup` lines kept per group and `maxGroups`
 * groups, whatever the corpus size. Cancellation is checked between chunks.
 */
import type { ScanProgress, ScanReport } from '../../shared/evidence-scan';
import { Groups, MAX_NEEDLE } from '../../core/evidence/scan-lines';
import { DEFAULT_INCLUDE, listLogFiles, scanFile } from './log-files';
import { scanInWorkers } from './scan-parallel';

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
