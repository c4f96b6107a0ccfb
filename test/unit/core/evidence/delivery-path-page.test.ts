/**
 * The delivery-path page's script run against a small stand-in DOM (no browser here; the VS Code
 * suite runs it in a real webview): hostile names from the evidence end up as text, never as markup
 * or attribute names; every box and hop can be reached with Tab; the failing hop carries a mark
 * in words and its steps' buttons; Enter on it and a click on a button ask for that step; the SVG
 * lines of a failing hop are marked; the toggle shows the same path as a list.
 */
import { strict as assert } from 'node:assert';
import { createContext, Script } from 'node:vm';
import { DELIVERY_PATH_SCRIPT } from '../../../../src/core/evidence/delivery-path-page-script';
import { deliveryPathMessage, type DeliveryPathLabels } from '../../../../src/core/evidence/delivery-path-html';
import type { DeliveryPath } from '../../../../src/core/evidence/delivery-path-model';

type Listener = (ev: Record<string, unknown>) => void;

const ALLOWED_ATTRIBUTES = new Set([
  'role',
  'aria-label',
  'aria-pressed',
  'aria-busy',
  'aria-hidden',
  'focusable',
  'class',
]);
const SVG_ATTRIBUTES = new Set([
  'd',
  'class',
  'marker-end',
  'id',
  'viewBox',
  'refX',
  'refY',
  'markerWidth',
  'markerHeight',
  'orient',
  'width',
  'height',
  'aria-hidden',
  'focusable',
]);

class FakeElement {
  children: FakeElement[] = [];
  attrs = new Map<string, string>();
  className = '';
  dataset: Record<string, string> = {};
  style: Record<string, string> = {};
  hidden = false;
  tabIndex = -1;
  type = '';
  listeners = new Map<string, Listener[]>();
  private text: string | undefined;
  scrollWidth = 1200;
  scrollHeight = 400;
  scrollLeft = 0;
  scrollTop = 0;
  constructor(
    readonly tag: string,
    readonly svg = false,
  ) {}
  set textContent(v: string) {
    this.text = String(v);
    this.children = [];
  }
  get textContent(): string {
    return this.text ?? this.children.map((c) => c.textContent).join('');
  }
  set innerHTML(_: string) {
    throw new Error('innerHTML is never used');
  }
  appendChild(c: FakeElement): FakeElement {
    this.children.push(c);
    return c;
  }
  replaceChildren(...c: FakeElement[]): void {
    this.children = c;
    this.text = undefined;
  }
  setAttribute(k: string, v: string): void {
    assert.ok((this.svg ? SVG_ATTRIBUTES : ALLOWED_ATTRIBUTES).has(k), `attribute ${k} on ${this.tag}`);
    this.attrs.set(k, String(v));
  }
  removeAttribute(k: string): void {
    this.attrs.delete(k);
  }
  addEventListener(t: string, f: Listener): void {
    this.listeners.set(t, [...(this.listeners.get(t) ?? []), f]);
  }
  fire(t: string, ev: Record<string, unknown> = {}): void {
    for (const f of this.listeners.get(t) ?? [])
      f({ target: this, preventDefault: () => undefined, stopPropagation: () => undefined, ...ev });
  }
  /** A box's place on the page, from the grid cell the script gave it. */
  getBoundingClientRect() {
    const left = (Number(this.style.gridColumn ?? 1) - 1) * 120;
    const top = (Number(this.style.gridRow ?? 1) - 1) * 80;
    return { left, top, right: left + 100, bottom: top + 50, width: 100, height: 50 };
  }
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => c.all())];
  }
  querySelector(sel: string): FakeElement | null {
    const m = /^\[data-(\w+)="([^"]*)"\]$/.exec(sel);
    assert.ok(m, `selector ${sel}`);
    return this.all().find((e) => e.dataset[m[1]!] === m[2]) ?? null;
  }
  has(cls: string): boolean {
    return (this.svg ? (this.attrs.get('class') ?? '') : this.className).split(' ').includes(cls);
  }
}

function runPage() {
  const app = new FakeElement('main');
  const posted: Record<string, unknown>[] = [];
  const frames: (() => void)[] = [];
  const windowListeners: Listener[] = [];
  const document = {
    documentElement: { lang: '' },
    createElement: (t: string) => new FakeElement(t),
    createElementNS: (_: string, t: string) => new FakeElement(t, true),
    getElementById: (id: string) => (id === 'app' ? app : null),
  };
  const window = { addEventListener: (_: string, f: Listener) => windowListeners.push(f), onresize: null };
  const ctx = createContext({
    acquireVsCodeApi: () => ({ postMessage: (m: Record<string, unknown>) => posted.push(m) }),
    document,
    window,
    requestAnimationFrame: (f: () => void) => frames.push(f),
  });
  new Script(DELIVERY_PATH_SCRIPT).runInContext(ctx);
  const post = (data: unknown) => windowListeners.forEach((f) => f({ data }));
  return { app, posted, frames, post, document };
}

/** Objects made in the page's realm, as plain data of this one. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

const HOSTILE = '<img src=x onerror="alert(1)">';
const labels: DeliveryPathLabels = {
  title: 'Delivery path',
  sender: 'Sender',
  recipient: 'Recipient',
  failing: 'Failing hop',
  notDelivered: 'Not delivered',
  failedEvent: 'an event failed here',
  openStep: 'Open step {0}',
  step: 'Step {0}',
  sources: { headers: 'headers', 'tracking-log': 'tracking log', bounce: 'bounce' },
  messageId: 'Message-ID:',
  showList: 'Show as a list',
  showDiagram: 'Show as a diagram',
  diagram: 'Diagram',
  hopFromTo: 'Hop from {0} to {1}',
  events: 'Events on {0}:',
};
const path: DeliveryPath = {
  sender: `${HOSTILE}@contoso.com`,
  recipients: ['bob@contoso.com', `</div><script>x()</script>@contoso.com`],
  recipient: 'bob@contoso.com',
  messageId: `${HOSTILE}@EX01`,
  nodes: [
    {
      name: 'EX01.contoso.com',
      ip: '10.0.0.11',
      events: [{ event: 'SUBMIT', source: 'STOREDRIVER', failing: false, steps: [] }],
    },
    {
      name: 'EX02.contoso.com',
      events: [{ event: 'DELIVER', recipients: ['bob@contoso.com'], failing: false, steps: [] }],
    },
    { name: `" onfocus="x`, events: [{ event: 'FAIL', status: HOSTILE, failing: true, steps: [] }] },
  ],
  hops: [
    {
      from: 0,
      to: 1,
      via: `EX01\\Default ${HOSTILE}`,
      sources: ['tracking-log'],
      failing: false,
      steps: [],
      recipients: ['bob@contoso.com'],
    },
    { from: 0, to: 2, status: `454 4.7.0 ${HOSTILE}`, sources: ['bounce'], failing: true, steps: [3, 1] },
  ],
  failing: 1,
};

describe('evidence: the delivery-path page script', () => {
  it('asks for the path, then draws hostile names as text only', () => {
    const page = runPage();
    assert.deepEqual(plain(page.posted), [{ type: 'ready' }]);
    page.post(deliveryPathMessage(path, labels, 'he'));
    page.frames.forEach((f) => f());
    const all = page.app.all();
    const text = page.app.textContent;
    for (const s of [HOSTILE, '</div><script>x()</script>@contoso.com', `" onfocus="x`]) assert.ok(text.includes(s), s);
    // No element was made from evidence: every tag is one the script names.
    assert.deepEqual(
      [...new Set(all.map((e) => e.tag))].sort(),
      [
        'button',
        'defs',
        'div',
        'h1',
        'li',
        'main',
        'marker',
        'ol',
        'path',
        'section',
        'span',
        'strong',
        'svg',
        'ul',
      ].sort(),
    );
    assert.equal(page.document.documentElement.lang, 'he');
  });

  it('makes every box and hop focusable, marks the failing hop in words and gives it its steps', () => {
    const page = runPage();
    page.post(deliveryPathMessage(path, labels, 'en'));
    const grid = page.app.all().find((e) => e.has('diagram'))!;
    const boxes = grid.all().filter((e) => e.has('box'));
    const hops = grid.all().filter((e) => e.has('hop') && !e.svg);
    assert.equal(boxes.length, 1 + 3 + 2);
    assert.equal(hops.length, 2);
    for (const e of [...boxes, ...hops]) {
      assert.equal(e.tabIndex, 0);
      assert.ok(e.attrs.get('aria-label'), 'an accessible name');
    }
    const failing = hops.find((h) => h.has('failing'))!;
    assert.equal(failing.attrs.get('aria-label'), `Hop from EX01.contoso.com to " onfocus="x, Failing hop`);
    assert.ok(failing.children.some((c) => c.has('mark') && c.textContent === '\u26a0 Failing hop'));
    const buttons = failing.all().filter((e) => e.tag === 'button');
    assert.deepEqual(
      buttons.map((b) => b.textContent),
      ['Step 3', 'Step 1'],
    );
    assert.deepEqual(
      buttons.map((b) => b.attrs.get('aria-label')),
      ['Open step 3', 'Open step 1'],
    );
    assert.ok(
      !hops
        .find((h) => !h.has('failing'))!
        .all()
        .some((e) => e.tag === 'button'),
    );
    // Enter on the failing hop opens its first step; a button opens its own; Enter elsewhere nothing.
    failing.fire('keydown', { key: 'Enter' });
    buttons[1]!.fire('click');
    hops.find((h) => !h.has('failing'))!.fire('keydown', { key: 'Enter' });
    assert.deepEqual(plain(page.posted.slice(1)), [
      { type: 'openStep', hop: 1, step: 3 },
      { type: 'openStep', hop: 1, step: 1 },
    ]);
    // The server where the FAIL event happened and the recipient behind the failing hop are marked too.
    assert.ok(boxes.filter((b) => b.has('failing')).length >= 1);
    const marked = boxes.filter((b) => b.has('failing')).map((b) => b.attrs.get('aria-label'));
    assert.deepEqual(marked, [
      '" onfocus="x, an event failed here',
      'Recipient </div><script>x()</script>@contoso.com, Not delivered',
    ]);
    assert.ok(boxes.some((b) => b.has('failing') && b.textContent.startsWith('\u26a0 Not delivered')));
  });

  it('draws the lines once laid out, the failing hop dashed with its own arrow head', () => {
    const page = runPage();
    page.post(deliveryPathMessage(path, labels, 'en'));
    page.frames.forEach((f) => f());
    const lines = page.app.all().filter((e) => e.svg && e.tag === 'path' && e.has('edge'));
    // Two lines per hop (to and from its cell), the submission and two deliveries.
    assert.equal(lines.length, 2 * 2 + 1 + 2);
    const failing = lines.filter((l) => l.has('failing'));
    assert.ok(failing.length >= 2);
    for (const l of failing) assert.equal(l.attrs.get('marker-end'), 'url(#arrow-failing)');
    for (const l of lines) assert.match(l.attrs.get('d')!, /^M-?[\d.]+,-?[\d.]+ C/);
  });

  it('shows the same path as a list behind a toggle', () => {
    const page = runPage();
    page.post(deliveryPathMessage(path, labels, 'en'));
    const toggle = page.app.all().find((e) => e.has('toggle'))!;
    const grid = page.app.all().find((e) => e.has('diagram'))!;
    const list = page.app.all().find((e) => e.tag === 'section')!;
    assert.equal(list.hidden, true);
    toggle.fire('click');
    assert.equal(list.hidden, false);
    assert.equal(grid.hidden, true);
    assert.equal(toggle.textContent, 'Show as a diagram');
    assert.equal(toggle.attrs.get('aria-pressed'), 'true');
    const items = list.all().filter((e) => e.tag === 'li' && !e.has('failing') && e.className !== '');
    assert.ok(items.length >= 5);
    assert.ok(list.textContent.includes('Events on EX01.contoso.com:'));
    assert.ok(list.all().some((e) => e.has('hop') && e.has('failing') && e.textContent.includes('454 4.7.0')));
  });
});
