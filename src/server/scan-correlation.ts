/**
 * After "Scan log folder": the files with failures, and the saved Windows event files of the
 * folder (`.xml`, which the byte scan does not read), are read again and their observations joined
 * (src/core/evidence/correlate.ts) into failures seen from both ends. Bounded: at most MAX_FILES
 * files of at most MAX_FILE_BYTES each; Event Viewer's UTF-16 XML is decoded.
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { correlate, type AuthObservation, type CorrelatedFailure } from '../core/evidence/correlate';
import { observationsFromText } from '../core/evidence/observations';
import { listLogFiles } from '../io/evidence/log-files';
import type { ScanReport } from '../shared/evidence-scan';

export const MAX_FILES = 64;
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** UTF-8, or UTF-16 LE/BE with a byte order mark (Event Viewer saves XML as UTF-16). */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return buf.toString('utf8');
}

export async function correlateScan(
  folder: string,
  report: ScanReport,
  isCancelled: () => boolean = () => false,
): Promise<CorrelatedFailure[]> {
  const files = new Set<string>();
  for (const g of report.groups)
    for (const h of g.hits) files.add(path.isAbsolute(h.file) ? h.file : path.join(folder, h.file));
  for (const f of await listLogFiles(folder, /\.xml$/i, isCancelled)) files.add(f.path);
  const observations: AuthObservation[] = [];
  const aliases: [string, string][] = [];
  for (const file of [...files].slice(0, MAX_FILES)) {
    if (isCancelled()) break;
    try {
      if ((await stat(file)).size > MAX_FILE_BYTES) continue;
      const o = observationsFromText(decodeText(await readFile(file)), path.relative(folder, file) || file);
      observations.push(...o.observations);
      aliases.push(...o.aliases);
    } catch {
      // Unreadable or vanished: the scan report already says so.
    }
  }
  return correlate(observations, { aliases });
}
