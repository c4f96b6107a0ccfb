/**
 * "Show the delivery path" in a real VS Code: with a message's headers and its bounce open, the
 * command builds the path from both (client, EX01, the remote MTA), marks the bounce's 454 4.7.0
 * hop as failing with a step, and opens the webview panel. Needs no lab.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/extension/api';
import type { DeliveryPathSnapshot } from '../../../src/core/evidence/delivery-path-html';
import type { DeliveryPath } from '../../../src/core/evidence/delivery-path-model';
import { commandId } from '../../../src/shared/command-id';
import { EX01, messageHeaders } from '../../fixtures/evidence/generate';

const HOOK = commandId('deliveryPath.testHook');

async function waitForTab(viewType: string): Promise<vscode.Tab | undefined> {
  for (let i = 0; i < 75; i++) {
    const found = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

describe('the delivery path of a message', function () {
  this.timeout(60000);

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('draws the path from the open headers and bounce with the failing hop marked', async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the suite runs with a workspace folder');
    const dir = path.join(root, 'delivery-path-test');
    mkdirSync(dir, { recursive: true });
    const sent = path.join(dir, 'sent.eml');
    writeFileSync(
      sent,
      // Sender and recipient in the bounce's domain, so the recipient the DSN names is the same one.
      messageHeaders([
        { from: 'CLIENT1.contoso.test (10.0.0.50)', by: { ...EX01, fqdn: 'EX01.contoso.test' }, at: 0 },
      ]).replaceAll('@contoso.com>', '@contoso.test>'),
    );
    const bounce = path.join(dir, 'Delivery delayed.eml');
    const fixture = path.join(__dirname, '../../../test/fixtures/localised/dsn-delayed-454.eml');
    writeFileSync(bounce, readFileSync(fixture));
    for (const f of [sent, bounce]) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(f));
      await vscode.window.showTextDocument(doc, { preview: false });
    }
    const p = await vscode.commands.executeCommand<DeliveryPath | undefined>(
      commandId('evidence.showDeliveryPath'),
      vscode.Uri.file(bounce),
    );
    assert.ok(p, 'a path was built');
    assert.deepEqual(
      p.nodes.map((n) => n.name.toLowerCase()),
      ['client1.contoso.test', 'ex01.contoso.test', 'ex02.contoso.test'],
    );
    assert.equal(p.failing, 1);
    assert.ok(p.hops[1]!.steps.length > 0);
    const tab = await waitForTab('exchangeAuthDoctor.deliveryPath');
    assert.ok(tab, 'the delivery-path panel is open');
    assert.equal(tab.label, vscode.l10n.t('Delivery path'));
  });

  it('shows the hops as text with the failing hop marked, and opens the walkthrough on its step', async () => {
    // The page draws once it has loaded and been posted the path: ask until it has drawn.
    let snap: DeliveryPathSnapshot | undefined;
    for (let i = 0; i < 50; i++) {
      snap = await vscode.commands.executeCommand<DeliveryPathSnapshot>(HOOK, { op: 'snapshot' });
      // Lines are drawn after the boxes are laid out.
      if (snap.items.length > 0 && snap.diagram.edges > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(snap);
    assert.equal(snap.failing, 1, JSON.stringify(snap));
    assert.ok(
      snap.items.some((t) => t.includes('454 4.7.0') && t.includes(vscode.l10n.t('Failing hop'))),
      JSON.stringify(snap.items),
    );
    assert.ok(
      snap.items.some((t) => t === 'ex02.contoso.test'),
      JSON.stringify(snap.items),
    );
    assert.ok(snap.buttons.length > 0, 'a step button on the failing hop');
    // The diagram: sender, three servers and the recipient as boxes, two hop cells, all reachable
    // with Tab; the failing hop marked in words with the same step buttons; lines drawn between them.
    const d = snap.diagram;
    const p0 = await vscode.commands.executeCommand<DeliveryPath | undefined>(commandId('evidence.showDeliveryPath'));
    assert.ok(p0);
    assert.equal(d.boxes.length, 5, JSON.stringify(d.boxes));
    assert.ok(d.boxes.some((t) => t.includes('ex02.contoso.test')));
    assert.equal(d.hops.length, 2, JSON.stringify(d.hops));
    assert.equal(d.focusable, 7);
    assert.equal(d.failingHops.length, 1, JSON.stringify(d.hops));
    assert.ok(d.failingHops[0]!.includes(vscode.l10n.t('Failing hop')) && d.failingHops[0]!.includes('454 4.7.0'));
    assert.deepEqual(
      d.failingButtons,
      p0.hops[1]!.steps.map((s) => vscode.l10n.t('Step {0}', s)),
    );
    assert.equal(snap.buttons.length, d.failingButtons.length);
    assert.equal(d.edges, 2 * 2 + 1 + 1, 'two lines per hop, the submission and the delivery');
    assert.equal(d.dir, 'ltr');
    // What the page's button sends; the host checks it against the path and opens the walkthrough.
    const p = await vscode.commands.executeCommand<DeliveryPath | undefined>(commandId('evidence.showDeliveryPath'));
    assert.ok(p);
    const step = p.hops[1]!.steps[0]!;
    const acted = await vscode.commands.executeCommand<boolean>(HOOK, {
      op: 'message',
      message: { type: 'openStep', hop: 1, step },
    });
    assert.equal(acted, true);
    const refused = await vscode.commands.executeCommand<boolean>(HOOK, {
      op: 'message',
      message: { type: 'openStep', hop: 0, step },
    });
    assert.equal(refused, false, 'a hop that did not fail opens nothing');
    const walk = await waitForTab('exchangeAuthDoctor.walkthrough');
    assert.ok(walk, 'the walkthrough opened');
  });
});
