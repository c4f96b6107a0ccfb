/**
 * Starting and stopping the latency relay (./latency-relay.ts) in front of the running DCs, and
 * which address each DC's samba listens on: its own when there is no latency, its inner address
 * behind the relay otherwise.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, paths, type DcSpec } from './layout';
import type { RelayConfig } from './latency-relay';
import { DC_TCP_PORTS, DC_UDP_PORTS } from './ports';
import { runningPid, startScriptDaemon, stopTree } from './processes';
import { stopStrays } from './owner';

export function relayConfig(dcs: readonly DcSpec[], delayMs: number): RelayConfig {
  return {
    delayMs,
    routes: dcs.map((dc) => ({ listen: dc.address, target: dc.innerAddress, tcp: DC_TCP_PORTS, udp: DC_UDP_PORTS })),
  };
}

export function relayRunningWith(config: RelayConfig): boolean {
  return (
    runningPid(paths.relayPid) !== undefined &&
    existsSync(paths.relayReady) &&
    existsSync(paths.relayConfig) &&
    readFileSync(paths.relayConfig, 'utf8') === `${JSON.stringify(config, null, 2)}\n`
  );
}

export async function stopRelay(): Promise<void> {
  await stopTree(paths.relayPid, 3000);
  await stopStrays('relay');
  rmSync(paths.relayReady, { force: true });
}

export async function startRelay(config: RelayConfig, timeoutMs = 30_000): Promise<void> {
  await startScriptDaemon({
    what: 'the latency relay',
    script: path.join(__dirname, 'latency-relay.ts'),
    config,
    configFile: paths.relayConfig,
    pidFile: paths.relayPid,
    readyFile: paths.relayReady,
    logFile: path.join(paths.logs, 'relay.log'),
    repoRoot: REPO_ROOT,
    stop: stopRelay,
    timeoutMs,
  });
}
