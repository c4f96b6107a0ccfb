/** Commands without the lab: every command registered and contributed, and refused in an untrusted workspace. */
/**
 * Commands and terminal integration in a real VS Code (code-server), against the lab DC: SetSPN -L
 * for a lab server in the extension's terminal with shell integration and its findings on the tree
 * item; the same findings through the fallback (shell integration turned off in the settings: the
 * command runs in the background with execa and the terminal gets the line through sendText);
 * consent, dry-run and workspace trust in front of commands that change a server.
 *
 * Off Windows the commands that change a server have no equivalent to run, so the consent tests
 * force the Windows form through the feature's `windowsTools` hook and decline: nothing may run.
 * Workspace trust: with EAD_WORKSPACE_TRUST=on the runner opens a really untrusted workspace and
 * the first suite checks the refusal there (the lab suite needs the restricted directory settings,
 * so it runs with trust off); with trust off, the injectable trust check (`isTrusted` hook) covers it.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, type ExchangeAuthDoctorApi, type SessionApi } from '../../../src/extension/api';
import type { ToolRunOutcome } from '../../../src/extension/tool-runs/tool-run-service';
import { COMMAND_TABLE } from '../../../src/extension/commands/command-table';
import { commandId } from '../../../src/shared/command-id';
import type { ConfirmRequest, GateHooks } from '../../../src/extension/tool-runs/safety-gate';

/** A confirmation hook that records what it was asked and answers `ok`. */
const answer =
  (asked: ConfirmRequest[], ok: boolean) =>
  (r: ConfirmRequest): Promise<boolean> => {
    asked.push(r);
    return Promise.resolve(ok);
  };

/** The gate's test hooks: present outside production only (the runner's extension host is not production). */
function hooks(feature: SessionApi, value: GateHooks): void {
  assert.ok(feature.setHooks, 'setHooks exists outside ExtensionMode.Production');
  feature.setHooks(value);
}

describe('Commands feature (no lab needed)', () => {
  before(async () => {
    await vscode.extensions.getExtension<ExchangeAuthDoctorApi>(EXTENSION_ID)?.activate();
  });

  it('registers every command of the feature, and the manifest contributes each of them', async () => {
    const contributed = new Set(
      (
        (
          vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
            contributes: { commands: { command: string }[] };
          }
        ).contributes.commands ?? []
      ).map((c) => c.command),
    );
    const registered = new Set(await vscode.commands.getCommands(true));
    const ours = Object.keys(COMMAND_TABLE).map(commandId);
    assert.deepEqual(
      ours.filter((c) => !registered.has(c)),
      [],
      'registered',
    );
    assert.deepEqual(
      ours.filter((c) => !contributed.has(c)),
      [],
      'contributed',
    );
  });
});

describe('Commands in a really untrusted workspace (runner with EAD_WORKSPACE_TRUST=on)', () => {
  it('refuses state-changing and tool commands when VS Code does not trust the workspace', async () => {
    // With workspace trust off in the runner every workspace is trusted; then this is covered by
    // the injected trust check below.
    if (vscode.workspace.isTrusted) return;
    const api = await vscode.extensions.getExtension<ExchangeAuthDoctorApi>(EXTENSION_ID)?.activate();
    const feature = api?.session;
    assert.ok(feature);
    const asked: ConfirmRequest[] = [];
    hooks(feature, { windowsTools: true, confirm: answer(asked, true) });
    try {
      for (const id of ['exchangeAuthDoctor.enableKerberosLogging', 'exchangeAuthDoctor.setspnList']) {
        const outcomes = (await vscode.commands.executeCommand<ToolRunOutcome[]>(id, 'EX01')) ?? [];
        assert.deepEqual(
          outcomes.map((o) => o.status),
          ['refused'],
          id,
        );
      }
      assert.equal(asked.length, 0);
    } finally {
      hooks(feature, {});
    }
  });
});
