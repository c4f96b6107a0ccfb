/**
 * Discovery against the lab's real Samba AD DC over LDAPS/StartTLS, plus a silent TCP server for
 * the "does not answer" case. Needs `npm run lab -- start` first.
 */
import { strict as assert } from 'node:assert';
import { LdaptsDirectoryConnector } from '../../src/io/ldap-directory';
import { discover } from '../../src/core/directory/discovery';
import { discoverWithFailover } from '../../src/core/directory/failover';
import { DoctorError, TimeoutError } from '../../src/core/errors';
import type { Clock, DirectoryTarget } from '../../src/core/io';
import { hasExchangeServerAuth } from '../../src/core/directory/model';
import { labSettings, type LabSettings } from './lab-settings';
import { startSilentServer, type SilentServer } from './silent-server';
import { startTcpRelay } from './tcp-relay';

const clock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };
const connector = new LdaptsDirectoryConnector();

describe('directory discovery against the lab DC', function () {
  this.timeout(30000);
  let lab: LabSettings;
  let target: DirectoryTarget;
  let silent: SilentServer;

  before(async () => {
    lab = labSettings();
    target = { host: lab.host, port: lab.port, security: lab.security, caPem: lab.caPem };
    silent = await startSilentServer();
  });
  after(async () => {
    await silent?.close();
  });

  it('finds the Exchange organisation, EX01 and EX02 with connectors and SPNs, and DC1', async () => {
    const session = await connector.connect(target, { user: lab.user, password: lab.password }, { timeoutMs: 10000 });
    try {
      const r = await discover(session, { clock, timeoutMs: 10000, pageSize: 2 });
      assert.equal(r.rootDse.defaultNamingContext.toLowerCase(), 'dc=contoso,dc=test');
      assert.ok(r.rootDse.currentTime, 'RootDSE currentTime is read');
      assert.ok(Math.abs(Date.parse(r.rootDse.currentTime) - Date.now()) < 5 * 60_000, 'DC clock is close to ours');
      assert.ok(r.organisation, `an organisation; warnings: ${r.warnings.join(' | ')}`);
      const names = r.servers.map((s) => s.name.toUpperCase());
      for (const expected of lab.servers)
        assert.ok(names.includes(expected.toUpperCase()), `${expected} in ${names.join(',')}`);
      for (const s of r.servers) {
        assert.equal(s.site, 'Default-First-Site-Name', `${s.name} site`);
        assert.match(s.fqdn ?? '', new RegExp(`^${s.name.toLowerCase()}\\.contoso\\.test$`));
        assert.ok(s.version, `${s.name} has a version from serialNumber`);
        assert.ok(s.receiveConnectors.length > 0, `${s.name} has receive connectors`);
        assert.ok(
          s.receiveConnectors.some((c) => hasExchangeServerAuth(c.authFlags)),
          `${s.name} has a connector with ExchangeServer auth: ${s.receiveConnectors.map((c) => `${c.name}=${c.authFlags}`).join(', ')}`,
        );
        const spns = (s.computer?.servicePrincipalNames ?? []).map((x) => x.toLowerCase());
        assert.ok(spns.includes(`smtpsvc/${s.fqdn}`), `${s.name} SPNs: ${spns.join(', ')}`);
        assert.ok(spns.includes(`smtp/${s.fqdn}`), `${s.name} SPNs: ${spns.join(', ')}`);
        assert.ok(s.computer?.uSNChanged, 'uSNChanged is read');
      }
      const dc1 = r.domainControllers.find((d) => d.name === 'DC1');
      assert.ok(dc1, `DC1 in ${r.domainControllers.map((d) => d.name).join(',')}`);
      assert.equal(dc1.fqdn, 'dc1.contoso.test');
      assert.equal(dc1.site, 'Default-First-Site-Name');
      assert.ok(
        dc1.masterNamingContexts?.some((nc) => nc.toLowerCase() === 'dc=contoso,dc=test'),
        `DC1 holds the domain NC (hasMasterNCs): ${String(dc1.masterNamingContexts)}`,
      );
    } finally {
      await session.close();
    }
  });

  it('binds over StartTLS on port 389 as well', async () => {
    const session = await connector.connect(
      { ...target, port: 389, security: 'starttls' },
      { user: lab.user, password: lab.password },
      { timeoutMs: 10000 },
    );
    try {
      const r = await discover(session, { clock, timeoutMs: 10000 });
      assert.equal(r.source, `ldap://${lab.host}:389`);
      assert.ok(r.domainControllers.some((d) => d.name === 'DC1'));
    } finally {
      await session.close();
    }
  });

  it('reports a wrong password as bind-invalid-credentials, without the password', async () => {
    const wrong = `${lab.password}-wrong`;
    await assert.rejects(
      connector.connect(target, { user: lab.user, password: wrong }, { timeoutMs: 10000 }),
      (e: unknown) => {
        assert.ok(e instanceof DoctorError);
        assert.equal(e.kind, 'bind-invalid-credentials');
        assert.ok(!e.message.includes(wrong) && !e.message.includes(lab.password));
        return true;
      },
    );
  });

  it('reports an untrusted certificate as tls-untrusted when no CA is given', async () => {
    const { caPem: _omit, ...noCa } = target;
    await assert.rejects(
      connector.connect(noCa, { user: lab.user, password: lab.password }, { timeoutMs: 10000 }),
      (e: unknown) => {
        assert.ok(e instanceof DoctorError);
        assert.equal(e.kind, 'tls-untrusted');
        return true;
      },
    );
  });

  it('still rejects an untrusted certificate when NODE_TLS_REJECT_UNAUTHORIZED=0 (LDAPS and StartTLS)', async () => {
    const { caPem: _omit, ...noCa } = target;
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    const quiet = process.emitWarning.bind(process);
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    process.emitWarning = () => undefined;
    try {
      for (const t of [noCa, { ...noCa, port: 389, security: 'starttls' as const }]) {
        await assert.rejects(
          connector.connect(t, { user: lab.user, password: lab.password }, { timeoutMs: 10000 }),
          (e: unknown) => {
            assert.ok(e instanceof DoctorError, String(e));
            assert.equal(e.kind, 'tls-untrusted', `${t.security}: ${e.message}`);
            return true;
          },
        );
      }
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
      process.emitWarning = quiet;
    }
  });

  it('does not reopen a dropped StartTLS connection in plain text: the next search fails as unavailable', async () => {
    const relay = await startTcpRelay({ host: lab.host, port: 389 });
    try {
      // The relay listens on 127.0.0.1, which is where the lab's dc1.contoso.test resolves, so the
      // certificate still names the host.
      const session = await connector.connect(
        { ...target, port: relay.port, security: 'starttls' },
        { user: lab.user, password: lab.password },
        { timeoutMs: 10000 },
      );
      try {
        const rootDse = {
          base: '',
          scope: 'base' as const,
          filter: '(objectClass=*)',
          attributes: ['defaultNamingContext'],
        };
        for await (const _ of session.search(rootDse, { timeoutMs: 10000 })) break;
        assert.equal(relay.accepted, 1);
        relay.cut();
        await new Promise((r) => setTimeout(r, 300));
        await assert.rejects(
          (async () => {
            for await (const _ of session.search(rootDse, { timeoutMs: 5000 })) break;
          })(),
          (e: unknown) => {
            assert.ok(e instanceof DoctorError, String(e));
            assert.equal(e.kind, 'unavailable', e.message);
            return true;
          },
        );
        await new Promise((r) => setTimeout(r, 200));
        assert.equal(relay.accepted, 1, 'no second (plain) connection was opened');
      } finally {
        await session.close();
      }
    } finally {
      await relay.close();
    }
  });

  it('reports a host name the certificate does not name as tls-hostname', async () => {
    await assert.rejects(
      connector.connect(
        { ...target, host: '127.0.0.1' },
        { user: lab.user, password: lab.password },
        { timeoutMs: 10000 },
      ),
      (e: unknown) => {
        assert.ok(e instanceof DoctorError);
        assert.equal(e.kind, 'tls-hostname');
        return true;
      },
    );
  });

  it('gives up on a DC that accepts TCP but never completes TLS, within the timeout', async () => {
    const started = Date.now();
    await assert.rejects(
      connector.connect(
        { host: silent.host, port: silent.port, security: 'ldaps', caPem: lab.caPem },
        { user: lab.user, password: lab.password },
        { timeoutMs: 1500 },
      ),
      (e: unknown) => {
        assert.ok(e instanceof TimeoutError, String(e));
        assert.equal(e.message, '127.0.0.1 did not answer within 1.5 s');
        return true;
      },
    );
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 1400 && elapsed < 2500, `took ${elapsed} ms`);
    assert.ok(silent.accepted > 0, 'the silent server saw the connection');
  });

  it('fails over from a silent DC to the lab DC and says so', async () => {
    const r = await discoverWithFailover(
      connector,
      [{ host: silent.host, port: silent.port, security: 'ldaps' }, target],
      { user: lab.user, password: lab.password },
      {
        clock,
        timeoutMs: 10000,
        connectTimeoutMs: 1000,
      },
    );
    assert.equal(r.source, `ldaps://${lab.host}:${lab.port}`);
    assert.match(r.warnings[0] ?? '', /^127\.0\.0\.1 was skipped: 127\.0\.0\.1 did not answer within 1 s/);
  });

  it('stops at once when cancelled during the TLS handshake', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await assert.rejects(
      connector.connect(
        { host: silent.host, port: silent.port, security: 'ldaps' },
        { user: lab.user, password: lab.password },
        { timeoutMs: 10000, signal: controller.signal },
      ),
      (e: unknown) => e instanceof DoctorError && e.kind === 'aborted',
    );
    assert.ok(Date.now() - started < 1000);
  });
});
