/**
 * The handlers of the commands that need more than one line in the command table: what a command
 * is about (a tree item, a name passed in, or a pick), then a diagnosis or tool plans handed to
 * the tool runs. Handlers return their outcome, so tests and other commands can read what happened.
 */
import * as vscode from 'vscode';
import { isDoctorError } from '../../core/errors';
import type { Scope } from '../../core/engine/check';
import type { Step } from '../../shared/findings';
import type { ExchangeServer } from '../../core/directory/model';
import { syncAllPlan } from '../../core/steps/2-replication/repadmin-plans';
import type { ToolPlan } from '../../core/tools/tool-plan';
import type { Ctx } from '../ctx';
import { scopeLabel, type DiagnosisRun } from '../diagnosis/diagnosis-service';
import type { ToolRunOutcome } from '../tool-runs/tool-run-service';
import { domainControllerNames, pickServer } from './targets';
import { pickPair } from './targets';

/** A diagnosis the user asked for (all steps, or `steps`): trust first, then its document and Problems open. */
export async function diagnoseScope(ctx: Ctx, scope: Scope, steps?: Step[]): Promise<DiagnosisRun | undefined> {
  if (ctx.gate.refuseUntrusted(vscode.l10n.t('Diagnose {0}', scopeLabel(scope)))) return undefined;
  try {
    const run = await ctx.diagnosis.run(scope, steps ? { steps } : {});
    // The results open where people look: the document of the run, its problems in the Problems panel.
    if (!run.cancelled) await ctx.findings.results.open(run);
    return run;
  } catch (e) {
    const message = isDoctorError(e) || e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(vscode.l10n.t('The diagnosis could not run: {0}', message));
    return undefined;
  }
}

/** `diagnoseServer`: a tree item, a name, `{ server }`, or a pick. */
export async function diagnoseServer(ctx: Ctx, arg?: unknown): Promise<DiagnosisRun | undefined> {
  const server = await pickServer(ctx.api.getDiscovery(), arg);
  return server ? diagnoseScope(ctx, { kind: 'server', server: server.name }) : undefined;
}

/** `diagnosePair`: two names (the language server, tests), a tree item then a pick, or two picks. */
export async function diagnosePair(ctx: Ctx, first?: unknown, second?: unknown): Promise<DiagnosisRun | undefined> {
  const pair = await pickPair(ctx.api.getDiscovery(), first, second);
  return pair ? diagnoseScope(ctx, pair) : undefined;
}

/** A tool run about one server: pick it, then run what `build` makes of it. */
export function onServer(
  ctx: Ctx,
  title: (name: string) => string,
  build: (server: ExchangeServer) => ToolPlan[],
): (arg?: unknown) => Promise<ToolRunOutcome[]> {
  return async (arg) => {
    const server = await pickServer(ctx.api.getDiscovery(), arg);
    if (!server) return [];
    return ctx.toolRuns.runPlans(title(server.name), server.name, () => build(server));
  };
}

/** A DC named by a Domain Controllers tree item (`type: domainController`, label = name) or a string. */
function dcNameOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const o = arg as { type?: unknown; label?: unknown } | undefined;
  return o?.type === 'domainController' && typeof o.label === 'string' ? o.label : undefined;
}

/** `forceReplication`: from a DC item, a name, or a pick (this DC or one of the known DCs). */
export async function forceReplication(ctx: Ctx, arg?: unknown): Promise<ToolRunOutcome[]> {
  const discovery = ctx.api.getDiscovery();
  let dc = dcNameOf(arg);
  if (!dc) {
    const names = domainControllerNames(discovery);
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
    const known = discovery?.domainControllers.find((d) => d.name.toUpperCase() === dc?.toUpperCase());
    dc = known?.fqdn ?? dc;
  }
  return ctx.toolRuns.runPlans(
    vscode.l10n.t('Force replication'),
    dc ?? vscode.l10n.t('every partner of this DC'),
    () => [syncAllPlan(dc)],
  );
}
