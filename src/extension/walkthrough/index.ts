/**
 * The guided walkthrough feature: the "Resolve 454 4.7.0" panel, its command (palette, tree title,
 * server context menu, Get Started walkthrough, language server), its serializer, and a test hook
 * outside production.
 *
 *   activateWalkthroughFeature(context, api, log, commands);
 *
 * It runs nothing of its own: the diagnosis, the trust check and the remedies go through the
 * commands feature, so there is one gate and one terminal runner for both.
 */
import * as vscode from 'vscode';
import { CredentialStore } from '../directory/credentials';
import { readSettings } from '../directory/settings';
import type { ExchangeAuthDoctorApi } from '../api';
import { isWalkthroughState, languageFromLocale } from '../../shared/walkthrough-protocol';
import type { WalkthroughDeps } from './deps';
import type { CommandsFeatureApi } from '../commands/index';
import { resolveHost } from '../../io/server-addresses';
import { VIEW_TYPE, WalkthroughPanel } from './panel';
import { openArgsOf } from '../../core/walkthrough/open-args';

export { openArgsOf, type OpenArgs } from '../../core/walkthrough/open-args';
import { registerTestHook } from './test-hook';

export const OPEN_WALKTHROUGH = 'exchangeAuthDoctor.openWalkthrough';

/** What the walkthrough takes from the commands feature (setHooks only outside production). */
export type WalkthroughOptions = Pick<CommandsFeatureApi, 'diagnosis' | 'runRemedy' | 'refuseUntrusted' | 'setHooks'>;

export function activateWalkthroughFeature(
  context: vscode.ExtensionContext,
  api: ExchangeAuthDoctorApi,
  log: vscode.LogOutputChannel,
  commands: WalkthroughOptions,
): void {
  const credentials = new CredentialStore(context.secrets);
  const deps: WalkthroughDeps = {
    extensionUri: context.extensionUri,
    extensionVersion: String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0'),
    api,
    diagnosis: commands.diagnosis,
    log,
    defaultLanguage: () => languageFromLocale(vscode.env.language),
    resolve: resolveHost,
    runRemedy: (remedy, options) => commands.runRemedy(remedy, options),
    refuseUntrusted: (title) => commands.refuseUntrusted(title),
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
  );
  if (context.extensionMode !== vscode.ExtensionMode.Production)
    registerTestHook(context, commands.setHooks, serializer, deps);
}
