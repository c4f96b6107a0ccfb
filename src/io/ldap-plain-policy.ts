/**
 * The password adapter on plain LDAP (389 without TLS). A simple bind there would send the
 * password in clear text, so it is never sent. Instead the DC is asked what it would do with an
 * *unauthenticated* simple bind (the user name and an empty password, RFC 4513 §5.1.2: no secret
 * on the wire). A DC that requires LDAP signing (Windows `LDAPServerIntegrity` = 2, Samba
 * `ldap server require strong auth = yes`) answers strongerAuthRequired (LDAP 8) to any simple bind
 * without TLS; the user then learns that, and that LDAPS or Kerberos is the way in. Either way the
 * result is an error: this adapter has no plain-text sign-in.
 */
import { ldapts } from './ldapts-module';
import type { DirectorySession, DirectoryTarget, OpOptions } from '../core/io';
import { DoctorError, withDeadline } from '../core/errors';
import { mapLdapError } from './ldap-errors';

/** LDAP result codes meaning "this DC wants integrity protection (signing) or TLS for this bind". */
const SIGNING_REQUIRED = new Set([8, 13]);

export function plainBindRefusal(endpoint: string, signingRequired: boolean): DoctorError {
  return signingRequired
    ? new DoctorError(
        'bind-strong-auth-required',
        `${endpoint} requires LDAP signing, so a password bind on plain LDAP is refused: use LDAPS or Kerberos`,
      )
    : new DoctorError(
        'usage',
        `${endpoint} is plain LDAP: a password is never sent over it unencrypted. Use LDAPS, StartTLS or Kerberos`,
      );
}

export async function refusePlainBind(
  url: string,
  target: DirectoryTarget,
  user: string,
  options: OpOptions,
): Promise<DirectorySession> {
  const endpoint = `${target.host}:${target.port}`;
  const { Client, ResultCodeError } = ldapts();
  const client = new Client({ url, connectTimeout: options.timeoutMs, strictDN: false });
  let signingRequired = false;
  try {
    await withDeadline(target.host, options.timeoutMs, options.signal, () => client.bind(user, ''));
  } catch (e) {
    if (e instanceof ResultCodeError && SIGNING_REQUIRED.has(e.code)) signingRequired = true;
    else if (!(e instanceof ResultCodeError))
      throw mapLdapError(e, { host: target.host, endpoint, user, timeoutMs: options.timeoutMs });
  } finally {
    await client.unbind().catch(() => undefined);
  }
  throw plainBindRefusal(endpoint, signingRequired);
}
