/**
 * What the lab's API (./api.ts) does:
 *   startLab({ scenario?, servers? })  provisions once (cached in .lab/base), then starts or switches
 *                                      the lab; idempotent, and a no-op when nothing changes.
 *                                      Without a scenario a running lab keeps its scenario.
 *   stopLab()                          stops every lab process and removes the /etc/hosts block.
 *   labEnv()                           the EAD_* settings of the running lab (throws when stopped).
 * Every change holds `.lab/lock`, so concurrent callers in several processes take turns.
 */
import { DC1, DC2, DEFAULT_SERVERS, paths, type DcSpec } from './layout';
import { labServers } from './model';
import { DEFAULT_SCENARIO, scenario as scenarioNamed, type Scenario } from './scenarios';
import { baseReady, copyTree, ensureBases, restoreDc } from './provision';
import { isDcRunning, setDcServices, startDc, stopDc, waitForDc } from './samba';
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
import { requireBinaries } from './tools';
import { runningPid } from './processes';
import { stopForeignLabs, stopStrays } from './owner';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface StartOptions {
  scenario?: string;
  servers?: number;
}

export interface StartResult {
  state: LabState;
  /** What this call did: 'unchanged', 'exchange' (listeners only) or 'reset' (directory too). */
  changed: 'unchanged' | 'exchange' | 'reset';
}

function dcsOf(s: Scenario): DcSpec[] {
  return s.base === 'pair' ? [DC1, DC2] : [DC1];
}

async function resetDirectory(s: Scenario, servers: number): Promise<void> {
  await Promise.all([stopDc(DC1), stopDc(DC2)]);
  await stopStrays('samba');
  for (const dc of dcsOf(s)) await restoreDc(s.base, dc);
  const extra = labServers(servers).slice(2);
  if (extra.length) {
    // Adding servers takes ~10 s for 48 of them; the result is kept per base and count.
    const cached = path.join(paths.base, `${s.base}-${servers}-servers`, 'dc1');
    if (existsSync(cached)) await copyTree(cached, paths.dc(DC1));
    else {
      await ldbAdd(DC1, entriesLdif(extra.flatMap((x) => serverEntries(x, ensureSecrets().computer))));
      await copyTree(paths.dc(DC1), cached);
    }
  }
  await applyDirectoryFaults(DC1, s.directory);
  const off = (dc: DcSpec): string[] => s.servicesOff?.[dc.name as 'DC1' | 'DC2'] ?? [];
  for (const dc of dcsOf(s)) if (off(dc).length) setDcServices(dc, off(dc));
  for (const dc of dcsOf(s)) await startDc(dc);
  await Promise.all(dcsOf(s).map((dc) => waitForDc(dc, undefined, undefined, off(dc))));
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

  const scenarioKey = JSON.stringify({ base: s.base, directory: s.directory, servicesOff: s.servicesOff, servers });
  // A bare start keeps the directory as it is, including what `bulk-spns` added to it.
  let dbKey = keep && previous ? previous.dbKey : scenarioKey;
  const dcsUp = dcsOf(s).every(isDcRunning) && (s.base === 'pair' || !isDcRunning(DC2));
  let changed: StartResult['changed'] = 'unchanged';
  if (previous?.dbKey !== dbKey || !dcsUp) {
    await resetDirectory(s, servers);
    dbKey = scenarioKey;
    lap('directory');
    changed = 'reset';
  }
  const config = exchangeConfig(list, s.exchange);
  const configJson = `${JSON.stringify(config, null, 2)}\n`;
  if (!exchangeRunningWith(configJson)) {
    await startExchange(config);
    lap('exchange');
    if (changed === 'unchanged') changed = 'exchange';
  }
  writeWorkspace(name);
  const state: LabState = {
    scenario: name,
    servers,
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

export function stopLab(): Promise<void> {
  return withLabLock('stop', async () => {
    await Promise.all([stopExchange(), stopDc(DC1), stopDc(DC2)]);
    await Promise.all([stopStrays('samba'), stopStrays('exchange')]);
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
