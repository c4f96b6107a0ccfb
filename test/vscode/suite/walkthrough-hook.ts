/**
 * What the walkthrough suites share: the panel's test hook (the webview answers a snapshot request
 * with its DOM text; messages are sent as its buttons would) and the lab scenario they run against.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, type ExchangeAuthDoctorApi } from '../../../src/extension/api';
import type { RenderedSnapshot, WalkthroughState, WebviewToHost } from '../../../src/shared/walkthrough-protocol';

export const OPEN = 'exchangeAuthDoctor.openWalkthrough';
export const HOOK = 'exchangeAuthDoctor.walkthrough.testHook';
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The scenario the lab runs: EAD_SCENARIO, else the lab's own state file. */
export function labScenario(): string {
  if (process.env.EAD_SCENARIO) return process.env.EAD_SCENARIO;
  const file = path.join(process.env.EAD_LAB_DIR || path.join(repoRoot, '.lab'), 'state.json');
  if (!existsSync(file)) return 'healthy';
  return (JSON.parse(readFileSync(file, 'utf8')) as { scenario?: string }).scenario ?? 'healthy';
}

export const snapshot = async (): Promise<RenderedSnapshot> =>
  await vscode.commands.executeCommand<RenderedSnapshot>(HOOK, { op: 'snapshot' });
export const send = async (message: WebviewToHost): Promise<WalkthroughState> =>
  await vscode.commands.executeCommand<WalkthroughState>(HOOK, { op: 'message', message });
export const state = async (): Promise<WalkthroughState> =>
  await vscode.commands.executeCommand<WalkthroughState>(HOOK, { op: 'state' });

/**
 * The extension, activated and, with the lab (EAD_BIND_PASSWORD set), signed in with the directory
 * read: what every walkthrough suite needs before its first test.
 */
export async function activatedAndSignedIn(): Promise<ExchangeAuthDoctorApi> {
  const ext = vscode.extensions.getExtension<ExchangeAuthDoctorApi>(EXTENSION_ID);
  assert.ok(ext);
  const api = await ext.activate();
  const password = process.env.EAD_BIND_PASSWORD;
  if (!password) return api;
  await api.signInWithPassword(password);
  await api.refresh();
  assert.equal(api.getDirectoryStatus().kind, 'ready', JSON.stringify(api.getDirectoryStatus()));
  return api;
}
