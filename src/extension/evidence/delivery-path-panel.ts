/**
 * "Show the delivery path": builds the path of one message from the evidence documents open in the
 * editor (headers, message tracking logs, bounces; the active one first) and shows it in a webview
 * panel. The panel is drawn by the page in src/core/evidence/delivery-path-html.ts; this file only
 * gathers the documents, words the labels through vscode.l10n, posts the path, and opens the
 * walkthrough on the step of a failing hop the page asks for (checked against the path it was shown).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildDeliveryPath, type DeliveryPath, type EvidenceDocument } from '../../core/evidence/delivery-path';
import {
  deliveryPathHtml,
  validOpenStep,
  type DeliveryPathLabels,
  type DeliveryPathToPage,
} from '../../core/evidence/delivery-path-html';
import { commandId } from '../../shared/command-id';
import { EVIDENCE_LANGUAGES } from '../../shared/evidence-protocol';

const VIEW_TYPE = 'exchangeAuthDoctor.deliveryPath';
const LANGUAGES = new Set<string>([...Object.values(EVIDENCE_LANGUAGES), 'plaintext', 'log']);
const RTL = new Set(['he', 'ar', 'fa', 'ur']);

let current: vscode.WebviewPanel | undefined;
let currentListener: vscode.Disposable | undefined;

/** Every open evidence document; the one the command was run on (else the active one) first. */
function openEvidence(uri: vscode.Uri | undefined): EvidenceDocument[] {
  const first = uri?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString();
  const docs = vscode.workspace.textDocuments.filter(
    (d) =>
      (LANGUAGES.has(d.languageId) || d.uri.toString() === first) &&
      (d.uri.scheme === 'file' || d.uri.scheme === 'untitled'),
  );
  docs.sort((a, b) => Number(b.uri.toString() === first) - Number(a.uri.toString() === first));
  return docs.map((d) => ({ text: d.getText(), fileName: d.uri.path }));
}

function labels(): DeliveryPathLabels {
  return {
    title: vscode.l10n.t('Delivery path'),
    sender: vscode.l10n.t('Sender'),
    recipient: vscode.l10n.t('Recipient'),
    failing: vscode.l10n.t('Failing hop'),
    openStep: vscode.l10n.t('Open step {0} of the walkthrough', '{0}'),
    sources: {
      headers: vscode.l10n.t('message headers'),
      'tracking-log': vscode.l10n.t('message tracking log'),
      bounce: vscode.l10n.t('bounce'),
    },
    messageId: vscode.l10n.t('Message-ID:'),
  };
}

function show(path: DeliveryPath): vscode.WebviewPanel {
  const title = vscode.l10n.t('Delivery path');
  const panel =
    current ??
    vscode.window.createWebviewPanel(VIEW_TYPE, title, vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [],
    });
  if (!current) {
    current = panel;
    panel.onDidDispose(() => {
      current = undefined;
      currentListener?.dispose();
      currentListener = undefined;
    });
  }
  const lang = vscode.env.language;
  const message: DeliveryPathToPage = { type: 'path', path, labels: labels(), lang };
  const nonce = randomBytes(18).toString('base64');
  // A new page for each path; the old page's listener goes with it.
  currentListener?.dispose();
  const listener = panel.webview.onDidReceiveMessage(async (msg: unknown) => {
    if (typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'ready') {
      await panel.webview.postMessage(message);
      return;
    }
    const ask = validOpenStep(path, msg);
    if (!ask) return;
    const hop = path.hops[ask.hop]!;
    // The walkthrough takes { step, sending, receiving } (src/core/walkthrough/open-args.ts).
    await vscode.commands.executeCommand(commandId('openWalkthrough'), {
      step: ask.step,
      sending: path.nodes[hop.from]!.name,
      receiving: path.nodes[hop.to]!.name,
    });
  });
  currentListener = listener;
  panel.title = title;
  panel.webview.html = deliveryPathHtml({
    cspSource: panel.webview.cspSource,
    nonce,
    lang,
    dir: RTL.has(lang.split('-')[0]!) ? 'rtl' : 'ltr',
    title,
  });
  panel.reveal(undefined, true);
  return panel;
}

/** The command: the path of the message in the open evidence (or in the document it is run on). */
export function showDeliveryPath(uri?: unknown): DeliveryPath | undefined {
  const docs = openEvidence(uri instanceof vscode.Uri ? uri : undefined);
  const path = buildDeliveryPath(docs);
  if (path.hops.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'No delivery path in the open evidence: open the message headers, the message tracking log or the bounce of the message.',
      ),
    );
    return undefined;
  }
  show(path);
  return path;
}
