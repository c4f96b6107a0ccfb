/**
 * The delivery-path panel's page: an HTML shell with a strict CSP (`default-src 'none'`; only the
 * nonce'd inline script and style) and the script (delivery-path-page-script.ts) that draws the
 * path it is posted as a diagram, with a plain list for screen readers behind a toggle. The page
 * carries no evidence: the script asks for the path with `ready` and builds every element with
 * `textContent` (SVG with attributes), so text from headers, logs or bounces is never parsed as HTML.
 * Colours are VS Code theme variables (high contrast draws borders with contrastBorder), so light,
 * dark and high-contrast themes all apply. Pure: no `vscode`.
 */
import type { Step } from '../../shared/findings';
import type { DeliveryPath } from './delivery-path-model';
import { layoutDeliveryPath, type DeliveryGraph } from './delivery-path-graph';
import { DELIVERY_PATH_SCRIPT } from './delivery-path-page-script';

/** The UI strings the page shows, already in the user's language. */
export interface DeliveryPathLabels {
  title: string;
  sender: string;
  recipient: string;
  failing: string;
  /** A recipient behind a failing hop or with a failed event. */
  notDelivered: string;
  /** A server one of whose events failed (its accessible name). */
  failedEvent: string;
  /** `{0}`: the step number. */
  openStep: string;
  /** `{0}`: the step number (the diagram's short button; `openStep` is its accessible name). */
  step: string;
  sources: Record<'headers' | 'tracking-log' | 'bounce', string>;
  messageId: string;
  showList: string;
  showDiagram: string;
  /** The diagram's accessible name. */
  diagram: string;
  /** `{0}`, `{1}`: the two servers. */
  hopFromTo: string;
  /** `{0}`: the server. */
  events: string;
}

/** Messages between the page and the extension. */
export type DeliveryPathToPage = {
  type: 'path';
  path: DeliveryPath;
  graph: DeliveryGraph;
  labels: DeliveryPathLabels;
  lang: string;
};

/** What the page drew, as text (the integration suite's hook; it cannot see into the webview). */
export interface DeliveryPathSnapshot {
  /** The list view's items. */
  items: string[];
  /** The list view's step buttons. */
  buttons: string[];
  /** Failing hops in the list view. */
  failing: number;
  diagram: {
    boxes: string[];
    hops: string[];
    failingHops: string[];
    failingButtons: string[];
    /** Boxes and hops reachable with Tab. */
    focusable: number;
    /** SVG lines drawn. */
    edges: number;
    dir: string;
  };
}

export type DeliveryPathFromPage =
  { type: 'ready' } | { type: 'openStep'; hop: number; step: Step } | ({ type: 'snapshot' } & DeliveryPathSnapshot);

/** The message that shows `path` on the page. */
export function deliveryPathMessage(path: DeliveryPath, labels: DeliveryPathLabels, lang: string): DeliveryPathToPage {
  return { type: 'path', path, graph: layoutDeliveryPath(path), labels, lang };
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function deliveryPathCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 1em; }
h1 { font-size: 1.4em; margin: 0 0 .4em; }
.toolbar { display: flex; flex-wrap: wrap; gap: .8em; align-items: center; margin-bottom: 1em; }
.detail { color: var(--vscode-descriptionForeground); overflow-wrap: anywhere; }
.diagram { position: relative; display: grid; grid-auto-columns: max-content; column-gap: 2.4em; row-gap: 1.4em; align-items: center; justify-items: stretch; justify-content: start; overflow-x: auto; padding: .4em .2em 1em; }
.diagram[hidden], .list[hidden] { display: none; }
.diagram svg.edges { position: absolute; top: 0; left: 0; pointer-events: none; overflow: visible; z-index: 0; }
.box, .hop { position: relative; z-index: 1; max-width: 17em; border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, var(--vscode-contrastBorder, currentColor))); border-radius: 4px; padding: .45em .7em; overflow-wrap: anywhere; }
.box { background: var(--vscode-editorWidget-background); color: var(--vscode-editorWidget-foreground, var(--vscode-foreground)); }
.box.sender, .box.recipient { border-radius: 1.2em; border-style: dotted; }
.box .name { display: block; }
.box .role { display: block; font-size: .8em; color: var(--vscode-descriptionForeground); }
.box .ip { display: block; font-size: .85em; color: var(--vscode-descriptionForeground); }
.hop { background: var(--vscode-editor-background); font-size: .88em; }
.hop .detail, .hop .status, .hop .via { display: block; }
.hop .via { font-weight: 600; }
.hop .status { display: -webkit-box; -webkit-line-clamp: 5; -webkit-box-orient: vertical; overflow: hidden; margin-top: .2em; }
.steps { display: flex; flex-wrap: wrap; gap: .3em; margin-top: .4em; }
.steps button { margin: 0; }
.status { font-family: var(--vscode-editor-font-family); font-size: .92em; overflow-wrap: anywhere; }
.failing { border: 2px dashed var(--vscode-errorForeground); }
.mark { display: block; color: var(--vscode-errorForeground); font-weight: bold; }
.events { list-style: none; margin: .35em 0 0; padding: .3em 0 0; border-top: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent)); font-size: .82em; color: var(--vscode-descriptionForeground); }
.events li.failing { border: none; color: var(--vscode-errorForeground); font-weight: bold; }
.edge { fill: none; stroke: var(--vscode-descriptionForeground); stroke-width: 1.5; }
.edge.edge-submit, .edge.edge-deliver { stroke-dasharray: 2 3; }
.edge.failing { stroke: var(--vscode-errorForeground); stroke-width: 2.5; stroke-dasharray: 7 4; }
.head { fill: var(--vscode-descriptionForeground); }
.head.failing { fill: var(--vscode-errorForeground); border: none; }
ol.path { list-style: none; padding: 0; margin: 0; max-width: 48em; }
ol.path > li { border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, var(--vscode-contrastBorder, currentColor))); border-radius: 4px; padding: .5em .8em; margin-bottom: .4em; }
ol.path > li.hop { margin-inline-start: 1.5em; }
ol.path .role { font-size: .85em; color: var(--vscode-descriptionForeground); margin-inline-end: .6em; }
ol.path .ip { color: var(--vscode-descriptionForeground); margin-inline-start: .6em; }
ol.path .detail { display: block; font-size: .9em; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: .2em .7em; margin: .3em .4em 0 0; cursor: pointer; font: inherit; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.toggle { color: var(--vscode-button-secondaryForeground, var(--vscode-foreground)); background: var(--vscode-button-secondaryBackground, transparent); margin: 0; }
/* Evidence text (names, statuses) keeps its own direction inside a right-to-left page. */
.name, .ip, .via, .detail, .status, .events li, ol.path strong { unicode-bidi: plaintext; }
:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 2px; }
body.vscode-high-contrast .box, body.vscode-high-contrast .hop, body.vscode-high-contrast ol.path > li, body.vscode-high-contrast button { border-color: var(--vscode-contrastBorder); }
body.vscode-high-contrast .failing { border-color: var(--vscode-errorForeground); }
body.vscode-high-contrast .edge { stroke: var(--vscode-contrastBorder); }
body.vscode-high-contrast .head { fill: var(--vscode-contrastBorder); }
body.vscode-high-contrast .edge.failing { stroke: var(--vscode-errorForeground); }
body.vscode-high-contrast .head.failing { fill: var(--vscode-errorForeground); }
body.vscode-high-contrast :focus-visible { outline: 2px solid var(--vscode-contrastActiveBorder, var(--vscode-focusBorder)); }
`;

export function deliveryPathHtml(o: {
  cspSource: string;
  nonce: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
}): string {
  const nonce = escapeAttr(o.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeAttr(o.lang)}" dir="${o.dir}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(deliveryPathCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${STYLE}</style>
<title>${escapeAttr(o.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}">${DELIVERY_PATH_SCRIPT}</script>
</body>
</html>`;
}

/** What the page may ask: a step of a failing hop of the path it was shown, nothing else. */
export function validOpenStep(path: DeliveryPath, msg: unknown): { hop: number; step: Step } | undefined {
  if (typeof msg !== 'object' || msg === null) return undefined;
  const m = msg as Partial<{ type: unknown; hop: unknown; step: unknown }>;
  if (m.type !== 'openStep' || typeof m.hop !== 'number' || typeof m.step !== 'number') return undefined;
  const hop = path.hops[m.hop];
  if (!hop?.failing || !hop.steps.includes(m.step as Step)) return undefined;
  return { hop: m.hop, step: m.step as Step };
}
