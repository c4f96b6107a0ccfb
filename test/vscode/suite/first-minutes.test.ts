/**
 * What a new admin meets in the first minutes (issue 16): the walkthrough opening on the last
 * diagnosis, step 0 on a pasted error without a readable server, results landing where people
 * look (tree labels, a diagnosis document, the Problems panel) and evidence tables that fit the
 * panel. Needs the lab (any scenario); without it only the lab-free tests run.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, type ExchangeAuthDoctorApi } from '../../../src/extension/api.js';
import type { RenderedSnapshot, WalkthroughState, WebviewToHost } from '../../../src/shared/walkthrough-protocol.js';

const OPEN = 'exchangeAuthDoctor.openWalkthrough';
const HOOK = 'exchangeAuthDoctor.walkthrough.testHook';
const lab = !!process.env.EAD_BIND_PASSWORD;

const snapshot = async (): Promise<RenderedSnapshot> =>
  await vscode.commands.executeCommand<RenderedSnapshot>(HOOK, { op: 'snapshot' });
const send = async (message: WebviewToHost): Promise<WalkthroughState> =>
  await vscode.commands.executeCommand<WalkthroughState>(HOOK, { op: 'message', message });
const state = async (): Promise<WalkthroughState> =>
  await vscode.commands.executeCommand<WalkthroughState>(HOOK, { op: 'state' });

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
    const ext = vscode.extensions.getExtension<ExchangeAuthDoctorApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    const password = process.env.EAD_BIND_PASSWORD;
    if (!password) return;
    await api.signInWithPassword(password);
    await api.refresh();
    assert.equal(api.getDirectoryStatus().kind, 'ready', JSON.stringify(api.getDirectoryStatus()));
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
});
