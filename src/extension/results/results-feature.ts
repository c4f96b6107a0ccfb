/**
 * Where a diagnosis lands besides the views: a read-only Markdown document per run (a file of the
 * `exchange-auth-doctor` scheme, served by a read-only file system, so the editor shows it locked
 * and nothing can save over it), opened after a
 * diagnosis the user asked for, and its error, warning and unknown findings in the Problems panel,
 * attached to their headings in that document. A new run of a scope replaces the problems of the
 * previous run of that scope (a run of the organisation, those of every scope); the last few
 * documents stay readable.
 */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../../shared/findings';
import { scopeKey, scopeLabel, type DiagnosisRun } from '../diagnosis/diagnosis-service';
import { diagnosisDocument } from '../../core/report/diagnosis-document';
import { parseLang } from '../../core/l10n/render';
import { wordedFinding } from '../../core/walkthrough/worded-state';

export const RESULTS_SCHEME = 'exchange-auth-doctor';
const KEEP = 20;

const SEVERITY: Partial<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  unknown: vscode.DiagnosticSeverity.Information,
};

export interface ResultsDeps {
  version: string;
  directoryUrl(): string | undefined;
  secrets(): Promise<string[]>;
}

export class ResultsFeature implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  /** The document of the latest run of each scope. */
  private readonly byScope = new Map<string, vscode.Uri>();
  private readonly runs = new WeakMap<DiagnosisRun, Promise<vscode.Uri>>();
  private readonly problems = vscode.languages.createDiagnosticCollection('exchangeAuthDoctor');
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly registration: vscode.Disposable;
  private readonly created = Date.now();
  private count = 0;

  constructor(private readonly deps: ResultsDeps) {
    this.registration = vscode.workspace.registerFileSystemProvider(RESULTS_SCHEME, this, {
      isReadonly: true,
      isCaseSensitive: true,
    });
  }

  // ---- the read-only file system: one flat folder of documents, kept in memory

  private content(uri: vscode.Uri): Uint8Array {
    const text = this.texts.get(uri.toString());
    if (text === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return new TextEncoder().encode(text);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: this.created, mtime: this.created, size: 0 };
    const size = this.content(uri).byteLength;
    return {
      type: vscode.FileType.File,
      ctime: this.created,
      mtime: this.created,
      size,
      permissions: vscode.FilePermission.Readonly,
    };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.content(uri);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [...this.texts.keys()].map((k) => [vscode.Uri.parse(k).path.slice(1), vscode.FileType.File]);
  }

  watch(): vscode.Disposable {
    return { dispose: () => undefined };
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  /** Renders a run into its document and moves its scope's problems onto it (once per run). */
  record(run: DiagnosisRun): Promise<vscode.Uri> {
    let pending = this.runs.get(run);
    if (!pending) {
      pending = this.render(run);
      this.runs.set(run, pending);
    }
    return pending;
  }

  private async render(run: DiagnosisRun): Promise<vscode.Uri> {
    const doc = diagnosisDocument(
      { ...run, scopeText: scopeLabel(run.scope) },
      { name: 'Exchange Auth Doctor', version: this.deps.version },
      this.deps.directoryUrl(),
      await this.deps.secrets(),
    );
    const stamp = run.startedAt.replace(/[:.]/g, '-');
    const uri = vscode.Uri.from({
      scheme: RESULTS_SCHEME,
      path: `/${vscode.l10n.t('Diagnosis of {0}', scopeLabel(run.scope)).replace(/[\\/]/g, '-')} ${stamp} #${++this.count}.md`,
    });
    this.texts.set(uri.toString(), doc.text);
    while (this.texts.size > KEEP) this.texts.delete(this.texts.keys().next().value as string);
    // A run replaces the problems of the runs it covers: the organisation covers every scope.
    const key = scopeKey(run.scope);
    const previous = this.byScope.get(key);
    if (run.scope.kind === 'organisation') {
      this.problems.clear();
      this.byScope.clear();
    } else if (previous) this.problems.delete(previous);
    this.byScope.set(key, uri);
    this.problems.set(
      uri,
      doc.lines.flatMap(({ finding, line }) => {
        const d = this.problem(finding, line);
        return d ? [d] : [];
      }),
    );
    this.changed.fire([{ type: vscode.FileChangeType.Created, uri }]);
    return uri;
  }

  private problem(f: Finding, line: number): vscode.Diagnostic | undefined {
    const severity = SEVERITY[f.severity];
    if (severity === undefined) return undefined;
    const d = new vscode.Diagnostic(
      new vscode.Range(line, 0, line, 1000),
      vscode.l10n.t(
        'Step {0}, {1}: {2}',
        f.step,
        f.subject.name,
        wordedFinding(f, parseLang(vscode.env.language)).title,
      ),
      severity,
    );
    d.source = 'Exchange Auth Doctor';
    d.code = f.code;
    return d;
  }

  /** Opens the document of a run (recording it first when needed) next to what the user works on. */
  async open(run: DiagnosisRun): Promise<void> {
    const uri = await this.record(run);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: false });
  }

  dispose(): void {
    this.registration.dispose();
    this.problems.dispose();
    this.changed.dispose();
  }
}
