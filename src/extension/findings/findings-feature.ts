/**
 * Where findings are shown in the editor: the findings store of this session, the Findings view,
 * the server tree's health marks, the status bar item, and the read-only document and Problems of
 * each diagnosis. Diagnosis runs and tool runs both end here.
 */
import * as vscode from 'vscode';
import type { Finding } from '../../shared/findings';
import { buildVerdict } from '../../core/engine/verdict';
import { FindingsStore } from '../../core/session/findings-store';
import type { ExchangeAuthDoctorApi } from '../api';
import { scopeLabel, type DiagnosisRun } from '../diagnosis/diagnosis-service';
import { ResultsFeature } from '../results/results-feature';
import { StatusItem } from '../status/status-item';
import type { ToolRunOutcome } from '../tool-runs/tool-run-service';
import { FINDINGS_VIEW_ID, FindingsViewProvider, type FindingsSnapshot } from './findings-view';

export interface FindingsFeatureDeps {
  api: Pick<ExchangeAuthDoctorApi, 'getDiscovery' | 'setServerHealth' | 'clearServerHealth'>;
  version: string;
  /** Strings to mask in documents and exports (the bind password). */
  secrets(): Promise<string[]>;
  /** The command the status bar item runs (shows the Findings view). */
  statusCommand: string;
}

export class FindingsFeature implements vscode.Disposable {
  readonly store = new FindingsStore();
  readonly results: ResultsFeature;
  private readonly view: FindingsViewProvider;
  private readonly status: StatusItem;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly deps: FindingsFeatureDeps) {
    this.view = new FindingsViewProvider(this.store);
    this.status = new StatusItem(deps.statusCommand);
    this.results = new ResultsFeature({
      version: deps.version,
      directoryUrl: () => deps.api.getDiscovery()?.source,
      secrets: () => deps.secrets(),
    });
    this.disposables = [
      this.results,
      this.view,
      vscode.window.createTreeView(FINDINGS_VIEW_ID, { treeDataProvider: this.view, showCollapseAll: true }),
      this.status,
      this.store.onDidChange(() => {
        for (const [name, h] of this.store.health()) deps.api.setServerHealth(name, h.severity, h.summary);
      }),
    ];
  }

  findings(): Finding[] {
    return this.store.findings();
  }

  snapshot(): FindingsSnapshot[] {
    return this.view.snapshot();
  }

  get statusText(): string {
    return this.status.text;
  }

  clear(): void {
    this.store.clear();
    this.deps.api.clearServerHealth();
  }

  /** A diagnosis ended: its document, its entry in the store, the status bar. */
  recordDiagnosis(run: DiagnosisRun): void {
    if (!run.cancelled) void this.results.record(run);
    const key =
      run.scope.kind === 'organisation'
        ? 'organisation'
        : run.scope.kind === 'server'
          ? `server:${run.scope.server.toUpperCase()}`
          : `pair:${run.scope.sending}:${run.scope.receiving}`.toUpperCase();
    this.store.add({
      key: `diagnosis:${key}`,
      kind: 'diagnosis',
      label: vscode.l10n.t('Diagnosis of {0}', scopeLabel(run.scope)),
      servers: run.servers,
      steps: run.steps,
      organisation: run.scope.kind === 'organisation' && !run.cancelled,
      findings: run.findings,
      at: run.startedAt,
    });
    this.status.show(
      vscode.l10n.t('Diagnosis of {0}', scopeLabel(run.scope)),
      run.verdict.counts,
      run.verdict.overall,
      run.cancelled,
    );
  }

  /** Tool runs ended (their findings are in the store already): the status bar. */
  recordToolRun(outcomes: readonly ToolRunOutcome[], title: string): void {
    const ran = outcomes.filter((o) => o.status === 'ran');
    if (!ran.length) return;
    const findings = ran.flatMap((o) => o.findings);
    const verdict = buildVerdict(findings, new Date().toISOString(), new Date().toISOString());
    this.status.show(title, verdict.counts, verdict.overall);
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
