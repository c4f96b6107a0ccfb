/**
 * The one way a remedy runs, whoever asks (the Findings view's Run, the `runRemedy` command, the
 * walkthrough's Run, the extension API): looked up by identity among the remedies this session
 * produced (an unknown one is refused), then run as a tool run, behind the same safety gate and in
 * the same terminal as every other tool run.
 */
import * as vscode from 'vscode';
import type { Finding, Remedy } from '../../shared/findings';
import { commonFindings } from '../../core/findings/common-codes';
import { makeFinding } from '../../core/findings/define';
import { sanitizeForTerminal } from '../../core/safety/terminal-text';
import { RemedyRegistry } from '../../core/session/remedy-registry';
import { outputEvidence, subjectOf } from '../../core/tools/tool-output';
import type { ToolPlan } from '../../core/tools/tool-plan';
import type { ToolRunOutcome, ToolRunService } from '../tool-runs/tool-run-service';
import { parseLang, text } from '../../core/l10n/render';
import { runOnShown } from '../../core/l10n/worded-parts';
import { reasonOf } from '../../core/l10n/worded-parts';

/**
 * A remedy run as it is shown, in the shell it was quoted for: a PowerShell line is typed into
 * the runner's PowerShell terminal on Windows. A line quoted for cmd.exe is only shown to copy:
 * the runner never starts cmd.exe, and cmd.exe text typed into PowerShell (or the reverse) may mean
 * something else. Off Windows every remedy is shown to copy.
 */
export function remedyPlan(remedy: Remedy, finding: Pick<Finding, 'step' | 'subject'>): ToolPlan {
  return {
    tool: 'remedy',
    target: remedy.command,
    title: remedy.summary,
    step: finding.step,
    changesState: remedy.changesState,
    windows:
      remedy.shell === 'powershell'
        ? { kind: 'powershell', script: remedy.command }
        : {
            kind: 'unavailable',
            reason: vscode.l10n.t(
              'This command is written for cmd.exe; copy it and run it in a Command Prompt on {0}.',
              runOnShown(parseLang(vscode.env.language), remedy),
            ),
          },
    other: {
      kind: 'unavailable',
      reason: vscode.l10n.t(
        'This command runs on {0}; copy it and run it there.',
        runOnShown(parseLang(vscode.env.language), remedy),
      ),
    },
    interpret: (raw, exitCode, ctx) => [
      makeFinding(commonFindings, 'remedy.ran', {
        step: finding.step,
        severity: exitCode === 0 ? 'ok' : exitCode === undefined ? 'unknown' : 'error',
        subject: subjectOf(ctx, finding.subject),
        params: { summary: remedy.summaryText ?? remedy.summary, exitCode: exitCode ?? text('fp.common.unknown') },
        evidence: [outputEvidence(ctx, raw)],
        ...(exitCode === undefined ? reasonOf('fp.common.no-exit-code') : {}),
      }),
    ],
  };
}

export class RemedyRunner {
  /** Every remedy this extension produced this session: the only ones that run. */
  private readonly known = new RemedyRegistry();

  constructor(
    private readonly toolRuns: Pick<ToolRunService, 'runPlans'>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Remembers the remedies of findings this session produced (diagnosis and tool runs). */
  remember(findings: readonly Finding[]): void {
    this.known.remember(findings);
  }

  /**
   * Runs a remedy by identity: what runs is the stored remedy, and `alwaysAsk` asks for consent
   * even for a read-only one (remedies shown from a restored state).
   */
  async run(candidate: unknown, alwaysAsk = false): Promise<ToolRunOutcome[]> {
    const known = this.known.lookup(candidate);
    const asked = candidate as Partial<Remedy> | undefined;
    if (!known) {
      const command = typeof asked?.command === 'string' ? asked.command : '';
      this.log.warn(`Refused to run a remedy this extension did not produce: ${sanitizeForTerminal(command)}`);
      const summary = typeof asked?.summary === 'string' ? sanitizeForTerminal(asked.summary) : vscode.l10n.t('remedy');
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          '{0}: not a remedy of the current findings, so it was not run. Run the diagnosis again.',
          summary,
        ),
      );
      return [{ status: 'refused', tool: 'remedy', target: command, findings: [], message: 'unknown remedy' }];
    }
    const { remedy, finding } = known;
    const run = alwaysAsk ? { ...remedy, changesState: true } : remedy;
    return this.toolRuns.runPlans(remedy.summary, remedy.runOn, () => [remedyPlan(run, finding)]);
  }
}
