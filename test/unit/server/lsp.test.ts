/**
 * The language server over stdio, as an editor drives it: initialize, open documents, read the
 * published diagnostics, hover, outline, code lenses (answering the server's resolveHosts request
 * like the extension does), code actions, and a folder scan with progress and cancellation.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import {
  CancelScanNotification,
  DocumentInfoRequest,
  SERVER_ACTION_COMMANDS,
  ResolveHostsRequest,
  ScanFolderRequest,
  ScanProgressNotification,
  type HostEnd,
  type ScanProgressParams,
  type ScanReport,
} from '../../../src/shared/evidence-protocol';
import { EX01, EX02, messageHeaders, protocolLog } from '../../fixtures/evidence/generate';

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  code: string;
  source: string;
  data?: unknown;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');

describe('evidence language server over stdio', function () {
  this.timeout(60000);
  let child: ChildProcess;
  let conn: MessageConnection;
  const diagnostics = new Map<string, Diag[]>();
  const resolveCalls: HostEnd[][] = [];
  const progress: ScanProgressParams[] = [];
  let dir: string;

  const waitDiagnostics = async (uri: string): Promise<Diag[]> => {
    for (let i = 0; i < 100; i++) {
      const d = diagnostics.get(uri);
      if (d) return d;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no diagnostics for ${uri}`);
  };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ead-lsp-'));
    // EAD_SERVER_BUNDLE=1 drives the built dist/server.js instead (it also runs the scan on worker threads).
    const entry =
      process.env.EAD_SERVER_BUNDLE === '1'
        ? [path.join(repoRoot, 'dist', 'server.js')]
        : ['--import', 'tsx', path.join(repoRoot, 'src', 'server', 'main.ts')];
    child = spawn(process.execPath, [...entry, '--stdio'], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    conn.onNotification('textDocument/publishDiagnostics', (params: unknown) => {
      const p = params as { uri: string; diagnostics: Diag[] };
      diagnostics.set(p.uri, p.diagnostics);
    });
    conn.onRequest(ResolveHostsRequest.method, (params: unknown) => {
      const p = params as { hosts: HostEnd[] };
      resolveCalls.push(p.hosts);
      // The extension's answer: EX01 and EX02 are discovered servers.
      return p.hosts.map((h) =>
        h.ip === EX01.ip || /^ex01/i.test(h.name ?? '')
          ? { name: 'EX01' }
          : h.ip === EX02.ip || /^ex02/i.test(h.name ?? '')
            ? { name: 'EX02' }
            : null,
      );
    });
    conn.onNotification(ScanProgressNotification.method, (p: unknown) => {
      progress.push(p as ScanProgressParams);
    });
    conn.onRequest('workspace/codeLens/refresh', () => null);
    conn.listen();
    const init = await conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { clockWarningSeconds: 60, clockToleranceMinutes: 5, scanWorkers: 2 },
    });
    assert.equal(init.capabilities.hoverProvider, true);
    await conn.sendNotification('initialized', {});
  });

  after(() => {
    conn?.dispose();
    child?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (name: string, languageId: string, text: string): Promise<string> => {
    const uri = pathToFileURL(path.join(dir, name)).toString();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  };

  const log = protocolLog('receive', {
    sessions: 3,
    server: EX02,
    peers: [EX01],
    outcome: (i) => (i === 1 ? 'kerberos-454' : 'ok'),
  });
  const lines = log.split('\r\n');
  const failLine = lines.findIndex((l) => l.includes(',>,454 4.7.0'));

  it('publishes the 454 4.7.0 diagnostic with its range, code and KB step', async () => {
    const uri = await open('RECV2026112210-1.LOG', 'exchange-smtp-log', log);
    const diags = await waitDiagnostics(uri);
    const d = diags.find((x) => x.range.start.line === failLine)!;
    assert.ok(d, JSON.stringify(diags));
    assert.equal(d.source, 'Exchange Auth Doctor');
    assert.equal(d.code, 'x-exps-failed');
    assert.equal(d.range.start.character, lines[failLine]!.indexOf('454 4.7.0'));
    assert.match(d.message, /KB 979174 step 1 \(clocks\)/);
    const info = await conn.sendRequest<{ kind: string; findings: number } | null>(DocumentInfoRequest.method, { uri });
    assert.equal(info?.kind, 'smtp-receive-log');
  });

  it('hovers, outlines, and offers "Diagnose EX01 → EX02" lenses and actions through resolveHosts', async () => {
    const uri = pathToFileURL(path.join(dir, 'RECV2026112210-1.LOG')).toString();
    const hover = await conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: failLine, character: lines[failLine]!.indexOf('4.7.0') + 1 },
    });
    assert.match(hover!.contents.value, /Other or undefined security status/);
    const symbols = await conn.sendRequest<{ name: string; detail: string }[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.equal(symbols.length, 3);
    assert.match(symbols[1]!.detail, /failed: 454 4\.7\.0/);
    const lenses = await conn.sendRequest<{ command: { title: string; command: string; arguments: unknown[] } }[]>(
      'textDocument/codeLens',
      { textDocument: { uri } },
    );
    const diagnose = lenses.find((l) => l.command.command === SERVER_ACTION_COMMANDS.diagnose);
    assert.ok(diagnose, JSON.stringify(lenses));
    assert.equal(diagnose.command.title, 'Diagnose EX01 → EX02');
    assert.deepEqual(diagnose.command.arguments, [{ sending: 'EX01', receiving: 'EX02', step: 1 }]);
    assert.ok(lenses.some((l) => l.command.command === SERVER_ACTION_COMMANDS.openStep));
    assert.ok(resolveCalls.length > 0);

    const diags = diagnostics.get(uri)!;
    const d = diags.find((x) => x.range.start.line === failLine)!;
    const actions = await conn.sendRequest<{ title: string; command?: { command: string } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } },
    );
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Diagnose EX01 → EX02'), JSON.stringify(titles));
    assert.ok(titles.some((t) => /^Open step 1 of the walkthrough/.test(t)));
    // "Diagnose this server" on the remote endpoint under the cursor.
    const ch = lines[failLine]!.indexOf('10.0.0.11:') + 3;
    const onHost = await conn.sendRequest<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: failLine, character: ch }, end: { line: failLine, character: ch } },
      context: { diagnostics: [] },
    });
    assert.ok(
      onHost.some((a) => /^Diagnose EX01 \(10\.0\.0\.11:\d+\)$/.test(a.title)),
      JSON.stringify(onHost),
    );
  });

  it('warns about clock skew in headers and re-analyses on change', async () => {
    const text = messageHeaders([
      { from: 'client', by: EX01, at: 0 },
      { from: EX01, by: EX02, at: -120 },
    ]);
    const uri = await open('skew.eml', 'email-headers', text);
    const diags = await waitDiagnostics(uri);
    assert.equal(diags.length, 1);
    assert.equal(diags[0]!.code, 'clock-skew');
    diagnostics.delete(uri);
    const fixed = messageHeaders([
      { from: 'client', by: EX01, at: 0 },
      { from: EX01, by: EX02, at: 4 },
    ]);
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    assert.deepEqual(await waitDiagnostics(uri), []);
  });

  it('survives a 50 MB single-line document', async () => {
    const text = 'x'.repeat(50 * 1024 * 1024) + ' 454 4.7.0';
    const uri = await open('huge.txt', 'exchange-queue', text);
    const diags = await waitDiagnostics(uri);
    // Analysis reads the first 64 K characters of a line and says so.
    assert.ok(
      diags.some((d) => d.code === 'long-line'),
      JSON.stringify(diags),
    );
    const hover = await conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: text.length - 3 },
    });
    assert.match(hover!.contents.value, /4\.7\.0/);
  });

  it('scans a folder with progress, and can be cancelled with partial results', async () => {
    const logs = path.join(dir, 'logs');
    await import('node:fs').then((fs) => fs.mkdirSync(logs));
    for (let i = 0; i < 5; i++)
      writeFileSync(path.join(logs, `RECV20261122${10 + i}-1.LOG`), protocolLog('receive', { sessions: 200, seed: i }));
    const report = await conn.sendRequest<ScanReport>(ScanFolderRequest.method, { folder: logs, scanId: 's1' });
    assert.equal(report.files, 5);
    assert.equal(report.matchedLines, 5 * 20);
    assert.equal(report.cancelled, false);
    assert.ok(progress.some((p) => p.scanId === 's1'));

    await conn.sendNotification(CancelScanNotification.method, { scanId: 's2' });
    const cancelled = await conn.sendRequest<ScanReport>(ScanFolderRequest.method, { folder: logs, scanId: 's2' });
    assert.equal(cancelled.cancelled, true);

    await assert.rejects(
      conn.sendRequest(ScanFolderRequest.method, { folder: 'relative/path', scanId: 's3' }),
      /absolute/,
    );
  });
});
