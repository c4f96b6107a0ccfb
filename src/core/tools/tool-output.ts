/**
 * Shared pieces of the tool-output interpreters: what a finding from a terminal run says about
 * where it came from, and the `unknown` finding for output a parser did not recognise. Pure (no
 * `vscode`): unit-tested in test/unit/core/tools/.
 */
import type { Evidence, Finding, Step, Subject } from '../../shared/findings';
import type { ExchangeServer } from '../directory/model';
import { cleanTerminalOutput } from '../parsers/terminal-clean';
import { makeFinding } from '../findings/define';
import { commonFindings } from '../findings/common-codes';
import type { FindingCode } from '../steps/finding-codes';
import { text } from '../l10n/render';
import { nameOf, valueOf } from '../l10n/worded-parts';

export interface ToolContext {
  /** The command line as shown in the terminal: the source of every piece of evidence. */
  commandLine: string;
  /** ISO 8601 time the output was read. */
  observedAt: string;
  /** The Exchange server the command was about, when it was about one. */
  server?: ExchangeServer;
  /** Kerberos tolerance and warning threshold, in milliseconds (from the settings). */
  clockToleranceMs: number;
  clockWarningMs: number;
}

/** Most of a tool's output that is worth keeping as evidence. */
const MAX_EVIDENCE = 4000;

export function outputEvidence(ctx: ToolContext, raw: string, label = 'output'): Evidence {
  const cleaned = cleanTerminalOutput(raw).trim();
  const value = cleaned.length > MAX_EVIDENCE ? `${cleaned.slice(0, MAX_EVIDENCE)}…` : cleaned;
  return {
    label,
    ...valueOf(value || text('fp.common.no-output')),
    source: ctx.commandLine,
    observedAt: ctx.observedAt,
  };
}

export function valueEvidence(ctx: ToolContext, label: string, value: string): Evidence {
  return { label, value, source: ctx.commandLine, observedAt: ctx.observedAt };
}

export function subjectOf(ctx: ToolContext, fallback?: Subject): Subject {
  if (ctx.server)
    return ctx.server.fqdn
      ? { kind: 'server', name: ctx.server.name, id: ctx.server.fqdn }
      : { kind: 'server', name: ctx.server.name };
  return fallback ?? { kind: 'local', ...nameOf('fp.1.this-machine') };
}

/** The output could not be read: an `unknown` finding carrying the parser's reason and the text. */
export function unrecognisedFinding(
  ctx: ToolContext,
  step: Step,
  tool: string,
  reason: string,
  raw: string,
  exitCode: number | undefined,
): Finding<FindingCode> {
  const exit = exitCode === undefined ? '' : text('fp.common.exit', { code: exitCode });
  return makeFinding(commonFindings, 'tool.output-unrecognised', {
    step,
    severity: 'unknown',
    subject: subjectOf(ctx),
    params: { tool, exit },
    evidence: [outputEvidence(ctx, raw)],
    reason,
  });
}
