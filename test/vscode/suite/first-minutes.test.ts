/**
 * What a new admin meets in the first minutes (issue 16): the walkthrough opening on the last
 * diagnosis, step 0 on a pasted error without a readable server, results landing where people
 * look (tree labels, a diagnosis document, the Problems panel) and evidence tables that fit the
 * panel. Needs the lab (any scenario); without it only the lab-free tests run.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, type ExchangeAuthDoctorApi } from '../../../src/extension/api.js';
import type { RenderedSnapshot, WalkthroughState } from '../../../src/shared/walkthrough-protocol.js';

const OPEN = 'exchangeAuthDoctor.openWalkthrough';
const HOOK = 'exchangeAuthDoctor.walkthrough.testHook';
const lab = !!process.env.EAD_BIND_PASSWORD;

const snapshot = async (): Promise<RenderedSnapshot> =>
  await vscode.commands.executeCommand<RenderedSnapshot>(HOOK, { op: 'snapshot' });
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
});
