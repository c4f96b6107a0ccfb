/**
 * The worker side of a parallel folder scan: receives file paths one at a time, scans each with
 * scanFile (one buffer per worker) and posts back that file's groups. The main side is in
 * scan-parallel.ts. Cancellation is a flag in shared memory, read between chunks.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ScanGroup } from '../../shared/evidence-scan';
import { Groups } from '../../core/evidence/scan-lines';
import { scanFile } from './log-files';

export interface ScanWorkerData {
  eadScanWorker: true;
  chunk: number;
  maxHits: number;
  maxGroups: number;
  /** Int32Array over it: [0] != 0 means cancelled. */
  cancel: SharedArrayBuffer;
}

export type ToWorker = { file: string } | { stop: true };
export type FromWorker =
  | { kind: 'bytes'; n: number }
  | {
      kind: 'file';
      file: string;
      groups: ScanGroup[];
      matched: number;
      truncated: boolean;
      completed: boolean;
      error?: string;
    };

export function isScanWorker(): boolean {
  return !isMainThread && (workerData as Partial<ScanWorkerData> | undefined)?.eadScanWorker === true;
}

export function runScanWorker(): void {
  const data = workerData as ScanWorkerData;
  const port = parentPort;
  if (!port) return;
  const flag = new Int32Array(data.cancel);
  const isCancelled = (): boolean => Atomics.load(flag, 0) !== 0;
  const buf = Buffer.allocUnsafe(data.chunk * 2 + 256);
  port.on('message', (msg: ToWorker) => {
    if ('stop' in msg) {
      port.close();
      return;
    }
    const groups = new Groups(data.maxHits, data.maxGroups);
    let pending = 0;
    void scanFile(
      msg.file,
      buf,
      data.chunk,
      groups,
      (n) => {
        pending += n;
        if (pending >= 8 * 1024 * 1024) {
          port.postMessage({ kind: 'bytes', n: pending } satisfies FromWorker);
          pending = 0;
        }
      },
      isCancelled,
    )
      .then((completed) => ({ completed, error: undefined as string | undefined }))
      .catch((e: unknown) => ({ completed: true, error: e instanceof Error ? e.message : String(e) }))
      .then(({ completed, error }) => {
        if (pending) port.postMessage({ kind: 'bytes', n: pending } satisfies FromWorker);
        const reply: FromWorker = {
          kind: 'file',
          file: msg.file,
          groups: groups.list(),
          matched: groups.matched,
          truncated: groups.truncated,
          completed,
          ...(error ? { error } : {}),
        };
        port.postMessage(reply);
      });
  });
}
