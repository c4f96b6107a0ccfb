/**
 * Turns what ldapts and Node's TLS/socket layers throw into DoctorErrors with a kind, so the tree,
 * the CLI and the checks can say what went wrong and what to do next without string matching.
 * The password is never part of any message: only the user name and the server reach the text,
 * and `redactSecrets` (the reports' own) removes the password from anything the server or a
 * library echoed back.
 */
import { ldapts } from './ldapts-module';
import { DoctorError, TimeoutError, isDoctorError, type FailureKind } from '../core/errors';
import { redactSecrets } from '../core/report/meta';

/** Node error codes meaning "the certificate chain is not trusted". */
const UNTRUSTED_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
]);

/** AD's bind diagnostic (`... data 52e, v4563`) says why a bind with valid syntax was refused. */
const AD_BIND_REASONS: Record<string, string> = {
  '525': 'the user was not found',
  '52e': 'the user name or password is wrong',
  '530': 'the account may not sign in at this time',
  '531': 'the account may not sign in from this computer',
  '532': 'the password has expired',
  '533': 'the account is disabled',
  '701': 'the account has expired',
  '773': 'the password must be changed before the first sign-in',
  '775': 'the account is locked out',
};

export interface LdapErrorContext {
  /** `dc1.contoso.test`: what timeouts name ("dc1.contoso.test did not answer within 10 s"). */
  host: string;
  /** `dc1.contoso.test:636` */
  endpoint: string;
  user?: string;
  password?: string;
  timeoutMs: number;
}

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function adBindReason(diagnostic: string): string | undefined {
  const m = /\bdata ([0-9a-f]{3}),/i.exec(diagnostic);
  return m?.[1] ? AD_BIND_REASONS[m[1].toLowerCase()] : undefined;
}

export function mapLdapError(e: unknown, ctx: LdapErrorContext): DoctorError {
  if (isDoctorError(e)) return e;
  const raw = redactSecrets(e instanceof Error ? e.message : String(e), ctx.password ? [ctx.password] : []);
  const make = (kind: FailureKind, message: string): DoctorError => new DoctorError(kind, message, { cause: e });
  const who = ctx.user ? ` for ${ctx.user}` : '';

  if (e instanceof ldapts().ResultCodeError) {
    switch (e.code) {
      case 49: {
        const reason = adBindReason(raw);
        return make(
          'bind-invalid-credentials',
          `${ctx.endpoint} refused the sign-in${who}: ${reason ?? 'invalid credentials'} (LDAP 49)`,
        );
      }
      case 8:
      case 13:
        return make(
          'bind-strong-auth-required',
          `${ctx.endpoint} requires a protected connection for sign-in (LDAP ${e.code}); use LDAPS or StartTLS`,
        );
      case 32:
        return make('not-found', `${ctx.endpoint}: object not found (LDAP 32) ${raw}`.trim());
      case 50:
        return make('bind-other', `${ctx.endpoint}: insufficient access rights${who} (LDAP 50)`);
      case 51:
      case 52:
        return make('unavailable', `${ctx.endpoint} is busy or unavailable (LDAP ${e.code})`);
      case 3:
        return new TimeoutError(ctx.host, ctx.timeoutMs);
      default:
        return make('protocol', `${ctx.endpoint} answered with LDAP error ${e.code}: ${raw}`);
    }
  }

  const code = codeOf(e);
  if (code && UNTRUSTED_CODES.has(code)) {
    return make('tls-untrusted', `The certificate of ${ctx.endpoint} is not trusted (${code}); set a CA file to trust`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return make('tls-hostname', `The certificate of ${ctx.endpoint} does not name this host (${code})`);
  }
  switch (code) {
    case 'ECONNREFUSED':
      return make('refused', `${ctx.endpoint} refused the connection`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return make('dns', `${ctx.endpoint}: the host name could not be resolved (${code})`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return make('unreachable', `${ctx.endpoint} is unreachable (${code})`);
    case 'ETIMEDOUT':
      return new TimeoutError(ctx.host, ctx.timeoutMs);
    case 'ECONNRESET':
    case 'EPIPE':
      return make('tls-other', `${ctx.endpoint} closed the connection (${code}); is the port and security mode right?`);
  }
  if (code?.startsWith('ERR_SSL') || code?.startsWith('ERR_TLS')) {
    return make('tls-other', `TLS with ${ctx.endpoint} failed (${code}): ${raw}`);
  }
  if (/connection timeout|timed out/i.test(raw)) return new TimeoutError(ctx.host, ctx.timeoutMs);
  if (/connection closed|socket/i.test(raw))
    return make('unavailable', `${ctx.endpoint} closed the connection: ${raw}`);
  return make('protocol', `${ctx.endpoint}: ${raw}`);
}
