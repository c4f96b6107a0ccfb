/**
 * What `ldapsearch -Y GSSAPI` and `klist` print when a Kerberos sign-in fails, turned into
 * DoctorErrors that say what to do. The texts matched are those of OpenLDAP's client, Cyrus SASL
 * and MIT Kerberos (krb5 `krb5_err.et`, `gssapi_err_generic.et`); samples captured from the lab are
 * in test/fixtures/ldapsearch/. Server and library text is passed through `sanitizeForTerminal`
 * before it reaches a message, so it cannot carry control sequences to a terminal.
 */
import { DoctorError, TimeoutError } from '../core/errors';
import { sanitizeForTerminal } from '../core/safety/terminal-text';

export interface GssapiErrorContext {
  /** `dc1.contoso.test:389` */
  endpoint: string;
  host: string;
  /** `CONTOSO.TEST`: for "run kinit user@CONTOSO.TEST". */
  realm: string;
  /** The principal of the cache, when klist named one. */
  principal?: string;
  timeoutMs: number;
  platform: NodeJS.Platform;
}

/** The package that brings the SASL GSSAPI plug-in, per platform family. */
export function saslModuleHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin')
    return 'macOS ships it with its OpenLDAP client; check that /usr/bin/ldapsearch is the one on PATH';
  return 'install it: sudo apt-get install libsasl2-modules-gssapi-mit (Debian/Ubuntu), sudo dnf install cyrus-sasl-gssapi (Fedora/RHEL)';
}

export function ldapsearchMissing(platform: NodeJS.Platform): DoctorError {
  return new DoctorError(
    'kerberos-unavailable',
    platform === 'darwin'
      ? 'ldapsearch was not found on PATH (macOS ships it in /usr/bin)'
      : 'ldapsearch was not found on PATH: sudo apt-get install ldap-utils libsasl2-modules-gssapi-mit (Debian/Ubuntu), sudo dnf install openldap-clients cyrus-sasl-gssapi (Fedora/RHEL)',
  );
}

export function noTicket(ctx: Pick<GssapiErrorContext, 'realm' | 'principal'>): DoctorError {
  const who = ctx.principal ?? `your-user@${ctx.realm}`;
  return new DoctorError('kerberos-no-ticket', `No Kerberos ticket on this machine: run kinit ${who}`);
}

export function expiredTicket(ctx: Pick<GssapiErrorContext, 'realm' | 'principal'>): DoctorError {
  const who = ctx.principal ?? `your-user@${ctx.realm}`;
  return new DoctorError('kerberos-expired', `The Kerberos ticket of ${who} has expired: run kinit ${who}`);
}

/** The one line of ldapsearch's stderr that explains the failure (GSSAPI minor text preferred). */
export function failureDetail(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^SASL\/\w+ authentication started$|^SASL (username|SSF):|^SASL data security layer/.test(l));
  const minor = /Minor code may provide more information \((.+)\)\s*$/.exec(stderr)?.[1];
  return sanitizeForTerminal((minor ?? lines.join(' ')).slice(0, 400));
}

/** Maps a failed ldapsearch (non-zero exit) to a DoctorError. */
export function mapLdapsearchFailure(
  exitCode: number | undefined,
  stderr: string,
  ctx: GssapiErrorContext,
): DoctorError {
  const detail = failureDetail(stderr);
  const at = ctx.endpoint;
  if (/No worthy mechs found|no mechanism available|Unknown authentication method \(-6\)/i.test(stderr))
    return new DoctorError(
      'kerberos-unavailable',
      `The SASL GSSAPI module is missing, so ldapsearch cannot use Kerberos: ${saslModuleHint(ctx.platform)}`,
    );
  if (/No Kerberos credentials available|No credentials cache found|credentials cache .*not found/i.test(stderr))
    return noTicket(ctx);
  if (/Ticket expired|ticket has expired/i.test(stderr)) return expiredTicket(ctx);
  if (/Clock skew too great/i.test(stderr))
    return new DoctorError(
      'clock-skew',
      `${at} refused the Kerberos ticket: this machine's clock and the domain's differ by more than the tolerance (5 minutes by default). Correct the time here (or on the DC), then run kinit again`,
    );
  if (/Server not found in Kerberos database/i.test(stderr))
    return new DoctorError(
      'bind-other',
      `The KDC knows no ldap/${ctx.host} service: give the DC's full DNS name (not an address or alias), or register the SPN ldap/${ctx.host} on the DC's account`,
    );
  if (/Strong\(er\) authentication required|\(8\)$/m.test(stderr))
    return new DoctorError('bind-strong-auth-required', `${at} requires a stronger sign-in: ${detail}`);
  if (/Can't contact LDAP server \(-1\)/.test(stderr))
    return new DoctorError(
      'unreachable',
      `${at} could not be reached (nothing answered, or the connection was refused)`,
    );
  if (/Timed out \(-5\)|Time ?limit exceeded \(3\)/i.test(stderr)) return new TimeoutError(ctx.host, ctx.timeoutMs);
  if (exitCode === 32 || /No such object \(32\)/.test(stderr))
    return new DoctorError('not-found', `${at}: object not found (LDAP 32) ${detail}`.trim());
  if (/Invalid credentials \(49\)/.test(stderr))
    return new DoctorError('bind-invalid-credentials', `${at} refused the Kerberos sign-in (LDAP 49): ${detail}`);
  if (/Insufficient access \(50\)/.test(stderr))
    return new DoctorError('bind-other', `${at}: insufficient access rights (LDAP 50)`);
  if (/Server is (busy|unavailable) \(5[12]\)/.test(stderr))
    return new DoctorError('unavailable', `${at} is busy or unavailable: ${detail}`);
  return new DoctorError(
    'protocol',
    `ldapsearch against ${at} failed (exit ${exitCode === undefined ? 'none' : String(exitCode)}): ${detail || 'no message'}`,
  );
}

/** `SASL username: alice@CONTOSO.TEST` and `SASL SSF: 256` from ldapsearch's stderr. */
export function saslInfo(stderr: string): { identity?: string; ssf?: number } {
  const identity = /^SASL username: (\S+)\s*$/m.exec(stderr)?.[1];
  const ssf = /^SASL SSF: (\d+)\s*$/m.exec(stderr)?.[1];
  return { ...(identity ? { identity: sanitizeForTerminal(identity) } : {}), ...(ssf ? { ssf: Number(ssf) } : {}) };
}

/** `Default principal: alice@CONTOSO.TEST` (MIT) or `Principal: alice@CONTOSO.TEST` (Heimdal, macOS). */
export function klistPrincipal(stdout: string): string | undefined {
  const p = /^\s*(?:Default principal|Principal): (\S+)\s*$/m.exec(stdout)?.[1];
  return p ? sanitizeForTerminal(p) : undefined;
}
