/**
 * Wires the commands feature: the diagnosis service, the terminal runner, the findings store and
 * its view, the status bar item, and the command table (palette and tree context menus). Returns
 * the feature's API, which is also attached to the extension API as `api.commands` for tests.
 */
import * as vscode from 'vscode';
import type { Finding, Remedy } from '../../shared/findings';
import { isDoctorError } from '../../core/errors';
import type { Scope } from '../../core/engine/check';
import type { ExchangeAuthDoctorApi } from '../api';
import { CredentialStore } from '../directory/credentials';
import { SECTION, readSettings } from '../directory/settings';
import { DiagnosisService, scopeLabel, type DiagnosisRun } from '../diagnosis/diagnosis-service';
import { FindingsStore } from '../../core/session/findings-store';
import { RemedyRegistry } from '../../core/session/remedy-registry';
import {
  FINDINGS_VIEW_ID,
  FindingsViewProvider,
  type FindingsNode,
  type FindingsSnapshot,
} from '../findings/findings-view';
import { StatusItem } from '../status/status-item';
import { ResultsFeature } from '../results/results-feature';
import { TerminalRunner, posixShellPath } from '../terminal/terminal-runner';
import { PlanError, type ToolPlan } from '../../core/tools/tool-plan';
import { buildVerdict } from '../../core/engine/verdict';
import { sanitizeForTerminal } from '../../core/safety/terminal-text';
import { cliEnvironment, findPowerShell } from './environment';
import { registerToolCommands, remedyPlan } from './tool-commands';
import { TOOL_COMMANDS } from './ids';
import { SafetyGate, type GateHooks } from './safety-gate';
import { ToolRunService, type ToolRunOutcome } from './tool-run';

export { TOOL_COMMANDS } from './ids';
export type { ToolRunOutcome } from './tool-run';

export interface CommandsFeatureApi {
  readonly diagnosis: DiagnosisService;
  /** The Findings view as rendered. */
  findingsSnapshot(): FindingsSnapshot[];
  findings(): Finding[];
  clearFindings(): void;
  lastToolRun(): readonly ToolRunOutcome[];
  statusText(): string;
  /**
   * Runs a remedy's command line in the extension's terminal behind the same gate as the commands
   * (trust, dry-run, consent); off Windows it is shown to copy. Only remedies this extension
   * produced (a diagnosis or tool run of this session) run, looked up by command line, runOn and
   * shell; the stored remedy is what runs and decides consent (`alwaysAsk`: consent even for a
   * read-only one, for remedies shown from a restored state). True when it ran.
   */
  runRemedy(remedy: Remedy, options?: { alwaysAsk?: boolean }): Promise<boolean>;
  /**
   * The commands' trust check, for other features that run something (the walkthrough's Run):
   * true, and a message, when the workspace is not trusted.
   */
  refuseUntrusted(title: string): boolean;
  /**
   * Test hooks: confirmation, trust check and the show-only modal (undefined restores the real
   * ones). Absent in production (ExtensionMode.Production): nothing can bypass the gate there.
   */
  setHooks?: (hooks: GateHooks) => void;
}

export function activateCommandsFeature(
  context: vscode.ExtensionContext,
  api: ExchangeAuthDoctorApi,
  log: vscode.LogOutputChannel,
): CommandsFeatureApi {
  const credentials = new CredentialStore(context.secrets);
  const diagnosis = new DiagnosisService({ api, credentials, log });
  const store = new FindingsStore();
  const view = new FindingsViewProvider(store);
  const treeView = vscode.window.createTreeView(FINDINGS_VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  const status = new StatusItem(TOOL_COMMANDS.showFindings);
  const gate = new SafetyGate(log);
  const windows = process.platform === 'win32';
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(SECTION);
  // Fixed for the session: the terminal's shell must be the one the lines were quoted for, even
  // when the default profile changes later (to fish, or a pwsh the lines were not quoted for).
  const shellPath = windows ? findPowerShell() : (posixShellPath() ?? (vscode.env.shell || undefined));
  const runner = new TerminalRunner({
    log,
    useShellIntegration: () => config().get<boolean>('terminal.useShellIntegration') !== false,
    ...(shellPath ? { shellPath } : {}),
    ...(windows
      ? {}
      : {
          message: vscode.l10n.t(
            'Exchange Auth Doctor: the Windows tools (setspn, w32tm, repadmin, PowerShell) are not available on this system; the same commands run the exchange-auth-doctor CLI, which reads Active Directory over LDAP instead.',
          ),
        }),
  });
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const results = new ResultsFeature({
    version,
    directoryUrl: () => api.getDiscovery()?.source,
    secrets: async () => {
      const password = await credentials.get(readSettings()).catch(() => undefined);
      return password ? [password] : [];
    },
  });

  const applyHealth = (): void => {
    for (const [name, h] of store.health()) api.setServerHealth(name, h.severity, h.summary);
  };

  const tools = new ToolRunService({
    runner,
    gate,
    store,
    log,
    // In the desktop editor process.execPath is Electron: ELECTRON_RUN_AS_NODE for the CLI's command only.
    cli: {
      node: process.execPath,
      script: context.asAbsolutePath('dist/cli.js'),
      runAsNode: process.versions.electron !== undefined,
    },
    useWindowsTools: () =>
      gate.hooks.windowsTools ?? (windows && config().get<string>('checks.windowsTools') !== 'never'),
    powershellExe: windows ? findPowerShell() : 'pwsh',
    cliEnv: () => cliEnvironment(credentials),
    clockLimits: () => {
      const s = readSettings();
      return { clockToleranceMs: s.clockToleranceMinutes * 60_000, clockWarningMs: s.clockWarningSeconds * 1000 };
    },
    timeoutMs: () => Math.max(60_000, readSettings().operationMs * 4),
    onDidRun: (outcomes, title) => {
      const ran = outcomes.filter((o) => o.status === 'ran');
      if (!ran.length) return;
      const findings = ran.flatMap((o) => o.findings);
      const verdict = buildVerdict(findings, new Date().toISOString(), new Date().toISOString());
      status.show(title, verdict.counts, verdict.overall);
    },
  });

  // Every remedy this extension produced this session: the only ones runRemedy runs.
  const remedies = new RemedyRegistry();
  const rememberStore = (): void => remedies.remember(store.findings());

  /** The one path for running a remedy (Findings view, command, API): by identity, stored remedy only. */
  const runKnownRemedy = async (candidate: unknown, alwaysAsk = false): Promise<ToolRunOutcome[]> => {
    const known = remedies.lookup(candidate);
    const asked = candidate as Partial<Remedy> | undefined;
    if (!known) {
      const command = typeof asked?.command === 'string' ? asked.command : '';
      log.warn(`Refused to run a remedy this extension did not produce: ${sanitizeForTerminal(command)}`);
      const summary = typeof asked?.summary === 'string' ? sanitizeForTerminal(asked.summary) : vscode.l10n.t('remedy');
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          '{0}: not a remedy of the current findings, so it was not run. Run the diagnosis again.',
          summary,
        ),
      );
      return [{ status: 'refused', tool: 'remedy', target: command, findings: [], message: 'unknown remedy' }];
    }
    const { remedy, finding } = known;
    const run = alwaysAsk ? { ...remedy, changesState: true } : remedy;
    return runTool(remedy.summary, remedy.runOn, () => [remedyPlan(run, finding)]);
  };

  const onRun = (run: DiagnosisRun): void => {
    remedies.remember(run.findings);
    if (!run.cancelled) void results.record(run);
    const key =
      run.scope.kind === 'organisation'
        ? 'organisation'
        : run.scope.kind === 'server'
          ? `server:${run.scope.server.toUpperCase()}`
          : `pair:${run.scope.sending}:${run.scope.receiving}`.toUpperCase();
    store.add({
      key: `diagnosis:${key}`,
      kind: 'diagnosis',
      label: vscode.l10n.t('Diagnosis of {0}', scopeLabel(run.scope)),
      servers: run.servers,
      steps: run.steps,
      organisation: run.scope.kind === 'organisation' && !run.cancelled,
      findings: run.findings,
      at: run.startedAt,
    });
    status.show(
      vscode.l10n.t('Diagnosis of {0}', scopeLabel(run.scope)),
      run.verdict.counts,
      run.verdict.overall,
      run.cancelled,
    );
  };

  /** Builds plans (a bad name is reported, not thrown) and runs them. */
  const runTool = async (title: string, target: string, build: () => ToolPlan[]): Promise<ToolRunOutcome[]> => {
    let plans: ToolPlan[];
    try {
      plans = build();
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
      log.error(`${title}: ${e.message}`);
      void vscode.window.showErrorMessage(`${title}: ${e.message}`);
      return [{ status: 'invalid', tool: title, target, findings: [], message: e.message }];
    }
    if (plans.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: nothing to do.', title));
      return [];
    }
    return tools.run(title, target, plans);
  };

  const diagnose = async (scope: Scope): Promise<DiagnosisRun | undefined> => {
    if (gate.refuseUntrusted(vscode.l10n.t('Diagnose {0}', scopeLabel(scope)))) return undefined;
    try {
      const run = await diagnosis.run(scope);
      // The results open where people look: the document of the run, its problems in the Problems panel.
      if (!run.cancelled) await results.open(run);
      return run;
    } catch (e) {
      const message = isDoctorError(e) || e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(vscode.l10n.t('The diagnosis could not run: {0}', message));
      return undefined;
    }
  };

  context.subscriptions.push(
    diagnosis,
    results,
    view,
    treeView,
    status,
    runner,
    diagnosis.onDidRun(onRun),
    store.onDidChange(applyHealth),
    store.onDidChange(rememberStore),
    ...registerToolCommands({ api, log, gate, runTool, diagnose, runRemedy: runKnownRemedy }),
    vscode.commands.registerCommand(TOOL_COMMANDS.showFindings, () =>
      vscode.commands.executeCommand(`${FINDINGS_VIEW_ID}.focus`),
    ),
    vscode.commands.registerCommand(TOOL_COMMANDS.clearFindings, () => {
      store.clear();
      api.clearServerHealth();
    }),
    vscode.commands.registerCommand(TOOL_COMMANDS.copyRemedy, async (node?: FindingsNode) => {
      if (node?.type !== 'remedy') return;
      await vscode.env.clipboard.writeText(node.remedy.command);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Command copied: {0}', node.remedy.command.split('\n')[0] ?? ''),
      );
    }),
    vscode.commands.registerCommand(
      TOOL_COMMANDS.exportReport,
      async (request?: { format?: 'markdown' | 'json'; uri?: vscode.Uri }) => {
        const { exportReport } = await import('./export-report.js');
        const settings = readSettings();
        const password = await credentials.get(settings);
        return exportReport(store, request ?? {}, version, password ? [password] : [], api.getDiscovery()?.source);
      },
    ),
  );
  void vscode.commands.executeCommand('setContext', 'exchangeAuthDoctor.windowsTools', windows);

  const feature: CommandsFeatureApi = {
    diagnosis,
    findingsSnapshot: () => view.snapshot(),
    findings: () => store.findings(),
    clearFindings: () => {
      store.clear();
      api.clearServerHealth();
    },
    lastToolRun: () => tools.last,
    runRemedy: async (remedy, options) =>
      (await runKnownRemedy(remedy, options?.alwaysAsk === true)).some((o) => o.status === 'ran'),
    refuseUntrusted: (title) => gate.refuseUntrusted(title),
    statusText: () => status.text,
  };
  // Test hooks only outside production, as the walkthrough's test hook.
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    feature.setHooks = (hooks) => {
      gate.hooks = hooks;
    };
  }
  api.commands = feature;
  return feature;
}
