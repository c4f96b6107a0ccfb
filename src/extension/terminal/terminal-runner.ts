/**
 * The extension's one named terminal, and how a command runs in it. With shell integration the
 * command line is executed through `shellIntegration.executeCommand`, its output read with
 * `execution.read()` (called at once: only the first call sees the output) and its exit code taken
 * from `onDidEndTerminalShellExecution`. When integration does not come up within 3 s (cmd.exe,
 * PowerShell blocked by execution policy, or turned off in the settings), the same argument vector
 * runs in the background with execa for the result and the terminal gets the command line through
 * `sendText` as the visible record (as a comment for commands that change state, so they never
 * run twice).
 */
import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { execa } from 'execa';
import type { ShellKind } from '../../shared/findings';
import type { PreparedRun } from './invocation';

export const TERMINAL_NAME = 'Exchange Auth Doctor';
export const SHELL_INTEGRATION_TIMEOUT_MS = 3000;

export interface TerminalRunRequest {
  run: PreparedRun;
  /** Extra environment for the terminal and the background process (the CLI's EAD_* settings). */
  env?: Record<string, string>;
  changesState: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface TerminalRunResult {
  /** Raw output as read: from the terminal with escape sequences, or stdout+stderr of execa. */
  output: string;
  exitCode: number | undefined;
  via: 'shell-integration' | 'fallback';
  timedOut: boolean;
}

export interface TerminalRunnerOptions {
  /** False forces the fallback (setting `exchangeAuthDoctor.terminal.useShellIntegration`). */
  useShellIntegration(): boolean;
  /** Windows: the PowerShell to start (pwsh, then Windows PowerShell); undefined elsewhere. */
  shellPath?: string;
  /** Shown once when the terminal opens (e.g. that the Windows tools are not available here). */
  message?: string;
  log: vscode.LogOutputChannel;
}

/**
 * The shell to start on macOS and Linux: the user's when shell integration supports it (bash,
 * zsh, fish, pwsh), else bash when present (a plain `sh` never gets shell integration).
 */
export function posixShellPath(defaultShell: string = vscode.env.shell, exists: (p: string) => boolean = existsSync): string | undefined {
  if (/(^|\/)(bash|zsh|fish|pwsh)$/.test(defaultShell)) return undefined;
  return ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash'].find(exists);
}

/** Which quoting the terminal's shell reads: from the shell we start, or the default profile's. */
export function shellKindOf(shellPath: string | undefined, platform: NodeJS.Platform = process.platform): ShellKind {
  const shell = (shellPath ?? vscode.env.shell ?? '').toLowerCase();
  if (/pwsh|powershell/.test(shell)) return 'powershell';
  if (/cmd(\.exe)?$/.test(shell)) return 'cmd';
  if (!shell && platform === 'win32') return 'powershell';
  return 'posix';
}

export class TerminalRunner implements vscode.Disposable {
  private terminal: vscode.Terminal | undefined;
  private envKey = '';
  private messageShown = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** Runs are serialised: one command at a time in the one terminal. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TerminalRunnerOptions) {
    this.disposables.push(
      vscode.window.onDidCloseTerminal((t) => {
        if (t === this.terminal) this.terminal = undefined;
      }),
    );
  }

  get shellKind(): ShellKind {
    return shellKindOf(this.options.shellPath);
  }

  /** The terminal, created on first use or again when the environment changed. */
  private ensureTerminal(env: Record<string, string>): vscode.Terminal {
    // Only a digest of the environment is kept: it holds the bind password.
    const key = createHash('sha256').update(JSON.stringify(Object.entries(env).sort())).digest('hex');
    if (this.terminal && this.envKey !== key) {
      this.terminal.dispose();
      this.terminal = undefined;
    }
    if (!this.terminal) {
      const message = this.messageShown ? undefined : this.options.message;
      this.messageShown = this.messageShown || message !== undefined;
      this.terminal = vscode.window.createTerminal({
        name: TERMINAL_NAME,
        iconPath: new vscode.ThemeIcon('shield'),
        ...(this.options.shellPath ? { shellPath: this.options.shellPath } : {}),
        ...(Object.keys(env).length ? { env } : {}),
        ...(message ? { message: `${message}\r\n` } : {}),
      });
      this.envKey = key;
    }
    return this.terminal;
  }

  /** Resolves with the terminal's shell integration, or undefined after `timeoutMs`. */
  private waitForIntegration(terminal: vscode.Terminal, timeoutMs: number): Promise<vscode.TerminalShellIntegration | undefined> {
    if (terminal.shellIntegration) return Promise.resolve(terminal.shellIntegration);
    return new Promise((resolve) => {
      const done = (value: vscode.TerminalShellIntegration | undefined): void => {
        clearTimeout(timer);
        listener.dispose();
        resolve(value);
      };
      const listener = vscode.window.onDidChangeTerminalShellIntegration((e) => {
        if (e.terminal === terminal) done(e.shellIntegration);
      });
      const timer = setTimeout(() => done(terminal.shellIntegration), timeoutMs);
    });
  }

  run(request: TerminalRunRequest): Promise<TerminalRunResult> {
    const next = this.queue.then(() => this.runNow(request));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(request: TerminalRunRequest): Promise<TerminalRunResult> {
    const env = request.env ?? {};
    const terminal = this.ensureTerminal(env);
    terminal.show(true);
    let integration: vscode.TerminalShellIntegration | undefined;
    if (this.options.useShellIntegration()) {
      // The 3 s count from the moment the shell process exists, not from the terminal object.
      await Promise.race([terminal.processId, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      integration = await this.waitForIntegration(terminal, SHELL_INTEGRATION_TIMEOUT_MS);
    }
    if (integration) return this.runIntegrated(terminal, integration, request);
    this.options.log.info(`Shell integration not available${this.options.useShellIntegration() ? ` within ${SHELL_INTEGRATION_TIMEOUT_MS / 1000} s` : ' (turned off in the settings)'}; running in the background: ${request.run.commandLine}`);
    return this.runFallback(terminal, request);
  }

  private async runIntegrated(terminal: vscode.Terminal, integration: vscode.TerminalShellIntegration, request: TerminalRunRequest): Promise<TerminalRunResult> {
    const ends: vscode.TerminalShellExecutionEndEvent[] = [];
    let notify: (() => void) | undefined;
    const endListener = vscode.window.onDidEndTerminalShellExecution((e) => {
      ends.push(e);
      notify?.();
    });
    let timedOut = false;
    const onAbort = (): void => terminal.sendText('\u0003', false);
    request.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const execution = integration.executeCommand(request.run.commandLine);
      const stream = execution.read();
      const ended = new Promise<number | undefined>((resolve) => {
        const check = (): void => {
          const hit = ends.find((e) => e.execution === execution);
          if (hit) resolve(hit.exitCode);
        };
        notify = check;
        check();
      });
      let output = '';
      const reading = (async () => {
        for await (const chunk of stream) output += chunk;
      })();
      const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), request.timeoutMs));
      const outcome = await Promise.race([Promise.all([reading, ended]).then(([, code]) => ({ code })), timer]);
      if (outcome === 'timeout') {
        timedOut = true;
        terminal.sendText('\u0003', false);
        return { output, exitCode: undefined, via: 'shell-integration', timedOut };
      }
      return { output, exitCode: outcome.code, via: 'shell-integration', timedOut };
    } finally {
      request.signal?.removeEventListener('abort', onAbort);
      endListener.dispose();
    }
  }

  private async runFallback(terminal: vscode.Terminal, request: TerminalRunRequest): Promise<TerminalRunResult> {
    const comment = this.shellKind === 'cmd' ? 'REM' : '#';
    if (request.changesState) terminal.sendText(`${comment} ${vscode.l10n.t('run in the background by Exchange Auth Doctor:')} ${request.run.commandLine}`, true);
    else terminal.sendText(request.run.commandLine, true);
    const result = await execa(request.run.file, request.run.args, {
      env: request.env ?? {},
      reject: false,
      all: true,
      timeout: request.timeoutMs,
      windowsHide: true,
      stdin: 'ignore',
      ...(request.signal ? { cancelSignal: request.signal } : {}),
    });
    return { output: result.all ?? `${result.stdout}${result.stderr}`, exitCode: result.exitCode, via: 'fallback', timedOut: result.timedOut };
  }

  dispose(): void {
    this.terminal?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
