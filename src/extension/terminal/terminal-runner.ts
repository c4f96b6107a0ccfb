/**
 * The extension's one named terminal, and how a command runs in it. With shell integration the
 * command line is executed through `shellIntegration.executeCommand`, its output read with
 * `execution.read()` (called at once: only the first call sees the output) and its exit code taken
 * from `onDidEndTerminalShellExecution`. When integration does not come up within 3 s (cmd.exe,
 * PowerShell blocked by execution policy, or turned off in the settings), the same argument vector
 * runs in the background for the result (background-run.ts: by absolute path, never through a
 * shell) and the terminal gets the command line through `sendText` as the visible record (as a
 * comment for commands that change state, so they never run twice).
 *
 * The bind password is never in the terminal's environment: the terminal gets only where to ask
 * for it (password-handoff.ts), and the extension answers there once while it runs a CLI command.
 */
import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { ShellKind } from '../../shared/findings';
import { runInBackground } from '../../io/background-run';
import type { PreparedRun } from '../../core/tools/invocation';
import { PasswordHandoff } from '../../io/password-handoff';
import { atMost, raceWithLimits } from '../../core/tools/race-with-limits';
import { posixShellPath as choosePosixShell, shellKindOf as kindOfShell } from '../../core/tools/shell-choice';

export const TERMINAL_NAME = 'Exchange Auth Doctor';
export const SHELL_INTEGRATION_TIMEOUT_MS = 3000;

export interface TerminalRunRequest {
  run: PreparedRun;
  /** Extra environment for the terminal and the background process (the CLI's EAD_* settings; nothing secret). */
  env?: Record<string, string>;
  /** The bind password for the CLI: handed over once, never put in the terminal's environment. */
  password?: string;
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
  /** Cancelled through the request's signal (the exit code is then unknown). */
  cancelled: boolean;
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

/** The shell to start on macOS and Linux (see shell-choice.ts: fish and others get bash). */
export function posixShellPath(
  defaultShell: string = vscode.env.shell,
  exists: (p: string) => boolean = existsSync,
): string | undefined {
  return choosePosixShell(defaultShell, exists);
}

/** Which quoting the terminal's shell reads: from the shell we start, or the default profile's. */
export function shellKindOf(shellPath: string | undefined, platform: NodeJS.Platform = process.platform): ShellKind {
  return kindOfShell(shellPath, vscode.env.shell ?? '', platform);
}

/** How long the hand-off waits for the terminal copy of a fallback run to ask for the password. */
const FALLBACK_HANDOFF_MS = 60_000;

export class TerminalRunner implements vscode.Disposable {
  private terminal: vscode.Terminal | undefined;
  private envKey = '';
  private messageShown = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly handoff = new PasswordHandoff();
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
    const key = createHash('sha256')
      .update(JSON.stringify(Object.entries(env).sort()))
      .digest('hex');
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
  private waitForIntegration(
    terminal: vscode.Terminal,
    timeoutMs: number,
  ): Promise<vscode.TerminalShellIntegration | undefined> {
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
    if (request.signal?.aborted)
      return { output: '', exitCode: undefined, via: 'fallback', timedOut: false, cancelled: true };
    // Where to ask for the password, never the password: the variables stay the same for the
    // life of the extension, so the terminal is not recreated for each run.
    const env = request.env && Object.keys(request.env).length ? { ...request.env, ...this.handoff.env() } : {};
    const terminal = this.ensureTerminal(env);
    terminal.show(true);
    let integration: vscode.TerminalShellIntegration | undefined;
    if (this.options.useShellIntegration()) {
      // The 3 s count from the moment the shell process exists, not from the terminal object.
      await atMost(terminal.processId, 10_000);
      integration = await this.waitForIntegration(terminal, SHELL_INTEGRATION_TIMEOUT_MS);
    }
    if (integration) return this.runIntegrated(terminal, integration, request);
    this.options.log.info(
      `Shell integration not available${this.options.useShellIntegration() ? ` within ${SHELL_INTEGRATION_TIMEOUT_MS / 1000} s` : ' (turned off in the settings)'}; running in the background: ${request.run.commandLine}`,
    );
    return this.runFallback(terminal, request);
  }

  private async runIntegrated(
    terminal: vscode.Terminal,
    integration: vscode.TerminalShellIntegration,
    request: TerminalRunRequest,
  ): Promise<TerminalRunResult> {
    const ends: vscode.TerminalShellExecutionEndEvent[] = [];
    let notify: (() => void) | undefined;
    const endListener = vscode.window.onDidEndTerminalShellExecution((e) => {
      ends.push(e);
      notify?.();
    });
    const armed =
      request.password === undefined ? undefined : await this.handoff.arm(request.password, request.timeoutMs);
    let output = '';
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
      const reading = (async () => {
        for await (const chunk of stream) output += chunk;
      })();
      const outcome = await raceWithLimits(
        Promise.all([reading, ended]).then(([, code]) => code),
        request.timeoutMs,
        request.signal,
      );
      if (outcome.kind === 'done')
        return { output, exitCode: outcome.value, via: 'shell-integration', timedOut: false, cancelled: false };
      // Timed out or cancelled: interrupt the command and return at once.
      terminal.sendText('\u0003', false);
      return {
        output,
        exitCode: undefined,
        via: 'shell-integration',
        timedOut: outcome.kind === 'timeout',
        cancelled: outcome.kind === 'cancelled',
      };
    } finally {
      notify = undefined;
      endListener.dispose();
      await armed?.disarm();
    }
  }

  private async runFallback(terminal: vscode.Terminal, request: TerminalRunRequest): Promise<TerminalRunResult> {
    const comment = this.shellKind === 'cmd' ? 'REM' : '#';
    if (request.changesState)
      terminal.sendText(
        `${comment} ${vscode.l10n.t('run in the background by Exchange Auth Doctor:')} ${request.run.commandLine}`,
        true,
      );
    else {
      // The visible copy runs in the terminal too; it asks the hand-off for the password, once.
      if (request.password !== undefined) await this.handoff.arm(request.password, FALLBACK_HANDOFF_MS);
      terminal.sendText(request.run.commandLine, true);
    }
    // The background process gets its environment for itself alone (not a shell the user types in).
    const env = {
      ...(request.env ?? {}),
      ...(request.run.env ?? {}),
      ...(request.password !== undefined ? { EAD_BIND_PASSWORD: request.password } : {}),
    };
    const result = await runInBackground(request.run, {
      env,
      timeoutMs: request.timeoutMs,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    return { ...result, via: 'fallback' };
  }

  dispose(): void {
    this.handoff.dispose();
    this.terminal?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
