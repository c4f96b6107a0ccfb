/**
 * "Test connection EX01 -> EX02": the wire as the sending server sees it (issue 13). Runs steps 4
 * and 6 for the pair (ports and the SMTP path, then TLS, connector selection and the receive
 * connectors) and opens the walkthrough on step 6, where each SMTP session is shown stage by stage
 * (TCP, banner, EHLO, X-ANONYMOUSTLS, TLS, EHLO inside TLS) with its transcript in the evidence.
 */
import * as vscode from 'vscode';
import type { Step } from '../../shared/findings';
import type { Scope } from '../../core/engine/check';
import type { DiscoveryResult } from '../../core/directory/model';
import type { DiagnosisRun } from '../diagnosis/diagnosis-service';
import { commandId } from '../../shared/command-id';
import type { Ctx } from '../ctx';
import { diagnoseScope } from './command-handlers';
import { pickServer, serverNameOf } from './targets';

export const CONNECTION_STEPS: readonly Step[] = [4, 6];

export type PairScope = Extract<Scope, { kind: 'pair' }>;

/** The sending and receiving servers, from the arguments or asked for (the other one when there are two). */
export async function pickPair(
  discovery: DiscoveryResult | undefined,
  first?: unknown,
  second?: unknown,
): Promise<PairScope | undefined> {
  const sending = await pickServer(
    discovery,
    typeof second === 'string' || serverNameOf(first) ? first : undefined,
    vscode.l10n.t('Sending server'),
  );
  if (!sending) return undefined;
  const others = (discovery?.servers ?? []).filter((s) => s.name !== sending.name);
  const receiving = await pickServer(
    discovery,
    typeof second === 'string' ? second : others.length === 1 ? others[0]?.name : undefined,
    vscode.l10n.t('Receiving server'),
  );
  return receiving ? { kind: 'pair', sending: sending.name, receiving: receiving.name } : undefined;
}

/** `testConnection`: two names, a tree item then a pick, or two picks; then steps 4 and 6 and the walkthrough. */
export async function testConnection(ctx: Ctx, first?: unknown, second?: unknown): Promise<DiagnosisRun | undefined> {
  const pair = await pickPair(ctx.api.getDiscovery(), first, second);
  if (!pair) return undefined;
  const run = await diagnoseScope(ctx, pair, [...CONNECTION_STEPS]);
  if (run && !run.cancelled)
    await vscode.commands.executeCommand(commandId('openWalkthrough'), {
      step: 6,
      sending: pair.sending,
      receiving: pair.receiving,
    });
  return run;
}
