/**
 * The extension's context object (after rust-analyzer's editors/code/src/ctx.ts): created once at
 * activation, it owns every service the features and commands share, so each exists once:
 *
 *   settings     the one reader of `exchangeAuthDoctor.*` (src/extension/settings.ts)
 *   credentials  the bind password in SecretStorage
 *   gate         the safety gate (workspace trust, consent, dry-run) in front of every run
 *   terminal     the one terminal tools and remedies run in
 *   toolRuns     tool runs (setspn, w32tm, repadmin, PowerShell, or the CLI) through gate and terminal
 *   remedies     the one remedy runner (Findings view, command, walkthrough, API)
 *   diagnosis    the engine's diagnosis runs
 *   directory    discovery, the Exchange Servers tree, sign-in, and the extension API
 *   findings     the findings store and where findings show (view, tree, status bar, Problems)
 *   walkthrough, evidence   the panel and the language server
 *   log          the output channel
 *
 * Two lifetimes: the extension's (`subscriptions`, disposed when the extension deactivates) and
 * the language client's (`clientSubscriptions`, disposed when the client stops, and at the latest
 * with the extension). Commands are not registered here: src/extension/commands/command-table.ts
 * lists them, each made from this object.
 */
import * as vscode from 'vscode';
import type { ExchangeAuthDoctorApi, SessionApi } from './api';
import { createDirectoryFeature, type DirectoryFeature } from './directory-feature';
import { CredentialStore } from './directory/credentials';
import { DiagnosisService } from './diagnosis/diagnosis-service';
import { createEvidenceFeature, type EvidenceFeature } from './evidence/index';
import { FindingsFeature } from './findings/findings-feature';
import { RemedyRunner } from './remedies/remedy-runner';
import { Settings } from './settings';
import { TerminalRunner, posixShellPath } from './terminal/terminal-runner';
import { SafetyGate } from './tool-runs/safety-gate';
import { cliEnvironment, findPowerShell } from './tool-runs/tool-environment';
import { ToolRunService } from './tool-runs/tool-run-service';
import { languageFromLocale } from '../shared/walkthrough-protocol';
import { resolveHost } from '../io/server-addresses';
import { commandId } from '../shared/command-id';
import { createWalkthroughFeature, type WalkthroughFeature } from './walkthrough/index';
import { registerDeliveryPathTestHook } from './evidence/delivery-path-test-hook';

export class Ctx implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly version: string;
  readonly settings = new Settings();
  readonly credentials: CredentialStore;
  readonly gate: SafetyGate;
  readonly terminal: TerminalRunner;
  readonly directory: DirectoryFeature;
  readonly diagnosis: DiagnosisService;
  readonly findings: FindingsFeature;
  readonly toolRuns: ToolRunService;
  readonly remedies: RemedyRunner;
  readonly walkthrough: WalkthroughFeature;
  readonly evidence: EvidenceFeature;
  readonly isWindows = process.platform === 'win32';
  /** Disposed with the extension. */
  readonly subscriptions: vscode.Disposable[];
  /** Disposed when the language client stops, and with the extension. */
  readonly clientSubscriptions: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.subscriptions = extension.subscriptions;
    this.log = vscode.window.createOutputChannel('Exchange Auth Doctor', { log: true });
    this.subscriptions.push(this.log, this);
    this.version = String((extension.extension.packageJSON as { version?: string }).version ?? '0.0.0');
    this.log.info(`Exchange Auth Doctor ${this.version} on VS Code ${vscode.version}`);
    this.credentials = new CredentialStore(extension.secrets);
    this.gate = new SafetyGate(this.log, this.settings);
    this.directory = createDirectoryFeature({
      credentials: this.credentials,
      settings: this.settings,
      log: this.log,
      subscriptions: this.subscriptions,
    });
    const api = this.directory.api;
    this.diagnosis = new DiagnosisService({ api, credentials: this.credentials, log: this.log });
    this.findings = new FindingsFeature({
      api,
      version: this.version,
      secrets: () => this.secrets(),
      statusCommand: commandId('showFindings'),
    });
    this.terminal = this.createTerminal();
    this.toolRuns = this.createToolRuns();
    this.remedies = new RemedyRunner(this.toolRuns, this.log);
    this.subscriptions.push(
      this.diagnosis,
      this.findings,
      this.terminal,
      this.diagnosis.onDidRun((run) => {
        this.remedies.remember(run.findings);
        this.findings.recordDiagnosis(run);
      }),
      this.findings.store.onDidChange(() => this.remedies.remember(this.findings.findings())),
    );
    const production = extension.extensionMode === vscode.ExtensionMode.Production;
    const setHooks: SessionApi['setHooks'] = production
      ? undefined
      : (hooks) => {
          this.gate.hooks = hooks;
        };
    this.walkthrough = createWalkthroughFeature(
      {
        extensionUri: extension.extensionUri,
        extensionVersion: this.version,
        api,
        diagnosis: this.diagnosis,
        log: this.log,
        defaultLanguage: () => languageFromLocale(vscode.env.language),
        resolve: resolveHost,
        runRemedy: async (remedy, options) =>
          (await this.remedies.run(remedy, options?.alwaysAsk === true)).some((o) => o.status === 'ran'),
        refuseUntrusted: (title) => this.gate.refuseUntrusted(title),
        secrets: () => this.secrets(),
      },
      this.subscriptions,
      setHooks,
    );
    if (!production) registerDeliveryPathTestHook(this.subscriptions);
    this.evidence = createEvidenceFeature({
      extension,
      getDiscovery: () => api.getDiscovery(),
      onDidChangeDiscovery: api.onDidChangeDiscovery,
      settings: this.settings,
      log: this.log,
      subscriptions: this.subscriptions,
      clientSubscriptions: this.clientSubscriptions,
    });
    api.session = this.sessionApi(setHooks);
    void vscode.commands.executeCommand('setContext', 'exchangeAuthDoctor.windowsTools', this.isWindows);
  }

  /** The extension API (activate() returns it). */
  get api(): ExchangeAuthDoctorApi {
    return this.directory.api;
  }

  /** Strings to mask in documents and exports: the stored bind password, if any. */
  async secrets(): Promise<string[]> {
    const password = await this.credentials.get(this.settings.directory()).catch(() => undefined);
    return password ? [password] : [];
  }

  private createTerminal(): TerminalRunner {
    // Fixed for the session: the terminal's shell must be the one the lines were quoted for, even
    // when the default profile changes later (to fish, or a pwsh the lines were not quoted for).
    const shellPath = this.isWindows ? findPowerShell() : (posixShellPath() ?? (vscode.env.shell || undefined));
    return new TerminalRunner({
      log: this.log,
      useShellIntegration: () => this.settings.useShellIntegration(),
      ...(shellPath ? { shellPath } : {}),
      ...(this.isWindows
        ? {}
        : {
            message: vscode.l10n.t(
              'Exchange Auth Doctor: the Windows tools (setspn, w32tm, repadmin, PowerShell) are not available on this system; the same commands run the exchange-auth-doctor CLI, which reads Active Directory over LDAP instead.',
            ),
          }),
    });
  }

  private createToolRuns(): ToolRunService {
    return new ToolRunService({
      runner: this.terminal,
      gate: this.gate,
      store: this.findings.store,
      log: this.log,
      // In the desktop editor process.execPath is Electron: ELECTRON_RUN_AS_NODE for the CLI's command only.
      cli: {
        node: process.execPath,
        script: this.extension.asAbsolutePath('dist/cli.js'),
        runAsNode: process.versions.electron !== undefined,
      },
      useWindowsTools: () => this.gate.hooks.windowsTools ?? (this.isWindows && this.settings.windowsToolsAllowed()),
      powershellExe: this.isWindows ? findPowerShell() : 'pwsh',
      cliEnv: () => cliEnvironment(this.credentials),
      clockLimits: () => {
        const s = this.settings.directory();
        return { clockToleranceMs: s.clockToleranceMinutes * 60_000, clockWarningMs: s.clockWarningSeconds * 1000 };
      },
      timeoutMs: () => Math.max(60_000, this.settings.directory().operationMs * 4),
      onDidRun: (outcomes, title) => this.findings.recordToolRun(outcomes, title),
    });
  }

  private sessionApi(setHooks: SessionApi['setHooks']): SessionApi {
    return {
      diagnosis: this.diagnosis,
      findingsSnapshot: () => this.findings.snapshot(),
      findings: () => this.findings.findings(),
      clearFindings: () => this.findings.clear(),
      lastToolRun: () => this.toolRuns.last,
      runRemedy: async (remedy, options) =>
        (await this.remedies.run(remedy, options?.alwaysAsk === true)).some((o) => o.status === 'ran'),
      refuseUntrusted: (title) => this.gate.refuseUntrusted(title),
      statusText: () => this.findings.statusText,
      ...(setHooks ? { setHooks } : {}),
    };
  }

  /** Stops what belongs to the language client (its handlers, the client itself). */
  disposeClient(): void {
    while (this.clientSubscriptions.length) this.clientSubscriptions.pop()?.dispose();
  }

  dispose(): void {
    this.disposeClient();
  }
}
