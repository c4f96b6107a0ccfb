/**
 * What the lab's API (./api.ts) does:
 *   startLab({ scenario?, servers? })  provisions once (cached in .lab/base), then starts or switches
 *                                      the lab; idempotent, and a no-op when nothing changes.
 *                                      Without a scenario a running lab keeps its scenario.
 *   stopLab()                          stops every lab process, removes the drop rules and the
 *                                      /etc/hosts block; returns once every process has exited.
 *   resetLab()                         starts the current scenario again from its pristine
 *                                      directory (undoes changes made to it by hand).
 *   labEnv()                           the EAD_* settings of the running lab (throws when stopped).
 * Every change holds `.lab/lock`, so concurrent callers in several processes take turns.
 */
import { DC1, DC2, DEFAULT_SERVERS, paths, type DcSpec } from './layout';
import { labServers } from './model';
import { DEFAULT_SCENARIO, scenario as scenarioNamed, type Scenario } from './scenarios';
import { baseReady, copyTree, ensureBases, restoreDc } from './provision';
import { isDcRunning, setDcOptions, setDcServices, setListenAddress, startDc, stopDc, waitForDc } from './samba';
import { relayConfig, relayRunningWith, startRelay, stopRelay } from './latency-process';
import { applyDrops, NO_NETWORK_FAULTS, removeDrops, type DropRule, type NetworkFaults } from './network-faults';
import { waitForPortsFree, DC_TCP_PORTS, DC_UDP_PORTS } from './ports';
import { installHosts, removeHosts } from './hosts';
import { ldbAdd } from './ldb';
import { entriesLdif } from './ldif';
import { serverEntries } from './directory-data';
import { applyDirectoryFaults } from './directory-faults';
import { exchangeConfig, startExchange, stopExchange } from './exchange-process';
import { clearState, readState, withLabLock, writeState, type LabState } from './state';
import { ensureSecrets, readSecrets } from './secrets';
import { labEnvFrom } from './env';
import { writeWorkspace } from './workspace';
import { writeKrb5Conf } from './kerberos';
import { requireBinaries } from './tools';
import { runningPid } from './processes';
import { stopForeignLabs, stopStrays } from './owner';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface StartOptions {
  scenario?: string;
  servers?: number;
  /** Ports to drop silently, on top of the scenario's own (see ./network-faults.ts). */
  drop?: DropRule[];
  /** Latency added to every round trip, in ms. */
  latencyMs?: number;
  /** Start from the pristine directory even when the running one has the same scenario. */
  reset?: boolean;
}

export interface StartResult {
  state: LabState;
  /** What this call did: 'unchanged', 'exchange' (listeners or network only) or 'reset' (directory too). */
  changed: 'unchanged' | 'exchange' | 'reset';
}

/** The samba services a scenario stops on `dc` (its KDC, say). */
function servicesOff(s: Scenario, dc: DcSpec): string[] {
  return s.servicesOff?.[dc.name as 'DC1' | 'DC2'] ?? [];
}

function dcsOf(s: Scenario): DcSpec[] {
  return s.base === 'pair' ? [DC1, DC2] : [DC1];
}

async function resetDirectory(s: Scenario, servers: number, behindRelay: boolean): Promise<void> {
  await Promise.all([stopDc(DC1), stopDc(DC2), stopRelay()]);
  await stopStrays('samba');
  for (const dc of dcsOf(s)) await restoreDc(s.base, dc);
  const extra = labServers(servers).slice(2);
  // Adding servers takes ~10 s for 48 of them; the result is kept per base, count and DC. Every DC
  // of the base gets them, so that a pair differs only by the scenario's own faults.
  for (const dc of extra.length ? dcsOf(s) : []) {
    const cached = path.join(paths.base, `${s.base}-${servers}-servers`, dc.name.toLowerCase());
    if (existsSync(cached)) await copyTree(cached, paths.dc(dc));
    else {
      await ldbAdd(dc, entriesLdif(extra.flatMap((x) => serverEntries(x, ensureSecrets().computer))));
      await copyTree(paths.dc(dc), cached);
    }
  }
  await applyDirectoryFaults(DC1, s.directory);
  for (const dc of dcsOf(s)) await applyDirectoryFaults(dc, s.everyDc ?? []);
  for (const dc of dcsOf(s)) setListenAddress(dc, behindRelay);
  for (const dc of dcsOf(s)) setDcOptions(dc, s.dcOptions ?? {});
  for (const dc of dcsOf(s)) if (servicesOff(s, dc).length) setDcServices(dc, servicesOff(s, dc));
  for (const dc of dcsOf(s)) await startDc(dc);
  // The caller waits for them, once the relay (when there is latency) is in front of them.
}

/** The scenario's network faults with what the caller added. */
function networkOf(
  s: Scenario,
  options: StartOptions,
  previous: NetworkFaults | undefined,
  keep: boolean,
): NetworkFaults {
  const asked = options.drop !== undefined || options.latencyMs !== undefined;
  const base = keep && previous && !asked ? previous : (s.network ?? NO_NETWORK_FAULTS);
  return {
    drop: [...base.drop, ...(options.drop ?? [])],
    latencyMs: options.latencyMs ?? base.latencyMs,
  };
}

/** The lab's hosts and their public addresses, for the drop rules. */
function labHosts(servers: number, s: Scenario): { names: string[]; addressesOf: (host: string) => string[] } {
  const list = labServers(servers);
  const dcs = dcsOf(s);
  const table = new Map<string, string[]>([
    ...dcs.map((d): [string, string[]] => [d.name, d.address === '127.0.0.1' ? [d.address, '::1'] : [d.address]]),
    ...list.map((x): [string, string[]] => [x.name, [x.address]]),
  ]);
  // `EXCHANGE` stands for every Exchange server of the lab, however many there are.
  const everyServer = list.map((x) => x.address);
  return {
    names: [...table.keys()],
    addressesOf: (h) => (h.toUpperCase() === 'EXCHANGE' ? everyServer : (table.get(h.toUpperCase()) ?? [])),
  };
}

/** Starts, restarts or stops the relay in front of the DCs so it matches `latencyMs`. */
async function settleRelay(s: Scenario, latencyMs: number): Promise<boolean> {
  if (latencyMs === 0) {
    await stopRelay();
    return false;
  }
  const config = relayConfig(dcsOf(s), latencyMs);
  if (relayRunningWith(config)) return false;
  await stopRelay();
  for (const dc of dcsOf(s))
    await waitForPortsFree({ addresses: [dc.address], tcp: DC_TCP_PORTS, udp: DC_UDP_PORTS }, 'the relay cannot start');
  await startRelay(config);
  return true;
}

function exchangeRunningWith(configJson: string): boolean {
  return (
    runningPid(paths.exchangePid) !== undefined &&
    existsSync(paths.exchangeReady) &&
    existsSync(paths.exchangeConfig) &&
    readFileSync(paths.exchangeConfig, 'utf8') === configJson
  );
}

async function start(options: StartOptions): Promise<StartResult> {
  await requireBinaries();
  await stopForeignLabs();
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string): void => {
    timings[name] = (Date.now() - t) / 1000;
    t = Date.now();
  };
  if (!baseReady()) {
    await Promise.all([stopExchange(), stopDc(DC1), stopDc(DC2)]);
    clearState();
    // Provisioning already reaches the DCs by name (the DC2 join waits for dc1.contoso.test).
    installHosts(labServers(DEFAULT_SERVERS));
    await ensureBases();
    lap('provision');
  }
  const previous = readState();
  const keep = options.scenario === undefined && options.servers === undefined;
  const name = options.scenario ?? (keep ? previous?.scenario : undefined) ?? DEFAULT_SCENARIO;
  const servers = options.servers ?? (keep ? previous?.servers : undefined) ?? DEFAULT_SERVERS;
  const s = scenarioNamed(name);
  const list = labServers(servers);
  installHosts(list);

  const network = networkOf(s, options, previous?.network, keep);
  const behindRelay = network.latencyMs > 0;
  // Drops would stop the lab's own readiness checks: off while the lab (re)starts, on at the end.
  removeDrops();
  const scenarioKey = JSON.stringify({
    base: s.base,
    directory: s.directory,
    everyDc: s.everyDc,
    dcOptions: s.dcOptions,
    servicesOff: s.servicesOff,
    servers,
    behindRelay,
  });
  // A bare start keeps the directory as it is, including what `bulk-spns` added to it.
  let dbKey = keep && previous ? previous.dbKey : scenarioKey;
  const dcsUp = dcsOf(s).every(isDcRunning) && (s.base === 'pair' || !isDcRunning(DC2));
  let changed: StartResult['changed'] = 'unchanged';
  if (options.reset || previous?.dbKey !== dbKey || !dcsUp) {
    await resetDirectory(s, servers, behindRelay);
    dbKey = scenarioKey;
    lap('directory');
    changed = 'reset';
  }
  const relayRestarted = await settleRelay(s, network.latencyMs);
  if (relayRestarted && changed === 'unchanged') changed = 'exchange';
  if (changed === 'reset' || relayRestarted)
    await Promise.all(dcsOf(s).map((dc) => waitForDc(dc, undefined, undefined, servicesOff(s, dc))));
  const config = exchangeConfig(list, s.exchange, network.latencyMs);
  const configJson = `${JSON.stringify(config, null, 2)}\n`;
  if (!exchangeRunningWith(configJson)) {
    await startExchange(config);
    lap('exchange');
    if (changed === 'unchanged') changed = 'exchange';
  }
  const hosts = labHosts(servers, s);
  applyDrops(network.drop, hosts.addressesOf, hosts.names);
  writeWorkspace(name);
  writeKrb5Conf();
  const state: LabState = {
    scenario: name,
    servers,
    network,
    dbKey,
    dcs: dcsOf(s).map((d) => d.name),
    startedAt: changed === 'unchanged' && previous ? previous.startedAt : new Date().toISOString(),
    timings: changed === 'unchanged' && previous ? previous.timings : timings,
  };
  writeState(state);
  return { state, changed };
}

export function startLab(options: StartOptions = {}): Promise<StartResult> {
  return withLabLock(`start ${options.scenario ?? ''}`, () => start(options));
}

/** The current scenario again, from its pristine directory (changes made by hand are undone). */
export function resetLab(): Promise<StartResult> {
  return withLabLock('reset', () => start({ reset: true }));
}

export function stopLab(): Promise<void> {
  return withLabLock('stop', async () => {
    removeDrops();
    await Promise.all([stopExchange(), stopRelay(), stopDc(DC1), stopDc(DC2)]);
    await Promise.all([stopStrays('samba'), stopStrays('exchange'), stopStrays('relay')]);
    removeHosts();
    clearState();
  });
}

export function labStatus(): { running: boolean; state?: LabState; processes: Record<string, number | undefined> } {
  const state = readState();
  const processes = {
    DC1: runningPid(paths.dcPid(DC1)),
    DC2: runningPid(paths.dcPid(DC2)),
    exchange: runningPid(paths.exchangePid),
    relay: runningPid(paths.relayPid),
  };
  const running = !!state && processes.DC1 !== undefined && processes.exchange !== undefined;
  return { running, ...(state ? { state } : {}), processes };
}

/** The EAD_* settings of the running lab; throws when the lab is not running. */
export function labEnv(): Record<string, string> {
  const { running, state } = labStatus();
  const secrets = readSecrets();
  if (!running || !state || !secrets) throw new Error('The lab is not running. Start it with: npm run lab -- start');
  return labEnvFrom(state, secrets.bind);
}
