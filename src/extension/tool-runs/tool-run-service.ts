/**
 * One tool run (setspn, w32tm, repadmin, PowerShell, or the CLI in their place) from start to
 * end: workspace trust, the plan's form for this OS, consent or dry-run for changes, the run in the
 * terminal, the findings read from its output, and where they go (the findings store, hence the
 * tree, the Findings view and the status bar; and the log).
 */
import * as vscode from 'vscode';
import type { Finding } from '../../shared/findings';
import { CommandLineError } from '../../core/safety/command-line';
import type { FindingsStore } from '../../core/session/findings-store';
import { prepareRun, type CliLocation, type PreparedRun } from '../../core/tools/invocation';
import type { TerminalRunner } from '../terminal/terminal-runner';
import { PlanError, interpreterFor, type Invocation, type ToolPlan } from '../../core/tools/tool-plan';
import { shownLines, type SafetyGate } from './safety-gate';
import { hasUnsafeTerminalText } from '../../core/safety/terminal-text';

export type ToolRunStatus = 'ran' | 'refused' | 'declined' | 'dry-run' | 'unavailable' | 'invalid' | 'failed';

export interface ToolRunOutcome {
  status: ToolRunStatus;
  tool: string;
  target: string;
  commandLine?: string;
  via?: 'shell-integration' | 'fallback';
  exitCode?: number;
  findings: Finding[];
  message?: string;
  /** The raw output as read (from the terminal: with its escape sequences). */
  output?: string;
}

/** How long a tool runs before a progress notification (with Cancel) appears. */
const PROGRESS_DELAY_MS = 1500;

export interface ToolRunDeps {
  runner: TerminalRunner;
  gate: SafetyGate;
  store: FindingsStore;
  log: vscode.LogOutputChannel;
  cli: CliLocation;
  /** True: the Windows tools run here (Windows, unless checks.windowsTools is `never`). */
  useWindowsTools(): boolean;
  powershellExe: string;
  /** The CLI's environment (EAD_* settings, nothing secret) and the password apart; rejects when not signed in. */
  cliEnv(): Promise<{ env: Record<string, string>; password?: string }>;
  /** Kerberos tolerance and warning threshold for interpreting clocks. */
  clockLimits(): { clockToleranceMs: number; clockWarningMs: number };
  timeoutMs(): number;
  /** Called after findings were stored. */
  onDidRun(outcomes: ToolRunOutcome[], title: string): void;
}

type Runnable = Exclude<Invocation, { kind: 'unavailable' }>;

export class ToolRunService {
  private lastOutcomes: ToolRunOutcome[] = [];

  constructor(private readonly deps: ToolRunDeps) {}

  get last(): readonly ToolRunOutcome[] {
    return this.lastOutcomes;
  }

  private finish(outcomes: ToolRunOutcome[], title: string): ToolRunOutcome[] {
    this.lastOutcomes = outcomes;
    this.deps.onDidRun(outcomes, title);
    return outcomes;
  }

  private windowsLines(plans: readonly ToolPlan[]): string[] {
    return plans.map((p) =>
      p.windows.kind === 'unavailable' ? p.title : prepareRun(p.windows, 'powershell', this.deps.cli).commandLine,
    );
  }

  /** Builds plans (a bad name is reported, not thrown) and runs them. */
  async runPlans(title: string, target: string, build: () => ToolPlan[]): Promise<ToolRunOutcome[]> {
    let plans: ToolPlan[];
    try {
      plans = build();
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
      this.deps.log.error(`${title}: ${e.message}`);
      void vscode.window.showErrorMessage(`${title}: ${e.message}`);
      return [{ status: 'invalid', tool: title, target, findings: [], message: e.message }];
    }
    if (plans.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: nothing to do.', title));
      return [];
    }
    return this.run(title, target, plans);
  }

  /** Runs `plans` one after the other (one consent for all of them when they change state). */
  async run(
    title: string,
    target: string,
    plans: readonly ToolPlan[],
    signal?: AbortSignal,
  ): Promise<ToolRunOutcome[]> {
    const { gate, log } = this.deps;
    const base = (p: ToolPlan, status: ToolRunStatus, message?: string): ToolRunOutcome => ({
      status,
      tool: p.tool,
      target: p.target,
      findings: [],
      ...(message ? { message } : {}),
    });
    if (plans.length === 0) return this.finish([], title);
    if (gate.refuseUntrusted(title))
      return this.finish(
        plans.map((p) => base(p, 'refused')),
        title,
      );

    const windows = this.deps.useWindowsTools();
    const invocations = plans.map((p) => (windows ? p.windows : p.other));
    let prepared: PreparedRun[];
    try {
      const unavailable = invocations.find(
        (i): i is Extract<Invocation, { kind: 'unavailable' }> => i.kind === 'unavailable',
      );
      if (unavailable) {
        await gate.showOnly(title, this.windowsLines(plans), unavailable.reason);
        return this.finish(
          plans.map((p) => ({
            ...base(p, 'unavailable', unavailable.reason),
            commandLine: this.windowsLines([p])[0] ?? '',
          })),
          title,
        );
      }
      prepared = (invocations as Runnable[]).map((i) =>
        prepareRun(i, this.deps.runner.shellKind, this.deps.cli, this.deps.powershellExe),
      );
    } catch (e) {
      if (!(e instanceof PlanError || e instanceof CommandLineError)) throw e;
      log.error(`${title}: ${e.message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', title, e.message));
      return this.finish(
        plans.map((p) => base(p, 'invalid', e.message)),
        title,
      );
    }

    const lines = prepared.map((r) => r.commandLine);
    // The dialog shows control, bidirectional and invisible characters as escapes; a line holding
    // any would run differently from the line approved, so it does not run at all.
    if (lines.some(hasUnsafeTerminalText)) {
      log.warn(`${title}: refused a command line with control or invisible characters: ${shownLines(lines)}`);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('This command holds control or invisible characters and is not run. Copy it and check it first.'),
      );
      return this.finish(
        plans.map((p, i) => ({
          ...base(p, 'invalid', 'control or invisible characters'),
          commandLine: lines[i] ?? '',
        })),
        title,
      );
    }
    const changesState = plans.some((p) => p.changesState);
    if (changesState) {
      if (gate.dryRun()) {
        await gate.showOnly(
          title,
          lines,
          vscode.l10n.t('Dry run (exchangeAuthDoctor.commands.dryRun): nothing was run.'),
        );
        return this.finish(
          plans.map((p, i) => ({ ...base(p, 'dry-run'), commandLine: lines[i] ?? '' })),
          title,
        );
      }
      if (!(await gate.confirm({ title, commandLines: lines, target }))) {
        return this.finish(
          plans.map((p, i) => ({ ...base(p, 'declined'), commandLine: lines[i] ?? '' })),
          title,
        );
      }
    }

    let env: Record<string, string> = {};
    let password: string | undefined;
    if (invocations.some((i) => i.kind === 'cli')) {
      try {
        ({ env, password } = await this.deps.cliEnv());
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        void vscode.window.showErrorMessage(message);
        return this.finish(
          plans.map((p) => base(p, 'failed', message)),
          title,
        );
      }
    }

    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const outcomes: ToolRunOutcome[] = [];
    const work = (async () => {
      for (const [i, plan] of plans.entries()) {
        const run = prepared[i];
        const invocation = (invocations as Runnable[])[i];
        if (!run || !invocation || controller.signal.aborted) break;
        outcomes.push(
          await this.runOne(
            plan,
            invocation,
            run,
            env,
            invocation.kind === 'cli' ? password : undefined,
            controller.signal,
          ),
        );
      }
    })();
    // Quick runs finish silently; a run still going after PROGRESS_DELAY_MS gets a notification with Cancel.
    const delay = new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), PROGRESS_DELAY_MS));
    if ((await Promise.race([work.then(() => 'done' as const), delay])) === 'slow') {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        async (_progress, token) => {
          const listener = token.onCancellationRequested(onAbort);
          try {
            await work;
          } finally {
            listener.dispose();
          }
        },
      );
    }
    await work;
    signal?.removeEventListener('abort', onAbort);
    return this.finish(outcomes, title);
  }

  private async runOne(
    plan: ToolPlan,
    invocation: Runnable,
    run: PreparedRun,
    env: Record<string, string>,
    password: string | undefined,
    signal: AbortSignal,
  ): Promise<ToolRunOutcome> {
    const { log } = this.deps;
    log.info(`Running ${plan.title}: ${run.commandLine}`);
    const result = await this.deps.runner.run({
      run,
      env: invocation.kind === 'cli' ? env : {},
      ...(password !== undefined ? { password } : {}),
      changesState: plan.changesState,
      timeoutMs: this.deps.timeoutMs(),
      signal,
    });
    const ctx = {
      commandLine: run.commandLine,
      observedAt: new Date().toISOString(),
      ...(plan.server ? { server: plan.server } : {}),
      ...this.deps.clockLimits(),
    };
    const findings = interpreterFor(plan, invocation)(result.output, result.exitCode, ctx);
    log.info(
      `${plan.title}: exit code ${result.exitCode ?? 'unknown'} via ${result.via}${result.timedOut ? ' (timed out)' : ''}${result.cancelled || signal.aborted ? ' (cancelled)' : ''}, ${findings.length} finding(s)`,
    );
    for (const f of findings) {
      const text = `[step ${f.step}] ${f.severity.toUpperCase()} ${f.subject.name}: ${f.title}`;
      if (f.severity === 'error') log.error(text);
      else if (f.severity === 'warning') log.warn(text);
      else log.info(text);
    }
    this.deps.store.add({
      key: `${plan.tool}:${plan.target}`,
      kind: 'tool',
      label: plan.title,
      servers: plan.server ? [plan.server.name] : [],
      steps: [plan.step],
      organisation: false,
      findings,
      at: ctx.observedAt,
    });
    return {
      status: 'ran',
      tool: plan.tool,
      target: plan.target,
      commandLine: run.commandLine,
      via: result.via,
      ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
      findings,
      output: result.output,
    };
  }
}
