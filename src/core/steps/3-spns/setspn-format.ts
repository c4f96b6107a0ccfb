/**
 * Prints directory data in SetSPN's own layout, so an admin on macOS or Linux sees what
 * `setspn -L/-X/-Q` would show on Windows. The parsers in setspn.ts read these back unchanged
 * (a property test holds them to it). Values come from LDAP and are printed to terminals, so
 * control characters are made visible instead of being passed through.
 */
import { sanitizeForTerminal } from '../../safety/terminal-text';
import type { SetspnAccount } from './setspn-common';
import type { SetspnDuplicateGroup } from './setspn';

export interface SetspnFormatOptions {
  /** Line ending; setspn itself writes CRLF on Windows. Default `\n`. */
  eol?: '\n' | '\r\n';
  /** `forest` prints `Checking forest` as setspn -F does. Default `domain`. */
  scope?: 'domain' | 'forest';
}

const INDENT = '\t';

/** Like `setspn -L <account>`. */
export function formatSetspnList(
  accountDn: string,
  spns: readonly string[],
  options: SetspnFormatOptions = {},
): string {
  const lines = [`Registered ServicePrincipalNames for ${clean(accountDn)}:`, ...spns.map((s) => INDENT + clean(s))];
  return lines.join(options.eol ?? '\n') + (options.eol ?? '\n');
}

/** Like `setspn -X` (with `scope: 'forest'`, like `setspn -F -X`). */
export function formatSetspnDuplicates(
  domainDn: string,
  groups: readonly SetspnDuplicateGroup[],
  options: SetspnFormatOptions = {},
): string {
  const lines = [`Checking ${options.scope ?? 'domain'} ${clean(domainDn)}`, 'Processing entry 0'];
  for (const g of groups) {
    lines.push(`${clean(g.spn)} is registered on these accounts:`, ...g.accountDns.map((dn) => INDENT + clean(dn)), '');
  }
  if (groups.length === 0) lines.push('');
  lines.push(`found ${groups.length} group of duplicate SPNs.`);
  return lines.join(options.eol ?? '\n') + (options.eol ?? '\n');
}

/** Like `setspn -Q <spn>`: each account holding a match, with all of its SPNs. */
export function formatSetspnQuery(
  domainDn: string,
  accounts: readonly SetspnAccount[],
  options: SetspnFormatOptions = {},
): string {
  const lines = [`Checking ${options.scope ?? 'domain'} ${clean(domainDn)}`];
  for (const a of accounts) lines.push(clean(a.dn), ...a.spns.map((s) => INDENT + clean(s)));
  lines.push('', accounts.length > 0 ? 'Existing SPN found!' : 'No such SPN found.');
  return lines.join(options.eol ?? '\n') + (options.eol ?? '\n');
}

/** One line of output: no line breaks, no control characters, no surrounding blanks. */
function clean(value: string): string {
  return sanitizeForTerminal(value).trim();
}
