/**
 * The results file the in-editor suite writes and the runners read. It is the one channel both
 * runners (code-server and desktop VS Code) share, so it stays plain JSON with no editor types.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface TestOutcome {
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  /** First lines of the failure, already scrubbed of secrets. */
  error?: string;
}

export interface SuiteResults {
  /** False while the suite runs; the runner waits for true. */
  finished: boolean;
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  vscodeVersion: string;
  /** Set when the suite could not load or run at all (no test outcome explains the failure). */
  fatal?: string;
  tests: TestOutcome[];
}

/** Reads the results file; undefined while it is absent or half-written. */
export function readResults(file: string): SuiteResults | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults;
  } catch {
    return undefined;
  }
}

/** Why a finished run counts as failed, or undefined when it passed. */
export function failureReason(r: SuiteResults): string | undefined {
  if (r.fatal) return r.fatal;
  if (r.failed > 0) return `${r.failed} test(s) failed`;
  if (r.pending > 0) return `${r.pending} test(s) were skipped; skipped tests count as failures`;
  if (r.passed === 0) return 'no test ran';
  return undefined;
}

/** Replaces every occurrence of the given secrets with `***` (used on everything we print or save). */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}

/** The secrets we know of: the lab's bind password, wherever the lab environment put it. */
export function knownSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env.EAD_BIND_PASSWORD, env.EAD_ADMIN_PASSWORD].filter((s): s is string => !!s);
}
