/**
 * Step 4 against a KDC that accepts TCP connections on port 88 and never answers (a hung Kdc
 * service): the lab's real DC1 stands in for a DC9 whose LDAP and other ports answer, except that
 * its TCP 88 leads to a silent listener (./silent-server.ts) and its UDP 88 datagrams are dropped.
 * A TCP connect would call that port open; the Kerberos exchange must not, and step 1 and step 4
 * must tell the same story.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { DirectoryTarget } from '../../src/core/io';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/core/engine/check';
import { runDiagnosis } from '../../src/core/engine/orchestrator';
import { discoverWithFailover } from '../../src/core/directory/failover';
import { createClockCheck } from '../../src/core/steps/1-clocks/clock-check';
import { createPortsCheck } from '../../src/core/steps/4-ports/ports-check';
import { clockProbes, portProbes } from '../../src/core/steps/real-probes';
import { AbortError, TimeoutError } from '../../src/core/errors';
import { createNodeIo } from '../../src/io/node-io';
import { useScenario } from './lab-fixture';
import { startSilentServer, type SilentServer } from './silent-server';

const PROBE_TIMEOUT_MS = 2000;
const DC9 = 'dc9.contoso.test';

describe('a KDC that accepts TCP 88 but never answers', function () {
  this.timeout(120_000);
  let silent: SilentServer;
  before(async () => {
    silent = await startSilentServer();
  });
  after(async () => {
    await silent.close();
  });

  it('step 4 calls its TCP 88 silent, not open, and names the KDC; step 1 agrees it did not answer', async () => {
    const env = await useScenario('healthy');
    const dc1 = env.EAD_DC_HOST ?? '';
    const io = createNodeIo();
    const caPem = readFileSync(env.EAD_CA_FILE ?? '', 'utf8');
    const targets: DirectoryTarget[] = [{ host: dc1, port: Number(env.EAD_DC_PORT ?? 636), security: 'ldaps', caPem }];
    const credentials = { user: env.EAD_BIND_USER ?? '', password: env.EAD_BIND_PASSWORD ?? '' };
    const discovery = await discoverWithFailover(io.directory, targets, credentials, {
      clock: io.clock,
      timeoutMs: 10_000,
    });
    discovery.domainControllers.push({
      name: 'DC9',
      fqdn: DC9,
      dn: 'CN=DC9,OU=Domain Controllers,DC=contoso,DC=test',
      source: 'settings',
    });
    const tcp = io.tcp.connect.bind(io.tcp);
    const udp = io.udp.exchange.bind(io.udp);
    io.tcp.connect = (h, p, o) =>
      h !== DC9 ? tcp(h, p, o) : p === 88 ? tcp(silent.host, silent.port, o) : tcp(dc1, p, o);
    io.udp.exchange = (h, p, d, o) =>
      h !== DC9
        ? udp(h, p, d, o)
        : new Promise<Uint8Array>((_, reject) => {
            const t = setTimeout(() => reject(new TimeoutError(`UDP ${h}:${p}`, o.timeoutMs)), o.timeoutMs);
            o.signal?.addEventListener('abort', () => (clearTimeout(t), reject(new AbortError())), { once: true });
          });
    const { findings } = await runDiagnosis({
      io,
      discovery,
      scope: { kind: 'organisation' },
      settings: {
        ...DEFAULT_ENGINE_SETTINGS,
        realm: env.EAD_REALM ?? '',
        probeTimeoutMs: PROBE_TIMEOUT_MS,
        steps: [1, 4],
      },
      directory: { targets, credentials },
      checks: [createClockCheck(clockProbes), createPortsCheck(portProbes)],
    });
    assert.ok(silent.accepted > 0, 'the silent listener accepted the Kerberos connection');
    const ports = findings.find((f) => f.step === 4 && f.subject.name === 'DC9');
    assert.equal(ports?.code, 'port.kdc-silent', JSON.stringify(ports));
    assert.equal(ports.severity, 'error');
    assert.equal(
      ports.title,
      'DC9: TCP 88 (Kerberos) accepts connections but sends no Kerberos reply, UDP 88 (Kerberos) no answer',
    );
    const row = ports.tables?.[0]?.rows.find((r) => r[0] === 'TCP 88');
    assert.equal(row?.[3], 'accepts connections but sends no Kerberos reply');
    assert.match(row?.[4] ?? '', /did not answer within 2 s/);
    const dc1Ports = findings.find((f) => f.step === 4 && f.subject.name === 'DC1');
    assert.equal(dc1Ports?.severity, 'ok', 'the real KDC of DC1 answers TCP 88 with a KRB-ERROR');
    assert.match(dc1Ports.tables?.[0]?.rows.find((r) => r[0] === 'TCP 88')?.[4] ?? '', /^KDC answered with KRB-ERROR/);
    const clock = findings.find((f) => f.step === 1 && f.subject.name === 'DC9');
    assert.notEqual(clock?.severity, 'ok', JSON.stringify(clock));
  });
});
