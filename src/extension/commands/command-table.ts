/**
 * Every command of the extension, in one table (after rust-analyzer's main.ts): the key is the
 * command's name, registered as `exchangeAuthDoctor.<name>` (src/shared/command-id.ts adds the
 * prefix), and the value makes the handler from the context object. Adding a command: its handler,
 * a line here, its entry in package.json, and its title in the five package.nls.*.json files;
 * test/unit/extension/manifest.test.ts checks that the table and package.json agree.
 */
import * as vscode from 'vscode';
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
import { replSummaryPlan } from '../../core/steps/2-replication/repadmin-plans';
import { commandId } from '../../shared/command-id';
import type { Ctx } from '../ctx';
import { diagnose, openScanHit, openStep } from '../evidence/commands';
import { showDeliveryPath } from '../evidence/delivery-path-panel';
import { scanFolderCommand } from '../evidence/scan-command';
import type { FindingsNode } from '../findings/findings-view';
import { FINDINGS_VIEW_ID } from '../findings/findings-view';
import { domainControllerNames } from './targets';
import { diagnosePair, diagnoseScope, diagnoseServer, forceReplication, onServer } from './command-handlers';
import { testConnection } from './test-connection';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers take what VS Code passes
type Handler = (...args: any[]) => unknown;
type MakeHandler = (ctx: Ctx) => Handler;

export const COMMAND_TABLE = {
  // The directory and the Exchange Servers view.
  signIn: (ctx) => (way?: unknown) =>
    ctx.directory.signIn.signIn(way === 'kerberos' || way === 'password' ? way : undefined),
  signOut: (ctx) => () => ctx.directory.signIn.signOut(),
  refresh: (ctx) => () => ctx.directory.discovery.refresh(),
  showLog: (ctx) => () => ctx.log.show(),

  // Diagnosis by the engine.
  diagnoseServer: (ctx) => (arg?: unknown) => diagnoseServer(ctx, arg),
  diagnosePair: (ctx) => (first?: unknown, second?: unknown) => diagnosePair(ctx, first, second),
  diagnoseOrganisation: (ctx) => () => diagnoseScope(ctx, { kind: 'organisation' }),
  testConnection: (ctx) => (first?: unknown, second?: unknown) => testConnection(ctx, first, second),

  // Tool runs: the Windows tools (or the CLI in their place) in the extension's terminal.
  setspnList: (ctx) =>
    onServer(
      ctx,
      (n) => `SetSPN -L ${n}`,
      (s) => [setspnListPlan(s)],
    ),
  setspnDuplicates: (ctx) => () => ctx.toolRuns.runPlans('SetSPN -X', 'organisation', () => [setspnDuplicatesPlan()]),
  setspnQueryExpected: (ctx) =>
    onServer(
      ctx,
      (n) => vscode.l10n.t('SetSPN -Q for the SPNs of {0}', n),
      (s) => setspnQueryExpectedPlans(s),
    ),
  clockStripchart: (ctx) =>
    onServer(
      ctx,
      (n) => `w32tm /stripchart ${n}`,
      (s) => [stripchartPlan(s)],
    ),
  clockMonitor: (ctx) => () => ctx.toolRuns.runPlans('w32tm /monitor', 'organisation', () => [monitorPlan()]),
  replicationSummary: (ctx) => () =>
    ctx.toolRuns.runPlans('repadmin /replsummary', 'organisation', () => [replSummaryPlan()]),
  forceReplication: (ctx) => (arg?: unknown) => forceReplication(ctx, arg),
  kerberosPorts: (ctx) =>
    onServer(
      ctx,
      (n) => vscode.l10n.t('Kerberos ports for {0}', n),
      (s) => [kerberosPortsPlan(s, domainControllerNames(ctx.api.getDiscovery()))],
    ),
  enableKerberosLogging: (ctx) =>
    onServer(
      ctx,
      (n) => vscode.l10n.t('Enable Kerberos logging on {0}', n),
      (s) => [kerberosLoggingPlan(s, true)],
    ),
  disableKerberosLogging: (ctx) =>
    onServer(
      ctx,
      (n) => vscode.l10n.t('Disable Kerberos logging on {0}', n),
      (s) => [kerberosLoggingPlan(s, false)],
    ),
  showKerberosEvents: (ctx) =>
    onServer(
      ctx,
      (n) => vscode.l10n.t('Kerberos events of {0}', n),
      (s) => [kerberosEventsPlan(s)],
    ),
  receiveConnectors: (ctx) =>
    onServer(
      ctx,
      (n) => vscode.l10n.t('Receive connectors of {0}', n),
      (s) => [receiveConnectorsPlan(s)],
    ),
  registerMissingSpns: (ctx) =>
    onServer(
      ctx,
      (n) => vscode.l10n.t('Register the missing SPNs of {0}', n),
      (s) => registerMissingSpnPlans(s),
    ),

  // Findings and remedies.
  showFindings: () => () => vscode.commands.executeCommand(`${FINDINGS_VIEW_ID}.focus`),
  clearFindings: (ctx) => () => ctx.findings.clear(),
  copyRemedy: () => async (node?: FindingsNode) => {
    if (node?.type !== 'remedy') return;
    await vscode.env.clipboard.writeText(node.remedy.command);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Command copied: {0}', node.remedy.command.split('\n')[0] ?? ''),
    );
  },
  // Only the identity of the node's remedy is used: what runs is the stored remedy.
  runRemedy: (ctx) => async (node?: FindingsNode) => (node?.type === 'remedy' ? ctx.remedies.run(node.remedy) : []),
  exportReport: (ctx) => async (request?: { format?: 'markdown' | 'json'; uri?: vscode.Uri }) => {
    const { exportReport } = await import('./export-report.js');
    const password = await ctx.credentials.get(ctx.settings.directory());
    const secrets = password ? [password] : [];
    return exportReport(ctx.findings.store, request ?? {}, ctx.version, secrets, ctx.api.getDiscovery()?.source);
  },

  // The walkthrough panel.
  openWalkthrough: (ctx) => (arg: unknown) => ctx.walkthrough.open(arg),

  // Evidence: the Evidence scan view and the language server's lenses and actions.
  'evidence.scanFolder': (ctx) => async (arg: unknown) =>
    scanFolderCommand(await ctx.evidence.start(), ctx.evidence.tree, ctx.log, arg),
  'evidence.clearScan': (ctx) => () => ctx.evidence.clearScan(),
  'evidence.openScanHit': () => openScanHit,
  'evidence.diagnose': () => diagnose,
  'evidence.openStep': () => openStep,
  'evidence.showDeliveryPath': () => showDeliveryPath,
} satisfies Record<string, MakeHandler>;

export type CommandName = keyof typeof COMMAND_TABLE;

/** Registers every command of the table for the extension's lifetime. */
export function registerCommands(ctx: Ctx): void {
  for (const [name, make] of Object.entries(COMMAND_TABLE) as [CommandName, MakeHandler][])
    ctx.subscriptions.push(vscode.commands.registerCommand(commandId(name), make(ctx)));
}
