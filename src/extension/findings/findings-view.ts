/**
 * The "Findings" view: the stored findings grouped by KB 979174 step, worst first, each with its
 * evidence and remedies below it. A remedy item copies its command line; its context menu runs it
 * (with consent when it changes a server).
 */
import * as vscode from 'vscode';
import {
  SEVERITY_ORDER,
  STEP_TITLES,
  worstSeverity,
  type Finding,
  type Remedy,
  type Severity,
  type Step,
} from '../../shared/findings';
import { sanitizeForTerminal } from '../../core/safety/terminal-text';
import { commandId } from '../../shared/command-id';
import type { FindingsStore } from '../../core/session/findings-store';
import { parseLang } from '../../core/l10n/render';
import { wordedFinding } from '../../core/walkthrough/worded-state';

export const FINDINGS_VIEW_ID = 'exchangeAuthDoctor.findings';

export type FindingsNode =
  | { type: 'step'; step: Step; findings: Finding[] }
  | { type: 'finding'; finding: Finding; index: number }
  | { type: 'evidence'; finding: Finding; label: string; value: string; source: string }
  /** `remedy` is the finding's own (copied, run and matched as it is); `shown` its copy worded for display. */
  | { type: 'remedy'; finding: Finding; remedy: Remedy; shown?: Remedy };

const ICON: Record<Severity, [string, string]> = {
  ok: ['pass', 'testing.iconPassed'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  error: ['error', 'problemsErrorIcon.foreground'],
  unknown: ['question', 'disabledForeground'],
};

const icon = (s: Severity): vscode.ThemeIcon => new vscode.ThemeIcon(ICON[s][0], new vscode.ThemeColor(ICON[s][1]));

/** One line, safe to show: control characters visible, at most `max` characters. */
function line(text: string, max = 200): string {
  const one = sanitizeForTerminal(text.replace(/\r?\n/g, ' ')).trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

export interface FindingsSnapshot {
  step: Step;
  label: string;
  findings: {
    code: string;
    severity: Severity;
    subject: string;
    title: string;
    /** The item as the view shows it: the subject, then the finding in the description. */
    label: string;
    description: string;
    remedies: string[];
  }[];
}

/**
 * A finding's item: the subject as the label (short, so the side bar never cuts it), the title as
 * the description without the subject it often starts with (`DC2: ...`, `EX02 answers ...`).
 */
export function findingLabel(f: Finding): { label: string; description: string } {
  const subject = f.subject.name;
  const title = f.title.startsWith(`${subject}: `)
    ? f.title.slice(subject.length + 2)
    : f.title.startsWith(`${subject} `)
      ? f.title.slice(subject.length + 1)
      : f.title;
  return { label: line(subject, 40), description: line(title) };
}

export class FindingsViewProvider implements vscode.TreeDataProvider<FindingsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FindingsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly store: FindingsStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(element?: FindingsNode): FindingsNode[] {
    if (!element) return [...this.store.byStep()].map(([step, findings]) => ({ type: 'step', step, findings }));
    if (element.type === 'step') return element.findings.map((finding, index) => ({ type: 'finding', finding, index }));
    if (element.type === 'finding') {
      const f = element.finding;
      // Evidence and remedies as the display language words them; a remedy item keeps the original.
      const w = wordedFinding(f, parseLang(vscode.env.language));
      return [
        ...w.evidence.map((e): FindingsNode => ({
          type: 'evidence',
          finding: f,
          label: e.label,
          value: e.value,
          source: e.source,
        })),
        ...(w.reason
          ? [
              {
                type: 'evidence',
                finding: f,
                label: vscode.l10n.t('Why unknown'),
                value: w.reason,
                source: '',
              } as FindingsNode,
            ]
          : []),
        ...f.remedies.map((remedy, i): FindingsNode => ({ type: 'remedy', finding: f, remedy, shown: w.remedies[i] })),
      ];
    }
    return [];
  }

  getTreeItem(n: FindingsNode): vscode.TreeItem {
    switch (n.type) {
      case 'step': {
        const worst = worstSeverity(n.findings.map((f) => f.severity));
        const item = new vscode.TreeItem(
          vscode.l10n.t('Step {0}: {1}', n.step, STEP_TITLES[n.step]),
          vscode.TreeItemCollapsibleState.Expanded,
        );
        item.id = `step:${n.step}`;
        item.description = vscode.l10n.t('{0} finding(s)', n.findings.length);
        item.iconPath = icon(worst);
        item.contextValue = `findingsStep.${worst}`;
        return item;
      }
      case 'finding': {
        const f = wordedFinding(n.finding, parseLang(vscode.env.language));
        const shown = findingLabel(f);
        const item = new vscode.TreeItem(
          shown.label,
          f.evidence.length || f.remedies.length || f.reason
            ? vscode.TreeItemCollapsibleState.Collapsed
            : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `finding:${f.step}:${n.index}:${f.code}:${f.subject.name}`;
        item.description = shown.description;
        const md = new vscode.MarkdownString();
        md.appendText(`${f.severity.toUpperCase()} — ${f.title}\n\n${f.explanation}`);
        if (f.reason) md.appendText(`\n\n${vscode.l10n.t('Why unknown')}: ${f.reason}`);
        item.tooltip = md;
        item.iconPath = icon(f.severity);
        item.contextValue = `finding.${f.severity}`;
        return item;
      }
      case 'evidence': {
        const item = new vscode.TreeItem(`${line(n.label, 60)}: ${line(n.value)}`);
        item.tooltip = `${n.value}${n.source ? `\n\n${vscode.l10n.t('Source')}: ${n.source}` : ''}`;
        item.iconPath = new vscode.ThemeIcon('eye');
        item.contextValue = 'evidence';
        return item;
      }
      case 'remedy': {
        const r = n.shown ?? n.remedy;
        const item = new vscode.TreeItem(line(r.summary));
        item.description = line(r.command, 80);
        item.tooltip = `${r.command}\n\n${r.changesState ? vscode.l10n.t('Changes the server') : vscode.l10n.t('Read-only')} — ${vscode.l10n.t('run on {0}', r.runOnWorded ?? r.runOn)}`;
        item.iconPath = new vscode.ThemeIcon(r.changesState ? 'wrench' : 'terminal');
        item.contextValue = r.changesState ? 'remedy.changesState' : 'remedy.readOnly';
        item.command = { command: commandId('copyRemedy'), title: vscode.l10n.t('Copy command'), arguments: [n] };
        return item;
      }
    }
  }

  /** The view as rendered, for tests. */
  snapshot(): FindingsSnapshot[] {
    return [...this.store.byStep()].map(([step, findings]) => ({
      step,
      label: `Step ${step}: ${STEP_TITLES[step]}`,
      findings: [...findings]
        .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity])
        .map((f) => wordedFinding(f, parseLang(vscode.env.language)))
        .map((f) => ({
          code: f.code,
          severity: f.severity,
          subject: f.subject.name,
          title: f.title,
          ...findingLabel(f),
          remedies: f.remedies.map((r) => r.command),
        })),
    }));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
