/**
 * The wire stages in the walkthrough (issue 13), after a run of the pair EX01 -> EX02 from the
 * walkthrough (smtp-inspection) or from the "Test connection" command (transport-cert-expired): step 4 and
 * step 6 show each SMTP session stage by stage (tcp, banner, ehlo, upgrade, tls, ehlo-tls) next to
 * the findings. Runs against the lab's scenario:
 *   EAD_SCENARIO=smtp-inspection EAD_TEST_FILES=wire-stages npm run test:vscode
 *   EAD_SCENARIO=transport-cert-expired EAD_TEST_FILES=wire-stages npm run test:vscode
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { HOOK, OPEN, activatedAndSignedIn, labScenario, send, snapshot } from './walkthrough-hook';
import type { RenderedSnapshot } from '../../../src/shared/walkthrough-protocol';

const scenario = labScenario();
const lab = !!process.env.EAD_BIND_PASSWORD;

async function runPair(): Promise<RenderedSnapshot> {
  await vscode.commands.executeCommand(OPEN, { step: 6, sending: 'EX01', receiving: 'EX02' });
  await send({ type: 'setScope', scope: { kind: 'pair', sending: 'EX01', receiving: 'EX02' } });
  const st = await send({ type: 'run' });
  assert.equal(st.error, undefined, st.error);
  const end = Date.now() + 60_000;
  for (;;) {
    const s = await snapshot();
    if (s.steps.filter((x) => x.step > 0).every((x) => x.status !== 'idle' && x.status !== 'running')) return s;
    if (Date.now() > end) assert.fail(`steps still running: ${JSON.stringify(s.steps.map((x) => [x.step, x.status]))}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const step = (s: RenderedSnapshot, n: number): string => s.steps.find((x) => x.step === n)?.findings ?? '';

describe(`wire stages in the walkthrough (scenario ${scenario})`, function () {
  this.timeout(180_000);
  before(async () => {
    await activatedAndSignedIn();
  });
  after(async () => {
    await vscode.commands.executeCommand(HOOK, { op: 'close' });
  });

  if (lab && scenario === 'smtp-inspection')
    it('step 4 shows the stage rows of the session through the inspecting proxy, and the masks it saw', async () => {
      const s = await runPair();
      const four = step(s, 4);
      assert.equal(s.steps.find((x) => x.step === 4)?.status, 'error', four.slice(0, 1500));
      assert.match(four, /SMTP session to ex02\.contoso\.test:2525, stage by stage/);
      for (const row of [/tcp\s*ok/, /banner\s*ok/, /ehlo\s*ok/]) assert.match(four, row, four.slice(0, 2000));
      assert.match(four, /250-XXXXXXXA/);
      assert.match(four, /banner masked/);
      assert.match(step(s, 6), /cannot be judged: something on the path rewrites SMTP/);
    });

  if (lab && scenario === 'transport-cert-expired')
    it('"Test connection" runs steps 4 and 6 for the pair and opens the walkthrough on step 6, with the stage rows and the expired certificate', async () => {
      await vscode.commands.executeCommand(HOOK, { op: 'close' });
      await vscode.commands.executeCommand('exchangeAuthDoctor.testConnection', 'EX01', 'EX02');
      const end = Date.now() + 60_000;
      let s = await snapshot();
      while (!['ok', 'warning', 'error', 'unknown'].includes(s.steps.find((x) => x.step === 6)?.status ?? '')) {
        if (Date.now() > end)
          assert.fail(`step 6 never showed a result: ${JSON.stringify(s.steps.map((x) => [x.step, x.status]))}`);
        await new Promise((r) => setTimeout(r, 250));
        s = await snapshot();
      }
      const six = step(s, 6);
      assert.equal(s.steps.find((x) => x.step === 6)?.status, 'warning', six.slice(0, 1500));
      assert.equal(s.steps.find((x) => x.step === 1)?.status, 'idle', 'only steps 4 and 6 ran');
      assert.match(six, /SMTP session to ex02\.contoso\.test:2525, stage by stage/);
      for (const row of [/upgrade\s*ok/, /tls\s*ok/, /ehlo-tls\s*ok/]) assert.match(six, row, six.slice(0, 2000));
      assert.match(six, /expired on 2020-12-31/);
      assert.match(six, /X-ANONYMOUSTLS/);
    });
});
