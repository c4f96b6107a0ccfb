/**
 * The panel's HTML shell. Pure (no `vscode`): the caller passes the webview's CSP source and the
 * URIs of the bundled script and the style sheet. The page holds no data: the script asks for the
 * state with `ready` and renders it. Only the nonce'd script may run; styles come from media/ and
 * from the components' constructed style sheets.
 */
export interface PanelHtmlOptions {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** Shown until the script has rendered (or when scripts are blocked). */
  loading: string;
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function panelHtml(o: PanelHtmlOptions): string {
  const csp = contentSecurityPolicy(o.cspSource, o.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeAttr(o.lang)}" dir="${o.dir}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(o.styleUri)}">
<title>${escapeAttr(o.title)}</title>
</head>
<body>
<div id="app" aria-busy="true"><p class="loading">${escapeAttr(o.loading)}</p></div>
<div id="live" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${escapeAttr(o.nonce)}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>`;
}
