import { strict as assert } from 'node:assert';
import { CLIENT_CONNECTOR_FLAGS, DNS_DOMAIN, SCENARIOS, SERVICE_SAM } from '../../../test/lab/scenarios';
import * as layout from '../../../test/lab/layout';
import * as model from '../../../test/lab/model';
import { exchangeConfig } from '../../../test/lab/exchange-process';
import { faultChanges } from '../../../test/lab/directory-faults';
import { missingPackagesMessage } from '../../../test/lab/tools';
import { serverServices, withServices } from '../../../test/lab/samba';
import { workspaceSettings } from '../../../test/lab/workspace';

describe('lab: scenarios', () => {
  it('repeats the layout and model constants faithfully (it cannot import them at run time)', () => {
    assert.equal(DNS_DOMAIN, layout.DNS_DOMAIN);
    assert.equal(SERVICE_SAM, layout.SERVICE_SAM);
    assert.equal(CLIENT_CONNECTOR_FLAGS, model.CLIENT_CONNECTOR_FLAGS);
    assert.equal(CLIENT_CONNECTOR_FLAGS & model.AUTH.ExchangeServer, 0);
  });

  it('names only subjects the lab has, and every scenario that breaks something checked expects an error', () => {
    const servers = model.labServers(2);
    const subjects = new Set([
      'DC1',
      'DC2',
      ...servers.map((s) => s.name),
      ...servers.flatMap((s) => s.connectors.map((c) => `${s.name}\\${c.name}`)),
    ]);
    for (const [name, s] of Object.entries(SCENARIOS)) {
      // Connectors a scenario adds are subjects of that scenario.
      const added = s.directory.flatMap((f) =>
        f.kind === 'add-connector' ? [`${f.server}\\${f.connector.name}`] : [],
      );
      for (const a of added) subjects.add(a);
      // Only scenarios that break nothing the engine checks (healthy; DC policy such as LDAP signing) expect no error.
      const breaksNothingChecked =
        s.directory.length === 0 &&
        Object.keys(s.exchange).length === 0 &&
        (s.network?.drop.length ?? 0) === 0 &&
        Object.keys(s.servicesOff ?? {}).length === 0;
      assert.equal(s.expected.length === 0, breaksNothingChecked, name);
      for (const e of s.expected) assert.ok(subjects.has(e.subject), `${name}: ${e.subject}`);
      if (s.expected.some((e) => e.subject === 'DC2')) assert.equal(s.base, 'pair', `${name} needs DC2`);
      for (const f of s.directory) assert.doesNotThrow(() => faultChanges(f), `${name}: ${f.kind}`);
    }
    const all = SCENARIOS['all-faults'];
    const steps = new Set(all?.expected.map((e) => e.step));
    for (const step of [1, 2, 3, 4, 6]) assert.ok(steps.has(step as 1), `all-faults covers step ${step}`);
  });

  it('turns scenario faults into listener behaviour: closed ports, changed flags, clock offset', () => {
    const s = SCENARIOS['all-faults'];
    assert.ok(s);
    const config = exchangeConfig(model.labServers(2), s.exchange);
    const ex02 = config.servers.find((x) => x.name === 'EX02');
    assert.ok(ex02);
    assert.ok(!ex02.listeners.some((l) => l.port === 2525));
    assert.equal(ex02.clockOffsetMs, 7 * 60_000);
    assert.equal(ex02.authFails, true);
    const healthy = exchangeConfig(model.labServers(2), {});
    assert.deepEqual(
      healthy.servers
        .find((x) => x.name === 'EX02')
        ?.listeners.map((l) => l.port)
        .sort((a, b) => a - b),
      [25, 465, 587, 717, 2525],
    );
    const connectorAuth = exchangeConfig(model.labServers(2), SCENARIOS['connector-auth']?.exchange ?? {});
    assert.equal(connectorAuth.servers[1]?.listeners.find((l) => l.port === 2525)?.flags, 15);
  });

  it('runs a DC without the services its scenario stops (kdc-stopped: DC2 without kdc)', () => {
    assert.deepEqual(SCENARIOS['kdc-stopped']?.servicesOff, { DC2: ['kdc'] });
    assert.equal(serverServices(), 's3fs, rpc, ldap, cldap, kdc, drepl, winbindd, kcc');
    const conf =
      '[global]\n\tserver services = s3fs, rpc, ldap, cldap, kdc, drepl, winbindd, kcc\n\trealm = CONTOSO.TEST\n';
    assert.equal(
      withServices(conf, ['kdc']),
      '[global]\n\tserver services = s3fs, rpc, ldap, cldap, drepl, winbindd, kcc\n\trealm = CONTOSO.TEST\n',
    );
  });

  it("keeps the editor from offering the repository the lab's workspace sits in", () => {
    const settings = workspaceSettings();
    assert.equal(settings['git.openRepositoryInParentFolders'], 'never');
    assert.equal(settings['git.autoRepositoryDetection'], false);
  });

  it('says exactly which Debian packages to install when a binary is missing', () => {
    assert.equal(
      missingPackagesMessage(() => '/usr/bin/x'),
      undefined,
    );
    const message = missingPackagesMessage((b) => (b === 'ldbmodify' ? undefined : '/usr/bin/x')) ?? '';
    assert.match(message, /ldbmodify/);
    assert.match(message, /apt-get install -y .*ldb-tools/);
  });
});
