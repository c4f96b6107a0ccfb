/**
 * A receiver that stalls in the middle of the TLS handshake (./stalling-handshake.ts) stands in for
 * EX02's hub transport port 2525 in the healthy lab. The whole diagnosis runs: the TLS check must
 * give an `unknown` for that port, saying it stopped at the TLS stage, within the probe timeout,
 * while every other check completes (EX02's port 25 and EX01 handshake normally, SPNs are read).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { DirectoryTarget } from '../../src/core/io';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/core/engine/check';
import { runDiagnosis } from '../../src/core/engine/orchestrator';
import { discoverWithFailover } from '../../src/core/directory/failover';
import { createNodeIo } from '../../src/io/node-io';
import { useScenario } from './lab-fixture';
import { startStallingServer, type StallingServer } from './stalling-handshake';

const PROBE_TIMEOUT_MS = 2000;
const EX02 = 'ex02.contoso.test';

describe('a receiver that stalls in the middle of the TLS handshake', function () {
  this.timeout(120_000);
  let stalling: StallingServer;
  before(async () => {
    stalling = await startStallingServer(EX02);
  });
  after(async () => {
    await stalling.close();
  });

  it('gives an unknown at the TLS stage within the timeout while the other checks complete', async () => {
    const env = await useScenario('healthy');
    const io = createNodeIo();
    const caPem = readFileSync(env.EAD_CA_FILE ?? '', 'utf8');
    const targets: DirectoryTarget[] = [
      { host: env.EAD_DC_HOST ?? '', port: Number(env.EAD_DC_PORT ?? 636), security: 'ldaps', caPem },
    ];
    const credentials = { user: env.EAD_BIND_USER ?? '', password: env.EAD_BIND_PASSWORD ?? '' };
    const discovery = await discoverWithFailover(io.directory, targets, credentials, {
      clock: io.clock,
      timeoutMs: 10_000,
    });
    const tcp = io.tcp.connect.bind(io.tcp);
    io.tcp.connect = (h, p, o) =>
      h.toLowerCase() === EX02 && p === 2525 ? tcp(stalling.host, stalling.port, o) : tcp(h, p, o);
    const started = Date.now();
    const { findings } = await runDiagnosis({
      io,
      discovery,
      scope: { kind: 'organisation' },
      settings: { ...DEFAULT_ENGINE_SETTINGS, realm: env.EAD_REALM ?? '', probeTimeoutMs: PROBE_TIMEOUT_MS },
      directory: { targets, credentials },
    });
    const elapsed = Date.now() - started;
    assert.ok(stalling.handshakeBytes > 0, 'the ClientHello reached the stalling receiver');
    const stalled = findings.find((f) => f.code === 'tls.session-stalled');
    assert.ok(stalled, findings.map((f) => `${f.code} ${f.subject.id ?? f.subject.name}`).join('\n'));
    assert.equal(stalled.severity, 'unknown');
    assert.equal(stalled.subject.id, `${EX02}:2525`);
    assert.match(stalled.title, /stopped at the tls stage/);
    assert.match(stalled.reason ?? '', /did not answer within 2 s/);
    const stages = stalled.tables?.[0]?.rows.map((r) => `${r[0]} ${r[1]}`);
    assert.deepEqual(stages, ['tcp ok', 'banner ok', 'ehlo ok', 'upgrade ok', 'tls failed']);
    const tlsMs = Number(stalled.tables?.[0]?.rows.find((r) => r[0] === 'tls')?.[2]);
    assert.ok(tlsMs >= PROBE_TIMEOUT_MS - 200 && tlsMs < PROBE_TIMEOUT_MS + 1500, `the TLS stage took ${tlsMs} ms`);
    // The rest of the run completed: the other ports handshake, SPNs were read, no check was cut short.
    assert.deepEqual(
      findings
        .filter((f) => f.code === 'tls.handshake')
        .map((f) => f.subject.id)
        .sort(),
      ['ex01.contoso.test:25', 'ex01.contoso.test:2525', `${EX02}:25`],
    );
    assert.ok(findings.some((f) => f.step === 3 && f.subject.name === 'EX02' && f.severity === 'ok'));
    assert.ok(elapsed < 30_000, `the run took ${elapsed} ms`);
  });
});
