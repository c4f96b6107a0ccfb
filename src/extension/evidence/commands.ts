/**
 * The commands the server's lenses and actions call. They invoke the commands other parts of the
 * extension own (checks for a pair or a server, the walkthrough) when those are registered, and
 * fall back to the walkthrough or the KB article otherwise.
 */
import * as vscode from 'vscode';
import { KB_URL } from '../../core/evidence/steps';
import { commandId } from '../../shared/command-id';
import { type DiagnoseArgs, type OpenStepArgs } from '../../shared/evidence-protocol';

async function has(command: string): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes(command);
}

export async function openStep(args: (OpenStepArgs & Omit<DiagnoseArgs, 'step'>) | undefined): Promise<void> {
  const step = Number(args?.step) || 1;
  if (await has(commandId('openWalkthrough'))) {
    // The walkthrough takes { step, sending, receiving, server } (src/core/walkthrough/open-args.ts).
    const pair = args?.sending && args.receiving ? { sending: args.sending, receiving: args.receiving } : {};
    await vscode.commands.executeCommand(commandId('openWalkthrough'), {
      step,
      ...pair,
      ...(args?.server ? { server: args.server } : {}),
    });
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(KB_URL));
}

export async function diagnose(args: DiagnoseArgs | undefined): Promise<void> {
  if (args?.sending && args.receiving && (await has(commandId('diagnosePair')))) {
    // diagnosePair takes the two server names as two arguments (src/extension/commands/command-table.ts).
    await vscode.commands.executeCommand(commandId('diagnosePair'), args.sending, args.receiving);
    return;
  }
  const server = args?.server ?? args?.receiving ?? args?.sending;
  if (server && (await has(commandId('diagnoseServer')))) {
    await vscode.commands.executeCommand(commandId('diagnoseServer'), { server });
    return;
  }
  await openStep({ ...args, step: args?.step ?? 1 });
}

export async function openScanHit(file: unknown, line: unknown): Promise<void> {
  if (typeof file !== 'string') return;
  const n = typeof line === 'number' && line >= 0 ? line : 0;
  await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file), {
    selection: new vscode.Range(n, 0, n, 0),
    preview: true,
  } satisfies vscode.TextDocumentShowOptions);
}
