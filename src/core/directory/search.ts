/**
 * The one way discovery reads the directory: each search runs with the caller's deadline, signal
 * and page size, and is collected into an array (discovery's result sets are small: servers,
 * connectors, DCs). A search that finds its base missing (LDAP 32) returns no entries.
 */
import type { DirectoryEntry, DirectorySearch, DirectorySession } from '../io';
import { isDoctorError } from '../errors';

export interface SearchContext {
  session: DirectorySession;
  /** Deadline for each round trip. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Page size for the paged-results control. */
  pageSize: number;
}

export async function collect(
  ctx: SearchContext,
  request: Omit<DirectorySearch, 'pageSize'> & { paged?: boolean },
): Promise<DirectoryEntry[]> {
  const { paged = true, ...rest } = request;
  const search: DirectorySearch = paged ? { ...rest, pageSize: ctx.pageSize } : rest;
  const entries: DirectoryEntry[] = [];
  try {
    for await (const e of ctx.session.search(search, {
      timeoutMs: ctx.timeoutMs,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    })) {
      entries.push(e);
    }
  } catch (e) {
    if (isDoctorError(e) && e.kind === 'not-found') return entries;
    throw e;
  }
  return entries;
}

/** The message of an error, for warnings. */
export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Errors that end discovery instead of becoming a warning: the connection is gone. */
export function isFatal(e: unknown): boolean {
  return isDoctorError(e) && (e.kind === 'aborted' || e.kind === 'timeout' || e.kind === 'unavailable');
}
