/**
 * ProcessRunner over execa: an executable and an argument vector, never a shell, so no value from
 * the directory or the user is ever parsed as a command line. Every run has a timeout and stops
 * when the caller's signal fires.
 *
 * The executable is resolved to an absolute path from PATH before it runs. On Windows this
 * matters: CreateProcess and `where` look in the current folder first, so a `setspn.exe` planted
 * in an opened workspace would run instead of the real one. Only absolute PATH entries are
 * searched, and never the working folder.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { OpOptions, ProcessResult, ProcessRunner } from '../core/io';
import { AbortError, DoctorError, TimeoutError, throwIfAborted } from '../core/errors';

/**
 * execa is ESM-only and its dependencies export only `import` conditions, so it is loaded with a
 * dynamic import (which the bundler inlines) rather than a require from this CommonJS module.
 */
let execaModule: Promise<typeof import('execa')> | undefined;
const loadExeca = (): Promise<typeof import('execa')> => (execaModule ??= import('execa'));

/** Output beyond this is cut; no tool the engine runs prints more. */
const MAX_OUTPUT = 32 * 1024 * 1024;

export interface ResolveEnvironment {
  platform: NodeJS.Platform;
  /** PATH (Path on Windows) and PATHEXT. */
  env: Record<string, string | undefined>;
}

function envValue(env: ResolveEnvironment['env'], name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}

/** The candidate absolute paths for `file`, in search order. Pure, so it can be tested on any OS. */
export function candidatePaths(file: string, where: ResolveEnvironment): string[] {
  const p = where.platform === 'win32' ? path.win32 : path.posix;
  const exts =
    where.platform === 'win32'
      ? // Only real executables: a .bat/.cmd runs through cmd.exe, whose parsing is what argument vectors avoid.
        (envValue(where.env, 'PATHEXT') ?? '.COM;.EXE')
          .split(';')
          .map((e) => e.trim().toLowerCase())
          .filter((e) => e === '.exe' || e === '.com')
      : [''];
  const withExts = (base: string): string[] => {
    if (where.platform !== 'win32') return [base];
    const ext = p.extname(base).toLowerCase();
    if (ext === '.exe' || ext === '.com') return [base];
    return exts.map((e) => base + e);
  };
  if (file.includes('/') || (where.platform === 'win32' && file.includes('\\'))) {
    // An explicit path is used as given, but only when it is absolute.
    return p.isAbsolute(file) ? withExts(file) : [];
  }
  const dirs = (envValue(where.env, 'PATH') ?? '')
    .split(where.platform === 'win32' ? ';' : ':')
    .map((d) => d.trim().replace(/^"(.*)"$/, '$1'))
    .filter((d) => d !== '' && p.isAbsolute(d));
  return dirs.flatMap((d) => withExts(p.join(d, file)));
}

async function isExecutable(candidate: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    const stat = await fs.stat(candidate);
    if (!stat.isFile()) return false;
    if (platform !== 'win32') await fs.access(candidate, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function resolveExecutable(file: string, where: ResolveEnvironment): Promise<string | undefined> {
  for (const candidate of candidatePaths(file, where))
    if (await isExecutable(candidate, where.platform)) return candidate;
  return undefined;
}

export class ExecaProcessRunner implements ProcessRunner {
  private readonly resolved = new Map<string, Promise<string | undefined>>();

  constructor(private readonly where: ResolveEnvironment = { platform: process.platform, env: process.env }) {}

  private resolve(file: string): Promise<string | undefined> {
    let found = this.resolved.get(file);
    if (!found) {
      found = resolveExecutable(file, this.where);
      this.resolved.set(file, found);
    }
    return found;
  }

  has(file: string): Promise<boolean> {
    return this.resolve(file).then((p) => p !== undefined);
  }

  async run(
    file: string,
    args: readonly string[],
    options: OpOptions & { input?: string; env?: Record<string, string> },
  ): Promise<ProcessResult> {
    const what = `${file} ${args.join(' ')}`.trim();
    throwIfAborted(options.signal, what);
    const executable = await this.resolve(file);
    if (!executable) throw new DoctorError('unavailable', `${file} was not found on PATH`);
    const { execa } = await loadExeca();
    throwIfAborted(options.signal, what);
    const result = await execa(executable, [...args], {
      reject: false,
      shell: false,
      windowsHide: true,
      stdin: options.input === undefined ? 'ignore' : 'pipe',
      ...(options.input !== undefined ? { input: options.input } : {}),
      // The environment is passed explicitly: this process's, minus the bind password, plus what
      // the caller adds. A child (kvno, klist, setspn) never sees EAD_BIND_PASSWORD.
      env: childEnvironment(process.env, options.env),
      extendEnv: false,
      timeout: options.timeoutMs,
      ...(options.signal ? { cancelSignal: options.signal } : {}),
      forceKillAfterDelay: 2000,
      maxBuffer: MAX_OUTPUT,
      encoding: 'utf8',
      stripFinalNewline: false,
    });
    if (result.timedOut) throw new TimeoutError(what, options.timeoutMs);
    if (result.isCanceled || options.signal?.aborted) throw new AbortError(what);
    const code = (result as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EACCES')
      throw new DoctorError('unavailable', `${file} could not be started (${code})`);
    return {
      stdout: typeof result.stdout === 'string' ? result.stdout : '',
      stderr: typeof result.stderr === 'string' ? result.stderr : '',
      exitCode: typeof result.exitCode === 'number' ? result.exitCode : undefined,
    };
  }
}

/** Variables never handed to a child process (compared case-insensitively, as Windows does). */
const WITHHELD = new Set(['EAD_BIND_PASSWORD']);

export function childEnvironment(
  parent: NodeJS.ProcessEnv,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(parent)) if (v !== undefined && !WITHHELD.has(k.toUpperCase())) env[k] = v;
  for (const [k, v] of Object.entries(extra)) if (!WITHHELD.has(k.toUpperCase())) env[k] = v;
  return env;
}
