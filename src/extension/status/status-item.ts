/**
 * The status bar item: the overall state of the last diagnosis or tool run (worst severity and
 * counts); a click opens the Findings view. Hidden until something has run.
 */
import * as vscode from 'vscode';
import type { Severity, Verdict } from '../../shared/findings';

const ICONS: Record<Severity, string> = {
  ok: '$(pass)',
  warning: '$(warning)',
  error: '$(error)',
  unknown: '$(question)',
};

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(command: string) {
    this.item = vscode.window.createStatusBarItem('exchangeAuthDoctor.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Exchange Auth Doctor');
    this.item.command = command;
  }

  /** Shows the state of a run: `label` says what ran. */
  show(label: string, counts: Verdict['counts'], overall: Severity, cancelled = false): void {
    const parts = [
      counts.error ? vscode.l10n.t('{0} error(s)', counts.error) : '',
      counts.warning ? vscode.l10n.t('{0} warning(s)', counts.warning) : '',
      counts.unknown ? vscode.l10n.t('{0} unknown', counts.unknown) : '',
    ].filter(Boolean);
    const summary = parts.length ? parts.join(', ') : vscode.l10n.t('no problems');
    this.item.text = `${ICONS[overall]} ${vscode.l10n.t('Exchange auth')}: ${summary}`;
    this.item.tooltip = `${label}${cancelled ? ` (${vscode.l10n.t('cancelled')})` : ''}\n${summary}`;
    this.item.backgroundColor =
      overall === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : overall === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
