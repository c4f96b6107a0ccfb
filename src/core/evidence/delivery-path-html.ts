/**
 * The delivery-path panel's page: an HTML shell with a strict CSP (`default-src 'none'`; only the
 * nonce'd inline script and style) and a small script that draws the path it is posted. The page
 * carries no evidence: the script asks for the path with `ready` and builds every element with
 * `textContent`, so text from headers, logs or bounces is never parsed as HTML. Colours are VS Code
 * theme variables, so light, dark and high-contrast themes all apply. Pure: no `vscode`.
 */
import type { Step } from '../../shared/findings';
import type { DeliveryPath } from './delivery-path';

/** The UI strings the page shows, already in the user's language. */
export interface DeliveryPathLabels {
  title: string;
  sender: string;
  recipient: string;
  failing: string;
  /** `{0}`: the step number. */
  openStep: string;
  sources: Record<'headers' | 'tracking-log' | 'bounce', string>;
  messageId: string;
}

/** Messages between the page and the extension. */
export type DeliveryPathToPage = { type: 'path'; path: DeliveryPath; labels: DeliveryPathLabels; lang: string };
export type DeliveryPathFromPage =
  | { type: 'ready' }
  | { type: 'openStep'; hop: number; step: Step }
  /** The answer to a `snapshot` request (the integration suite's hook): the items' text. */
  | { type: 'snapshot'; items: string[]; buttons: string[]; failing: number };

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
ol.path { list-style: none; padding: 0; margin: 0; max-width: 48em; }
.node { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, currentColor)); border-radius: 4px; padding: .5em .8em; background: var(--vscode-editorWidget-background); }
.node .role { font-size: .85em; color: var(--vscode-descriptionForeground); margin-inline-end: .6em; }
.node .ip { color: var(--vscode-descriptionForeground); margin-inline-start: .6em; }
.hop { border-inline-start: 3px solid var(--vscode-charts-green, var(--vscode-foreground)); margin-inline-start: 1.5em; padding: .4em 0 .4em 1em; }
.hop::before { content: "\\2193"; display: block; font-size: 1.2em; color: var(--vscode-descriptionForeground); }
.hop.failing { border-inline-start: 4px dashed var(--vscode-errorForeground); }
.hop.failing .mark { color: var(--vscode-errorForeground); font-weight: bold; }
.hop .detail { display: block; font-size: .9em; color: var(--vscode-descriptionForeground); overflow-wrap: anywhere; }
.hop .status { display: block; font-family: var(--vscode-editor-font-family); font-size: .9em; overflow-wrap: anywhere; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: .2em .7em; margin: .3em .4em 0 0; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
`;

/** Runs in the webview. Plain JavaScript; builds the path with createElement and textContent only. */
const SCRIPT = `
(() => {
  const vscode = acquireVsCodeApi();
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = String(text); return e; };
  const fmt = (s, n) => String(s).split('{0}').join(String(n));
  function node(list, role, name, ip) {
    const li = el('li', 'node');
    if (role) li.appendChild(el('span', 'role', role));
    li.appendChild(el('strong', '', name));
    if (ip && ip !== name) li.appendChild(el('span', 'ip', '[' + ip + ']'));
    list.appendChild(li);
  }
  function draw(msg) {
    const p = msg.path, L = msg.labels, app = document.getElementById('app');
    document.documentElement.lang = msg.lang;
    app.replaceChildren();
    app.removeAttribute('aria-busy');
    app.appendChild(el('h1', '', L.title));
    if (p.messageId) app.appendChild(el('p', 'detail', L.messageId + ' ' + p.messageId));
    const list = el('ol', 'path');
    if (p.sender) node(list, L.sender, p.sender);
    p.hops.forEach((h, i) => {
      const from = p.nodes[h.from], to = p.nodes[h.to];
      if (i === 0 || p.hops[i - 1].to !== h.from) node(list, '', from.name, from.ip);
      const li = el('li', h.failing ? 'hop failing' : 'hop');
      if (h.failing) li.appendChild(el('span', 'mark', L.failing));
      li.appendChild(el('span', 'detail', from.name + ' \\u2192 ' + to.name));
      const bits = [];
      if (h.time !== undefined) bits.push(new Date(h.time).toISOString().replace('T', ' ').replace('.000Z', 'Z'));
      if (h.via) bits.push(h.via);
      bits.push(h.sources.map((s) => L.sources[s] || s).join(', '));
      li.appendChild(el('span', 'detail', bits.join(' \\u00b7 ')));
      if (h.status) li.appendChild(el('span', 'status', h.status));
      if (h.failing) h.steps.forEach((step) => {
        const b = el('button', '', fmt(L.openStep, step));
        b.type = 'button';
        b.addEventListener('click', () => vscode.postMessage({ type: 'openStep', hop: i, step }));
        li.appendChild(b);
      });
      list.appendChild(li);
      node(list, '', to.name, to.ip);
    });
    if (p.recipient) node(list, L.recipient, p.recipient);
    app.appendChild(list);
  }
  function snapshot() {
    const items = [...document.querySelectorAll('ol.path > li')].map((li) => li.textContent.trim());
    const buttons = [...document.querySelectorAll('button')].map((b) => b.textContent);
    vscode.postMessage({ type: 'snapshot', items, buttons, failing: document.querySelectorAll('.hop.failing').length });
  }
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'path') draw(e.data);
    else if (e.data && e.data.type === 'snapshot') snapshot();
  });
  vscode.postMessage({ type: 'ready' });
})();
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
<script nonce="${nonce}">${SCRIPT}</script>
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
