/**
 * Starting and stopping the fake Exchange listeners (./exchange-server.ts) as one background
 * process, from the lab's servers and the faults of the current scenario.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, paths } from './layout';
import type { LabServer } from './model';
import type { ExchangeConfig } from './exchange-server';
import type { ServerSpec } from './smtp-behaviour';
import type { ExchangeFaults } from './scenarios';
import { startScriptDaemon, stopTree } from './processes';
import { stopStrays } from './owner';

/** Local time zones of the fake servers: different offsets, as in a real multi-site organisation. */
const ZONES = [0, -420, 60];

export function exchangeConfig(servers: readonly LabServer[], faults: ExchangeFaults, latencyMs = 0): ExchangeConfig {
  const specs = servers.map((s, i): ServerSpec => {
    const closed = faults.closedPorts?.[s.name] ?? [];
    const flags = faults.connectorFlags ?? {};
    return {
      name: s.name,
      fqdn: s.fqdn,
      address: s.address,
      clockOffsetMs: faults.clockOffsetMs?.[s.name] ?? 0,
      zoneMinutes: ZONES[i % ZONES.length] ?? 0,
      authFails: (faults.authFails ?? []).includes(s.name),
      listeners: s.connectors
        .filter((c) => c.enabled && !closed.includes(c.port))
        .map((c) => ({ port: c.port, connector: c.name, flags: flags[c.name] ?? c.flags, role: c.role })),
    };
  });
  return {
    servers: specs,
    latencyMs,
    tls: { key: path.join(paths.tls, 'exchange.key'), cert: path.join(paths.tls, 'exchange.pem') },
  };
}

export async function stopExchange(): Promise<void> {
  await stopTree(paths.exchangePid, 3000);
  await stopStrays('exchange');
  rmSync(paths.exchangeReady, { force: true });
}

export async function startExchange(config: ExchangeConfig, timeoutMs = 30_000): Promise<void> {
  await startScriptDaemon({
    what: 'the fake Exchange listeners',
    script: path.join(__dirname, 'exchange-server.ts'),
    config,
    configFile: paths.exchangeConfig,
    pidFile: paths.exchangePid,
    readyFile: paths.exchangeReady,
    logFile: path.join(paths.logs, 'exchange.log'),
    repoRoot: REPO_ROOT,
    stop: stopExchange,
    timeoutMs,
  });
}
