/**
 * The terminal's fallback (no shell integration): the same argument vector runs in the background
 * with execa, never through a shell, and its output becomes the result. Kept free of the editor
 * API so it is tested as it runs.
 *
 * The tool is run by the absolute path that src/io/process.ts resolves from the absolute entries
 * of PATH, never by its bare name: Windows looks in the working folder (the opened workspace)
 * first, so a `setspn.exe` or `setspn.bat` planted there would run instead of the real tool.
 */
import { resolveExecutable, type ResolveEnvironment } from './process';

export interface BackgroundRun {
  file: string;
  args: readonly string[];
}

export interface BackgroundRunOptions {
  /** The whole environment of the process (the caller decides what it holds). */
  env: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  cwd?: string;
  /** Where to look the tool up; default: this platform, PATH from `env` or else this process's. */
  where?: ResolveEnvironment;
}

export interface BackgroundRunResult {
  output: string;
  exitCode: number | undefined;
  timedOut: boolean;
  cancelled: boolean;
}

export async function runInBackground(run: BackgroundRun, options: BackgroundRunOptions): Promise<BackgroundRunResult> {
  const where = options.where ?? { platform: process.platform, env: { ...process.env, ...options.env } };
  const executable = await resolveExecutable(run.file, where);
  if (!executable)
    return { output: `${run.file} was not found on PATH\n`, exitCode: undefined, timedOut: false, cancelled: false };
  // execa is ESM-only: loaded the way src/io/process.ts loads it (the bundler inlines it).
  const { execa } = await import('execa');
  const result = await execa(executable, [...run.args], {
    env: options.env,
    reject: false,
    all: true,
    timeout: options.timeoutMs,
    windowsHide: true,
    stdin: 'ignore',
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.signal ? { cancelSignal: options.signal } : {}),
  });
  return {
    output: result.all ?? `${result.stdout}${result.stderr}`,
    exitCode: result.isCanceled ? undefined : result.exitCode,
    timedOut: result.timedOut,
    cancelled: result.isCanceled === true,
  };
}
