/**
 * What the running lab is (`.lab/state.json`), and the lock that serialises lab operations
 * across processes: several test runners, benches and shells may call startLab at once.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { paths } from './layout';
import type { NetworkFaults } from './network-faults';
import { isAlive } from './processes';
import { sleep } from './tools';

export interface LabState {
  scenario: string;
  servers: number;
  /** Ports dropped and latency added (see ./network-faults.ts). */
  network?: NetworkFaults;
  /** Identifies the directory content: base, faults, server count. Equal keys need no reset. */
  dbKey: string;
  /** DCs running for this state: ['DC1'] or ['DC1', 'DC2']. */
  dcs: string[];
  startedAt: string;
  timings: Record<string, number>;
}

export function readState(): LabState | undefined {
  try {
    return JSON.parse(readFileSync(paths.state, 'utf8')) as LabState;
  } catch {
    return undefined;
  }
}

export function writeState(state: LabState): void {
  writeFileSync(paths.state, `${JSON.stringify(state, null, 2)}\n`);
}

export function clearState(): void {
  rmSync(paths.state, { force: true });
}

function lockHolder(): number | undefined {
  try {
    const pid = Number(readFileSync(paths.lock, 'utf8').trim().split(/\s/)[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Callers in this process take turns here first; the file lock orders processes. */
let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` holding `.lab/lock`; a lock left by a dead process is taken over. */
export function withLabLock<T>(what: string, work: () => Promise<T>, timeoutMs = 20 * 60_000): Promise<T> {
  const next = queue.then(() => withFileLock(what, work, timeoutMs));
  queue = next.catch(() => undefined);
  return next;
}

async function withFileLock<T>(what: string, work: () => Promise<T>, timeoutMs: number): Promise<T> {
  mkdirSync(paths.lab, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    // Written aside, then linked into place: the lock never exists without its holder's pid.
    const mine = `${paths.lock}.${process.pid}`;
    writeFileSync(mine, `${process.pid} ${what} ${new Date().toISOString()}\n`);
    try {
      linkSync(mine, paths.lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = lockHolder();
      if (holder === process.pid)
        throw new Error(`the lab lock is already held by this process (nested ${what})`, { cause: e });
      if (holder === undefined || !isAlive(holder)) {
        rmSync(paths.lock, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`the lab is busy (process ${holder} holds ${paths.lock}) for more than ${timeoutMs / 1000} s`, {
          cause: e,
        });
      if (!told) process.stderr.write(`lab: waiting for process ${holder}, which is changing the lab ...\n`);
      told = true;
      await sleep(250);
    } finally {
      rmSync(mine, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    if (existsSync(paths.lock) && lockHolder() === process.pid) rmSync(paths.lock, { force: true });
  }
}
