/**
 * A command for the integration suite, registered only outside production: the suite runs in the
 * extension host and cannot see into the webview, so it asks the panel for what the webview
 * rendered (the webview answers a `snapshotRequest` with its DOM text), sends messages as the
 * webview would, and exports without the save dialog.
 */
import * as vscode from 'vscode';
import type { RenderedSnapshot, WalkthroughState } from '../../shared/walkthrough-protocol';
import { commandId } from '../../shared/command-id';
import type { GateHooks } from '../tool-runs/safety-gate';
import type { WalkthroughDeps } from './deps';
import { VIEW_TYPE, WalkthroughPanel } from './panel';

/** Not in the command table: registered only outside production, and not contributed. */
export const TEST_HOOK = commandId('walkthrough.testHook');

export type TestHookRequest =
  | { op: 'snapshot' }
  | { op: 'state' }
  | { op: 'message'; message: unknown }
  | { op: 'export'; format: 'markdown' | 'html'; path: string }
  | { op: 'close' }
  /** Closes the panel and restores it through the serializer, with the state its webview last saved. */
  | { op: 'revive' }
  /**
   * Answers the consent modal of the safety gate, which runs the walkthrough's remedies, and
   * records the show-only modal (undefined: the real modals again). `trusted: false` makes the
   * shared trust check refuse, as an untrusted workspace does.
   */
  | { op: 'consent'; answer?: boolean; trusted?: boolean };

export type TestHookResult = RenderedSnapshot | WalkthroughState | string | undefined;

export function registerTestHook(
  subscriptions: vscode.Disposable[],
  setHooks: (hooks: GateHooks) => void,
  serializer: vscode.WebviewPanelSerializer<unknown>,
  deps: WalkthroughDeps,
): void {
  subscriptions.push(
    vscode.commands.registerCommand(TEST_HOOK, async (req: TestHookRequest): Promise<TestHookResult> => {
      const panel = WalkthroughPanel.instance;
      if (req.op === 'consent') {
        const { answer, trusted } = req;
        setHooks({
          ...(answer === undefined ? {} : { confirm: () => Promise.resolve(answer), show: () => Promise.resolve() }),
          // As before the walkthrough shared the safety gate: an answered modal implies trust.
          ...(trusted !== undefined || answer !== undefined ? { isTrusted: () => trusted ?? true } : {}),
        });
        return undefined;
      }
      if (req.op === 'close') {
        panel?.dispose();
        return undefined;
      }
      if (!panel) throw new Error('the walkthrough panel is not open');
      if (req.op === 'revive') {
        // What VS Code does on a reload: a new panel of our view type, then the serializer.
        const saved = JSON.parse(JSON.stringify(panel.snapshotState)) as unknown;
        panel.dispose();
        const fresh = vscode.window.createWebviewPanel(
          VIEW_TYPE,
          'Resolve 454 4.7.0',
          vscode.ViewColumn.Active,
          WalkthroughPanel.options(deps.extensionUri),
        );
        await serializer.deserializeWebviewPanel(fresh, saved);
        return WalkthroughPanel.instance?.snapshotState;
      }
      switch (req.op) {
        case 'snapshot':
          return panel.requestSnapshot();
        case 'state':
          return panel.snapshotState;
        case 'message':
          await panel.whenReady();
          await panel.receive(req.message);
          return panel.snapshotState;
        case 'export':
          return (await panel.export(req.format, vscode.Uri.file(req.path)))?.fsPath;
      }
    }),
  );
}
