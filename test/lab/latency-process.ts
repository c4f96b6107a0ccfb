/**
 * Starting and stopping the latency relay (./latency-relay.ts) in front of the running DCs, and
 * which address each DC's samba listens on: its own when there is no latency, its inner address
 * behind the relay otherwise.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, paths, type DcSpec } from './layout';
import type { RelayConfig } from './latency-relay';
import { DC_TCP_PORTS, DC_UDP_PORTS } from './ports';
import { isAlive, runningPid, startDaemon, stopTree } from './processes';
import { stopStrays } from './owner';
import { sleep } from './tools';

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
  await stopRelay();
  writeFileSync(paths.relayConfig, `${JSON.stringify(config, null, 2)}\n`);
  const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const logFile = path.join(paths.logs, 'relay.log');
  const pid = startDaemon(
    process.execPath,
    [tsx, path.join(__dirname, 'latency-relay.ts'), paths.relayConfig, paths.relayReady],
    { pidFile: paths.relayPid, logFile, cwd: REPO_ROOT },
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(paths.relayReady)) return;
    if (!isAlive(pid)) break;
    await sleep(100);
  }
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
  await stopRelay();
  throw new Error(`the latency relay did not start (log ${logFile}):\n${log}`);
}
