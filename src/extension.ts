/**
 * Entry point: wiring only. The context object (src/extension/ctx.ts) creates the services and
 * features; the command table (src/extension/commands/command-table.ts) registers every command.
 * `activate` returns the internal API described in src/extension/api.ts.
 */
import type * as vscode from 'vscode';
import type { ExchangeAuthDoctorApi } from './extension/api';
import { Ctx } from './extension/ctx';
import { registerCommands } from './extension/commands/command-table';

export function activate(context: vscode.ExtensionContext): ExchangeAuthDoctorApi {
  const ctx = new Ctx(context);
  registerCommands(ctx);
  return ctx.api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions (the context object among them).
}
