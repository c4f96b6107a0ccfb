/**
 * The delivery-path page: a strict CSP with one nonce, no evidence text in the HTML itself, the
 * drawing done with textContent only, and the page allowed to ask only for a step of a failing hop.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { buildDeliveryPath } from '../../../../src/core/evidence/delivery-path';
import { deliveryPathCsp, deliveryPathHtml, validOpenStep } from '../../../../src/core/evidence/delivery-path-html';

const dsn = readFileSync(join(__dirname, '../../../fixtures/localised/dsn-delayed-454.eml'), 'utf8');

describe('evidence: the delivery-path page', () => {
  const html = deliveryPathHtml({
    cspSource: 'vscode-webview://x',
    nonce: 'n0nce+/=',
    lang: 'he',
    dir: 'rtl',
    title: '<T>',
  });

  it("allows nothing but its own nonce'd script and style", () => {
    const csp = deliveryPathCsp('vscode-webview://x', 'n0nce+/=');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-n0nce\+\/='(;|$)/);
    assert.ok(!csp.includes('unsafe'), csp);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="n0nce+/=">']);
    assert.match(html, /<style nonce="n0nce\+\/=">/);
    assert.match(html, /<html lang="he" dir="rtl">/);
    assert.match(html, /<title>&lt;T&gt;<\/title>/);
  });

  it('draws with textContent and never with innerHTML, and uses theme colours only', () => {
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(html));
    assert.match(html, /textContent/);
    assert.ok(!/#[0-9a-f]{3,6}\b|rgb\(/i.test(html.replace(/<script[\s\S]*<\/script>/, '')), 'no fixed colours');
    assert.match(html, /var\(--vscode-errorForeground\)/);
  });

  it('draws a visible focus ring and, in high contrast, borders and lines in contrastBorder', () => {
    const style = /<style[^>]*>([\s\S]*)<\/style>/.exec(html)![1]!;
    assert.match(style, /:focus-visible \{ outline: 2px solid var\(--vscode-focusBorder\)/);
    assert.match(
      style,
      /body\.vscode-high-contrast \.box, body\.vscode-high-contrast \.hop[^{]*\{ border-color: var\(--vscode-contrastBorder\)/,
    );
    assert.match(style, /body\.vscode-high-contrast \.edge \{ stroke: var\(--vscode-contrastBorder\)/);
    // A failing hop is not told by colour alone: dashed, and a mark in words (see the page test).
    assert.match(style, /\.failing \{ border: 2px dashed var\(--vscode-errorForeground\)/);
    assert.match(style, /\.edge\.failing \{[^}]*stroke-dasharray/);
    // Grid placement is logical: the page's dir="rtl" mirrors the diagram; nothing pins it left to right.
    assert.ok(!/direction:\s*ltr/.test(style));
  });

  it('holds a script that parses', () => {
    const script = /<script[^>]*>([\s\S]*)<\/script>/.exec(html)![1]!;
    // Compiled, not run: the page's script is syntactically valid JavaScript.
    assert.doesNotThrow(() => new Script(script));
  });

  it('lets the page open only a step the failing hop names', () => {
    const path = buildDeliveryPath([{ text: dsn, fileName: 'bounce.eml' }]);
    const hop = path.failing!;
    const step = path.hops[hop]!.steps[0]!;
    assert.deepEqual(validOpenStep(path, { type: 'openStep', hop, step }), { hop, step });
    const other = ([1, 2, 3, 4, 5, 6] as const).find((s) => !path.hops[hop]!.steps.includes(s))!;
    assert.equal(validOpenStep(path, { type: 'openStep', hop, step: other }), undefined);
    assert.equal(validOpenStep(path, { type: 'openStep', hop: hop + 5, step }), undefined);
    assert.equal(validOpenStep(path, { type: 'openStep', hop: String(hop), step }), undefined);
    assert.equal(validOpenStep(path, null), undefined);
  });
});
