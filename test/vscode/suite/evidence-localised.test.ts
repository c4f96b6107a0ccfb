/**
 * Issue 14 in a real VS Code: a `Get-Queue | Format-List` file saved at 80 columns (LastError
 * before Identity, the 454 4.7.0 split over two lines) gets its content-detected language and the
 * relayed-454 diagnostic naming both servers; a saved event XML file becomes a Windows event
 * document whose 1035 names the sending address. Needs no lab.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/extension/api';
import { EVIDENCE_LANGUAGES } from '../../../src/shared/evidence-protocol';

/** A diagnostic's code: the language client puts it in `{ value, target }` when it links to the KB. */
const codeOf = (d: vscode.Diagnostic): string | number | undefined =>
  typeof d.code === 'object' ? d.code.value : d.code;

async function waitFor<T>(what: string, get: () => T | undefined, timeoutMs = 20000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const QUEUE_80 = [
  '',
  'DeliveryType     : SmtpRelayToMailboxDeliveryGroup',
  'NextHopDomain    : site:default-first-site-name; version:15',
  'Status           : Retry',
  'MessageCount     : 12',
  'LastError        : 451 4.4.0 Primary target IP address responded with: "454',
  '                   4.7.0 Temporary authentication failure." Attempted failover',
  '                   to alternate host, but that did not succeed. The last',
  '                   endpoint attempted was 10.0.0.12:2525',
  'RetryCount       : 7',
  'Identity         : EX01\\3',
  '',
  '',
].join('\r\n');

describe('evidence in every shape (issue 14)', function () {
  this.timeout(60000);
  let dir: string;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the suite runs with a workspace folder');
    dir = path.join(root, 'evidence-localised-test');
    mkdirSync(dir, { recursive: true });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const diagnosticsOf = (doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> =>
    waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Exchange Auth Doctor');
      return d.length ? d : undefined;
    });

  it('a wrapped Format-List queue file: the relayed 454 on the LastError line, the next hop named', async () => {
    const file = path.join(dir, 'get-queue-fl.txt');
    writeFileSync(file, QUEUE_80);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    await waitFor('queue language', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file && d.languageId === EVIDENCE_LANGUAGES.queue),
    );
    const diags = await diagnosticsOf(doc);
    const d = diags.find((x) => codeOf(x) === 'auth-failure-relayed');
    assert.ok(d, JSON.stringify(diags.map((x) => [codeOf(x), x.message])));
    assert.equal(d.range.start.line, 5);
    assert.equal(d.range.end.line, 6);
    assert.match(d.message, /next hop 10\.0\.0\.12:2525/);
  });

  it('a saved event XML file is a Windows event document with the 1035 and its sending address', async () => {
    const file = path.join(dir, 'application-1035.xml');
    copyFileSync(path.join(__dirname, '../../../test/fixtures/localised/events/1035-wevtutil.xml'), file);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    await waitFor('event language', () =>
      vscode.workspace.textDocuments.find((x) => x.uri.fsPath === file && x.languageId === EVIDENCE_LANGUAGES.events),
    );
    const diags = await diagnosticsOf(doc);
    const d = diags.find((x) => codeOf(x) === 'event-1035');
    assert.ok(d, JSON.stringify(diags.map((x) => [codeOf(x), x.message])));
    assert.match(d.message, /source 10\.0\.0\.11/);
  });
});
