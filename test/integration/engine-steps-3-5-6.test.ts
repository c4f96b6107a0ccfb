/**
 * Steps 3, 5 and 6 against the real Samba lab: the checks run with real LDAPS sessions (domain and
 * global catalog), real DNS (the lab's /etc/hosts entries) and the lab's fake Exchange listeners.
 * Scenarios are switched one after another (each switch restarts parts of the lab).
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/shared/findings';
import { DEFAULT_ENGINE_SETTINGS, type CheckContext } from '../../src/core/engine/check';
import { discoverWithFailover } from '../../src/core/directory/failover';
import { spnCheck } from '../../src/core/steps/3-spns/spn-check';
import { kerberosLoggingCheck } from '../../src/core/steps/5-kerberos-logging/kerberos-logging-check';
import { createConnectorsCheck } from '../../src/core/steps/6-receive-connectors/connectors-check';
import { probeSmtp } from '../../src/core/probes/smtp';
import { createNodeIo } from '../../src/io/node-io';
import { useScenario } from './lab-fixture';
import { labSettings } from './lab-settings';

async function runSteps(): Promise<Finding[]> {
  const lab = labSettings();
  const io = createNodeIo();
  const targets = [{ host: lab.host, port: lab.port, security: lab.security, caPem: lab.caPem }];
  const credentials = { user: lab.user, password: lab.password };
  const discovery = await discoverWithFailover(io.directory, targets, credentials, {
    clock: io.clock,
    timeoutMs: 10_000,
  });
  const findings: Finding[] = [];
  const sessions: { close(): Promise<void> }[] = [];
  const ctx: CheckContext = {
    io,
    discovery,
    servers: discovery.servers,
    allServers: discovery.servers,
    domainControllers: discovery.domainControllers,
    scope: { kind: 'organisation' },
    settings: { ...DEFAULT_ENGINE_SETTINGS, realm: 'CONTOSO.TEST', probeTimeoutMs: 5000 },
    directory: { targets, credentials },
    openSession: async (host, o) => {
      const port = o?.globalCatalog ? 3269 : lab.port;
      const s = await io.directory.connect(
        { host, port, security: 'ldaps', caPem: lab.caPem, ...(o?.globalCatalog ? { globalCatalog: true } : {}) },
        credentials,
        { timeoutMs: 10_000 },
      );
      sessions.push(s);
      return s;
    },
    signal: new AbortController().signal,
    emit: (f) => findings.push(f),
    log: () => undefined,
  };
  try {
    await spnCheck.run(ctx);
    await kerberosLoggingCheck.run(ctx);
    await createConnectorsCheck((coreIo, host, port, options) => probeSmtp(coreIo, host, port, options)).run(ctx);
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
  return findings;
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

describe('steps 3, 5 and 6 against the lab', function () {
  this.timeout(180_000);

  it('healthy: no error on steps 3, 5 and 6; step 5 says it needs Windows', async () => {
    await useScenario('healthy');
    const fs = await runSteps();
    assert.deepEqual(
      errors(fs).map((f) => `${f.code} ${f.subject.name}`),
      [],
    );
    assert.deepEqual(
      fs
        .filter((f) => f.code === 'spn.registered')
        .map((f) => f.subject.name)
        .sort(),
      ['EX01', 'EX02'],
    );
    assert.ok(fs.filter((f) => f.step === 5).every((f) => f.severity === 'unknown' && /Windows/.test(f.reason ?? '')));
    assert.ok(fs.some((f) => f.code === 'connector.exchange-auth' && f.subject.name === 'EX02\\Default EX02'));
  });

  it('missing-spn: a step 3 error on EX02', async () => {
    await useScenario('missing-spn');
    const fs = errors(await runSteps());
    const f = fs.find((x) => x.step === 3 && x.subject.name === 'EX02');
    assert.ok(f, JSON.stringify(fs.map((x) => x.code)));
    assert.ok(f.remedies.some((r) => /^setspn -S SMTPSVC\/\S+ EX02$/i.test(r.command)));
  });

  it('duplicate-spn: a step 3 error naming both accounts', async () => {
    await useScenario('duplicate-spn');
    const fs = errors(await runSteps()).filter((x) => x.step === 3 && x.code === 'spn.duplicate');
    assert.equal(fs.length, 1, JSON.stringify(fs.map((x) => x.title)));
    const holders = fs[0]!.evidence
      .filter((e) => e.label.startsWith('holders of'))
      .map((e) => e.value)
      .join(' ');
    assert.ok((holders.match(/CN=/g) ?? []).length >= 2, holders);
  });

  it('connector-auth: a step 6 error on the EX02 Default connector', async () => {
    await useScenario('connector-auth');
    const fs = errors(await runSteps()).filter((x) => x.step === 6);
    assert.ok(
      fs.some((f) => f.code === 'connector.no-exchange-auth' && f.subject.name === 'EX02\\Default EX02'),
      JSON.stringify(fs.map((f) => f.subject.name)),
    );
  });
});
