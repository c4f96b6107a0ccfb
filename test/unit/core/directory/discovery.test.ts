import { strict as assert } from 'node:assert';
import { discover } from '../../../../src/core/directory/discovery';
import { DoctorError } from '../../../../src/core/errors';
import type { Clock } from '../../../../src/core/io';
import { FakeDirectorySession } from './fake-directory';
import { CONFIG, DOMAIN, EX01_DN, ORG, SITE, contosoEntries } from './contoso-fixture';

const clock: Clock = { now: () => Date.parse('2026-11-22T13:47:50.000Z'), monotonic: () => 0 };
const opts = { clock, timeoutMs: 5000, pageSize: 2 };

describe('discover', () => {
  it('reads the RootDSE, with currentTime as ISO and the local time it was read', async () => {
    const r = await discover(new FakeDirectorySession(contosoEntries()), opts);
    assert.equal(r.rootDse.defaultNamingContext, DOMAIN);
    assert.equal(r.rootDse.configurationNamingContext, CONFIG);
    assert.equal(r.rootDse.schemaNamingContext, `CN=Schema,${CONFIG}`);
    assert.equal(r.rootDse.dnsHostName, 'dc1.contoso.test');
    assert.equal(r.rootDse.currentTime, '2026-11-22T13:47:47.000Z');
    assert.equal(r.rootDse.currentTimeReadAt, '2026-11-22T13:47:50.000Z');
    assert.equal(r.discoveredAt, '2026-11-22T13:47:50.000Z');
    assert.equal(r.source, 'ldaps://fake-dc.contoso.test:636');
  });

  it('finds the organisation and both servers with version, product, roles, site and FQDN', async () => {
    const r = await discover(new FakeDirectorySession(contosoEntries()), opts);
    assert.deepEqual(r.organisation, { name: 'Contoso', dn: ORG });
    assert.deepEqual(
      r.servers.map((s) => s.name),
      ['EX01', 'EX02'],
    );
    const [ex01, ex02] = r.servers;
    assert.ok(ex01 && ex02);
    assert.equal(ex01.fqdn, 'ex01.contoso.test');
    assert.equal(ex01.dn, EX01_DN);
    assert.equal(ex01.version, '15.2.1118.7');
    assert.equal(ex01.product, 'Exchange Server 2019');
    assert.equal(ex01.rolesFlags, 16439);
    // 16439 on a 2019 server is the Mailbox role (see src/core/directory/roles.ts).
    assert.deepEqual(ex01.roles, ['Mailbox']);
    assert.equal(ex01.site, 'Default-First-Site-Name');
    assert.equal(ex01.siteDn, SITE);
    assert.equal(ex02.product, 'Exchange Server 2016');
    // EX02 has no ncacn_ip_tcp address; its FQDN comes from the computer account.
    assert.equal(ex02.fqdn, 'ex02.contoso.test');
  });

  it('reads receive connectors with auth flags, defaults and enabled state', async () => {
    const r = await discover(new FakeDirectorySession(contosoEntries()), opts);
    const ex01 = r.servers.find((s) => s.name === 'EX01');
    const byName = new Map(ex01?.receiveConnectors.map((c) => [c.name, c]));
    assert.deepEqual([...byName.keys()], ['Client Frontend EX01', 'Default EX01', 'Default Frontend EX01']);
    assert.equal(byName.get('Default EX01')?.authFlags, 31);
    assert.ok(byName.get('Default EX01')?.authMechanisms.includes('ExchangeServer'));
    assert.deepEqual(byName.get('Default EX01')?.bindings, ['0.0.0.0:2525', '[::]:2525']);
    assert.equal(byName.get('Default EX01')?.transportRole, 32);
    assert.deepEqual(byName.get('Client Frontend EX01')?.authMechanisms, ['Tls', 'BasicAuth', 'BasicAuthRequireTLS']);
    assert.equal(byName.get('Default Frontend EX01')?.authFlags, 29, 'absent flag means 29');
    assert.equal(byName.get('Default Frontend EX01')?.enabled, true);
    const ex02 = r.servers.find((s) => s.name === 'EX02');
    assert.equal(ex02?.receiveConnectors[0]?.enabled, false);
    assert.equal(ex02?.receiveConnectors[0]?.server, 'EX02');
  });

  it('attaches computer accounts with SPNs and change stamps', async () => {
    const r = await discover(new FakeDirectorySession(contosoEntries()), opts);
    const c = r.servers[0]?.computer;
    assert.equal(c?.samAccountName, 'EX01$');
    assert.equal(c?.dnsHostName, 'ex01.contoso.test');
    assert.ok(c?.servicePrincipalNames.includes('SMTPSVC/ex01.contoso.test'));
    assert.equal(c?.uSNChanged, '4123');
    assert.equal(c?.whenChanged, '20261122120000.0Z');
  });

  it('finds DCs in Sites (with site) and in the Domain Controllers OU, ignoring demoted servers', async () => {
    const r = await discover(new FakeDirectorySession(contosoEntries()), opts);
    assert.deepEqual(
      r.domainControllers.map((d) => [d.name, d.fqdn, d.site, d.source]),
      [
        ['DC1', 'dc1.contoso.test', 'Default-First-Site-Name', 'sites'],
        ['DC2', 'dc2.contoso.test', undefined, 'ou'],
      ],
    );
    assert.deepEqual(r.warnings, []);
    // The naming contexts DC1 holds (hasMasterNCs, as Samba returns it); DC2's are unknown.
    assert.ok(
      r.domainControllers[0]?.masterNamingContexts?.includes('DC=contoso,DC=test'),
      String(r.domainControllers[0]?.masterNamingContexts),
    );
    assert.equal(r.domainControllers[1]?.masterNamingContexts, undefined);
  });

  it('uses paged searches with the given page size, deadline and signal', async () => {
    const session = new FakeDirectorySession(contosoEntries());
    const controller = new AbortController();
    await discover(session, { ...opts, signal: controller.signal });
    const paged = session.requests.filter((r) => r.request.pageSize === 2);
    assert.ok(paged.length >= 5, `expected paged searches, got ${paged.length}`);
    assert.ok(session.requests.every((r) => r.options.timeoutMs === 5000 && r.options.signal === controller.signal));
    const computerSearch = session.requests.find((r) => r.request.filter.includes('sAMAccountName'));
    assert.equal(
      computerSearch?.request.filter,
      '(&(objectCategory=computer)(|(sAMAccountName=EX01$)(sAMAccountName=EX02$)))',
    );
  });

  it('turns a failing part into a warning and keeps the rest', async () => {
    const session = new FakeDirectorySession(contosoEntries(), {
      failWhen: (req) =>
        req.filter.includes('sAMAccountName=EX')
          ? new DoctorError('bind-other', 'insufficient access rights (LDAP 50)')
          : undefined,
    });
    const r = await discover(session, opts);
    assert.equal(r.servers.length, 2);
    assert.equal(r.servers[0]?.computer, undefined);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0] ?? '', /Computer accounts .* could not be read: insufficient access rights/);
    assert.equal(r.domainControllers.length, 2);
  });

  it('warns when there is no Exchange organisation instead of failing', async () => {
    const entries = contosoEntries().filter((e) => !e.dn.includes('CN=Microsoft Exchange'));
    const r = await discover(new FakeDirectorySession(entries), opts);
    assert.equal(r.organisation, undefined);
    assert.deepEqual(r.servers, []);
    assert.match(
      r.warnings.join('\n'),
      /No Exchange organisation was found under CN=Microsoft Exchange,CN=Services,CN=Configuration/,
    );
    assert.equal(r.domainControllers[0]?.name, 'DC1');
  });

  it('stops on a timeout (the connection is gone) rather than warning', async () => {
    const session = new FakeDirectorySession(contosoEntries(), {
      failWhen: (req) =>
        req.filter === '(objectClass=msExchExchangeServer)'
          ? new DoctorError('timeout', 'dc1 did not answer within 5 s')
          : undefined,
    });
    await assert.rejects(discover(session, opts), (e: unknown) => e instanceof DoctorError && e.kind === 'timeout');
  });

  it('rejects a server that is not an AD DC', async () => {
    const entries = [{ dn: '', attributes: { namingContexts: ['dc=example,dc=org'] } }];
    await assert.rejects(
      discover(new FakeDirectorySession(entries), opts),
      /not an Active Directory domain controller/,
    );
  });

  it('stops with AbortError when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      discover(new FakeDirectorySession(contosoEntries()), { ...opts, signal: controller.signal }),
      (e: unknown) => e instanceof DoctorError && e.kind === 'aborted',
    );
  });
});
