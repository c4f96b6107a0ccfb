/**
 * A command for the integration suite, registered only outside production (like the walkthrough's
 * hook): the suite runs in the extension host and cannot see into the delivery-path webview, so it
 * asks the page for what it drew and sends messages as the page's buttons would.
 */
import * as vscode from 'vscode';
import { commandId } from '../../shared/command-id';
import type { DeliveryPathSnapshot } from '../../core/evidence/delivery-path-html';
import { sendAsPage, snapshotPage } from './delivery-path-panel';

/** Not in the command table and not contributed. */
export const DELIVERY_PATH_TEST_HOOK = commandId('deliveryPath.testHook');

export type DeliveryPathTestHookRequest = { op: 'snapshot' } | { op: 'message'; message: unknown };

export function registerDeliveryPathTestHook(subscriptions: vscode.Disposable[]): void {
  subscriptions.push(
    vscode.commands.registerCommand(
      DELIVERY_PATH_TEST_HOOK,
      async (req: DeliveryPathTestHookRequest): Promise<DeliveryPathSnapshot | boolean> =>
        req.op === 'snapshot' ? snapshotPage() : sendAsPage(req.message),
    ),
  );
}
