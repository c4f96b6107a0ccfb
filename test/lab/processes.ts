/**
 * Background processes of the lab (samba per DC, the fake Exchange listeners): started detached
 * with a pid file, stopped with their whole process tree. Samba's smbd and winbindd children call
 * setsid, so a process group is not enough: descendants are found through /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { sleep } from './tools';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat); // a zombie is gone for our purposes
  } catch {
    return false;
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
export function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * The pid in a pid file written by startDaemon (`<pid> <start time>`), or undefined when the file is
 * missing or the pid now belongs to another process (reused after a crash or a reboot), so that
 * stopping the lab never signals a stranger.
 */
export function readPid(file: string): number | undefined {
  try {
    const [pidText = '', started] = readFileSync(file, 'utf8').trim().split(/\s+/);
    const pid = Number(pidText);
    if (!Number.isInteger(pid) || pid <= 1) return undefined;
    if (started !== undefined && startTime(pid) !== undefined && startTime(pid) !== started) return undefined;
    return pid;
  } catch {
    return undefined;
  }
}

export function runningPid(file: string): number | undefined {
  const pid = readPid(file);
  return pid !== undefined && isAlive(pid) ? pid : undefined;
}

/** Starts `cmd args` detached, output appended to `logFile`, pid written to `pidFile`. */
export function startDaemon(
  cmd: string,
  args: readonly string[],
  o: { pidFile: string; logFile: string; cwd?: string; env?: Record<string, string> },
): number {
  mkdirSync(path.dirname(o.pidFile), { recursive: true });
  mkdirSync(path.dirname(o.logFile), { recursive: true });
  const fd = openSync(o.logFile, 'a');
  try {
    const child = spawn(cmd, args, {
      detached: true,
      stdio: ['ignore', fd, fd],
      cwd: o.cwd,
      env: { ...process.env, ...o.env },
    });
    if (!child.pid) throw new Error(`${cmd} did not start`);
    child.unref();
    writeFileSync(o.pidFile, `${child.pid} ${startTime(child.pid) ?? ''}\n`);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** Parent pid of every process, from /proc. */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // exited meanwhile
    }
  }
  return parents;
}

export function processTree(root: number): number[] {
  const parents = parentMap();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i] && !tree.includes(pid)) tree.push(pid);
  }
  return tree.filter(isAlive);
}

function signal(pids: readonly number[], sig: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  }
}

/** SIGTERM the tree, SIGKILL what is left after `graceMs`; removes the pid file. */
export async function stopTree(pidFile: string, graceMs = 3000): Promise<void> {
  const pid = runningPid(pidFile);
  if (pid !== undefined) {
    const tree = processTree(pid);
    signal(tree, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && tree.some(isAlive)) await sleep(100);
    const left = [...new Set([...tree, ...processTree(pid)])].filter(isAlive);
    signal(left, 'SIGKILL');
    for (let i = 0; i < 30 && left.some(isAlive); i++) await sleep(100);
  }
  if (existsSync(pidFile)) rmSync(pidFile, { force: true });
}

/**
 * Starts one of the lab's own TypeScript daemons (the fake Exchange servers, the latency relay)
 * with tsx, its config written as JSON, and waits until it writes its ready file; on failure it is
 * stopped again and the error shows the end of its log.
 */
export async function startScriptDaemon(o: {
  what: string;
  script: string;
  config: unknown;
  configFile: string;
  pidFile: string;
  readyFile: string;
  logFile: string;
  repoRoot: string;
  stop: () => Promise<void>;
  timeoutMs?: number;
}): Promise<void> {
  await o.stop();
  writeFileSync(o.configFile, `${JSON.stringify(o.config, null, 2)}\n`);
  const tsx = path.join(o.repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const pid = startDaemon(process.execPath, [tsx, o.script, o.configFile, o.readyFile], {
    pidFile: o.pidFile,
    logFile: o.logFile,
    cwd: o.repoRoot,
  });
  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (existsSync(o.readyFile)) return;
    if (!isAlive(pid)) break;
    await sleep(100);
  }
  const log = existsSync(o.logFile) ? readFileSync(o.logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
  await o.stop();
  throw new Error(`${o.what} did not start (log ${o.logFile}):\n${log}`);
}
