/**
 * Entry point: wiring only. Each feature lives in src/extension/ and registers its disposables on
 * the context. `activate` returns the internal API described in src/extension/api.ts.
 */
import * as vscode from 'vscode';
import type { ExchangeAuthDoctorApi } from './extension/api';
import { activateDirectoryFeature } from './extension/directory-feature';
import { activateCommandsFeature } from './extension/commands/index';
import { activateWalkthroughFeature } from './extension/walkthrough/index';
import { activateEvidenceFeature } from './extension/evidence/index';

export function activate(context: vscode.ExtensionContext): ExchangeAuthDoctorApi {
  const log = vscode.window.createOutputChannel('Exchange Auth Doctor', { log: true });
  context.subscriptions.push(log);
  log.info(
    `Exchange Auth Doctor ${String((context.extension.packageJSON as { version?: string }).version)} on VS Code ${vscode.version}`,
  );
  const api = activateDirectoryFeature(context, log);
  const commands = activateCommandsFeature(context, api, log);
  activateWalkthroughFeature(context, api, log, commands);
  activateEvidenceFeature(context, api, log);
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
