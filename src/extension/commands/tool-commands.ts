/**
 * The command table: each command resolves what it is about (a tree item, a name passed in, or a
 * pick), builds its tool plans, and hands them to the tool runner (or the diagnosis service).
 * Handlers return their outcome, so tests and other commands can read what happened.
 */
import * as vscode from 'vscode';
import type { Finding, Remedy } from '../../shared/findings';
import type { Scope } from '../../core/engine/check';
import type { ExchangeAuthDoctorApi } from '../api';
import type { DiagnosisRun } from '../diagnosis/diagnosis-service';
import type { FindingsNode } from '../findings/findings-view';
import { outputEvidence, subjectOf } from '../../core/tools/tool-output';
import { kerberosEventsPlan, kerberosLoggingPlan } from '../../core/steps/5-kerberos-logging/kerberos-logging-plans';
import { kerberosPortsPlan } from '../../core/steps/4-ports/port-plans';
import { monitorPlan, stripchartPlan } from '../../core/steps/1-clocks/w32tm-plans';
import { receiveConnectorsPlan } from '../../core/steps/6-receive-connectors/connector-plans';
import {
  registerMissingSpnPlans,
  setspnDuplicatesPlan,
  setspnListPlan,
  setspnQueryExpectedPlans,
} from '../../core/steps/3-spns/setspn-plans';
import { replSummaryPlan, syncAllPlan } from '../../core/steps/2-replication/repadmin-plans';
import { type ToolPlan } from '../../core/tools/tool-plan';
import { TOOL_COMMANDS } from './ids';
import type { SafetyGate } from './safety-gate';
import { domainControllerNames, pickServer, serverNameOf } from './targets';
import type { ToolRunOutcome } from './tool-run';
import { makeFinding } from '../../core/findings/define';
import { commonFindings } from '../../core/findings/common-codes';

export interface ToolCommandDeps {
  api: ExchangeAuthDoctorApi;
  log: vscode.LogOutputChannel;
  gate: SafetyGate;
  runTool: (title: string, target: string, build: () => ToolPlan[]) => Promise<ToolRunOutcome[]>;
  diagnose: (scope: Scope) => Promise<DiagnosisRun | undefined>;
  /** Runs a remedy this extension produced, looked up by identity; refuses any other. */
  runRemedy: (candidate: unknown) => Promise<ToolRunOutcome[]>;
}

/** A DC named by a Domain Controllers tree item (`type: domainController`, label = name) or a string. */
function dcNameOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const o = arg as { type?: unknown; label?: unknown } | undefined;
  return o?.type === 'domainController' && typeof o.label === 'string' ? o.label : undefined;
}

/**
 * A remedy (Findings view, walkthrough, API), run as it is shown, in the shell it was quoted for:
 * a PowerShell line is typed into the runner's PowerShell terminal on Windows. A line quoted for
 * cmd.exe is only shown to copy: the runner never starts cmd.exe, and cmd.exe text typed into
 * PowerShell (or the reverse) may mean something else. Off Windows every remedy is shown to copy.
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
              remedy.runOn,
            ),
          },
    other: {
      kind: 'unavailable',
      reason: vscode.l10n.t('This command runs on {0}; copy it and run it there.', remedy.runOn),
    },
    interpret: (raw, exitCode, ctx) => [
      makeFinding(commonFindings, 'remedy.ran', {
        step: finding.step,
        severity: exitCode === 0 ? 'ok' : exitCode === undefined ? 'unknown' : 'error',
        subject: subjectOf(ctx, finding.subject),
        params: { summary: remedy.summary, exitCode: exitCode ?? 'unknown' },
        evidence: [outputEvidence(ctx, raw)],
        ...(exitCode === undefined ? { reason: 'the exit code was not reported' } : {}),
      }),
    ],
  };
}

export function registerToolCommands(deps: ToolCommandDeps): vscode.Disposable[] {
  const { api, runTool, diagnose } = deps;
  const discovery = (): ReturnType<ExchangeAuthDoctorApi['getDiscovery']> => api.getDiscovery();

  /** A command about one server: pick it, then run what `build` makes of it. */
  const onServer =
    (
      title: (name: string) => string,
      build: (server: NonNullable<Awaited<ReturnType<typeof pickServer>>>) => ToolPlan[],
    ) =>
    async (arg?: unknown) => {
      const server = await pickServer(discovery(), arg);
      if (!server) return [];
      return runTool(title(server.name), server.name, () => build(server));
    };

  const table: [string, (...args: unknown[]) => unknown][] = [
    [
      TOOL_COMMANDS.diagnoseServer,
      async (arg?: unknown) => {
        const server = await pickServer(discovery(), arg);
        return server ? diagnose({ kind: 'server', server: server.name }) : undefined;
      },
    ],
    [
      TOOL_COMMANDS.diagnosePair,
      async (first?: unknown, second?: unknown) => {
        const sending = await pickServer(
          discovery(),
          typeof second === 'string' || serverNameOf(first) ? first : undefined,
          vscode.l10n.t('Sending server'),
        );
        if (!sending) return undefined;
        const others = (discovery()?.servers ?? []).filter((s) => s.name !== sending.name);
        const receiving = await pickServer(
          discovery(),
          typeof second === 'string' ? second : others.length === 1 ? others[0]?.name : undefined,
          vscode.l10n.t('Receiving server'),
        );
        return receiving ? diagnose({ kind: 'pair', sending: sending.name, receiving: receiving.name }) : undefined;
      },
    ],
    [TOOL_COMMANDS.diagnoseOrganisation, () => diagnose({ kind: 'organisation' })],
    [
      TOOL_COMMANDS.setspnList,
      onServer(
        (n) => `SetSPN -L ${n}`,
        (s) => [setspnListPlan(s)],
      ),
    ],
    [TOOL_COMMANDS.setspnDuplicates, () => runTool('SetSPN -X', 'organisation', () => [setspnDuplicatesPlan()])],
    [
      TOOL_COMMANDS.setspnQueryExpected,
      onServer(
        (n) => vscode.l10n.t('SetSPN -Q for the SPNs of {0}', n),
        (s) => setspnQueryExpectedPlans(s),
      ),
    ],
    [
      TOOL_COMMANDS.clockStripchart,
      onServer(
        (n) => `w32tm /stripchart ${n}`,
        (s) => [stripchartPlan(s)],
      ),
    ],
    [TOOL_COMMANDS.clockMonitor, () => runTool('w32tm /monitor', 'organisation', () => [monitorPlan()])],
    [
      TOOL_COMMANDS.replicationSummary,
      () => runTool('repadmin /replsummary', 'organisation', () => [replSummaryPlan()]),
    ],
    [
      TOOL_COMMANDS.forceReplication,
      async (arg?: unknown) => {
        let dc = dcNameOf(arg);
        if (!dc) {
          const names = domainControllerNames(discovery());
          const pick = await vscode.window.showQuickPick(
            [
              { label: vscode.l10n.t('This domain controller'), dc: undefined as string | undefined },
              ...names.map((n) => ({ label: n, dc: n })),
            ],
            { placeHolder: vscode.l10n.t('Push replication from which domain controller?') },
          );
          if (!pick) return [];
          dc = pick.dc;
        } else {
          const known = discovery()?.domainControllers.find((d) => d.name.toUpperCase() === dc?.toUpperCase());
          dc = known?.fqdn ?? dc;
        }
        return runTool(vscode.l10n.t('Force replication'), dc ?? vscode.l10n.t('every partner of this DC'), () => [
          syncAllPlan(dc),
        ]);
      },
    ],
    [
      TOOL_COMMANDS.kerberosPorts,
      onServer(
        (n) => vscode.l10n.t('Kerberos ports for {0}', n),
        (s) => [kerberosPortsPlan(s, domainControllerNames(discovery()))],
      ),
    ],
    [
      TOOL_COMMANDS.enableKerberosLogging,
      onServer(
        (n) => vscode.l10n.t('Enable Kerberos logging on {0}', n),
        (s) => [kerberosLoggingPlan(s, true)],
      ),
    ],
    [
      TOOL_COMMANDS.disableKerberosLogging,
      onServer(
        (n) => vscode.l10n.t('Disable Kerberos logging on {0}', n),
        (s) => [kerberosLoggingPlan(s, false)],
      ),
    ],
    [
      TOOL_COMMANDS.showKerberosEvents,
      onServer(
        (n) => vscode.l10n.t('Kerberos events of {0}', n),
        (s) => [kerberosEventsPlan(s)],
      ),
    ],
    [
      TOOL_COMMANDS.receiveConnectors,
      onServer(
        (n) => vscode.l10n.t('Receive connectors of {0}', n),
        (s) => [receiveConnectorsPlan(s)],
      ),
    ],
    [
      TOOL_COMMANDS.registerMissingSpns,
      onServer(
        (n) => vscode.l10n.t('Register the missing SPNs of {0}', n),
        (s) => registerMissingSpnPlans(s),
      ),
    ],
    [
      TOOL_COMMANDS.runRemedy,
      async (node?: unknown) => {
        const n = node as FindingsNode | undefined;
        if (n?.type !== 'remedy') return [];
        // Only the identity of the node's remedy is used: what runs is the stored remedy.
        return deps.runRemedy(n.remedy);
      },
    ],
  ];
  return table.map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
