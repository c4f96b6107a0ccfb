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
import { ensureServerCertificate, serverCertificatePaths } from './exchange-certs';
import { stopStrays } from './owner';

/** Local time zones of the fake servers: different offsets, as in a real multi-site organisation. */
const ZONES = [0, -420, 60];

export function exchangeConfig(servers: readonly LabServer[], faults: ExchangeFaults, latencyMs = 0): ExchangeConfig {
  const specs = servers.map((s, i): ServerSpec => {
    const closed = faults.closedPorts?.[s.name] ?? [];
    const flags = faults.connectorFlags ?? {};
    const ranges = faults.connectorRanges ?? {};
    const versions = faults.tlsVersions?.[s.name];
    const certificate = serverCertificatePaths(
      s,
      (faults.expiredCertificate ?? []).includes(s.name) ? 'expired' : 'current',
    );
    return {
      name: s.name,
      fqdn: s.fqdn,
      address: s.address,
      clockOffsetMs: faults.clockOffsetMs?.[s.name] ?? 0,
      zoneMinutes: ZONES[i % ZONES.length] ?? 0,
      authFails: (faults.authFails ?? []).includes(s.name),
      listeners: [...s.connectors, ...(faults.extraConnectors?.[s.name] ?? []).map((c) => ({ ...c, enabled: true }))]
        .filter((c) => c.enabled && !closed.includes(c.port))
        .map((c) => ({
          port: c.port,
          connector: c.name,
          flags: flags[c.name] ?? c.flags,
          role: c.role,
          remoteIpRanges: ranges[c.name] ?? c.remoteIpRanges,
        })),
      tls: { ...certificate, ...(versions ? { minVersion: versions.min, maxVersion: versions.max } : {}) },
      ...((faults.inspected ?? []).includes(s.name) ? { inspectedFrom: innerAddress(s.address) } : {}),
    };
  });
  return {
    servers: specs,
    latencyMs,
    tls: { key: path.join(paths.tls, 'exchange.key'), cert: path.join(paths.tls, 'exchange.pem') },
  };
}

/** 127.0.0.12 -> 127.0.2.12: where a server behind the inspecting proxy listens itself. */
export function innerAddress(address: string): string {
  return address.replace(/^127\.0\.0\./, '127.0.2.');
}

export async function stopExchange(): Promise<void> {
  await stopTree(paths.exchangePid, 3000);
  await stopStrays('exchange');
  rmSync(paths.exchangeReady, { force: true });
}

export async function startExchange(config: ExchangeConfig, timeoutMs = 30_000): Promise<void> {
  for (const s of config.servers)
    await ensureServerCertificate(s, s.tls?.cert.endsWith('-expired.pem') ? 'expired' : 'current');
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
