import { strict as assert } from 'node:assert';
import { UsageError, parseCli, type CliCommand, type DiagnoseOptions } from '../../../src/cli/args';
import { resolveAuthentication } from '../../../src/io/directory-auth';

const ENV = { EAD_DC_HOST: 'dc1.contoso.test' };

function diagnose(c: CliCommand): DiagnoseOptions {
  if (c.command !== 'diagnose') throw new Error(`expected diagnose, got ${c.command}`);
  return c.options;
}

describe('CLI --auth and EAD_AUTH', () => {
  it('defaults to password, which needs a bind user', () => {
    assert.equal(diagnose(parseCli(['diagnose', '--user', 'a@contoso.test'], ENV)).auth, 'password');
    assert.throws(() => parseCli(['diagnose'], ENV), /No bind user given: .*--auth kerberos/);
  });

  it('--auth kerberos needs no user and allows plain LDAP on 389, which a password never gets', () => {
    const o = diagnose(parseCli(['diagnose', '--auth', 'kerberos', '--security', 'ldap'], ENV));
    assert.equal(o.auth, 'kerberos');
    assert.equal(o.user, '');
    assert.equal(o.security, 'ldap');
    assert.equal(o.port, 389);
    assert.throws(
      () => parseCli(['diagnose', '--user', 'a@contoso.test', '--security', 'ldap'], ENV),
      (e: unknown) => e instanceof UsageError && /needs --auth kerberos/.test(e.message),
    );
  });

  it('a --security on the command line takes its default port rather than EAD_DC_PORT', () => {
    const env = { ...ENV, EAD_DC_PORT: '636', EAD_DC_SECURITY: 'ldaps', EAD_AUTH: 'kerberos' };
    assert.equal(diagnose(parseCli(['diagnose', '--security', 'ldap'], env)).port, 389);
    assert.equal(diagnose(parseCli(['diagnose'], env)).port, 636);
  });

  it('reads EAD_AUTH, lets the option win, and refuses unknown modes', () => {
    assert.equal(diagnose(parseCli(['diagnose'], { ...ENV, EAD_AUTH: 'kerberos' })).auth, 'kerberos');
    assert.equal(
      diagnose(parseCli(['diagnose', '--auth', 'auto', '--user', 'a@contoso.test'], { ...ENV, EAD_AUTH: 'kerberos' }))
        .auth,
      'auto',
    );
    assert.throws(() => parseCli(['diagnose', '--auth', 'ntlm'], ENV), /password, kerberos or auto, not "ntlm"/);
  });

  it('auto becomes kerberos only when an identity is available, and never asks when the mode is fixed', async () => {
    assert.equal(await resolveAuthentication('auto', () => Promise.resolve(true)), 'kerberos');
    assert.equal(await resolveAuthentication('auto', () => Promise.resolve(false)), 'password');
    const never = (): Promise<boolean> => Promise.reject(new Error('must not be asked'));
    assert.equal(await resolveAuthentication('password', never), 'password');
    assert.equal(await resolveAuthentication('kerberos', never), 'kerberos');
  });
});
