/**
 * The pair's "Kerberos readiness" table in the walkthrough (issue 12), in a real VS Code against
 * the lab: after a run for EX01 -> EX02 it appears in step 3 and in the summary, and on the
 * stale-key lab its first failing row is the key version on each DC, naming DC2 as behind.
 *   npm run lab -- start --scenario stale-key && EAD_SCENARIO=stale-key EAD_TEST_FILES=kerberos-readiness npm run test:vscode
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { HOOK, OPEN, activatedAndSignedIn, labScenario, send, snapshot } from './walkthrough-hook';
import type { RenderedSnapshot } from '../../../src/shared/walkthrough-protocol';

const scenario = labScenario();
const lab = !!process.env.EAD_BIND_PASSWORD;

async function until(ok: (s: RenderedSnapshot) => boolean, what: string, timeoutMs = 30000): Promise<RenderedSnapshot> {
  const end = Date.now() + timeoutMs;
  let last: RenderedSnapshot | undefined;
  while (Date.now() < end) {
    last = await snapshot();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what}; last text: ${(last?.text ?? '').slice(0, 2000)}`);
}

describe(`walkthrough: the Kerberos readiness of a pair (scenario ${scenario})`, function () {
  this.timeout(240000);

  before(async () => {
    await activatedAndSignedIn();
  });
  after(async () => {
    await vscode.commands.executeCommand(HOOK, { op: 'close' });
  });

  it('shows no readiness table before the pair has findings', async () => {
    await vscode.commands.executeCommand(OPEN, { step: 3, sending: 'EX01', receiving: 'EX02' });
    const s = await until((x) => x.headings.length > 8, 'the panel renders');
    if (!s.steps.some((x) => x.status !== 'idle')) assert.doesNotMatch(s.text, /Kerberos readiness:/);
  });

  if (lab && (scenario === 'stale-key' || scenario === 'healthy'))
    it(`${scenario}: step 3 and the summary show the table for EX01 -> EX02${scenario === 'stale-key' ? ', starting at the key version, DC2 behind' : ', no row failing'}`, async () => {
      await send({ type: 'setScope', scope: { kind: 'pair', sending: 'EX01', receiving: 'EX02' } });
      const st = await send({ type: 'run' });
      assert.equal(st.error, undefined, st.error);
      const s = await until(
        (x) =>
          x.steps.filter((y) => y.step > 0).every((y) => y.status !== 'idle' && y.status !== 'running') &&
          /Kerberos readiness: EX01 sends to EX02/.test(x.text),
        'every step has a result and the table is shown',
        180000,
      );
      assert.equal(
        s.text.split('Kerberos readiness: EX01 sends to EX02').length - 1,
        2,
        'in step 3 and in the summary',
      );
      for (const row of [
        'SPN holder',
        'Key version on each DC',
        'Service ticket',
        'Encryption types',
        'KDC in the site',
        'Clock',
      ])
        assert.ok(s.text.includes(row), row);
      if (scenario === 'stale-key') {
        assert.match(s.text, /Start here: Key version on each DC/);
        assert.match(s.text, /key version 2 on DC1 but 1 on DC2; behind: DC2/);
      } else assert.match(s.text, /No row of the table fails\./);
    });
});
