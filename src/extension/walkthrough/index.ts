/**
 * The guided walkthrough feature: the "Resolve 454 4.7.0" panel, its serializer, and a test hook
 * outside production. Its command (`openWalkthrough`: palette, tree title, server context menu,
 * Get Started walkthrough, language server) is in the command table and calls `open`.
 *
 * It runs nothing of its own: the diagnosis, the trust check and the remedies come in through
 * `WalkthroughDeps` from the context object, so there is one gate, one remedy runner and one
 * terminal for the panel and the palette commands.
 */
import * as vscode from 'vscode';
import { isWalkthroughState } from '../../shared/walkthrough-protocol';
import { openArgsOf } from '../../core/walkthrough/open-args';
import type { GateHooks } from '../tool-runs/safety-gate';
import type { WalkthroughDeps } from './deps';
import { VIEW_TYPE, WalkthroughPanel } from './panel';
import { registerTestHook } from './test-hook';

export interface WalkthroughFeature {
  /** Opens (or reveals) the panel; `arg` as the command receives it (see open-args.ts). */
  open(arg: unknown): Promise<void>;
}

export function createWalkthroughFeature(
  deps: WalkthroughDeps,
  subscriptions: vscode.Disposable[],
  /** Outside production only: the test hook's way to answer the gate's modals. */
  setHooks: ((hooks: GateHooks) => void) | undefined,
): WalkthroughFeature {
  // After a window reload VS Code hands back the state the webview saved with setState().
  const serializer: vscode.WebviewPanelSerializer<unknown> = {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown) {
      await WalkthroughPanel.revive(panel, deps, isWalkthroughState(saved) ? saved : undefined);
    },
  };
  subscriptions.push(vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, serializer), {
    dispose: () => WalkthroughPanel.instance?.dispose(),
  });
  if (setHooks) registerTestHook(subscriptions, setHooks, serializer, deps);
  return {
    open: async (arg) => {
      await WalkthroughPanel.show(deps, openArgsOf(arg));
    },
  };
}
