import { strict as assert } from 'node:assert';
import { discoverWithFailover, FailoverError } from '../../../../src/core/directory/failover';
import { DoctorError, TimeoutError } from '../../../../src/core/errors';
import type { Clock, DirectoryConnector, DirectoryTarget } from '../../../../src/core/io';
import { FakeDirectorySession } from './fake-directory';
import { contosoEntries } from './contoso-fixture';

const clock: Clock = { now: () => 0, monotonic: () => 0 };
const target = (host: string): DirectoryTarget => ({ host, port: 636, security: 'ldaps' });
const creds = { user: 'svc@contoso.test', password: 'Secret-123' };

function connector(
  behaviour: Record<string, Error | 'ok'>,
  calls: string[],
  sessions: FakeDirectorySession[] = [],
): DirectoryConnector {
  return {
    connect: (t) => {
      calls.push(t.host);
      const b = behaviour[t.host];
      if (b === 'ok') {
        const s = new FakeDirectorySession(contosoEntries());
        sessions.push(s);
        return Promise.resolve(s);
      }
      return Promise.reject(b ?? new Error('unexpected host'));
    },
  };
}

describe('discoverWithFailover', () => {
  it('skips a DC that does not answer and records it as a warning', async () => {
    const calls: string[] = [];
    const sessions: FakeDirectorySession[] = [];
    const c = connector(
      { 'dc1.contoso.test': new TimeoutError('dc1.contoso.test:636', 1500), 'dc2.contoso.test': 'ok' },
      calls,
      sessions,
    );
    const r = await discoverWithFailover(c, [target('dc1.contoso.test'), target('dc2.contoso.test')], creds, {
      clock,
      timeoutMs: 1000,
    });
    assert.deepEqual(calls, ['dc1.contoso.test', 'dc2.contoso.test']);
    assert.equal(r.servers.length, 2);
    assert.match(
      r.warnings[0] ?? '',
      /^dc1.contoso.test was skipped: dc1.contoso.test:636 did not answer within 1.5 s/,
    );
    assert.equal(sessions[0]?.closed, true, 'the session is closed after discovery');
  });

  it('stops at wrong credentials instead of trying every DC (account lockout)', async () => {
    const calls: string[] = [];
    const c = connector(
      { a: new DoctorError('bind-invalid-credentials', 'a refused the sign-in (LDAP 49)'), b: 'ok' },
      calls,
    );
    await assert.rejects(
      discoverWithFailover(c, [target('a'), target('b')], creds, { clock, timeoutMs: 1000 }),
      (e: unknown) => {
        assert.ok(e instanceof FailoverError);
        assert.equal(e.kind, 'bind-invalid-credentials');
        assert.equal(e.attempts.length, 1);
        assert.ok(!e.message.includes(creds.password));
        return true;
      },
    );
    assert.deepEqual(calls, ['a']);
  });

  it('reports every attempt when all DCs fail, with the first kind', async () => {
    const c = connector(
      {
        a: new DoctorError('tls-untrusted', 'cert of a not trusted'),
        b: new DoctorError('refused', 'b refused the connection'),
      },
      [],
    );
    await assert.rejects(
      discoverWithFailover(c, [target('a'), target('b')], creds, { clock, timeoutMs: 1000 }),
      (e: unknown) => {
        assert.ok(e instanceof FailoverError);
        assert.equal(e.kind, 'tls-untrusted');
        assert.equal(e.message, 'cert of a not trusted; b refused the connection');
        return true;
      },
    );
  });

  it('fails with a usage error when no DC is configured', async () => {
    await assert.rejects(
      discoverWithFailover(connector({}, []), [], creds, { clock, timeoutMs: 1000 }),
      (e: unknown) => e instanceof DoctorError && e.kind === 'usage',
    );
  });
});
