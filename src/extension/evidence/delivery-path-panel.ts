/**
 * "Show the delivery path": builds the path of one message from the evidence documents open in the
 * editor (headers, message tracking logs, bounces; the active one first) and shows it in a webview
 * panel. The panel is drawn by the page in src/core/evidence/delivery-path-html.ts; this file only
 * gathers the documents, words the labels through vscode.l10n, posts the path, and opens the
 * walkthrough on the step of a failing hop the page asks for (checked against the path it was shown).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildDeliveryPath } from '../../core/evidence/delivery-path';
import {
  deliveryPathHtml,
  deliveryPathMessage,
  validOpenStep,
  type DeliveryPathLabels,
  type DeliveryPathSnapshot,
  type DeliveryPathToPage,
} from '../../core/evidence/delivery-path-html';
import type { DeliveryPath, EvidenceDocument } from '../../core/evidence/delivery-path-model';
import { commandId } from '../../shared/command-id';
import { EVIDENCE_LANGUAGES } from '../../shared/evidence-protocol';

const VIEW_TYPE = 'exchangeAuthDoctor.deliveryPath';
const LANGUAGES = new Set<string>([...Object.values(EVIDENCE_LANGUAGES), 'plaintext', 'log']);
const RTL = new Set(['he', 'ar', 'fa', 'ur']);

let current: vscode.WebviewPanel | undefined;
let currentListener: vscode.Disposable | undefined;
/** The path the open panel shows, and the page's answer to a snapshot request (test hook). */
let currentPath: DeliveryPath | undefined;
let snapshotWaiter: ((s: DeliveryPathSnapshot) => void) | undefined;

/** A message from the page: `ready` gets the path, `openStep` opens the walkthrough on a failing hop's step. */
async function onPageMessage(panel: vscode.WebviewPanel, message: DeliveryPathToPage, msg: unknown): Promise<boolean> {
  const type = typeof msg === 'object' && msg !== null ? (msg as { type?: unknown }).type : undefined;
  if (type === 'ready') return panel.webview.postMessage(message);
  if (type === 'snapshot') {
    snapshotWaiter?.(msg as DeliveryPathSnapshot);
    snapshotWaiter = undefined;
    return true;
  }
  const ask = validOpenStep(message.path, msg);
  if (!ask) return false;
  const hop = message.path.hops[ask.hop]!;
  // The walkthrough takes { step, sending, receiving } (src/core/walkthrough/open-args.ts).
  await vscode.commands.executeCommand(commandId('openWalkthrough'), {
    step: ask.step,
    sending: message.path.nodes[hop.from]!.name,
    receiving: message.path.nodes[hop.to]!.name,
  });
  return true;
}

/** For the test hook (delivery-path-test-hook.ts): a message as the page would send it. */
export async function sendAsPage(msg: unknown): Promise<boolean> {
  if (!current || !currentPath) throw new Error('the delivery-path panel is not open');
  const message = deliveryPathMessage(currentPath, labels(), vscode.env.language);
  return onPageMessage(current, message, msg);
}

/** For the test hook: what the page has drawn, as text. */
export async function snapshotPage(): Promise<DeliveryPathSnapshot> {
  const panel = current;
  if (!panel) throw new Error('the delivery-path panel is not open');
  const answer = new Promise<DeliveryPathSnapshot>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the delivery-path page did not answer')), 15000);
    snapshotWaiter = (s) => {
      clearTimeout(timer);
      resolve(s);
    };
  });
  await panel.webview.postMessage({ type: 'snapshot' });
  return answer;
}

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
    notDelivered: vscode.l10n.t('Not delivered'),
    failedEvent: vscode.l10n.t('an event failed here'),
    openStep: vscode.l10n.t('Open step {0} of the walkthrough', '{0}'),
    step: vscode.l10n.t('Step {0}', '{0}'),
    sources: {
      headers: vscode.l10n.t('message headers'),
      'tracking-log': vscode.l10n.t('message tracking log'),
      bounce: vscode.l10n.t('bounce'),
    },
    messageId: vscode.l10n.t('Message-ID:'),
    showList: vscode.l10n.t('Show as a list'),
    showDiagram: vscode.l10n.t('Show as a diagram'),
    diagram: vscode.l10n.t('Diagram of the delivery path'),
    hopFromTo: vscode.l10n.t('Hop from {0} to {1}', '{0}', '{1}'),
    events: vscode.l10n.t('Events on {0}:', '{0}'),
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
      currentPath = undefined;
      currentListener?.dispose();
      currentListener = undefined;
    });
  }
  const lang = vscode.env.language;
  const message = deliveryPathMessage(path, labels(), lang);
  const nonce = randomBytes(18).toString('base64');
  // A new page for each path; the old page's listener goes with it.
  currentListener?.dispose();
  currentPath = path;
  const listener = panel.webview.onDidReceiveMessage((msg: unknown) => onPageMessage(panel, message, msg));
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
  if (path.nodes.length === 0) {
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
