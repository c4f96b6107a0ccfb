/**
 * Duplicate SPN detection, the directory equivalent of `setspn -X` (and `setspn -Q` for one SPN).
 *
 * The full scan streams every object that has a servicePrincipalName, page by page, and keeps
 * only a hash of each SPN (lower-cased) mapped to the ordinal of the object that held it first.
 * An SPN whose hash was already seen on another object becomes a candidate; at the end each
 * candidate is confirmed with one exact search, which also lists every account holding it (so
 * hash collisions can never be reported, and groups of three or more come out complete).
 *
 * Memory bound: one slot per distinct SPN in a typed-array table (./hash-table.ts: about 24 bytes
 * an SPN at its worst load), plus the candidate SPN strings, plus one page of entries in flight.
 * The SPN strings and DNs themselves are not kept, so 1,000,000 SPNs cost about 24 MB rather than
 * the ~60 MB of a Map of hashes or the ~250 MB a Map of SPN string -> first DN would take.
 */
import { getAttr, type DirectoryEntry, type DirectorySession } from '../../io';
import { isDoctorError, throwIfAborted } from '../../errors';
import { escapeFilterValue } from '../../directory/ldap-text';
import { hash53 } from './hash';
import { HashOrdinalTable } from './hash-table';
import { normaliseSpn } from './expected-spns';

export interface SpnSearchOptions {
  /** '' searches the whole global catalog; a naming context searches that partition. */
  base: string;
  pageSize: number;
  /** Deadline of each page (round trip), not of the whole scan. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface SpnHolder {
  dn: string;
  samAccountName?: string;
  /** `computer`, `user` (including service accounts), or `other`. */
  kind: 'computer' | 'user' | 'other';
  spns: string[];
}

export interface DuplicateGroup {
  spn: string;
  holders: SpnHolder[];
}

export interface DuplicateScanResult {
  /** Objects with at least one SPN that were read. */
  objects: number;
  /** SPN values read. */
  spns: number;
  /** SPNs that looked duplicated by hash before confirmation. */
  candidates: number;
  groups: DuplicateGroup[];
  /** Objects whose SPN list came back in ranges (more than the server's MaxValRange values). */
  rangedObjects: string[];
}

export interface ScanProgress {
  objects: number;
  spns: number;
}

const HOLDER_ATTRIBUTES = ['sAMAccountName', 'objectClass', 'servicePrincipalName'];

/** SPN values of an entry, including `servicePrincipalName;range=0-1499` style keys. */
export function entrySpns(entry: DirectoryEntry): { values: string[]; ranged: boolean } {
  let ranged = false;
  const values: string[] = [];
  for (const [key, v] of Object.entries(entry.attributes)) {
    const k = key.toLowerCase();
    if (k === 'serviceprincipalname') values.push(...v);
    else if (k.startsWith('serviceprincipalname;range=')) {
      ranged = true;
      values.push(...v);
    }
  }
  return { values, ranged };
}

export function holderFromEntry(entry: DirectoryEntry): SpnHolder {
  const classes = getAttr(entry, 'objectClass').map((c) => c.toLowerCase());
  const kind = classes.includes('computer') ? 'computer' : classes.includes('user') ? 'user' : 'other';
  const holder: SpnHolder = { dn: entry.dn, kind, spns: entrySpns(entry).values };
  const sam = getAttr(entry, 'sAMAccountName')[0];
  if (sam) holder.samAccountName = sam;
  return holder;
}

/** Every object holding one of `spns`, keyed by the normalised SPN. Missing keys: nobody holds it. */
export async function findSpnHolders(
  session: DirectorySession,
  spns: readonly string[],
  options: SpnSearchOptions,
): Promise<Map<string, SpnHolder[]>> {
  const wanted = new Set(spns.map(normaliseSpn));
  const result = new Map<string, SpnHolder[]>();
  const list = [...wanted];
  // Keeps each OR filter short; a server has four SPNs, an organisation may have hundreds.
  for (let i = 0; i < list.length; i += 40) {
    const batch = list.slice(i, i + 40);
    const filter =
      batch.length === 1
        ? `(servicePrincipalName=${escapeFilterValue(batch[0] ?? '')})`
        : `(|${batch.map((s) => `(servicePrincipalName=${escapeFilterValue(s)})`).join('')})`;
    for await (const entry of searchOrEmpty(session, filter, HOLDER_ATTRIBUTES, options)) {
      const holder = holderFromEntry(entry);
      for (const spn of holder.spns) {
        const key = normaliseSpn(spn);
        if (!wanted.has(key)) continue;
        const holders = result.get(key) ?? [];
        if (!holders.some((h) => h.dn.toLowerCase() === holder.dn.toLowerCase())) holders.push(holder);
        result.set(key, holders);
      }
    }
  }
  return result;
}

/** Streams objects with SPNs; a missing base (LDAP 32) yields nothing rather than failing. */
async function* searchOrEmpty(
  session: DirectorySession,
  filter: string,
  attributes: string[],
  options: SpnSearchOptions,
): AsyncIterable<DirectoryEntry> {
  try {
    yield* session.search(
      { base: options.base, scope: 'sub', filter, attributes, pageSize: options.pageSize },
      { timeoutMs: options.timeoutMs, ...(options.signal ? { signal: options.signal } : {}) },
    );
  } catch (e) {
    if (isDoctorError(e) && e.kind === 'not-found') return;
    throw e;
  }
}

/** The forest-wide scan over every SPN (setspn -X). */
export async function scanAllDuplicateSpns(
  session: DirectorySession,
  options: SpnSearchOptions & {
    onProgress?: (p: ScanProgress) => void;
    progressEvery?: number;
    /** For tests: a weaker hash forces collisions, which confirmation must weed out. */
    hash?: (key: string) => number;
  },
): Promise<DuplicateScanResult> {
  const firstHolder = new HashOrdinalTable();
  const candidates = new Set<string>();
  const rangedObjects: string[] = [];
  let objects = 0;
  let spns = 0;
  const every = options.progressEvery ?? 5000;
  const hash = options.hash ?? hash53;
  for await (const entry of searchOrEmpty(session, '(servicePrincipalName=*)', ['servicePrincipalName'], options)) {
    const ordinal = objects++;
    const { values, ranged } = entrySpns(entry);
    if (ranged) rangedObjects.push(entry.dn);
    for (const value of values) {
      spns++;
      const key = normaliseSpn(value);
      const h = hash(key);
      const seen = firstHolder.get(h);
      if (seen === undefined) firstHolder.setIfAbsent(h, ordinal);
      else if (seen !== ordinal) candidates.add(key);
    }
    if (options.onProgress && objects % every === 0) options.onProgress({ objects, spns });
  }
  throwIfAborted(options.signal, 'The duplicate SPN scan');
  // Confirm each candidate exactly; a hash collision comes back with a single holder and is dropped.
  const confirmed = await findSpnHolders(session, [...candidates], options);
  const groups: DuplicateGroup[] = [];
  for (const key of [...candidates].sort()) {
    const holders = confirmed.get(key) ?? [];
    if (holders.length > 1) groups.push({ spn: spellingOf(key, holders), holders });
  }
  return { objects, spns, candidates: candidates.size, groups, rangedObjects };
}

/** The SPN as the first holder spells it. */
function spellingOf(key: string, holders: SpnHolder[]): string {
  for (const h of holders) for (const s of h.spns) if (normaliseSpn(s) === key) return s;
  return key;
}
