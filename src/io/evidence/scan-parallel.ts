/**
 * The main side of a parallel folder scan: N workers (scan-worker.ts) take files from a shared
 * queue, largest first so the tail is short; their per-file groups are merged into one Groups.
 */
import { Worker } from 'node:worker_threads';
import type { Groups } from '../../core/evidence/scan-lines';
import type { LogFile } from './log-files';
import type { FromWorker, ScanWorkerData, ToWorker } from './scan-worker';

export interface ParallelOptions {
  script: string;
  count: number;
  execArgv?: string[];
  chunk: number;
  maxHits: number;
  maxGroups: number;
  isCancelled: () => boolean;
  onBytes: (n: number) => void;
  onFile: (file: string) => void;
}

export async function scanInWorkers(
  files: readonly LogFile[],
  groups: Groups,
  o: ParallelOptions,
): Promise<{ errors: string[]; cancelled: boolean }> {
  const queue = [...files].sort((a, b) => b.size - a.size).map((f) => f.path);
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const errors: string[] = [];
  let cancelled = false;
  const data: ScanWorkerData = {
    eadScanWorker: true,
    chunk: o.chunk,
    maxHits: o.maxHits,
    maxGroups: o.maxGroups,
    cancel,
  };
  const count = Math.max(1, Math.min(o.count, queue.length));
  const timer = setInterval(() => {
    if (o.isCancelled()) Atomics.store(flag, 0, 1);
  }, 50);
  try {
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(o.script, { workerData: data, ...(o.execArgv ? { execArgv: o.execArgv } : {}) });
            const next = (): void => {
              const file = Atomics.load(flag, 0) === 0 && !o.isCancelled() ? queue.shift() : undefined;
              if (file === undefined) {
                worker.postMessage({ stop: true } satisfies ToWorker);
                void worker.terminate().then(() => resolve());
                return;
              }
              worker.postMessage({ file } satisfies ToWorker);
            };
            worker.on('message', (m: FromWorker) => {
              if (m.kind === 'bytes') o.onBytes(m.n);
              else {
                groups.merge(m.groups, m.matched, m.truncated);
                if (m.error) errors.push(`${m.file}: ${m.error}`);
                if (!m.completed) cancelled = true;
                else o.onFile(m.file);
                next();
              }
            });
            worker.on('error', reject);
            worker.once('online', next);
          }),
      ),
    );
  } finally {
    clearInterval(timer);
  }
  return { errors, cancelled: cancelled || o.isCancelled() };
}
