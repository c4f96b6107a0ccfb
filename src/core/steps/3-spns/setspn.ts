/**
 * Parsers of `setspn -L`, `setspn -X` and `setspn -Q` output. They read the text, never the exit
 * code: setspn -X exits 1 even when it worked. The English headers are matched first; when they
 * are absent (a localised setspn) the layout itself is read: a DN at column 0, SPNs indented.
 */
import {
  type SetspnAccount,
  type SetspnScope,
  type SetspnToolError,
  isIndented,
  isSetspnErrorLine,
  looksLikeDn,
  readBlocks,
  readSetspnError,
} from './setspn-common';
import {
  isBareSpn,
  isLocalisedProgress,
  isLocalisedQueryVerdict,
  localisedChecking,
  localisedGroupCount,
  spnOnLine,
} from './setspn-localised';
import {
  type Line,
  type ParseOutcome,
  type ParseProblem,
  isBlank,
  problem,
  recognised,
  toLines,
  unrecognised,
} from '../../parsers/result';

export type { SetspnAccount, SetspnToolError } from './setspn-common';

export type SetspnListResult =
  { kind: 'list'; accountDn: string; spns: string[] } | { kind: 'error'; error: SetspnToolError };

export interface SetspnDuplicateGroup {
  spn: string;
  accountDns: string[];
}

export interface SetspnDuplicatesResult extends SetspnScope {
  groups: SetspnDuplicateGroup[];
  /** N from `found N group of duplicate SPNs.`; undefined when setspn did not get that far. */
  reportedGroupCount?: number;
  /** True when the closing `found N group...` line was seen. */
  complete: boolean;
  error?: SetspnToolError;
}

export interface SetspnQueryResult extends SetspnScope {
  /** true: `Existing SPN found!`; false: `No such SPN found.`; undefined: neither line seen. */
  found?: boolean;
  /** Each matching account with every SPN it holds (setspn -Q lists them all). */
  accounts: SetspnAccount[];
  error?: SetspnToolError;
}

const LIST_HEADER = /^Registered ServicePrincipalNames for (.+?):?$/i;
const DUPLICATE_HEADER = /^(.+?) is registered on these accounts:$/i;
const FOUND_GROUPS = /^found (\d+) groups? of duplicate SPNs\.?$/i;

/** `setspn -L <account>`. */
export function parseSetspnList(raw: string): ParseOutcome<SetspnListResult> {
  const lines = toLines(raw);
  const problems: ParseProblem[] = [];
  if (isBlank(lines)) return unrecognised('setspn -L printed nothing');
  let accountDn: string | undefined;
  const spns: string[] = [];
  let inList = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const t = line.text.trim();
    if (accountDn === undefined && !isIndented(line)) {
      const m = LIST_HEADER.exec(t);
      const dnAt = t.search(/\b(?:CN|OU|DC)=/i);
      const localised = !m && dnAt > 0 && t.endsWith(':') ? t.slice(dnAt, -1) : undefined;
      const dn = m ? m[1] : looksLikeDn(t) ? t.replace(/:$/, '') : localised;
      if (dn !== undefined) {
        accountDn = joinWrappedDn(dn, lines, i, (next) => (i = next));
        if (!m) problems.push(problem(line, 'header not in English; read by its layout'));
        inList = true;
        continue;
      }
    }
    if (inList && isIndented(line)) {
      spns.push(t);
      continue;
    }
    if (t === '') continue;
    inList = false;
    if (!isSetspnErrorLine(t)) problems.push(problem(line, 'line not understood; ignored'));
  }
  if (accountDn !== undefined) return recognised({ kind: 'list', accountDn, spns }, problems);
  const error = readSetspnError(lines, problems);
  if (error) return recognised({ kind: 'error', error }, problems);
  return unrecognised('no "Registered ServicePrincipalNames for" line and no setspn error', problems);
}

/** `setspn -X` (optionally with -F, -P, -T). */
export function parseSetspnDuplicates(raw: string): ParseOutcome<SetspnDuplicatesResult> {
  const lines = toLines(raw);
  const problems: ParseProblem[] = [];
  if (isBlank(lines)) return unrecognised('setspn -X printed nothing');
  const result: SetspnDuplicatesResult = { scope: 'domain', checked: [], groups: [], complete: false };
  let localised = false;
  readBlocks(lines, result, (line, t) => {
    let m = FOUND_GROUPS.exec(t);
    if (m) {
      result.reportedGroupCount = Number(m[1]);
      result.complete = true;
      return undefined;
    }
    m = DUPLICATE_HEADER.exec(t);
    if (!m && !isIndented(line) && !isSetspnErrorLine(t)) {
      // Another display language: read the line by its structure (./setspn-localised.ts).
      const count = spnOnLine(t) ? undefined : localisedGroupCount(t);
      const checked = localisedChecking(t);
      if (count !== undefined || checked !== undefined || isLocalisedProgress(t)) {
        if (count !== undefined) {
          result.reportedGroupCount = count;
          result.complete = true;
        }
        if (checked !== undefined) result.checked.push(checked);
        if (!localised) problems.push(problem(line, 'setspn output not in English; read by its layout'));
        localised = true;
        return undefined;
      }
    }
    if (m || (!isIndented(line) && !isSetspnErrorLine(t) && !/^found /i.test(t))) {
      // Older setspn builds print the SPN alone on its line, without the suffix; a localised one
      // surrounds it with translated words, which are not part of the SPN.
      const group: SetspnDuplicateGroup = { spn: m ? (m[1] ?? '') : (spnOnLine(t) ?? t), accountDns: [] };
      result.groups.push(group);
      return group.accountDns;
    }
    if (!isSetspnErrorLine(t)) problems.push(problem(line, 'line not understood; ignored'));
    return undefined;
  });
  // A bare line with nothing indented under it was not a group after all.
  for (const g of result.groups.filter((x) => x.accountDns.length === 0)) {
    const line = lines.find((l) => l.text.trim() === g.spn);
    problems.push(problem(line, 'line not understood; ignored'));
  }
  result.groups = result.groups.filter((g) => g.accountDns.length > 0);
  const error = readSetspnError(lines, problems);
  if (error) result.error = error;
  if (result.reportedGroupCount !== undefined && result.reportedGroupCount !== result.groups.length) {
    problems.push(
      problem(
        undefined,
        `setspn reported ${result.reportedGroupCount} group(s) but ${result.groups.length} were listed`,
      ),
    );
  }
  if (!result.complete && !result.error && result.checked.length === 0 && result.groups.length === 0) {
    return unrecognised('no "Checking domain" or "found N group of duplicate SPNs" line', problems);
  }
  if (!result.complete && !result.error)
    problems.push(problem(undefined, 'output ends before "found N group of duplicate SPNs."'));
  return recognised(result, problems);
}

/** `setspn -Q <spn>` (optionally with -F, -T). */
export function parseSetspnQuery(raw: string): ParseOutcome<SetspnQueryResult> {
  const lines = toLines(raw);
  const problems: ParseProblem[] = [];
  if (isBlank(lines)) return unrecognised('setspn -Q printed nothing');
  const result: SetspnQueryResult = { scope: 'domain', checked: [], accounts: [] };
  let verdictSeen = false;
  let localised = false;
  const noteLocalised = (line: Line): void => {
    if (!localised) problems.push(problem(line, 'setspn output not in English; read by its layout'));
    localised = true;
  };
  readBlocks(lines, result, (line, t) => {
    const last = result.accounts[result.accounts.length - 1];
    let checked: string | undefined;
    if (/^Existing SPN found!?$/i.test(t)) result.found = true;
    else if (/^No such SPN found\.?$/i.test(t)) result.found = false;
    else if (!isIndented(line) && looksLikeDn(t)) {
      const account: SetspnAccount = { dn: t, spns: [] };
      result.accounts.push(account);
      return account.spns;
    } else if (isSetspnErrorLine(t)) return undefined;
    else if (last && !verdictSeen && isBareSpn(t)) {
      // An SPN that lost its indent (a paste through a PDF or a wrapped terminal) stays with its account.
      last.spns.push(t);
      problems.push(problem(line, 'SPN at column 0 read as part of the account above'));
      return last.spns;
    } else if ((checked = localisedChecking(t)) !== undefined) {
      result.checked.push(checked);
      noteLocalised(line);
    } else if (isLocalisedQueryVerdict(t)) {
      // "Existing SPN found!" / "No such SPN found." in another language: the accounts listed say which.
      verdictSeen = true;
      noteLocalised(line);
    } else problems.push(problem(line, 'line not understood; ignored'));
    return undefined;
  });
  // Without an account, a translated verdict says "not found" only after a "Checking domain" line.
  if (result.found === undefined && verdictSeen && (result.accounts.length > 0 || result.checked.length > 0)) {
    result.found = result.accounts.length > 0;
  }
  const error = readSetspnError(lines, problems);
  if (error) result.error = error;
  if (result.found === undefined && !error && result.checked.length === 0 && result.accounts.length === 0) {
    return unrecognised('no "Checking domain", "Existing SPN found!" or "No such SPN found." line', problems);
  }
  if (result.found === false && result.accounts.length > 0) {
    problems.push(problem(undefined, 'setspn said "No such SPN found." but listed accounts'));
  }
  if (result.found === undefined && result.accounts.length > 0) result.found = true;
  return recognised(result, problems);
}

/**
 * A DN header can arrive wrapped when a terminal broke a long line: `...,DC=intranet,` then
 * `DC=corporate,DC=com:` at column 0. Joins such pieces; `advance` moves the caller's index.
 */
function joinWrappedDn(first: string, lines: { text: string }[], index: number, advance: (i: number) => void): string {
  let dn = first;
  let i = index;
  while (dn.endsWith(',')) {
    const next = lines[i + 1]?.text ?? '';
    if (!/^(?:CN|OU|DC|O|L)=/i.test(next)) break;
    dn += next.trim().replace(/:$/, '');
    i++;
  }
  advance(i);
  return dn;
}
