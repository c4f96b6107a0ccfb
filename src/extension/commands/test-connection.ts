/**
 * "Test connection EX01 -> EX02": the wire as the sending server sees it (issue 13). Runs steps 4
 * and 6 for the pair (ports and the SMTP path, then TLS, connector selection and the receive
 * connectors) and opens the walkthrough on step 6, where each SMTP session is shown stage by stage
 * (TCP, banner, EHLO, X-ANONYMOUSTLS, TLS, EHLO inside TLS) with its transcript in the evidence.
 */
import * as vscode from 'vscode';
import type { Step } from '../../shared/findings';
import type { DiagnosisRun } from '../diagnosis/diagnosis-service';
import { commandId } from '../../shared/command-id';
import type { Ctx } from '../ctx';
import { diagnoseScope } from './command-handlers';
import { pickPair } from './targets';

export const CONNECTION_STEPS: readonly Step[] = [4, 6];

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
