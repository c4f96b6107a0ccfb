/**
 * The guided walkthrough feature: the "Resolve 454 4.7.0" panel, its command (palette, tree title,
 * server context menu, Get Started walkthrough, language server), its serializer, and a test hook
 * outside production.
 *
 *   activateWalkthroughFeature(context, api, log, { diagnosis });
 */
import * as vscode from 'vscode';
import { DiagnosisService } from '../diagnosis/diagnosis-service.js';
import { CredentialStore } from '../directory/credentials.js';
import { readSettings } from '../directory/settings.js';
import type { ExchangeAuthDoctorApi } from '../api.js';
import type { Remedy } from '../../shared/findings.js';
import { isWalkthroughState, languageFromLocale } from '../../shared/walkthrough-protocol.js';
import type { WalkthroughDeps, WalkthroughDiagnosis } from './deps.js';
import { resolveHost } from './addresses.js';
import { VIEW_TYPE, WalkthroughPanel } from './panel.js';
import { openArgsOf } from './args.js';

export { openArgsOf, type OpenArgs } from './args.js';
import { RemedyTerminal } from './terminal.js';
import { registerTestHook } from './test-hook.js';

export const OPEN_WALKTHROUGH = 'exchangeAuthDoctor.openWalkthrough';

export interface WalkthroughOptions {
  /** The commands feature's DiagnosisService; one is created when absent. */
  diagnosis?: WalkthroughDiagnosis;
  /** The commands feature's terminal runner (consent included); the fallback in ./terminal.ts otherwise. */
  runInTerminal?: (remedy: Remedy) => Promise<boolean>;
}

export function activateWalkthroughFeature(
  context: vscode.ExtensionContext,
  api: ExchangeAuthDoctorApi,
  log: vscode.LogOutputChannel,
  options: WalkthroughOptions = {},
): void {
  let diagnosis = options.diagnosis;
  if (!diagnosis) {
    const own = new DiagnosisService({ api, credentials: new CredentialStore(context.secrets), log });
    context.subscriptions.push(own);
    diagnosis = own;
  }
  const credentials = new CredentialStore(context.secrets);
  const terminal = new RemedyTerminal(log);
  const deps: WalkthroughDeps = {
    extensionUri: context.extensionUri,
    extensionVersion: String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0'),
    api,
    diagnosis,
    log,
    defaultLanguage: () => languageFromLocale(vscode.env.language),
    resolve: resolveHost,
    runInTerminal: options.runInTerminal ?? ((remedy) => terminal.run(remedy)),
    secrets: async () => {
      const password = await credentials.get(readSettings()).catch(() => undefined);
      return password ? [password] : [];
    },
  };

  // After a window reload VS Code hands back the state the webview saved with setState().
  const serializer: vscode.WebviewPanelSerializer<unknown> = {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown) {
      await WalkthroughPanel.revive(panel, deps, isWalkthroughState(saved) ? saved : undefined);
    },
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_WALKTHROUGH, async (arg: unknown) => {
      await WalkthroughPanel.show(deps, openArgsOf(arg));
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, serializer),
    { dispose: () => WalkthroughPanel.instance?.dispose() },
    terminal,
  );
  if (context.extensionMode !== vscode.ExtensionMode.Production) registerTestHook(context, terminal, serializer, deps);
}
