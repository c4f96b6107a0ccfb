/**
 * Pieces shared by the setspn parsers: the account/SPN block layout (a DN at column 0, its SPNs
 * indented under it) and the error lines setspn prints instead of a result.
 */
import { type Line, type ParseProblem, parseCode, problem } from '../../parsers/result';

export interface SetspnAccount {
  dn: string;
  spns: string[];
}

export type SetspnErrorKind = 'account-not-found' | 'access-denied' | 'ldap' | 'usage' | 'other';

export interface SetspnToolError {
  kind: SetspnErrorKind;
  /** Win32 or LDAP code when setspn printed one (0x525 no such user, 0x2098 access denied...). */
  code?: number;
  /** The account named in `Could not find account X`. */
  account?: string;
  message: string;
}

export interface SetspnScope {
  /** `domain` for `Checking domain`, `forest` for `Checking forest` (setspn -F). */
  scope: 'domain' | 'forest';
  /** The naming contexts setspn said it checked, in order. */
  checked: string[];
}

const CHECKING = /^Checking (domain|forest) (.+)$/i;
const DN_START = /^(?:CN|OU|DC|O|L|UID)=/i;

export function isIndented(line: Line): boolean {
  return /^[ \t]/.test(line.text) && line.text.trim() !== '';
}

export function looksLikeDn(text: string): boolean {
  return DN_START.test(text.trim()) && text.includes('=');
}

/** Reads a `Checking domain X` line into the scope; true when the line was one. */
export function readChecking(line: Line, scope: SetspnScope): boolean {
  const m = CHECKING.exec(line.text.trim());
  if (!m) return false;
  if ((m[1] ?? '').toLowerCase() === 'forest') scope.scope = 'forest';
  scope.checked.push((m[2] ?? '').trim());
  return true;
}

/** Lines setspn prints while it works that carry no result. */
export function isChatter(text: string): boolean {
  const t = text.trim();
  return (
    t === '' ||
    /^Processing entry \d+$/i.test(t) ||
    /^Operation will be performed forestwide/i.test(t) ||
    /^Warning: No valid targets specified, reverting to current (domain|forest)\.?$/i.test(t)
  );
}

/**
 * Recognises setspn's error lines. Several lines can describe one failure
 * (`FindDomainForAccount: ... 0x525` then `Could not find account EX03`): the more specific wins.
 */
export function readSetspnError(lines: Line[], problems: ParseProblem[]): SetspnToolError | undefined {
  let error: SetspnToolError | undefined;
  let lookupCode: number | undefined;
  for (const line of lines) {
    const t = line.text.trim();
    let m: RegExpExecArray | null;
    if (
      (m = /^FindDomainForAccount: Call to DsGetDcNameWithAccountW failed with return value (0x[0-9a-f]+)/i.exec(t))
    ) {
      lookupCode = parseCode(m[1] ?? '');
    } else if ((m = /^Could not find account (.*)$/i.exec(t))) {
      error = { kind: 'account-not-found', account: (m[1] ?? '').trim(), message: t };
    } else if (
      (m =
        /^Failed to (?:assign|remove) SPN (?:on|from) account '(.*)', error (0x[0-9a-f]+)(?:\/(\d+))?\s*->\s*(.*)$/i.exec(
          t,
        ))
    ) {
      const code = parseCode(m[2] ?? '');
      error = { kind: code === 0x2098 || code === 5 ? 'access-denied' : 'other', message: (m[4] ?? t).trim() };
      if (code !== undefined) error.code = code;
      error.account = m[1] ?? '';
    } else if ((m = /^Ldap Error\((0x[0-9a-f]+) -- ([^)]*)\):?\s*(.*)$/i.exec(t))) {
      error ??= { kind: 'ldap', message: `${m[2] ?? ''}${m[3] ? `: ${m[3]}` : ''}`.trim() };
      const code = parseCode(m[1] ?? '');
      if (code !== undefined && error.kind === 'ldap') error.code = code;
    } else if ((m = /^Failed to retrieve DN for domain "(.*)"\s*:\s*(0x[0-9a-f]+)/i.exec(t))) {
      error ??= { kind: 'ldap', message: t };
      const code = parseCode(m[2] ?? '');
      if (code !== undefined && error.code === undefined) error.code = code;
    } else if (/^Usage: setspn/i.test(t) || /^Invalid command/i.test(t) || /^Unknown parameter/i.test(t)) {
      error ??= { kind: 'usage', message: t };
    }
  }
  if (error?.kind === 'account-not-found' && lookupCode !== undefined) error.code = lookupCode;
  if (!error && lookupCode !== undefined) {
    error = { kind: 'account-not-found', code: lookupCode, message: 'setspn could not locate the account' };
    problems.push(problem(undefined, 'setspn reported a failed account lookup without naming the account'));
  }
  return error;
}

/** True for lines that readSetspnError understands (so callers do not list them as problems). */
export function isSetspnErrorLine(text: string): boolean {
  return /^(FindDomainForAccount:|Could not find account|Failed to (assign|remove) SPN|Ldap Error\(|Failed to retrieve DN for domain|Usage: setspn|Invalid command|Unknown parameter)/i.test(
    text.trim(),
  );
}

/**
 * The loop setspn -S, -X and -Q output shares: lines indented under a header go to that header's
 * list; blank chatter is skipped; `Checking domain ...` lines go to `scope`; every other line goes
 * to `header`, which returns the list for the lines indented under it (or undefined for none).
 */
export function readBlocks(
  lines: readonly Line[],
  scope: SetspnScope,
  header: (line: Line, text: string) => string[] | undefined,
): void {
  let current: string[] | undefined;
  for (const line of lines) {
    const t = line.text.trim();
    if (current && isIndented(line)) {
      current.push(t);
      continue;
    }
    if (isChatter(t)) continue;
    current = undefined;
    if (readChecking(line, scope)) continue;
    current = header(line, t);
  }
}
