/**
 * Starts and stops code-server (a real VS Code workbench with a Node extension host) from the cache
 * that scripts/setup.sh fills. Everything it writes goes under one temporary folder; it binds to
 * 127.0.0.1 only and is always stopped as a whole process group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';

export function codeServerDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EAD_CODE_SERVER_DIR) return path.resolve(env.EAD_CODE_SERVER_DIR);
  const cache = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'exchange-auth-doctor', `code-server-${CODE_SERVER_VERSION}`);
}

/** The code-server entry script, or a clear error saying how to install it. */
export function codeServerEntry(env: NodeJS.ProcessEnv = process.env): string {
  const entry = path.join(codeServerDir(env), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} is not installed at ${codeServerDir(env)}. Run: bash scripts/setup.sh (or set EAD_CODE_SERVER_DIR).`,
    );
  }
  return entry;
}

/** code-server runs on Node 24 only; the repo's `node` devDependency provides it. */
export function node24(repoRoot: string): string {
  if (process.versions.node.startsWith('24.')) return process.execPath;
  const local = path.join(repoRoot, 'node_modules', 'node', 'bin', 'node');
  if (existsSync(local)) return local;
  throw new Error(
    `code-server needs Node 24; this is Node ${process.versions.node} and ${local} is missing. Run: bash scripts/setup.sh`,
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface CodeServerOptions {
  repoRoot: string;
  /** Scratch folder for user data, extensions, config and the log. */
  tempDir: string;
  /** Folder the workbench opens. */
  workspace: string;
  /** Extra environment for the server and so for the extension host (e.g. the lab settings). */
  env?: Record<string, string>;
  /** Keep workspace trust on (for tests of untrusted workspaces). Default: trust is disabled. */
  workspaceTrust?: boolean;
  /** User settings merged over the defaults below. */
  userSettings?: Record<string, unknown>;
  startTimeoutMs?: number;
  /** Fixed port (the demo keeps one so the browser's stored state survives restarts); default: a free one. */
  port?: number;
}

export interface CodeServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  logFile: string;
  userDataDir: string;
  /** The server log so far (stdout and stderr). */
  log(): string;
  /** Resolves with the exit code if the server exits. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

const defaultUserSettings: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  // Dialogs drawn in the page, so Playwright can see and click them.
  'window.dialogStyle': 'custom',
  'security.workspace.trust.startupPrompt': 'never',
  // Keep the window to the editor and our views (no chat side bar in screenshots).
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  const entry = codeServerEntry();
  const node = node24(o.repoRoot);
  const port = o.port ?? (await freePort());
  const userDataDir = path.join(o.tempDir, 'user-data');
  const extensionsDir = path.join(o.tempDir, 'extensions');
  const configFile = path.join(o.tempDir, 'code-server.yaml');
  const logFile = path.join(o.tempDir, 'code-server.log');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // An explicit config file, so code-server does not write one into ~/.config.
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const settings = {
    ...defaultUserSettings,
    'security.workspace.trust.enabled': !!o.workspaceTrust,
    ...o.userSettings,
  };
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const args = [
    entry,
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']),
    // Without this the workbench ignores the development/test options in the URL payload.
    '--vscode-option',
    'enable-smoke-test-driver',
    o.workspace,
  ];
  const out = createWriteStream(logFile);
  const child: ChildProcess = spawn(node, args, {
    cwd: o.tempDir,
    env: { ...process.env, ...o.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() also ends the extension host and its children
  });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const removeExitHook = killOnExit(child);

  let stopped = false;
  const server: CodeServer = {
    port,
    origin: `http://127.0.0.1:${port}`,
    logFile,
    userDataDir,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    exited,
    async stop() {
      if (stopped) return;
      stopped = true;
      await killGroup(child, exited);
      removeExitHook();
      out.end();
    },
  };

  try {
    await waitForHealth(server, o.startTimeoutMs ?? 60000);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

async function waitForHealth(server: CodeServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((c) => (exitCode = c));
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`code-server exited (code ${exitCode}) before it was ready. Its log:\n${server.log()}`);
    try {
      const res = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `code-server did not answer on ${server.origin} within ${timeoutMs / 1000} s. Its log:\n${server.log()}`,
  );
}

async function killGroup(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // group already gone
    }
  };
  signal('SIGTERM');
  const done = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
  ]);
  // Children of the group (extension host, pty hosts) may outlive the server; end them too.
  signal('SIGKILL');
  if (!done) await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
}

/** Kills the group if this process exits first (Ctrl+C, uncaught error). */
function killOnExit(child: ChildProcess): () => void {
  const hook = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', hook);
  return () => process.removeListener('exit', hook);
}

/**
 * The workbench URL that loads an extension for development and, optionally, runs a test module in
 * its extension host. Paths are absolute paths on this machine, addressed through the remote
 * authority (the server itself).
 */
export function workbenchUrl(
  server: CodeServer,
  o: { workspace: string; extensionDevelopmentPath: string; extensionTestsPath?: string },
): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload: [string, string][] = [['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]];
  if (o.extensionTestsPath) payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]);
  return `${server.origin}/?folder=${encodeURIComponent(path.resolve(o.workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
