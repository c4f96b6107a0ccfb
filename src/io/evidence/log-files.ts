/**
 * The files of a log-folder scan: which files under a folder are read, and the scan of one file
 * from disk through the core's byte scanner (src/core/evidence/scan-lines.ts).
 */
import { open, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { scanSource, type Groups } from '../../core/evidence/scan-lines';

export const DEFAULT_INCLUDE = /\.(log|txt|eml|csv)$/i;

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

/** Scans one file from disk; returns false when cancelled. */
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
    return await scanSource(
      file,
      async (b, offset, length, position) => (await fh.read(b, offset, length, position)).bytesRead,
      buf,
      chunk,
      groups,
      onBytes,
      isCancelled,
    );
  } finally {
    await fh.close();
  }
}
