/**
 * Runs a remedy's command line in the extension's terminal, behind the same safety gate as the
 * commands feature (src/extension/commands/safety-gate.ts): nothing runs in an untrusted
 * workspace; with `exchangeAuthDoctor.commands.dryRun` a command that changes a server is only
 * shown (to copy); otherwise such a command runs only after consent in a modal that names the
 * exact command line and where it takes effect. Read-only commands run at once.
 */
import * as vscode from 'vscode';
import type { Remedy } from '../../shared/findings.js';
import { SafetyGate } from '../commands/safety-gate.js';
import { hasUnsafeTerminalText } from '../../core/safety/terminal-text.js';

const TERMINAL_NAME = 'Exchange Auth Doctor';

export class RemedyTerminal implements vscode.Disposable {
  readonly gate: SafetyGate;
  private terminal: vscode.Terminal | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.gate = new SafetyGate(log);
  }

  private ownTerminal(): vscode.Terminal {
    if (!this.terminal || this.terminal.exitStatus !== undefined)
      this.terminal = vscode.window.createTerminal({ name: TERMINAL_NAME });
    return this.terminal;
  }

  /** True when the command was sent to the terminal. */
  async run(remedy: Remedy): Promise<boolean> {
    const title = remedy.summary;
    if (this.gate.refuseUntrusted(title)) return false;
    // Control, bidirectional or invisible characters could make the line approved differ from the line run.
    if (hasUnsafeTerminalText(remedy.command)) {
      this.log.warn(
        `Walkthrough: refused a command with control or invisible characters: ${JSON.stringify(remedy.command)}`,
      );
      void vscode.window.showWarningMessage(
        vscode.l10n.t('This command holds control or invisible characters and is not run. Copy it and check it first.'),
      );
      return false;
    }
    if (remedy.changesState) {
      if (this.gate.dryRun()) {
        await this.gate.showOnly(
          title,
          [remedy.command],
          vscode.l10n.t('Dry run (exchangeAuthDoctor.commands.dryRun): nothing was run.'),
        );
        return false;
      }
      if (!(await this.gate.confirm({ title, commandLines: [remedy.command], target: remedy.runOn }))) return false;
    }
    const t = this.ownTerminal();
    t.show(true);
    // One line: sendText adds the Enter; a line break inside would run a second command.
    t.sendText(remedy.command.replace(/[\r\n]+/g, ' '), true);
    this.log.info(`Walkthrough: sent to the terminal (run on ${remedy.runOn}): ${remedy.command}`);
    return true;
  }

  dispose(): void {
    this.terminal?.dispose();
    this.terminal = undefined;
  }
}
