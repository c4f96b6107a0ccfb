/**
 * What a log-folder scan reports: groups of failure lines by remote server and hour, and its
 * progress. Plain data shared by the scanner (src/io/evidence), the language server, the extension
 * and the tests.
 */
import type { CorrelatedFailure } from './evidence-correlation';
import type { EvidenceCode } from './evidence-model';

export interface ScanHit {
  file: string;
  /** Zero-based line number. */
  line: number;
  code: EvidenceCode;
  /** The line, cut to 300 characters. */
  text: string;
}

export interface ScanGroup {
  remote: string;
  /** `2026-11-22T10` (UTC hour) or `(no time)`. */
  hour: string;
  count: number;
  codes: Partial<Record<EvidenceCode, number>>;
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
  /** Failures seen from both ends, joined by time and host (issue 14); set by the language server. */
  correlated?: CorrelatedFailure[];
}
