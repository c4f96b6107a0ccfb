/**
 * The one safety gate, in front of everything that runs a tool or a remedy (palette commands, the
 * Findings view, the walkthrough): workspace trust (an untrusted
 * workspace may have supplied the hosts), and for commands that change a server, the exact command
 * line in a modal that runs nothing without consent, or only shows it when dry-run is on. Tests
 * replace the confirmation and the trust check through `hooks`.
 */
import * as vscode from 'vscode';
import { sanitizeForTerminal } from '../../core/safety/terminal-text';
import type { Settings } from '../settings';

/**
 * What a dialog shows of text it did not write: controls, bidirectional and invisible characters
 * as visible escapes (`\u202E`), so the line approved is the line that runs.
 */
export function shown(text: string): string {
  return sanitizeForTerminal(text);
}

/** Command lines for a dialog's detail: one per line, each sanitised. */
export function shownLines(lines: readonly string[]): string {
  return lines.map((l) => sanitizeForTerminal(l)).join('\n');
}

export interface ConfirmRequest {
  title: string;
  /** The exact command lines that will run, in order. */
  commandLines: string[];
  /** Where they take effect (`EX01`, `every DC`). */
  target: string;
}

export interface GateHooks {
  /** Replaces the modal: resolve true to run. */
  confirm?: (request: ConfirmRequest) => Promise<boolean>;
  /** Replaces `vscode.workspace.isTrusted`. */
  isTrusted?: () => boolean;
  /** Forces the Windows (true) or the CLI (false) form of the tools, e.g. to test consent off Windows. */
  windowsTools?: boolean;
  /** Replaces the dry-run / not-on-this-OS modal (which only shows and copies). */
  show?: (title: string, commandLines: string[], why: string) => Promise<void>;
}

export class SafetyGate {
  hooks: GateHooks = {};

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly settings: Pick<Settings, 'dryRun'>,
  ) {}

  isTrusted(): boolean {
    return this.hooks.isTrusted ? this.hooks.isTrusted() : vscode.workspace.isTrusted;
  }

  dryRun(): boolean {
    return this.settings.dryRun();
  }

  /** True (and a message) when the workspace is not trusted. */
  refuseUntrusted(title: string): boolean {
    if (this.isTrusted()) return false;
    this.log.warn(`Refused in an untrusted workspace: ${shown(title)}`);
    const manage = vscode.l10n.t('Manage Workspace Trust');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          '"{0}" is not available in an untrusted workspace: it runs tools against hosts this workspace could have set.',
          shown(title),
        ),
        manage,
      )
      .then((pick) => {
        if (pick === manage) void vscode.commands.executeCommand('workbench.trust.manage');
      });
    return true;
  }

  /** Asks before a change; "Copy" copies the command lines and runs nothing. */
  async confirm(request: ConfirmRequest): Promise<boolean> {
    const text = shownLines(request.commandLines);
    if (this.hooks.confirm) {
      const ok = await this.hooks.confirm(request);
      this.log.info(`${ok ? 'Consent given' : 'Consent refused'} for: ${text}`);
      return ok;
    }
    const run = vscode.l10n.t('Run');
    const copy = vscode.l10n.t('Copy command');
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} changes {1}. Run this command?', shown(request.title), shown(request.target)),
      { modal: true, detail: text },
      run,
      copy,
    );
    if (pick === copy) await vscode.env.clipboard.writeText(request.commandLines.join('\n'));
    this.log.info(`${pick === run ? 'Consent given' : 'Consent refused'} for: ${text}`);
    return pick === run;
  }

  /** Dry run, or a command that cannot run on this OS: show and offer to copy. */
  async showOnly(title: string, commandLines: string[], why: string): Promise<void> {
    const text = shownLines(commandLines);
    this.log.info(`${why} ${shown(title)}: ${text}`);
    if (this.hooks.show) return this.hooks.show(title, commandLines, why);
    const copy = vscode.l10n.t('Copy command');
    const pick = await vscode.window.showInformationMessage(
      `${shown(title)}: ${why}`,
      { modal: true, detail: text },
      copy,
    );
    if (pick === copy) await vscode.env.clipboard.writeText(commandLines.join('\n'));
  }
}
