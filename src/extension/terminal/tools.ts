/**
 * The catalogue of tool runs behind the commands: for each, what runs on Windows (the real tool,
 * or a PowerShell script), what runs elsewhere (the CLI's cross-platform equivalent, or nothing
 * for commands that change a server), whether it changes state, and how its output becomes
 * findings. Every name goes through src/core/safety's typed arguments, so it is validated before
 * any command line exists. Pure (no `vscode`): unit-tested in test/unit/extension-pure/.
 */
import type { Finding, Step } from '../../shared/findings';
import type { ExchangeServer } from '../../core/directory/model';
import { kerberosEventsScript, kerberosLoggingRegArgs } from '../../core/checks/kerberos-logging-commands';
import { arg, quoteForPowerShell, validateHostName, validateSpn, type CommandArg } from '../../core/safety';
import { compareSpns, expectedSpns } from '../../core/spn/expected';
import type { ToolContext } from './tool-findings-common';
import {
  setspnAddFindings,
  setspnDuplicatesFindings,
  setspnListFindings,
  setspnQueryFindings,
} from './tool-findings-spn';
import {
  connectorFindings,
  eventFindings,
  monitorFindings,
  portFindings,
  registryFindings,
  replSummaryFindings,
  reportFindings,
  stripchartFindings,
  syncAllFindings,
} from './tool-findings-tools';

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
  interpret: (raw: string, exitCode: number | undefined, ctx: ToolContext) => Finding[];
}

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

function host(name: string): string {
  const v = validateHostName(name);
  if (!v.ok) throw new PlanError(`"${name}" cannot be used as a server name: ${v.reason}`);
  return v.value.name;
}

/** The name other machines reach the server by: its FQDN when known, else its short name. */
export function serverAddress(server: ExchangeServer): string {
  return host(server.fqdn ?? server.computer?.dnsHostName ?? server.name);
}

const NOT_HERE =
  'This command changes a Windows server and runs only on Windows; copy the command line and run it there.';

const diagnoseJson = (server: ExchangeServer | undefined, step: Step): Invocation => ({
  kind: 'cli',
  args: [
    arg.text('diagnose'),
    ...(server ? [arg.switch('--server'), arg.host(host(server.name))] : []),
    arg.switch('--steps'),
    arg.integer(step),
    arg.switch('--json'),
  ],
});

export function setspnListPlan(server: ExchangeServer): ToolPlan {
  const name = host(server.name);
  return {
    tool: 'setspn-L',
    target: name,
    title: `setspn -L ${name}`,
    step: 3,
    changesState: false,
    server,
    windows: { kind: 'exe', executable: 'setspn', args: [arg.switch('-L'), arg.host(name)] },
    other: { kind: 'cli', args: [arg.text('setspn'), arg.switch('-L'), arg.host(name)] },
    interpret: setspnListFindings,
  };
}

export function setspnDuplicatesPlan(): ToolPlan {
  return {
    tool: 'setspn-X',
    target: 'organisation',
    title: 'setspn -F -X',
    step: 3,
    changesState: false,
    windows: { kind: 'exe', executable: 'setspn', args: [arg.switch('-F'), arg.switch('-X')] },
    other: { kind: 'cli', args: [arg.text('setspn'), arg.switch('-X')] },
    interpret: setspnDuplicatesFindings,
  };
}

export function setspnQueryPlan(spn: string, server?: ExchangeServer): ToolPlan {
  const v = validateSpn(spn);
  if (!v.ok) throw new PlanError(`"${spn}" is not an SPN: ${v.reason}`);
  return {
    tool: 'setspn-Q',
    target: spn,
    title: `setspn -F -Q ${spn}`,
    step: 3,
    changesState: false,
    ...(server ? { server } : {}),
    windows: { kind: 'exe', executable: 'setspn', args: [arg.switch('-F'), arg.switch('-Q'), arg.spn(spn)] },
    other: { kind: 'cli', args: [arg.text('setspn'), arg.switch('-Q'), arg.spn(spn)] },
    interpret: (raw, code, ctx) => setspnQueryFindings(spn, raw, code, ctx),
  };
}

/** One `setspn -Q` per SPN the server must hold. */
export function setspnQueryExpectedPlans(server: ExchangeServer): ToolPlan[] {
  host(server.name);
  return expectedSpns(server).map((e) => setspnQueryPlan(e.spn, server));
}

/** The SPNs the server lacks according to the directory read, each with its `setspn -S` plan. */
export function registerMissingSpnPlans(server: ExchangeServer): ToolPlan[] {
  const name = host(server.name);
  const missing = compareSpns(expectedSpns(server), server.computer?.servicePrincipalNames ?? []).missing;
  return missing.map((e) => ({
    tool: 'setspn-S',
    target: e.spn,
    title: `setspn -S ${e.spn} ${name}`,
    step: 3,
    changesState: true,
    server,
    windows: { kind: 'exe', executable: 'setspn', args: [arg.switch('-S'), arg.spn(e.spn), arg.host(name)] },
    other: { kind: 'unavailable', reason: NOT_HERE },
    interpret: (raw, code, ctx) => setspnAddFindings(e.spn, raw, code, ctx),
  }));
}

export function stripchartPlan(server: ExchangeServer): ToolPlan {
  const target = serverAddress(server);
  return {
    tool: 'w32tm-stripchart',
    target: server.name,
    title: `w32tm /stripchart /computer:${target}`,
    step: 1,
    changesState: false,
    server,
    windows: {
      kind: 'exe',
      executable: 'w32tm',
      args: [
        arg.switch('/stripchart'),
        arg.joined('/computer:', target, 'host'),
        arg.switch('/samples:3'),
        arg.switch('/dataonly'),
      ],
    },
    other: diagnoseJson(server, 1),
    interpret: (raw, code, ctx) => stripchartFindings(server.name, raw, code, ctx),
  };
}

export function monitorPlan(): ToolPlan {
  return {
    tool: 'w32tm-monitor',
    target: 'organisation',
    title: 'w32tm /monitor',
    step: 1,
    changesState: false,
    windows: { kind: 'exe', executable: 'w32tm', args: [arg.switch('/monitor')] },
    other: diagnoseJson(undefined, 1),
    interpret: monitorFindings,
  };
}

export function replSummaryPlan(): ToolPlan {
  return {
    tool: 'repadmin-replsummary',
    target: 'organisation',
    title: 'repadmin /replsummary',
    step: 2,
    changesState: false,
    windows: { kind: 'exe', executable: 'repadmin', args: [arg.switch('/replsummary')] },
    other: diagnoseJson(undefined, 2),
    interpret: replSummaryFindings,
  };
}

/** `repadmin /syncall [DC] /AdeP`: pushes every partition from `source` (or the DC it runs on). */
export function syncAllPlan(source?: string): ToolPlan {
  const dc = source === undefined ? undefined : host(source);
  return {
    tool: 'repadmin-syncall',
    target: dc ?? 'organisation',
    title: `repadmin /syncall ${dc ? `${dc} ` : ''}/AdeP`,
    step: 2,
    changesState: true,
    windows: {
      kind: 'exe',
      executable: 'repadmin',
      args: dc
        ? [arg.switch('/syncall'), arg.host(dc), arg.switch('/AdeP')]
        : [arg.switch('/syncall'), arg.switch('/AdeP')],
    },
    other: { kind: 'unavailable', reason: NOT_HERE },
    interpret: syncAllFindings,
  };
}

/** Test-NetConnection from this machine to each DC on Kerberos (88) and to the server's SMTP ports. */
export function kerberosPortsPlan(server: ExchangeServer, domainControllers: readonly string[]): ToolPlan {
  const targets: [string, number][] = [
    ...domainControllers.map((d): [string, number] => [host(d), 88]),
    [serverAddress(server), 25],
  ];
  const script = targets
    .map(([t, p]) => `Test-NetConnection -ComputerName ${quoteForPowerShell(t)} -Port ${p}`)
    .join('; ');
  return {
    tool: 'ports',
    target: server.name,
    title: `Test-NetConnection (Kerberos and SMTP ports for ${server.name})`,
    step: 4,
    changesState: false,
    server,
    windows: { kind: 'powershell', script },
    other: diagnoseJson(server, 4),
    interpret: portFindings,
  };
}

/** Kerberos logging on a server, through its Remote Registry (`reg add \\EX01\HKLM\...`). */
export function kerberosLoggingPlan(server: ExchangeServer, enable: boolean): ToolPlan {
  const args = kerberosLoggingRegArgs(serverAddress(server), enable ? 'add' : 'delete');
  return {
    tool: enable ? 'kerberos-logging-on' : 'kerberos-logging-off',
    target: server.name,
    title: `${enable ? 'Enable' : 'Disable'} Kerberos logging on ${server.name}`,
    step: 5,
    changesState: true,
    server,
    windows: { kind: 'exe', executable: 'reg', args },
    other: { kind: 'unavailable', reason: NOT_HERE },
    interpret: (raw, code, ctx) => registryFindings(enable, raw, code, ctx),
  };
}

export function kerberosEventsPlan(server: ExchangeServer): ToolPlan {
  return {
    tool: 'kerberos-events',
    target: server.name,
    title: `Kerberos events of ${server.name}`,
    step: 5,
    changesState: false,
    server,
    windows: { kind: 'powershell', script: kerberosEventsScript(serverAddress(server)) },
    other: diagnoseJson(server, 5),
    interpret: eventFindings,
  };
}

const CONNECTOR_FIELDS = 'Identity,Name,Enabled,AuthMechanism,PermissionGroups,Bindings,RemoteIPRanges';

/**
 * Get-ReceiveConnector in the Exchange Management Shell when this is one, else through Exchange's
 * PowerShell remoting endpoint on the server (Kerberos), imported for this one cmdlet. A session
 * opened for it is removed afterwards whatever happens (try/finally), so repeated runs do not
 * pile up sessions against the server's remoting quota.
 */
export function receiveConnectorsPlan(server: ExchangeServer): ToolPlan {
  const name = quoteForPowerShell(host(server.name));
  const uri = quoteForPowerShell(`http://${serverAddress(server)}/PowerShell/`);
  const get = `Get-ReceiveConnector -Server ${name} | Format-List ${CONNECTOR_FIELDS}`;
  const script =
    `$eadSession = $null; try { ` +
    `if (-not (Get-Command Get-ReceiveConnector -ErrorAction SilentlyContinue)) { ` +
    `$eadSession = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri ${uri} -Authentication Kerberos -ErrorAction Stop; ` +
    `Import-PSSession $eadSession -CommandName Get-ReceiveConnector -AllowClobber | Out-Null }; ${get} ` +
    `} finally { if ($eadSession) { Remove-PSSession $eadSession } }`;
  return {
    tool: 'receive-connectors',
    target: server.name,
    title: `Get-ReceiveConnector -Server ${server.name}`,
    step: 6,
    changesState: false,
    server,
    windows: { kind: 'powershell', script },
    other: diagnoseJson(server, 6),
    interpret: connectorFindings,
  };
}

/** When the `other` form is the CLI's diagnose report, its findings come from the JSON. */
export function interpreterFor(plan: ToolPlan, invocation: Invocation): ToolPlan['interpret'] {
  if (invocation.kind === 'cli' && invocation.args[0]?.kind === 'value' && invocation.args[0].text === 'diagnose')
    return reportFindings;
  return plan.interpret;
}
