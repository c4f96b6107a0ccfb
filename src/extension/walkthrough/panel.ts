/**
 * The "Resolve 454 4.7.0" panel: one owned webview panel (a single instance, revealed again when
 * opened twice), its state, and the host side of the message protocol in
 * src/shared/walkthrough-protocol.ts. The webview renders; this class decides: it recognises the
 * pasted symptom, runs the diagnosis through the DiagnosisService, runs or copies remedies from
 * its own copy of the findings, and exports the report.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Finding, Step } from '../../shared/findings';
import {
  directionOf,
  emptyState,
  isWebviewMessage,
  STEPS,
  type HostToWebview,
  type Language,
  type RenderedSnapshot,
  type Strings,
  type WalkthroughScope,
  type WalkthroughState,
  type WebviewToHost,
} from '../../shared/walkthrough-protocol';
import { panelHtml } from '../../core/walkthrough/panel-html';
import { loadStrings, translate } from '../../io/walkthrough-strings';
import { applyEvent, failRun, finishRun, showRun, startRun } from '../../core/walkthrough/panel-state';
import type { WalkthroughDeps, WalkthroughRun } from './deps';
import { knownServers } from '../../io/server-addresses';
import { exportReport, type ExportFormat } from './export';
import type { OpenArgs } from '../../core/walkthrough/open-args';
import { wordedState } from '../../core/walkthrough/worded-state';
import { symptomStep } from '../../core/walkthrough/symptom-step';

export const VIEW_TYPE = 'exchangeAuthDoctor.walkthrough';

function scopeId(scope: WalkthroughScope): string {
  if (scope.kind === 'organisation') return 'organisation';
  if (scope.kind === 'server') return `server:${scope.server.toUpperCase()}`;
  return `pair:${scope.sending.toUpperCase()}:${scope.receiving.toUpperCase()}`;
}

export class WalkthroughPanel implements vscode.Disposable {
  private static current: WalkthroughPanel | undefined;
  private state: WalkthroughState;
  private strings: Strings = {};
  private readonly disposables: vscode.Disposable[] = [];
  private abort: AbortController | undefined;
  private ready = false;
  private nextSnapshot = 1;
  private readonly snapshotWaiters = new Map<number, (s: RenderedSnapshot) => void>();
  private readonly readyWaiters: (() => void)[] = [];
  /**
   * Findings the engine produced in this session. A state restored after a reload comes from disk,
   * so its remedies always ask before running, whatever their `changesState` says.
   */
  private readonly produced = new WeakSet<Finding>();
  /** The panel's own runs, which it already shows when onDidRun reports them. */
  private readonly ownRuns = new WeakSet<object>();

  static get instance(): WalkthroughPanel | undefined {
    return WalkthroughPanel.current;
  }

  static options(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [
        vscode.Uri.joinPath(extensionUri, 'media'),
        vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
      ],
    };
  }

  static async show(deps: WalkthroughDeps, args: OpenArgs = {}): Promise<WalkthroughPanel> {
    let p = WalkthroughPanel.current;
    if (p) p.panel.reveal(vscode.ViewColumn.Active);
    else {
      const panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        vscode.l10n.t('Resolve 454 4.7.0'),
        vscode.ViewColumn.Active,
        WalkthroughPanel.options(deps.extensionUri),
      );
      p = new WalkthroughPanel(panel, deps, emptyState(deps.defaultLanguage()));
      await p.start();
    }
    p.applyArgs(args);
    p.showLastRun();
    return p;
  }

  /** Called by the serializer after a window reload with the state the webview had saved. */
  static async revive(
    panel: vscode.WebviewPanel,
    deps: WalkthroughDeps,
    saved: WalkthroughState | undefined,
  ): Promise<WalkthroughPanel> {
    WalkthroughPanel.current?.dispose();
    panel.webview.options = WalkthroughPanel.options(deps.extensionUri);
    const state = saved
      ? {
          ...saved,
          running: false,
          steps: saved.steps.map((s) =>
            s.status === 'running' ? { step: s.step, status: 'idle' as const, findings: [] } : s,
          ),
        }
      : emptyState(deps.defaultLanguage());
    const p = new WalkthroughPanel(panel, deps, state);
    await p.start();
    return p;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: WalkthroughDeps,
    state: WalkthroughState,
  ) {
    this.state = state;
    WalkthroughPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'exchange-auth-doctor.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      deps.api.onDidChangeDiscovery(() => {
        this.syncDirectory();
        this.post({ type: 'state', state: this.state });
      }),
    );
    if (deps.diagnosis.onDidRun) this.disposables.push(deps.diagnosis.onDidRun((run) => this.showRun(run)));
  }

  private scopeNow(): WalkthroughScope {
    return this.state.scope ?? { kind: 'organisation' };
  }

  /** Shows the last diagnosis of the panel's scope when it is newer than what the panel shows. */
  showLastRun(): void {
    const run = this.deps.diagnosis.lastOf?.(this.scopeNow());
    if (run) this.showRun(run);
  }

  /** A diagnosis that ended elsewhere: shown when it is of this scope, complete and newer. */
  private showRun(run: WalkthroughRun): void {
    if (this.state.running || run.cancelled || this.ownRuns.has(run)) return;
    if (scopeId(run.scope) !== scopeId(this.scopeNow())) return;
    if (this.state.finishedAt && this.state.finishedAt >= run.verdict.finishedAt) return;
    for (const f of run.findings) this.produced.add(f);
    this.update(showRun(this.state, run));
  }

  private async start(): Promise<void> {
    this.strings = await loadStrings(this.deps.extensionUri.fsPath, this.state.language);
    this.syncDirectory();
    this.render();
  }

  private t(key: string, ...args: (string | number)[]): string {
    return translate(this.strings, key, ...args);
  }

  private render(): void {
    const webview = this.panel.webview;
    const nonce = randomBytes(18).toString('base64');
    const media = (...p: string[]): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...p)).toString();
    this.ready = false;
    this.panel.title = this.t('Resolve 454 4.7.0');
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce,
      scriptUri: media('dist', 'webview', 'walkthrough.js'),
      styleUri: media('media', 'walkthrough', 'walkthrough.css'),
      lang: this.state.language,
      dir: directionOf(this.state.language),
      title: this.t('Resolve 454 4.7.0'),
      loading: this.t('Loading the walkthrough…'),
    });
  }

  private syncDirectory(): void {
    const discovery = this.deps.api.getDiscovery();
    const status = this.deps.api.getDirectoryStatus();
    this.state = { ...this.state, servers: discovery?.servers.map((s) => s.name) ?? [], directory: status.kind };
    if (discovery) this.state.directorySource = discovery.source;
    else delete this.state.directorySource;
  }

  private applyArgs(args: OpenArgs): void {
    let scope: WalkthroughScope | undefined;
    if (args.sending && args.receiving) scope = { kind: 'pair', sending: args.sending, receiving: args.receiving };
    else if (args.server) scope = { kind: 'server', server: args.server };
    if (scope) this.update({ ...this.state, scope });
    const step =
      typeof args.step === 'number' && args.step >= 0 && args.step <= 7 ? Math.floor(args.step) : scope ? 1 : undefined;
    if (step !== undefined) {
      this.update({ ...this.state, currentStep: step });
      this.post({ type: 'focusStep', step });
    }
  }

  /** The one way to the webview: states go out with their findings worded in the panel's language. */
  private post(m: HostToWebview): void {
    if (!this.ready && m.type !== 'init') return;
    void this.panel.webview.postMessage('state' in m ? { ...m, state: wordedState(m.state) } : m);
  }

  private update(state: WalkthroughState): void {
    this.state = state;
    this.post({ type: 'state', state });
  }

  get snapshotState(): WalkthroughState {
    return this.state;
  }

  /** Resolves once the webview has sent `ready` (now, when it already has). */
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((r) => this.readyWaiters.push(r));
  }

  /** Asks the webview for what it renders (the integration test reads the DOM through this). */
  async requestSnapshot(timeoutMs = 10_000): Promise<RenderedSnapshot> {
    await this.whenReady();
    const requestId = this.nextSnapshot++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.snapshotWaiters.delete(requestId);
        reject(new Error('the walkthrough webview did not answer the snapshot request'));
      }, timeoutMs);
      this.snapshotWaiters.set(requestId, (s) => {
        clearTimeout(timer);
        resolve(s);
      });
      this.post({ type: 'snapshotRequest', requestId });
    });
  }

  /** Handles a message as if the webview had sent it (also used by the test hook). */
  async receive(raw: unknown): Promise<void> {
    if (!isWebviewMessage(raw)) {
      this.deps.log.warn(`Walkthrough: ignored a malformed message from the webview`);
      return;
    }
    const m: WebviewToHost = raw;
    try {
      await this.handle(m);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.deps.log.error(`Walkthrough: ${m.type} failed: ${message}`);
      this.update({ ...this.state, error: message });
    }
  }

  private async handle(m: WebviewToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', state: this.state, strings: this.strings, dir: directionOf(this.state.language) });
        this.readyWaiters.splice(0).forEach((r) => r());
        return;
      case 'setLanguage':
        return this.setLanguage(m.language);
      case 'recognise':
        return this.recognise(m.text);
      case 'setScope':
        this.update({ ...this.state, scope: m.scope });
        this.showLastRun();
        return;
      case 'navigate':
        this.update({ ...this.state, currentStep: m.step });
        return;
      case 'run':
        await this.run(m.steps ?? [...STEPS]);
        return;
      case 'cancel':
        this.abort?.abort();
        return;
      case 'copyRemedy':
      case 'runRemedy':
        return this.remedy(m.type === 'runRemedy', m.step, m.finding, m.remedy);
      case 'export':
        await this.export(m.format);
        return;
      case 'snapshot':
        this.snapshotWaiters.get(m.requestId)?.(m.snapshot);
        this.snapshotWaiters.delete(m.requestId);
        return;
    }
  }

  async setLanguage(language: Language): Promise<void> {
    this.strings = await loadStrings(this.deps.extensionUri.fsPath, language);
    this.state = { ...this.state, language };
    this.panel.title = this.t('Resolve 454 4.7.0');
    this.post({ type: 'strings', language, strings: this.strings, dir: directionOf(language) });
    this.post({ type: 'state', state: this.state });
  }

  private async recognise(text: string): Promise<void> {
    const discovery = this.deps.api.getDiscovery();
    const servers = discovery ? await knownServers(discovery.servers, (host) => this.deps.resolve(host)) : [];
    const { symptom, scope: read } = symptomStep(text, servers);
    const scope = read ?? this.state.scope;
    this.update({ ...this.state, symptom, ...(scope ? { scope } : {}) });
  }

  /** Runs the given steps over the chosen scope (the organisation when none was chosen). */
  async run(steps: Step[]): Promise<void> {
    if (this.state.running) return;
    // The same safety gate as tool runs: an untrusted workspace may have set the hosts it would contact.
    if (this.deps.refuseUntrusted(this.t('Resolve 454 4.7.0'))) return;
    const scope: WalkthroughScope = this.state.scope ?? { kind: 'organisation' };
    const controller = new AbortController();
    this.abort = controller;
    const now = (): string => new Date().toISOString();
    this.update(startRun({ ...this.state, scope }, steps, now()));
    try {
      const run = await this.deps.diagnosis.run(scope, {
        steps,
        signal: controller.signal,
        progress: false,
        onEvent: (e) => {
          if (e.type === 'finding') this.produced.add(e.finding);
          if (e.type === 'finding' || e.type === 'step-finished') this.update(applyEvent(this.state, e, now()));
        },
      });
      this.ownRuns.add(run);
      for (const f of run.findings) this.produced.add(f);
      this.update(finishRun(this.state, run, steps, now()));
    } catch (e) {
      this.update(failRun(this.state, e instanceof Error ? e.message : String(e)));
    } finally {
      if (this.abort === controller) this.abort = undefined;
    }
  }

  private async remedy(run: boolean, step: Step, findingIndex: number, remedyIndex: number): Promise<void> {
    const finding = this.state.steps.find((s) => s.step === step)?.findings[findingIndex];
    const remedy = finding?.remedies[remedyIndex];
    if (!finding || !remedy) return;
    const record = (how: 'terminal' | 'copied'): void =>
      this.update({
        ...this.state,
        commands: [
          ...this.state.commands,
          {
            command: remedy.command,
            runOn: remedy.runOn,
            changesState: remedy.changesState,
            at: new Date().toISOString(),
            how,
          },
        ],
      });
    if (!run) {
      await vscode.env.clipboard.writeText(remedy.command);
      record('copied');
      void vscode.window.setStatusBarMessage(this.t('Command copied to the clipboard'), 3000);
      return;
    }
    // A remedy from a restored state came from disk: it asks first even when it only reads.
    if (await this.deps.runRemedy(remedy, { alwaysAsk: !this.produced.has(finding) })) record('terminal');
  }

  async export(format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return exportReport(this.deps, this.state, format, target);
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (WalkthroughPanel.current === this) WalkthroughPanel.current = undefined;
    this.abort?.abort();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
