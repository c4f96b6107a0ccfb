/**
 * The evidence language server in a real VS Code: a Receive protocol log with a 454 4.7.0 session
 * gets its language from the file name, a diagnostic on the exact text with the KB 979174 step, the
 * hover for 4.7.0 from the IANA data, and an outline of sessions. Needs no lab; does not depend on
 * the walkthrough or checks commands (the lenses only name them).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/extension/api';
import type { ScanReport } from '../../../src/shared/evidence-scan';
import { EVIDENCE_LANGUAGES } from '../../../src/shared/evidence-protocol';
import { commandId } from '../../../src/shared/command-id';
import { EX01, EX02, messageHeaders, protocolLog } from '../../fixtures/evidence/generate';

async function waitFor<T>(
  what: string,
  get: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('evidence language server', function () {
  this.timeout(60000);
  let doc: vscode.TextDocument;
  let failLine: number;
  let lines: string[];
  let logDir: string;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the suite runs with a workspace folder');
    const dir = path.join(root, 'evidence-test', 'TransportRoles', 'Logs', 'Hub', 'ProtocolLog', 'SmtpReceive');
    mkdirSync(dir, { recursive: true });
    logDir = dir;
    const file = path.join(dir, 'RECV2026112210-1.LOG');
    // Session 0 succeeds, session 1 fails with 454 4.7.0 after X-EXPS GSSAPI.
    const text = protocolLog('receive', {
      sessions: 2,
      server: EX02,
      peers: [EX01],
      outcome: (i) => (i === 1 ? 'kerberos-454' : 'ok'),
    });
    writeFileSync(file, text);
    lines = text.split('\r\n');
    failLine = lines.findIndex((l) => l.includes(',>,454 4.7.0'));
    assert.ok(failLine > 0);
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('detects the Exchange SMTP protocol log language', () => {
    assert.equal(doc.languageId, EVIDENCE_LANGUAGES.protocolLog);
  });

  it('reports the 454 4.7.0 with its exact range and the KB 979174 step', async () => {
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Exchange Auth Doctor');
      return d.length ? d : undefined;
    });
    const d = diags.find((x) => x.range.start.line === failLine);
    assert.ok(
      d,
      `a diagnostic on line ${failLine}: ${JSON.stringify(diags.map((x) => [x.range.start.line, x.message]))}`,
    );
    const start = lines[failLine]!.indexOf('454 4.7.0');
    assert.equal(d.range.start.character, start);
    assert.equal(d.range.end.line, failLine);
    assert.equal(d.range.end.character, start + '454 4.7.0 Temporary authentication failure'.length);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /^454 4\.7\.0 Temporary authentication failure in answer to X-EXPS GSSAPI/);
    assert.match(d.message, /KB 979174 step 1 \(clocks\)/);
    assert.match(d.message, /step 3 \(SPNs\)/);
    const code = d.code as { value: string | number; target: vscode.Uri } | undefined;
    assert.equal(code?.value, 'x-exps-failed');
    assert.match(code?.target.toString() ?? '', /979174/);
  });

  it('explains 4.7.0 on hover from the IANA registry data', async () => {
    const ch = lines[failLine]!.indexOf('4.7.0') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(failLine, ch),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /\*\*4\.7\.0\*\* enhanced status code/);
    assert.match(text, /Other or undefined security status/);
    assert.match(text, /IANA/);
    assert.match(text, /KB 979174/);
  });

  it('explains a protocol log field on hover', async () => {
    const ch = lines[failLine]!.indexOf('10.0.0.11:') + 1;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(failLine, ch),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /remote-endpoint/);
  });

  it('outlines the sessions by session id with their outcome', async () => {
    const symbols = await waitFor('symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        doc.uri,
      );
      return s?.length ? s : undefined;
    });
    assert.equal(symbols.length, 2);
    const sessionIds = [...new Set(lines.filter((l) => /^\d{4}-/.test(l)).map((l) => l.split(',')[2]))];
    assert.deepEqual(
      symbols.map((s) => s.name),
      sessionIds,
    );
    assert.match(symbols[1]!.detail, /10\.0\.0\.11:\d+ · failed: 454 4\.7\.0/);
    assert.match(symbols[0]!.detail, /last reply 221/);
    assert.ok(symbols[1]!.range.contains(new vscode.Position(failLine, 0)));
  });

  it('offers the walkthrough step as a code lens on the failing session', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => /KB 979174 step 1/.test(t)),
      JSON.stringify(titles),
    );
  });

  it('scans the log folder from disk and groups the failures by remote server and hour', async () => {
    const report = await vscode.commands.executeCommand<ScanReport>(commandId('evidence.scanFolder'), logDir);
    assert.ok(report, 'the command returns the report');
    assert.equal(report.files, 1);
    assert.equal(report.matchedLines, 1);
    assert.equal(report.cancelled, false);
    assert.equal(report.groups[0]?.remote, EX01.ip);
    assert.equal(report.groups[0]?.hour, '2026-11-22T10');
    assert.equal(report.groups[0]?.hits[0]?.line, failLine);
  });

  it('recognises pasted message headers in an untitled editor', async () => {
    const pasted = await vscode.workspace.openTextDocument({
      language: 'plaintext',
      content: messageHeaders([
        { from: 'client', by: EX01, at: 0 },
        { from: EX01, by: EX02, at: -400 },
      ]),
    });
    await vscode.window.showTextDocument(pasted);
    await waitFor('the headers language', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === pasted.uri.toString())?.languageId ===
      EVIDENCE_LANGUAGES.headers
        ? true
        : undefined,
    );
    const diags = await waitFor('clock skew', () => {
      const d = vscode.languages
        .getDiagnostics(pasted.uri)
        .filter((x) => x.code && (x.code as { value: string }).value === 'clock-skew');
      return d.length ? d : undefined;
    });
    assert.match(diags[0]!.message, /step 1 \(clocks\)/);
  });
});
