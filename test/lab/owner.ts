/**
 * One lab per machine: its addresses and ports (127.0.0.1:636, 127.0.0.11:25, ...) are fixed. A
 * lab left running from another checkout (CI runs in a fresh clone while a workstation lab may be
 * up) would hold them, and its DC would present another CA. Such processes are found through
 * /proc — a samba whose open database files lie in some other `.lab/`, or a fake Exchange process
 * started with another `.lab/exchange.json` — and stopped before this lab starts.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import * as path from 'node:path';
import { paths } from './layout';
import { isAlive, processTree } from './processes';
import { sleep } from './tools';

/** `<lab>/dc1/private/sam.ldb` (open by samba) or `<lab>/exchange.json` (an argument of the listeners). */
const LAB_FILE = /^(\/.*)\/(?:dc\d\/private\/|exchange\.json$)/;

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The `.lab` folder a process belongs to, from its open files (samba) or its arguments (node). */
export function labDirOf(pid: number): string | undefined {
  const comm = read(`/proc/${pid}/comm`).trim();
  if (comm === 'samba') {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      return undefined;
    }
    for (const fd of fds) {
      try {
        const m = LAB_FILE.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1]) return m[1];
      } catch {
        // closed meanwhile
      }
    }
    return undefined;
  }
  const args = read(`/proc/${pid}/cmdline`).split('\0');
  if (!args.some((a) => a.endsWith(`${path.sep}exchange-server.ts`))) return undefined;
  for (const a of args) {
    const m = LAB_FILE.exec(a);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

export function foreignLabProcesses(): { pid: number; labDir: string }[] {
  const ours = path.resolve(paths.lab);
  const found: { pid: number; labDir: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const labDir = labDirOf(Number(name));
    if (labDir && path.resolve(labDir) !== ours) found.push({ pid: Number(name), labDir });
  }
  return found;
}

/** Stops every process of another checkout's lab; returns the folders they came from. */
export async function stopForeignLabs(): Promise<string[]> {
  const found = foreignLabProcesses();
  if (!found.length) return [];
  const dirs = [...new Set(found.map((f) => f.labDir))];
  process.stderr.write(`lab: stopping the lab of ${dirs.join(', ')} (pids ${found.map((f) => f.pid).join(' ')}): it holds the lab's addresses\n`);
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
  return dirs;
}
