/**
 * The evidence language server: diagnostics, hovers, outline, code lenses and actions for SMTP
 * protocol logs, message tracking logs, message headers and queue output, and the folder scan.
 * The analysis itself is pure (src/core/evidence); this file adapts it to LSP.
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import {
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../core/evidence/hover';
import { scanFolder } from '../io/evidence/scan-folder';
import { parseLang, type Lang } from '../core/l10n/render';
import { PROTOCOL_LOG_FIELDS, TRACKING_LOG_FIELDS } from '../core/evidence/w3c';
import {
  CancelScanNotification,
  DEFAULT_EVIDENCE_SETTINGS,
  DocumentInfoRequest,
  EvidenceSettingsNotification,
  ScanFolderRequest,
  ScanProgressNotification,
  type EvidenceSettings,
} from '../shared/evidence-protocol';
import { actionsFor, hostTokenAt, lensesFor, mentionHosts } from './actions';
import { toDiagnostic, toSymbol } from './convert';
import { AnalysisCache, fieldsAt } from './documents';
import { HostResolver } from './hosts';
import { onNotification, onRequest, sendNotification } from './messages';
import { correlateScan } from './scan-correlation';

export interface ServerOptions {
  /** The bundled server file, which doubles as the scan worker; undefined runs scans on one thread. */
  workerScript?: string;
}

const DEBOUNCE_MS = 200;
const HOVER_WINDOW = 64;

function readSettings(value: unknown): EvidenceSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<EvidenceSettings>;
  const num = (x: unknown, d: number): number => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : d);
  return {
    clockWarningSeconds: num(v.clockWarningSeconds, DEFAULT_EVIDENCE_SETTINGS.clockWarningSeconds),
    clockToleranceMinutes: num(v.clockToleranceMinutes, DEFAULT_EVIDENCE_SETTINGS.clockToleranceMinutes),
    scanWorkers: num(v.scanWorkers, DEFAULT_EVIDENCE_SETTINGS.scanWorkers),
  };
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let settings = DEFAULT_EVIDENCE_SETTINGS;
  // The display language VS Code sends (InitializeParams.locale); diagnostics and hovers use it.
  let lang: Lang = 'en';
  const cache = new AnalysisCache(() => settings);
  const resolver = new HostResolver(connection);
  const timers = new Map<string, NodeJS.Timeout>();

  const publish = (doc: TextDocument): void => {
    const analysis = cache.get(doc);
    void connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: analysis.findings.map((f) => toDiagnostic(f, lang)),
    });
  };
  const schedule = (doc: TextDocument, delay = DEBOUNCE_MS): void => {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) publish(current);
      }, delay),
    );
  };

  connection.onInitialize((params): InitializeResult => {
    settings = readSettings(params.initializationOptions);
    lang = parseLang(params.locale);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: true,
      },
      serverInfo: { name: 'Exchange Auth Doctor evidence server' },
    };
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  onNotification(connection, EvidenceSettingsNotification, (s) => {
    settings = readSettings(s);
    resolver.reset();
    cache.clear();
    for (const doc of documents.all()) schedule(doc, 0);
    connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const analysis = cache.get(doc);
    const { line, character } = params.position;
    const lineEnd = doc.offsetAt({ line: line + 1, character: 0 });
    const lineStart = doc.offsetAt({ line, character: 0 });
    const long = lineEnd - lineStart > 8192;
    // On a very long line only a window around the cursor is read.
    const from = long ? Math.max(0, character - HOVER_WINDOW) : 0;
    const text = doc
      .getText({
        start: { line, character: from },
        end: long ? { line, character: character + HOVER_WINDOW } : { line: line + 1, character: 0 },
      })
      .replace(/\r?\n$/, '');
    const defaults = analysis.kind === 'tracking-log' ? TRACKING_LOG_FIELDS : PROTOCOL_LOG_FIELDS;
    const h = hoverAt(text, character - from, analysis.kind, long ? [] : fieldsAt(analysis, line, defaults), lang);
    if (!h) return null;
    return {
      contents: { kind: 'markdown', value: h.markdown },
      range: { start: { line, character: h.start + from }, end: { line, character: h.end + from } },
    };
  });

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? cache.get(doc).symbols.map(toSymbol) : null;
  });

  connection.onCodeLens(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const analysis = cache.get(doc);
    if (!analysis.hosts.length) return [];
    const resolved = await resolver.resolve(mentionHosts(analysis.hosts));
    return lensesFor(analysis.hosts, resolved);
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const pos = params.range.start;
    const lineText = doc.getText({
      start: { line: pos.line, character: Math.max(0, pos.character - 300) },
      end: { line: pos.line, character: pos.character + 300 },
    });
    const offset = Math.min(pos.character, 300);
    const tok = hostTokenAt(lineText.replace(/\r?\n.*$/s, ''), offset);
    const token = tok
      ? {
          host: tok.host,
          range: {
            start: { line: pos.line, character: pos.character - offset + tok.start },
            end: { line: pos.line, character: pos.character - offset + tok.end },
          },
        }
      : undefined;
    const ends = params.context.diagnostics.flatMap((d) => {
      const data = d.data as
        { sending?: { name?: string; ip?: string }; receiving?: { name?: string; ip?: string } } | undefined;
      return [data?.sending, data?.receiving].filter((x): x is { name?: string; ip?: string } => !!x);
    });
    const resolved = await resolver.resolve([...(token ? [token.host] : []), ...ends]);
    return actionsFor(params.context.diagnostics, resolved, token);
  });

  onRequest(connection, DocumentInfoRequest, (params) => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    const a = cache.get(doc);
    return { kind: a.kind, findings: a.findings.length, version: a.version };
  });

  const cancelledScans = new Set<string>();
  onNotification(connection, CancelScanNotification, (p) => {
    if (typeof p?.scanId === 'string') cancelledScans.add(p.scanId);
  });

  onRequest(connection, ScanFolderRequest, async (params, token) => {
    const folder = typeof params.folder === 'string' ? params.folder : '';
    if (!folder || !path.isAbsolute(folder)) throw new ResponseError(-32602, 'The folder must be an absolute path.');
    const st = await stat(folder).catch(() => undefined);
    if (!st?.isDirectory()) throw new ResponseError(-32602, `Not a folder: ${folder}`);
    // One pass over the bytes is close to grep on one thread; extra threads pay off only when the
    // machine has processors to spare next to the editor.
    const cpus = availableParallelism();
    const auto = cpus >= 4 ? Math.min(4, cpus - 1) : 1;
    const count = settings.scanWorkers > 0 ? Math.min(16, Math.floor(settings.scanWorkers)) : auto;
    const scanId = String(params.scanId);
    const report = await scanFolder(folder, {
      isCancelled: () => token.isCancellationRequested || cancelledScans.has(scanId),
      onProgress: (p) => sendNotification(connection, ScanProgressNotification, { scanId: params.scanId, ...p }),
      progressIntervalMs: 250,
      ...(params.maxHitsPerGroup ? { maxHitsPerGroup: Math.max(1, Math.min(10000, params.maxHitsPerGroup)) } : {}),
      ...(options.workerScript && count > 1 ? { workers: { script: options.workerScript, count } } : {}),
    });
    cancelledScans.delete(scanId);
    if (report.cancelled) return report;
    const correlated = await correlateScan(folder, report, () => token.isCancellationRequested);
    return correlated.length ? { ...report, correlated } : report;
  });

  documents.listen(connection);
  connection.listen();
}
