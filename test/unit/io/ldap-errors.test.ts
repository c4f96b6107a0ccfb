import { strict as assert } from 'node:assert';
import { InvalidCredentialsError, NoSuchObjectError, StrongAuthRequiredError } from 'ldapts';
import { mapLdapError } from '../../../src/io/ldap-errors';
import { TimeoutError } from '../../../src/core/errors';

const ctx = {
  host: 'dc1.contoso.test',
  endpoint: 'dc1.contoso.test:636',
  user: 'svc@contoso.test',
  password: 'Pa55-word!',
  timeoutMs: 10000,
};
const sysErr = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('mapLdapError', () => {
  it('maps LDAP 49 to bind-invalid-credentials with the AD reason, never the password', () => {
    const e = mapLdapError(
      new InvalidCredentialsError(
        '80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563 Pa55-word!',
      ),
      ctx,
    );
    assert.equal(e.kind, 'bind-invalid-credentials');
    assert.match(e.message, /account is locked out/);
    assert.ok(!e.message.includes(ctx.password));
  });
  it('maps strong auth required', () => {
    assert.equal(
      mapLdapError(new StrongAuthRequiredError('Transport encryption required'), ctx).kind,
      'bind-strong-auth-required',
    );
  });
  it('maps missing objects to not-found', () => {
    assert.equal(mapLdapError(new NoSuchObjectError('x'), ctx).kind, 'not-found');
  });
  it('maps TLS trust and hostname failures', () => {
    for (const code of [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'CERT_HAS_EXPIRED',
    ]) {
      assert.equal(mapLdapError(sysErr(code), ctx).kind, 'tls-untrusted', code);
    }
    assert.equal(mapLdapError(sysErr('ERR_TLS_CERT_ALTNAME_INVALID'), ctx).kind, 'tls-hostname');
  });
  it('maps socket failures', () => {
    assert.equal(mapLdapError(sysErr('ECONNREFUSED'), ctx).kind, 'refused');
    assert.equal(mapLdapError(sysErr('ENOTFOUND'), ctx).kind, 'dns');
    const t = mapLdapError(new Error('Connection timeout'), ctx);
    assert.ok(t instanceof TimeoutError);
    assert.equal(t.message, 'dc1.contoso.test did not answer within 10 s');
  });
});
