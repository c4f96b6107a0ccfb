/**
 * Runs a remedy's command line in a terminal, only with consent: a command that changes a server
 * always asks first in a modal dialog that names the command and where it must run; a read-only one
 * runs at once. In an untrusted workspace nothing is run (the command can still be copied). This
 * is the fallback used when the commands feature's terminal runner is not passed in.
 */
import * as vscode from 'vscode';
import type { Remedy } from '../../shared/findings.js';
import { sanitizeForTerminal } from '../../core/safety/terminal-text.js';

const TERMINAL_NAME = 'Exchange Auth Doctor';

let terminal: vscode.Terminal | undefined;

function ownTerminal(): vscode.Terminal {
  if (!terminal || terminal.exitStatus !== undefined) terminal = vscode.window.createTerminal({ name: TERMINAL_NAME });
  return terminal;
}

export async function confirmRemedy(remedy: Remedy): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Commands are not run in an untrusted workspace. Copy the command and run it yourself.'));
    return false;
  }
  if (!remedy.changesState) return true;
  const run = vscode.l10n.t('Run in terminal');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('This command changes {0}. Run it now?', remedy.runOn),
    { modal: true, detail: `${sanitizeForTerminal(remedy.command)}\n\n${vscode.l10n.t('Run on: {0}', remedy.runOn)}` },
    run,
  );
  return choice === run;
}

export async function runRemedyInTerminal(remedy: Remedy): Promise<boolean> {
  if (!(await confirmRemedy(remedy))) return false;
  const t = ownTerminal();
  t.show(true);
  // No newline in the text (the safety module rejects them in remedies); sendText adds the Enter.
  t.sendText(remedy.command.replace(/[\r\n]+/g, ' '), true);
  return true;
}

export function disposeTerminal(): void {
  terminal?.dispose();
  terminal = undefined;
}
