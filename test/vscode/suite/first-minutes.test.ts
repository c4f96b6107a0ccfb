/**
 * What a new admin meets in the first minutes (issue 16): the walkthrough opening on the last
 * diagnosis, step 0 on a pasted error without a readable server, results landing where people
 * look (tree labels, a diagnosis document, the Problems panel) and evidence tables that fit the
 * panel. Needs the lab (any scenario); without it only the lab-free tests run.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { HOOK, OPEN, activatedAndSignedIn, send, snapshot, state } from './walkthrough-hook';
import type { ExchangeAuthDoctorApi } from '../../../src/extension/api';
import type { RenderedSnapshot } from '../../../src/shared/walkthrough-protocol';

const lab = !!process.env.EAD_BIND_PASSWORD;

async function until(ok: (s: RenderedSnapshot) => boolean, what: string, timeoutMs = 15000): Promise<RenderedSnapshot> {
  const end = Date.now() + timeoutMs;
  let last: RenderedSnapshot | undefined;
  while (Date.now() < end) {
    last = await snapshot();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`${what}; last render: ${last?.text.slice(0, 1500) ?? '(none)'}`);
}

describe('the first minutes of a new admin', function () {
  this.timeout(180000);
  let api: ExchangeAuthDoctorApi;

  before(async () => {
    api = await activatedAndSignedIn();
  });

  after(async () => {
    await vscode.commands.executeCommand(HOOK, { op: 'close' });
  });

  if (lab)
    it('the walkthrough opens on the last diagnosis of its scope and says when it ran', async () => {
      await vscode.commands.executeCommand(HOOK, { op: 'close' });
      await vscode.commands.executeCommand('exchangeAuthDoctor.diagnoseOrganisation');
      await vscode.commands.executeCommand(OPEN);
      const st = await state();
      assert.equal(st.scope?.kind ?? 'organisation', 'organisation');
      assert.ok(
        st.steps.every((s) => s.status !== 'idle'),
        `every step shows the diagnosis: ${st.steps.map((s) => s.status).join(',')}`,
      );
      assert.ok(st.verdict, 'the verdict of that diagnosis is shown');
      const s = await until((x) => /Last diagnosis: /.test(x.text), 'the panel says when the diagnosis ran');
      assert.ok(
        s.steps.filter((x) => x.step > 0).every((x) => x.status !== 'idle'),
        s.steps.map((x) => `${x.step}:${x.status}`).join(' '),
      );
      assert.doesNotMatch(s.text, /No findings yet/);
    });

  it('step 0 with a pasted error naming no server says what it recognised, what it could not read and what to do next', async () => {
    await vscode.commands.executeCommand(OPEN, { step: 0 });
    // Queue Viewer's Last Error in Spanish: the status codes, but no server name or address.
    const st = await send({
      type: 'recognise',
      text: '451 4.4.0 Dirección IP de destino principal respondió con: "Error de autenticación temporal 454 4.7.0"',
    });
    assert.equal(st.symptom?.recognised, true);
    assert.deepEqual(st.symptom?.missing, ['sending', 'receiving']);
    const s = await until((x) => /Recognised: Queue Viewer/.test(x.text), 'the recognition is shown');
    assert.match(s.text, /454 4\.7\.0 Temporary authentication failure, reported by the sending server as 451 4\.4\.0/);
    assert.match(s.text, /Could not be read from the text: the sending server, the receiving server/);
    assert.match(s.text, /Paste the whole Last Error of the queue \(with "The last endpoint attempted was"\)/);
    assert.match(s.text, /or pick the servers below/);
  });

  if (lab)
    it('step 0 shows the server a pasted address maps to', async () => {
      await vscode.commands.executeCommand(OPEN, { step: 0 });
      const ex02 = api.getDiscovery()?.servers.find((x) => x.name === 'EX02')?.fqdn ?? 'ex02.contoso.test';
      const [address] = await (await import('node:dns/promises')).lookup(ex02, { all: true });
      assert.ok(address, `${ex02} resolves`);
      const st = await send({
        type: 'recognise',
        text: `Identity: EX01\\7\nLastError : 451 4.4.0 Primary target IP address responded with: "454 4.7.0 Temporary authentication failure." The last endpoint attempted was ${address.address}:2525`,
      });
      assert.equal(st.symptom?.receiving, 'EX02');
      const s = await until(
        (x) => x.text.includes(`${address.address}, port 2525 = EX02`),
        'the address is mapped to EX02',
      );
      assert.doesNotMatch(s.text, /Could not be read from the text/);
    });

  if (lab)
    it('a diagnosis opens a read-only document of its results, and its problems are in the Problems panel on it', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('exchangeAuthDoctor.diagnoseOrganisation');
      const run = api.session?.diagnosis.last;
      assert.ok(run && !run.cancelled, 'the diagnosis ran');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'an editor opened after the diagnosis');
      const doc = editor.document;
      assert.equal(doc.uri.scheme, 'exchange-auth-doctor');
      assert.equal(doc.languageId, 'markdown');
      assert.match(doc.getText(), /^# Exchange authentication diagnosis \(454 4\.7\.0\)/);
      // Read-only: served by a read-only file system, which refuses every write.
      assert.equal(vscode.workspace.fs.isWritableFileSystem(doc.uri.scheme), false);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(doc.uri, new Uint8Array([120]))));
      const problems = vscode.languages.getDiagnostics(doc.uri);
      const notOk = run.findings.filter((f) => f.severity !== 'ok');
      assert.ok(notOk.length > 0, 'the lab gives at least one finding that is not ok (step 5 needs Windows)');
      assert.equal(problems.length, notOk.length, problems.map((p) => p.message).join('\n'));
      const severity = {
        error: vscode.DiagnosticSeverity.Error,
        warning: vscode.DiagnosticSeverity.Warning,
        unknown: vscode.DiagnosticSeverity.Information,
      };
      for (const f of notOk) {
        const p = problems.find((x) => x.code === f.code && x.message.includes(f.title));
        assert.ok(p, `a problem for ${f.code} on ${f.subject.name}`);
        assert.equal(p.severity, severity[f.severity as keyof typeof severity]);
        assert.equal(p.source, 'Exchange Auth Doctor');
        assert.ok(
          doc
            .lineAt(p.range.start.line)
            .text.replace(/\\(.)/g, '$1') // Markdown escapes (EX02\\Default EX02)
            .includes(f.subject.name),
          `the problem points at ${f.subject.name}'s heading`,
        );
      }
      // A second diagnosis of the organisation replaces the problems of the first (and of every other scope).
      await vscode.commands.executeCommand('exchangeAuthDoctor.diagnoseOrganisation');
      const all = vscode.languages.getDiagnostics().filter(([uri]) => uri.scheme === 'exchange-auth-doctor');
      assert.equal(all.filter(([, list]) => list.length > 0).length, 1, all.map(([u]) => u.toString()).join(', '));
    });

  if (lab)
    it('the Findings view shows short labels (the subject) with the finding in the description', async () => {
      await vscode.commands.executeCommand('exchangeAuthDoctor.diagnoseOrganisation');
      const view = api.session?.findingsSnapshot() ?? [];
      const items = view.flatMap((s) => s.findings);
      assert.ok(items.length > 0);
      for (const f of items) {
        assert.equal(f.label, f.subject, `${f.code}: label`);
        assert.ok(f.label.length <= 40, f.label);
        assert.ok(
          f.description.length > 0 && f.title.endsWith(f.description),
          `${f.code}: "${f.description}" is the finding`,
        );
      }
    });

  if (lab)
    it('evidence tables fit the panel beside an editor: no header broken mid-word, short times with the full one as tooltip', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand(HOOK, { op: 'close' });
      await vscode.commands.executeCommand('exchangeAuthDoctor.diagnoseOrganisation');
      await vscode.commands.executeCommand(OPEN);
      // The panel beside the diagnosis document: half the editor area, as with a side bar open.
      await vscode.commands.executeCommand('workbench.action.moveEditorToRightGroup');
      const s = await until(
        (x) => (x.layout?.tables ?? 0) > 0 && x.steps.filter((st) => st.step > 0).every((st) => st.status !== 'idle'),
        'the panel renders evidence tables',
      );
      const layout = s.layout;
      assert.ok(layout);
      assert.ok(layout.panelWidth < 900, `the panel is narrow (${layout.panelWidth} px)`);
      assert.deepEqual(layout.brokenHeaders, [], 'no column header is broken inside a word');
      assert.deepEqual(layout.overflowingTables, [], `of ${layout.tables} tables, these are wider than the panel`);
      assert.ok(layout.timeCells > 0, 'time stamps are shown as times');
      assert.equal(layout.timeCellsWithoutTooltip, 0, 'every short time has the full one as tooltip');
      assert.ok(layout.longestTimeText <= 12, `times are short (longest ${layout.longestTimeText} characters)`);
      assert.equal(layout.wrappedTimeCells, 0, 'no time stamp wraps over several lines');
    });
});
