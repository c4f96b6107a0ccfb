/**
 * Finding the lab's processes through /proc, whoever started them: a samba whose open database
 * files lie in a lab folder (`<lab>/dc1/private/...`), or a fake Exchange process started with a
 * lab's `exchange.json`. Used to stop a lab left running from another checkout (its addresses and
 * ports are fixed, so CI in a fresh clone would collide with a workstation lab) and to make sure
 * no samba of this lab survives a stop or a reset, even one whose pid file was lost.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import * as path from 'node:path';
import { paths } from './layout';
import { isAlive, processTree } from './processes';
import { sleep } from './tools';

/** `<lab>/dc1/private/sam.ldb` (open by samba) or `<lab>/exchange.json` (an argument of the listeners). */
const LAB_FILE = /^(\/.*)\/(?:dc\d\/private\/|exchange\.json$|relay\.json$)/;

export interface LabProcess {
  pid: number;
  labDir: string;
  kind: 'samba' | 'exchange' | 'relay';
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The lab folder a process belongs to, from its open files (samba) or its arguments (node). */
export function labProcessOf(pid: number): LabProcess | undefined {
  if (read(`/proc/${pid}/comm`).trim() === 'samba') {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      return undefined;
    }
    for (const fd of fds) {
      try {
        const m = LAB_FILE.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1]) return { pid, labDir: m[1], kind: 'samba' };
      } catch {
        // closed meanwhile
      }
    }
    return undefined;
  }
  const args = read(`/proc/${pid}/cmdline`).split('\0');
  const kind = args.some((a) => a.endsWith(`${path.sep}exchange-server.ts`))
    ? 'exchange'
    : args.some((a) => a.endsWith(`${path.sep}latency-relay.ts`))
      ? 'relay'
      : undefined;
  if (!kind) return undefined;
  for (const a of args) {
    const m = LAB_FILE.exec(a);
    if (m?.[1]) return { pid, labDir: m[1], kind };
  }
  return undefined;
}

/** The network namespace of a process (`net:[4026531840]`), or undefined when it cannot be read. */
function netNamespaceOf(pid: number | 'self'): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch {
    return undefined;
  }
}

/**
 * Lab processes in this network namespace. A lab in another namespace (`ip netns exec`, used to run
 * several labs side by side) has loopback addresses of its own, so it neither collides with this
 * one nor is stopped by it.
 */
export function labProcesses(): LabProcess[] {
  const found: LabProcess[] = [];
  const here = netNamespaceOf('self');
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    if (here !== undefined && netNamespaceOf(Number(name)) !== here) continue;
    const p = labProcessOf(Number(name));
    if (p) found.push(p);
  }
  return found;
}

const ours = (p: LabProcess): boolean => path.resolve(p.labDir) === path.resolve(paths.lab);

/** SIGTERM, then SIGKILL, each process with its descendants. */
export async function stopProcesses(found: readonly LabProcess[]): Promise<void> {
  const pids = [...new Set(found.flatMap((f) => processTree(f.pid)))];
  for (const sig of ['SIGTERM', 'SIGKILL'] as const) {
    for (const pid of pids) {
      try {
        process.kill(pid, sig);
      } catch {
        // gone
      }
    }
    for (let i = 0; i < 50 && pids.some(isAlive); i++) await sleep(100);
  }
}

/** Stops every process of another checkout's lab; returns the folders they came from. */
export async function stopForeignLabs(): Promise<string[]> {
  const found = labProcesses().filter((p) => !ours(p));
  if (!found.length) return [];
  const dirs = [...new Set(found.map((f) => f.labDir))];
  process.stderr.write(
    `lab: stopping the lab of ${dirs.join(', ')} (pids ${found.map((f) => f.pid).join(' ')}): it holds the lab's addresses\n`,
  );
  await stopProcesses(found);
  return dirs;
}

/** Stops processes of this lab that its pid files no longer name (after the pid-file stops). */
export async function stopStrays(kind: LabProcess['kind']): Promise<void> {
  await stopProcesses(labProcesses().filter((p) => ours(p) && p.kind === kind));
}
