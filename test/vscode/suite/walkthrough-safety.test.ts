/**
 * The walkthrough runs nothing of its own: its Run obeys the safety gate's workspace-trust check, and
 * its remedies go through the one remedy runner, so the consent dialog shows exactly the line the
 * terminal gets, quoted for the shell of that terminal, whatever the user's default shell is.
 *
 * Trust: with EAD_WORKSPACE_TRUST=on the runner opens a really untrusted workspace and the refusal
 * is VS Code's own; otherwise the gate's injectable trust check says untrusted.
 * The remedy tests need a state-changing PowerShell remedy: they run in the all-faults stage of
 * `npm test` (scripts/test-all.mjs), with the walkthrough suite.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HOOK, OPEN, labScenario, send } from './walkthrough-hook';
import { EXTENSION_ID, type ExchangeAuthDoctorApi } from '../../../src/extension/api';
import type { SessionApi } from '../../../src/extension/api';
import type { ConfirmRequest, GateHooks } from '../../../src/extension/tool-runs/safety-gate';
import type { WalkthroughState } from '../../../src/shared/walkthrough-protocol';

const lab = !!process.env.EAD_BIND_PASSWORD;
const faulty = lab && labScenario() === 'all-faults';

function hooks(feature: SessionApi, value: GateHooks): void {
  assert.ok(feature.setHooks, 'setHooks exists outside ExtensionMode.Production');
  feature.setHooks(value);
}

async function terminalSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('terminal.integrated').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('walkthrough: the same gate and the same runner as the commands', function () {
  this.timeout(240_000);
  let api: ExchangeAuthDoctorApi;
  let feature: SessionApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<ExchangeAuthDoctorApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    assert.ok(api.session, 'the session API is wired into the extension API');
    feature = api.session;
    if (lab && vscode.workspace.isTrusted) {
      await api.signInWithPassword(process.env.EAD_BIND_PASSWORD ?? '');
      await api.refresh();
    }
  });

  /** Temporary folders of the stand-in shells, removed after each test. */
  const made: string[] = [];

  afterEach(async () => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    hooks(feature, {});
    await terminalSetting('defaultProfile.linux', undefined);
    await terminalSetting('profiles.linux', undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand(HOOK, { op: 'close' });
  });

  it('refuses Run in an untrusted workspace: no step runs', async () => {
    if (vscode.workspace.isTrusted) hooks(feature, { isTrusted: () => false });
    await vscode.commands.executeCommand(HOOK, { op: 'close' });
    await vscode.commands.executeCommand(OPEN, { sending: 'EX01', receiving: 'EX02' });
    // The panel may open on an earlier diagnosis of this pair (it shows the last one of its scope):
    // a refused Run must leave exactly that, and start nothing.
    const before = await vscode.commands.executeCommand<WalkthroughState>(HOOK, { op: 'state' });
    const stepsOf = (x: WalkthroughState): unknown => x.steps.map((s) => [s.step, s.status, s.findings.length]);
    const st = await send({ type: 'run' });
    assert.equal(st.running, false);
    assert.equal(st.error, undefined, 'the run was not even attempted');
    assert.equal(st.startedAt, before.startedAt, 'no run started');
    assert.deepEqual(stepsOf(st), stepsOf(before));
    const one = await send({ type: 'run', steps: [3] });
    assert.equal(one.startedAt, before.startedAt, 're-checking one step is refused too');
    assert.deepEqual(stepsOf(one), stepsOf(before));
  });

  // A user whose default shell is cmd.exe or PowerShell: the remedy must not be typed there.
  for (const shell of faulty ? ['cmd', 'pwsh'] : []) {
    it(`with ${shell} as the default shell, a remedy is typed in the runner's terminal exactly as the dialog showed it`, async () => {
      // The lab suites run with workspace trust off; a really untrusted run covers the test above only.
      if (!vscode.workspace.isTrusted) return;
      // Stand-ins for cmd.exe and PowerShell (neither exists here): /bin/sh under their names, as the default profile.
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ead-shell-'));
      made.push(dir);
      const fake = path.join(dir, shell === 'cmd' ? 'cmd.exe' : 'pwsh');
      symlinkSync('/bin/sh', fake);
      await terminalSetting('profiles.linux', { [shell]: { path: fake } });
      await terminalSetting('defaultProfile.linux', shell);
      await vscode.commands.executeCommand(HOOK, { op: 'close' });
      await vscode.commands.executeCommand(OPEN, { sending: 'EX01', receiving: 'EX02' });
      const st = await send({ type: 'run' });
      assert.equal(st.error, undefined, st.error);
      const remedies = st.steps.flatMap((s) =>
        s.findings.flatMap((f, finding) => f.remedies.map((r, remedy) => ({ step: s.step, finding, remedy, r }))),
      );
      const target = remedies.find((x) => x.r.changesState && x.r.shell === 'powershell');
      assert.ok(target, `a state-changing PowerShell remedy (scenario all-faults): ${remedies.length} remedies`);

      const asked: ConfirmRequest[] = [];
      const typed: { line: string; terminal: vscode.Terminal }[] = [];
      const listener = vscode.window.onDidStartTerminalShellExecution((e) =>
        typed.push({ line: e.execution.commandLine.value, terminal: e.terminal }),
      );
      hooks(feature, {
        windowsTools: true,
        confirm: (r) => {
          asked.push(r);
          return Promise.resolve(true);
        },
      });
      try {
        const after = await send({
          type: 'runRemedy',
          step: target.step,
          finding: target.finding,
          remedy: target.remedy,
        });
        assert.equal(after.commands.at(-1)?.how, 'terminal', 'the remedy ran');
      } finally {
        listener.dispose();
      }
      assert.equal(asked.length, 1, 'the commands consent dialog was asked once');
      const shown = asked[0]?.commandLines ?? [];
      assert.equal(shown.length, 1);
      assert.deepEqual(
        typed.map((t) => t.line),
        shown,
        `the terminal got exactly the line the dialog showed (${JSON.stringify(feature.lastToolRun().map((o) => [o.status, o.via]))})`,
      );
      const terminal = typed[0]?.terminal;
      assert.equal(terminal?.name, 'Exchange Auth Doctor');
      const options = terminal?.creationOptions as vscode.TerminalOptions | undefined;
      assert.ok(options?.shellPath, "the runner's own shell, not the default profile");
      assert.notEqual(options.shellPath, fake);
      assert.match(options.shellPath, /(^|\/)(bash|zsh)$/, 'a POSIX shell, as the line is quoted for');
      // Off Windows the runner's shell is POSIX: the PowerShell line is handed to PowerShell as one quoted argument.
      assert.match(shown[0] ?? '', /^pwsh -NoProfile -NonInteractive -Command '/);
    });
  }
});
