/**
 * What a tool run behind a command is: what runs on Windows (the real tool or a PowerShell script), what runs elsewhere (the CLI's cross-platform equivalent, or nothing for commands that change a server), whether it changes state, and how its output becomes findings. Each step's folder holds its own plans (`*-plans.ts`). Every name goes through src/core/safety's typed arguments, so it is validated before any command line exists. Pure.
 */
import type { Finding, Step } from '../../shared/findings';
import type { ExchangeServer } from '../directory/model';
import { arg, type CommandArg } from '../safety/command-line';
import { validateHostName } from '../safety/validation';
import type { ToolContext } from './tool-output';
import { reportFindings } from './report-findings';
import type { FindingCode } from '../steps/finding-codes';

export type Invocation =
  /** A Windows executable with typed arguments (setspn, w32tm, repadmin, reg). */
  | { kind: 'exe'; executable: string; args: CommandArg[] }
  /** A PowerShell script built from validated, quoted names (Test-NetConnection, Get-WinEvent...). */
  | { kind: 'powershell'; script: string }
  /** `exchange-auth-doctor <args>`: the CLI, for macOS and Linux. */
  | { kind: 'cli'; args: CommandArg[] }
  /** Nothing runs here; the Windows command line is offered to copy. */
  | { kind: 'unavailable'; reason: string };

export interface ToolPlan {
  /** Stable id of the tool run, e.g. `setspn-L`; with `target` it keys the findings it replaces. */
  tool: string;
  /** What the run is about: a server name, an SPN, or `organisation`. */
  target: string;
  title: string;
  step: Step;
  changesState: boolean;
  /** The Windows form (always built: shown in dialogs, copied, and run on Windows). */
  windows: Invocation;
  /** The form for macOS and Linux. */
  other: Invocation;
  /** The Exchange server the run is about, for comparisons and the tree item. */
  server?: ExchangeServer;
  interpret: (raw: string, exitCode: number | undefined, ctx: ToolContext) => Finding<FindingCode>[];
}

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

export function planHost(name: string): string {
  const v = validateHostName(name);
  if (!v.ok) throw new PlanError(`"${name}" cannot be used as a server name: ${v.reason}`);
  return v.value.name;
}

/** The name other machines reach the server by: its FQDN when known, else its short name. */
export function serverAddress(server: ExchangeServer): string {
  return planHost(server.fqdn ?? server.computer?.dnsHostName ?? server.name);
}

export const NOT_HERE =
  'This command changes a Windows server and runs only on Windows; copy the command line and run it there.';

export const diagnoseJson = (server: ExchangeServer | undefined, step: Step): Invocation => ({
  kind: 'cli',
  args: [
    arg.text('diagnose'),
    ...(server ? [arg.switch('--server'), arg.host(planHost(server.name))] : []),
    arg.switch('--steps'),
    arg.integer(step),
    arg.switch('--json'),
  ],
});

/** When the `other` form is the CLI's diagnose report, its findings come from the JSON. */
export function interpreterFor(plan: ToolPlan, invocation: Invocation): ToolPlan['interpret'] {
  if (invocation.kind === 'cli' && invocation.args[0]?.kind === 'value' && invocation.args[0].text === 'diagnose')
    return reportFindings;
  return plan.interpret;
}
