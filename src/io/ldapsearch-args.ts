/**
 * The argument vector of OpenLDAP's `ldapsearch` for a SASL GSSAPI search (Linux: Debian/Ubuntu
 * `ldap-utils` + `libsasl2-modules-gssapi-mit`; macOS ships it). Pure, so what reaches the process
 * is tested without one. It runs without a shell: each value is one argv element, and values that
 * ldapsearch could read as an option (a leading `-`) or that are not what LDAP allows are refused.
 *
 * Options used (ldapsearch(1), ldap.conf(5)):
 *   -LLL -o ldif-wrap=no   LDIF without comments or version line, long values on one line
 *   -N                     no reverse-DNS canonicalisation of the host for the SPN (ldap/<host>)
 *   -Y GSSAPI              SASL GSSAPI with the ticket in the credential cache (KRB5CCNAME)
 *   -O minssf=56           on plain LDAP: refuse a session without the SASL security layer (sealing)
 *   -O maxssf=0            over LDAPS: no SASL layer inside TLS (AD refuses sign/seal over TLS)
 *   -o nettimeout=S -l S   connect and server-side time limits, beside the process timeout
 *   -E pr=N/noprompt       paged results, every page fetched without asking
 */
import { DoctorError } from '../core/errors';
import type { DirectorySearch, DirectoryTarget } from '../core/io';

/** The minimum SASL strength that means "sealed" (DES was 56; Kerberos AES gives 256). */
export const SEALED_SSF = 56;
export const DEFAULT_PAGE = 1000;

const ATTRIBUTE_RE = /^(?:[A-Za-z][A-Za-z0-9-]*(?:;[A-Za-z0-9=-]+)*|\d+(?:\.\d+)+|\*|\+)$/;

export function ldapsearchUrl(target: DirectoryTarget): string {
  const scheme = target.security === 'ldaps' ? 'ldaps' : 'ldap';
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `${scheme}://${host}:${target.port}`;
}

// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

export function validateSearch(request: DirectorySearch): void {
  const bad = (what: string): never => {
    throw new DoctorError('usage', `ldapsearch cannot be given ${what}`);
  };
  if (CONTROL_RE.test(request.base)) bad('a base DN with control characters');
  if (!request.filter.startsWith('(') || !request.filter.endsWith(')') || CONTROL_RE.test(request.filter))
    bad(`the filter "${request.filter.slice(0, 80)}" (a filter must be one parenthesised expression)`);
  for (const a of request.attributes) if (!ATTRIBUTE_RE.test(a)) bad(`the attribute name "${a.slice(0, 80)}"`);
}

export function ldapsearchArgs(target: DirectoryTarget, request: DirectorySearch, timeoutMs: number): string[] {
  validateSearch(request);
  if (target.security === 'starttls')
    throw new DoctorError('usage', 'Kerberos binds use plain LDAP (sealed by SASL) or LDAPS, not StartTLS');
  const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  const args = ['-LLL', '-o', 'ldif-wrap=no', '-N', '-Y', 'GSSAPI', '-H', ldapsearchUrl(target)];
  args.push('-O', target.security === 'ldap' ? `minssf=${SEALED_SSF}` : 'maxssf=0');
  args.push('-o', `nettimeout=${seconds}`, '-l', seconds);
  args.push('-b', request.base, '-s', request.scope);
  if (request.sizeLimit) args.push('-z', String(request.sizeLimit));
  // Paging a base-scope read (the RootDSE) is pointless; everything else pages.
  if (request.scope !== 'base') args.push('-E', `pr=${request.pageSize || DEFAULT_PAGE}/noprompt`);
  args.push('--', request.filter, ...(request.attributes.length ? request.attributes : ['*']));
  return args;
}
