/**
 * Parsers of `repadmin /replsummary` and `repadmin /syncall /AdeP`.
 *
 * /replsummary prints a Source DSA table and a Destination DSA table with the largest delta
 * (`09m:55s`, `01d.08h:57m:06s`, `:41s`, `>60 days`), fails/total, the failure percentage and
 * the last error as `(8524) text`, then DCs it could not ask at all (`58 - DC3.contoso.com`).
 * /syncall prints one section per partition, each ending `SyncAll terminated with no errors.` or
 * `SyncAll reported the following errors:` followed by the errors.
 */
import {
  type Line,
  type ParseOutcome,
  type ParseProblem,
  isBlank,
  parseCode,
  problem,
  recognised,
  toLines,
  unrecognised,
} from '../../parsers/result';

export interface ReplSummaryRow {
  line: number;
  dsa: string;
  /** As printed, e.g. `09m:55s`. */
  largestDeltaText: string;
  /** Seconds; for `>60 days` the 60 days and `deltaOverflow` is set. Undefined when unreadable. */
  largestDeltaSeconds?: number;
  deltaOverflow?: boolean;
  fails: number;
  total: number;
  percent: number;
  /** Win32 error of the last failure; note it may print unsigned (2148074274 for 0x80090322). */
  errorCode?: number;
  errorText?: string;
}

export interface ReplSummaryResult {
  startTime?: string;
  source: ReplSummaryRow[];
  destination: ReplSummaryRow[];
  /** DCs repadmin could not query (`58 - DC3.contoso.com`): a blind spot, not a healthy DC. */
  unreachable: { code: number; dsa: string }[];
  /** Total failed links over the destination table (or the source table if that is all there is). */
  totalFails: number;
}

const ROW = /^(\S+)\s+(>\s*60 days|\(unknown\)|[\d.dhms:]+)\s+(\d+)\s*\/\s*(\d+)\s+(\d+)\s*(?:\((-?\d+)\)\s*(.*))?$/i;

export function parseRepadminReplSummary(raw: string): ParseOutcome<ReplSummaryResult> {
  const lines = toLines(raw);
  const problems: ParseProblem[] = [];
  if (isBlank(lines)) return unrecognised('repadmin printed nothing');
  const result: ReplSummaryResult = { source: [], destination: [], unreachable: [], totalFails: 0 };
  let section: 'source' | 'destination' | 'unreachable' | undefined;
  let sawHeader = false;
  let lastRow: ReplSummaryRow | undefined;
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '' || /^\.+$/.test(t)) continue;
    let m: RegExpExecArray | null;
    if ((m = /^Replication Summary Start Time:\s*(.+)$/i.exec(t))) result.startTime = (m[1] ?? '').trim();
    else if (/^Beginning data collection for replication summary/i.test(t)) continue;
    else if (/^Source DSA\s+largest delta/i.test(t)) {
      section = 'source';
      sawHeader = true;
    } else if (/^Destination DSA\s+largest delta/i.test(t)) {
      section = 'destination';
      sawHeader = true;
    } else if (/^Experienced the following operational errors/i.test(t)) section = 'unreachable';
    else if (/^(?:rmation|information):?$/i.test(t) && section === 'unreachable')
      continue; // wrapped header
    else if (section === 'unreachable' && (m = /^(\d+)\s*-\s*(\S+)$/.exec(t))) {
      result.unreachable.push({ code: Number(m[1]), dsa: m[2] ?? '' });
    } else if ((section === 'source' || section === 'destination') && (m = ROW.exec(t))) {
      lastRow = row(line, m);
      result[section].push(lastRow);
      continue;
    } else if (lastRow && section !== 'unreachable' && lastRow.errorText !== undefined && /^\s/.test(line.text)) {
      lastRow.errorText = `${lastRow.errorText} ${t}`.trim(); // a long error text that wrapped
      continue;
    } else problems.push(problem(line, 'line not understood; ignored'));
    lastRow = undefined;
  }
  if (!sawHeader) return unrecognised('no "Source DSA" or "Destination DSA" table header', problems);
  const counted = result.destination.length > 0 ? result.destination : result.source;
  result.totalFails = counted.reduce((sum, r) => sum + r.fails, 0);
  return recognised(result, problems);
}

function row(line: Line, m: RegExpExecArray): ReplSummaryRow {
  const deltaText = (m[2] ?? '').trim();
  const r: ReplSummaryRow = {
    line: line.no,
    dsa: m[1] ?? '',
    largestDeltaText: deltaText,
    fails: Number(m[3]),
    total: Number(m[4]),
    percent: Number(m[5]),
  };
  if (/^>\s*60 days$/i.test(deltaText)) {
    r.largestDeltaSeconds = 60 * 86400;
    r.deltaOverflow = true;
  } else {
    const seconds = parseDelta(deltaText);
    if (seconds !== undefined) r.largestDeltaSeconds = seconds;
  }
  if (m[6] !== undefined) {
    r.errorCode = Number(m[6]);
    r.errorText = (m[7] ?? '').trim();
  }
  return r;
}

/** `01d.08h:57m:06s`, `04h:02m:16s`, `09m:55s`, `:41s` -> seconds. */
export function parseDelta(text: string): number | undefined {
  if (!/^[\d.dhms:]+$/i.test(text) || !/\d/.test(text)) return undefined;
  const unit: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };
  let total = 0;
  let seen = false;
  for (const part of text.matchAll(/(\d+)([dhms])/gi)) {
    total += Number(part[1]) * (unit[(part[2] ?? 's').toLowerCase()] ?? 0);
    seen = true;
  }
  return seen ? total : undefined;
}

export interface SyncAllError {
  line: number;
  /** `issuing` (Error issuing replication), `contacting` (Error contacting server), `fatal`, `other`. */
  kind: 'issuing' | 'contacting' | 'fatal' | 'other';
  code?: number;
  /** The server named in `Error contacting server X`. */
  server?: string;
  message: string;
}

export interface SyncAllPartition {
  /** `DC=contoso,DC=com`; empty when repadmin did not print a `Syncing partition` line. */
  name: string;
  completed: number;
  terminatedWithoutErrors: boolean;
  errors: SyncAllError[];
}

export interface SyncAllResult {
  /** The DC from `Syncing all NC's held on X.` */
  server?: string;
  partitions: SyncAllPartition[];
  /** True when every partition ended with `SyncAll terminated with no errors.` and none failed. */
  ok: boolean;
  errors: SyncAllError[];
}

export function parseRepadminSyncAll(raw: string): ParseOutcome<SyncAllResult> {
  const lines = toLines(raw);
  const problems: ParseProblem[] = [];
  if (isBlank(lines)) return unrecognised('repadmin printed nothing');
  const result: SyncAllResult = { partitions: [], ok: false, errors: [] };
  let partition: SyncAllPartition | undefined;
  let pending: SyncAllError | undefined;
  let recognisedAny = false;
  const current = (): SyncAllPartition => {
    if (!partition) {
      partition = { name: '', completed: 0, terminatedWithoutErrors: false, errors: [] };
      result.partitions.push(partition);
    }
    return partition;
  };
  /** The callback message and the closing summary repeat the same error: keep one. */
  const addError = (e: SyncAllError): void => {
    const p = current();
    const same = p.errors.some((x) => x.kind === e.kind && x.code === e.code && x.server === e.server);
    if (!same) p.errors.push(e);
    pending = e; // a repeat still consumes its text line, into a copy nobody keeps
  };
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '') continue;
    let m: RegExpExecArray | null;
    const body = t.replace(/^CALLBACK MESSAGE:\s*/i, '');
    if ((m = /^Syncing all NC's held on (.+?)\.?$/i.exec(body))) {
      result.server = (m[1] ?? '').trim();
      recognisedAny = true;
    } else if ((m = /^Syncing partition:\s*(.+)$/i.exec(body))) {
      partition = { name: (m[1] ?? '').trim(), completed: 0, terminatedWithoutErrors: false, errors: [] };
      result.partitions.push(partition);
      recognisedAny = true;
    } else if (/^SyncAll terminated with no errors\.?$/i.test(body)) {
      current().terminatedWithoutErrors = true;
      recognisedAny = true;
      partition = undefined;
    } else if (/^SyncAll reported the following errors:?$/i.test(body) || /^SyncAll Finished\.?$/i.test(body)) {
      recognisedAny = true;
    } else if (/^The following replication (is in progress|completed successfully):?$/i.test(body)) {
      if (/completed/i.test(body)) current().completed++;
      recognisedAny = true;
    } else if (/^(From|To)\s*:/i.test(body)) continue;
    else if ((m = /^Error issuing replication:\s*(-?\d+)\s*\((0x[0-9a-f]+)\):?\s*(.*)$/i.exec(body))) {
      addError(withCode({ line: line.no, kind: 'issuing', message: (m[3] ?? '').trim() }, m[1], m[2]));
      recognisedAny = true;
      continue;
    } else if (
      (m = /^Error contacting server (\S+?)\s*(?:\(([^)]*)\))?:\s*(-?\d+)\s*\((0x[0-9a-f]+)\):?\s*(.*)$/i.exec(body))
    ) {
      const e = withCode(
        { line: line.no, kind: 'contacting', server: m[1] ?? '', message: (m[5] ?? '').trim() },
        m[3],
        m[4],
      );
      addError(e);
      recognisedAny = true;
      continue;
    } else if ((m = /^SyncAll exited with fatal Win32 error:\s*(-?\d+)\s*\((0x[0-9a-f]+)\):?\s*(.*)$/i.exec(body))) {
      const e = withCode({ line: line.no, kind: 'fatal', message: (m[3] ?? '').trim() }, m[1], m[2]);
      result.errors.push(e);
      pending = e;
      recognisedAny = true;
      continue;
    } else if (pending && pending.message === '') {
      pending.message = t; // the error text is printed on the line after the code
    } else if (/^(?:Invalid commandline|Invalid arguments)/i.test(body)) {
      result.errors.push({ line: line.no, kind: 'other', message: t });
      recognisedAny = true;
    } else problems.push(problem(line, 'line not understood; ignored'));
    pending = undefined;
  }
  if (!recognisedAny) return unrecognised('no "Syncing", "SyncAll" or repadmin error line', problems);
  for (const p of result.partitions) result.errors.push(...p.errors);
  result.errors.sort((a, b) => a.line - b.line);
  result.ok =
    result.errors.length === 0 &&
    result.partitions.length > 0 &&
    result.partitions.every((p) => p.terminatedWithoutErrors);
  return recognised(result, problems);
}

function withCode(e: SyncAllError, decimal: string | undefined, hexText: string | undefined): SyncAllError {
  const code = parseCode(hexText ?? '') ?? parseCode(decimal ?? '');
  if (code !== undefined) e.code = code;
  return e;
}
