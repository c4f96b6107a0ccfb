/**
 * Runs the core's diagnosis from the editor: the discovery the directory feature holds, the
 * directory targets and password from settings and SecretStorage, the engine settings from
 * `exchangeAuthDoctor.*`, Node I/O, a cancellable progress notification, and afterwards the
 * findings state on each server item of the tree. Other features (commands, walkthrough, status
 * bar, findings view) listen to `onDidEvent` while a run streams and to `onDidRun` when it ends.
 */
import * as vscode from 'vscode';
import type { CoreIo } from '../../core/io';
import type { EngineEvent, Scope } from '../../core/engine/check';
import { runDiagnosis } from '../../core/engine/orchestrator';
import { buildVerdict } from '../../core/engine/verdict';
import { DoctorError, isDoctorError } from '../../core/errors';
import { STEP_TITLES, type Finding, type Severity, type Step, type Verdict } from '../../shared/findings';
import { createNodeIo } from '../../io/node-io';
import type { DiscoveryResult } from '../../core/directory/model';
import { readCaPem, targetsOf } from '../directory/discovery-service';
import { engineSettingsFrom, readSettings, type DirectorySettings } from '../settings';
import { directoryCredentials } from '../directory/credentials';
import { healthByServer } from '../../core/session/server-health';

export interface DiagnosisRun {
  scope: Scope;
  startedAt: string;
  findings: Finding[];
  verdict: Verdict;
  cancelled: boolean;
  /** The servers the run covered (short names), as resolved from the discovery. */
  servers: string[];
  /** The steps that were run. */
  steps: Step[];
}

export interface RunOptions {
  steps?: Step[];
  signal?: AbortSignal;
  onEvent?: (e: EngineEvent) => void;
  /** Show a cancellable progress notification (default true). */
  progress?: boolean;
}

/** What the service needs; everything but `api` and `log` has a default for the real editor. */
export interface DiagnosisServiceDeps {
  /** The directory feature's view of the discovery (the extension API's methods of the same names). */
  api: {
    getDiscovery(): DiscoveryResult | undefined;
    getDirectoryStatus(): { kind: string; failure?: { message: string } };
    refresh(): Promise<void>;
    setServerHealth(serverName: string, severity: Severity, summary?: string): void;
  };
  credentials: { get(settings: DirectorySettings): Promise<string | undefined> };
  log: vscode.LogOutputChannel;
  /** Default: createNodeIo(). */
  io?: () => CoreIo;
  /** Default: readSettings(). */
  settings?: () => DirectorySettings;
}

export function scopeLabel(scope: Scope): string {
  if (scope.kind === 'organisation') return vscode.l10n.t('the whole organisation');
  if (scope.kind === 'server') return scope.server;
  return `${scope.sending} → ${scope.receiving}`;
}

/** One key per scope: `organisation`, `server:EX01`, `pair:EX01:EX02` (names upper-cased). */
export function scopeKey(scope: Scope): string {
  if (scope.kind === 'organisation') return 'organisation';
  if (scope.kind === 'server') return `server:${scope.server.toUpperCase()}`;
  return `pair:${scope.sending.toUpperCase()}:${scope.receiving.toUpperCase()}`;
}

function scopeServers(scope: Scope, all: readonly string[]): string[] {
  if (scope.kind === 'organisation') return [...all];
  if (scope.kind === 'server') return [scope.server];
  return [scope.sending, scope.receiving];
}

export class DiagnosisService implements vscode.Disposable {
  private readonly didRun = new vscode.EventEmitter<DiagnosisRun>();
  private readonly didEvent = new vscode.EventEmitter<EngineEvent>();
  readonly onDidRun = this.didRun.event;
  readonly onDidEvent = this.didEvent.event;
  private lastRun: DiagnosisRun | undefined;
  /** The last finished (not cancelled) run of each scope, for views that open later. */
  private readonly lastByScope = new Map<string, DiagnosisRun>();
  private readonly running = new Set<AbortController>();

  constructor(private readonly deps: DiagnosisServiceDeps) {}

  get last(): DiagnosisRun | undefined {
    return this.lastRun;
  }

  /** The last complete run over `scope`, if there was one this session. */
  lastOf(scope: Scope): DiagnosisRun | undefined {
    return this.lastByScope.get(scopeKey(scope));
  }

  /** True while at least one run is in flight. */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /**
   * Runs the checks of `options.steps` (default all six) over `scope`. Resolves with the run, also
   * when cancelled (`cancelled: true`, with the findings so far). Rejects with a DoctorError when
   * the directory is not ready or the settings are unusable.
   */
  async run(scope: Scope, options: RunOptions = {}): Promise<DiagnosisRun> {
    if (options.progress === false) return this.execute(scope, options, undefined);
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Diagnosing {0}', scopeLabel(scope)),
        cancellable: true,
      },
      (progress, token) => this.execute(scope, options, { progress, token }),
    );
  }

  private async discovery(): Promise<NonNullable<ReturnType<DiagnosisServiceDeps['api']['getDiscovery']>>> {
    let discovery = this.deps.api.getDiscovery();
    if (!discovery && this.deps.api.getDirectoryStatus().kind === 'loading') {
      await this.deps.api.refresh();
      discovery = this.deps.api.getDiscovery();
    }
    if (!discovery) {
      const status = this.deps.api.getDirectoryStatus();
      const why = status.failure?.message ?? status.kind;
      throw new DoctorError(
        'usage',
        vscode.l10n.t(
          'The directory has not been read ({0}); sign in and refresh the Exchange Servers view first.',
          why,
        ),
      );
    }
    return discovery;
  }

  private async execute(
    scope: Scope,
    options: RunOptions,
    ui:
      | { progress: vscode.Progress<{ message?: string; increment?: number }>; token: vscode.CancellationToken }
      | undefined,
  ): Promise<DiagnosisRun> {
    const { log } = this.deps;
    const discovery = await this.discovery();
    const settings = (this.deps.settings ?? readSettings)();
    const credentials = await directoryCredentials(settings, this.deps.credentials);
    if (credentials === undefined)
      throw new DoctorError(
        'usage',
        vscode.l10n.t('No password is stored for {0}; run "Sign in to directory" first.', settings.bindUser || '?'),
      );
    const targets = targetsOf(settings, await readCaPem(settings));
    const engine = engineSettingsFrom(settings, options.steps);

    const controller = new AbortController();
    this.running.add(controller);
    const onAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) controller.abort();
    const cancelListener = ui?.token.onCancellationRequested(onAbort);

    const makeIo: () => CoreIo = this.deps.io ?? createNodeIo;
    const io = makeIo();
    const startedAt = new Date(io.clock.now()).toISOString();
    const findings: Finding[] = [];
    const total = engine.steps.length;
    log.info(
      `Diagnosis of ${scopeLabel(scope)}: steps ${engine.steps.join(',')}, ${discovery.servers.length} server(s) known, probe timeout ${engine.probeTimeoutMs} ms`,
    );

    const onEvent = (e: EngineEvent): void => {
      if (e.type === 'finding') {
        findings.push(e.finding);
        const f = e.finding;
        const line = `[step ${f.step}] ${f.severity.toUpperCase()} ${f.subject.name}: ${f.title}${f.reason ? ` (${f.reason})` : ''}`;
        if (f.severity === 'error') log.error(line);
        else if (f.severity === 'warning') log.warn(line);
        else log.info(line);
      } else if (e.type === 'step-started') {
        ui?.progress.report({ message: vscode.l10n.t('Step {0}: {1}', e.step, STEP_TITLES[e.step]) });
      } else if (e.type === 'step-finished') {
        ui?.progress.report({ increment: 100 / total });
        log.info(`Step ${e.step} finished in ${(e.durationMs / 1000).toFixed(1)} s`);
      } else log.debug(e.message);
      this.didEvent.fire(e);
      options.onEvent?.(e);
    };

    let run: DiagnosisRun;
    try {
      const result = await runDiagnosis({
        io,
        discovery,
        scope,
        settings: engine,
        directory: { targets, credentials },
        signal: controller.signal,
        onEvent,
      });
      run = {
        scope,
        startedAt,
        findings: result.findings,
        verdict: result.verdict,
        cancelled: false,
        servers: scopeServers(
          scope,
          discovery.servers.map((s) => s.name),
        ),
        steps: engine.steps,
      };
    } catch (e) {
      if (!(controller.signal.aborted || (isDoctorError(e) && e.kind === 'aborted'))) {
        log.error(`Diagnosis of ${scopeLabel(scope)} failed: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
      const now = new Date(io.clock.now()).toISOString();
      run = {
        scope,
        startedAt,
        findings,
        verdict: buildVerdict(findings, startedAt, now),
        cancelled: true,
        servers: scopeServers(
          scope,
          discovery.servers.map((s) => s.name),
        ),
        steps: engine.steps,
      };
      log.warn(`Diagnosis of ${scopeLabel(scope)} cancelled after ${findings.length} finding(s)`);
    } finally {
      cancelListener?.dispose();
      options.signal?.removeEventListener('abort', onAbort);
      this.running.delete(controller);
    }
    if (!run.cancelled)
      log.info(
        `Diagnosis of ${scopeLabel(scope)}: ${run.verdict.overall} (${run.verdict.counts.error} error, ${run.verdict.counts.warning} warning, ${run.verdict.counts.unknown} unknown, ${run.verdict.counts.ok} ok)`,
      );
    this.publish(run);
    return run;
  }

  /** Records a run (also one made of findings parsed from a terminal), updates the tree and notifies. */
  publish(run: DiagnosisRun): void {
    for (const [name, health] of healthByServer(run.findings, run.servers))
      this.deps.api.setServerHealth(name, health.severity, health.summary);
    this.lastRun = run;
    if (!run.cancelled) this.lastByScope.set(scopeKey(run.scope), run);
    this.didRun.fire(run);
  }

  /** Cancels every run in flight. */
  cancelAll(): void {
    for (const c of this.running) c.abort();
  }

  dispose(): void {
    this.cancelAll();
    this.didRun.dispose();
    this.didEvent.dispose();
  }
}
