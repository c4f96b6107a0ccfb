/**
 * The script of the delivery-path page (plain JavaScript, run in the webview under a nonce). It
 * draws the path it is posted as a diagram: a CSS grid of boxes (sender, servers with their
 * events, recipients) and hop cells placed where delivery-path-graph.ts says, joined by SVG lines
 * measured from the drawn boxes (so a right-to-left page, which mirrors the grid, mirrors the lines
 * too). Every text goes in with textContent; the SVG is built with createElementNS and attributes
 * only. Each box and hop is focusable; a failing hop shows a mark and its steps' buttons (Enter on
 * the hop opens its first step). A toggle shows the same path as a plain list for screen readers
 * and keyboard reading. On request it tells the extension what it drew (the integration suite's hook).
 */
export const DELIVERY_PATH_SCRIPT = String.raw`
(() => {
  const vscode = acquireVsCodeApi();
  const NS = 'http://www.w3.org/2000/svg';
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = String(text); return e; };
  const svgEl = (tag, attrs) => { const e = document.createElementNS(NS, tag); for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k])); return e; };
  const fmt = (s, ...args) => args.reduce((t, v, i) => t.split('{' + i + '}').join(String(v)), String(s));
  const when = (t) => new Date(t).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
  const clock = (t) => new Date(t).toISOString().slice(11, 19) + 'Z';
  const WARN = '\u26a0 ';
  let shown;

  function openStep(hop, step) { vscode.postMessage({ type: 'openStep', hop, step }); }
  function stepButtons(parent, h, i, L, short) {
    if (!h.failing || !h.steps.length) return;
    const row = el('span', 'steps');
    parent.appendChild(row);
    h.steps.forEach((step) => {
      const b = el('button', 'step', fmt(short ? L.step : L.openStep, step));
      b.type = 'button';
      if (short) b.setAttribute('aria-label', fmt(L.openStep, step));
      b.addEventListener('click', (e) => { e.stopPropagation(); openStep(i, step); });
      row.appendChild(b);
    });
  }
  function hopBits(h, L) {
    const bits = [];
    if (h.time !== undefined) bits.push(when(h.time));
    if (h.via) bits.push(h.via);
    bits.push(h.sources.map((s) => L.sources[s] || s).join(', '));
    if (h.recipients && h.recipients.length) bits.push(h.recipients.join(', '));
    return bits.join(' \u00b7 ');
  }
  function eventText(e, short) {
    const bits = [e.event + (e.source ? ' (' + e.source + ')' : '')];
    if (e.time !== undefined) bits.push(short ? clock(e.time) : when(e.time));
    if (e.recipients && e.recipients.length) bits.push(e.recipients.join(', '));
    if (e.status) bits.push(e.status);
    return (e.failing ? WARN : '') + bits.join(' \u00b7 ');
  }
  function events(parent, node, short) {
    if (!node.events || !node.events.length) return;
    const ul = el('ul', 'events');
    node.events.forEach((e) => ul.appendChild(el('li', e.failing ? 'failing' : '', eventText(e, short))));
    parent.appendChild(ul);
  }
  function place(e, col, row) { e.style.gridColumn = String(col + 1); e.style.gridRow = String(row + 1); }

  function box(msg, b) {
    const p = msg.path, L = msg.labels;
    const d = el('div', 'box ' + b.kind + (b.failing ? ' failing' : ''));
    d.tabIndex = 0;
    d.dataset.id = b.id;
    d.setAttribute('role', 'group');
    place(d, b.col * 2, b.row);
    let name, role = '';
    if (b.kind === 'sender') { role = L.sender; name = p.sender; }
    else if (b.kind === 'recipient') { role = L.recipient; name = p.recipients[b.index]; }
    else name = p.nodes[b.index].name;
    // A recipient behind a failing hop was not delivered; a server's failed event carries its own mark.
    if (b.failing && b.kind === 'recipient') d.appendChild(el('span', 'mark', WARN + L.notDelivered));
    if (role) d.appendChild(el('span', 'role', role));
    d.appendChild(el('strong', 'name', name));
    if (b.kind === 'server') {
      const n = p.nodes[b.index];
      if (n.ip && n.ip !== n.name) d.appendChild(el('span', 'ip', '[' + n.ip + ']'));
      events(d, n, true);
    }
    const state = b.failing ? ', ' + (b.kind === 'recipient' ? L.notDelivered : L.failedEvent) : '';
    d.setAttribute('aria-label', (role ? role + ' ' : '') + name + state);
    return d;
  }

  function hopCell(msg, e) {
    const p = msg.path, L = msg.labels, h = p.hops[e.hop];
    const from = p.nodes[h.from].name, to = p.nodes[h.to].name;
    const c = el('div', 'hop' + (h.failing ? ' failing' : ''));
    c.tabIndex = 0;
    c.dataset.hop = String(e.hop);
    c.setAttribute('role', 'group');
    c.setAttribute('aria-label', fmt(L.hopFromTo, from, to) + (h.failing ? ', ' + L.failing : ''));
    place(c, e.cell.col, e.cell.row);
    if (h.failing) c.appendChild(el('strong', 'mark', WARN + L.failing));
    if (h.via) c.appendChild(el('span', 'via', h.via));
    const bits = [];
    if (h.time !== undefined) bits.push(clock(h.time));
    bits.push(h.sources.map((s) => L.sources[s] || s).join(', '));
    c.appendChild(el('span', 'detail', bits.join(' \u00b7 ')));
    if (h.recipients && h.recipients.length) c.appendChild(el('span', 'detail', h.recipients.join(', ')));
    if (h.status) c.appendChild(el('span', 'status', h.status));
    stepButtons(c, h, e.hop, L, true);
    c.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && ev.target === c && h.failing && h.steps.length) { ev.preventDefault(); openStep(e.hop, h.steps[0]); }
    });
    return c;
  }

  function arrow(id, cls) {
    const m = svgEl('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
    m.appendChild(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', class: cls }));
    return m;
  }
  function edges(grid, svg) {
    const g = shown.graph, base = grid.getBoundingClientRect();
    svg.replaceChildren();
    svg.setAttribute('width', String(grid.scrollWidth));
    svg.setAttribute('height', String(grid.scrollHeight));
    const defs = svgEl('defs', {});
    defs.appendChild(arrow('arrow', 'head'));
    defs.appendChild(arrow('arrow-failing', 'head failing'));
    svg.appendChild(defs);
    const find = (sel) => grid.querySelector(sel);
    const line = (a, b, cls, failing) => {
      if (!a || !b) return;
      const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
      const forward = rb.left + rb.width / 2 >= ra.left + ra.width / 2;
      const x1 = (forward ? ra.right : ra.left) - base.left + grid.scrollLeft;
      const x2 = (forward ? rb.left : rb.right) - base.left + grid.scrollLeft;
      const y1 = ra.top + ra.height / 2 - base.top + grid.scrollTop;
      const y2 = rb.top + rb.height / 2 - base.top + grid.scrollTop;
      const xm = (x1 + x2) / 2;
      svg.appendChild(svgEl('path', {
        d: 'M' + x1 + ',' + y1 + ' C' + xm + ',' + y1 + ' ' + xm + ',' + y2 + ' ' + x2 + ',' + y2,
        class: 'edge edge-' + cls + (failing ? ' failing' : ''),
        'marker-end': 'url(#' + (failing ? 'arrow-failing' : 'arrow') + ')',
      }));
    };
    g.edges.forEach((e) => {
      const a = find('[data-id="' + e.from + '"]'), b = find('[data-id="' + e.to + '"]');
      if (e.hop === undefined) return line(a, b, e.kind, e.failing);
      const c = find('[data-hop="' + e.hop + '"]');
      line(a, c, 'hop', e.failing);
      line(c, b, 'hop', e.failing);
    });
  }

  function list(msg) {
    const p = msg.path, L = msg.labels, ol = el('ol', 'path');
    const item = (cls, parts) => { const li = el('li', cls); parts.forEach((x) => li.appendChild(x)); ol.appendChild(li); return li; };
    if (p.sender) item('node', [el('span', 'role', L.sender), el('strong', '', p.sender)]);
    p.nodes.forEach((n, i) => {
      const li = item('node', [el('strong', '', n.name)]);
      if (n.ip && n.ip !== n.name) li.appendChild(el('span', 'ip', '[' + n.ip + ']'));
      if (n.events && n.events.length) { li.appendChild(el('span', 'role', fmt(L.events, n.name))); events(li, n); }
      p.hops.forEach((h, k) => {
        if (h.from !== i) return;
        const hop = item(h.failing ? 'hop failing' : 'hop', []);
        if (h.failing) hop.appendChild(el('span', 'mark', WARN + L.failing));
        hop.appendChild(el('span', 'detail', n.name + ' \u2192 ' + p.nodes[h.to].name));
        hop.appendChild(el('span', 'detail', hopBits(h, L)));
        if (h.status) hop.appendChild(el('span', 'status', h.status));
        stepButtons(hop, h, k, L);
      });
    });
    (p.recipients || []).forEach((r) => item('node', [el('span', 'role', L.recipient), el('strong', '', r)]));
    return ol;
  }

  function draw(msg) {
    shown = msg;
    const p = msg.path, L = msg.labels, app = document.getElementById('app');
    document.documentElement.lang = msg.lang;
    app.replaceChildren();
    app.removeAttribute('aria-busy');
    app.appendChild(el('h1', '', L.title));
    const bar = el('div', 'toolbar');
    if (p.messageId) bar.appendChild(el('span', 'detail', L.messageId + ' ' + p.messageId));
    const toggle = el('button', 'toggle', L.showList);
    toggle.type = 'button';
    toggle.setAttribute('aria-pressed', 'false');
    bar.appendChild(toggle);
    app.appendChild(bar);
    const grid = el('div', 'diagram');
    grid.setAttribute('role', 'group');
    grid.setAttribute('aria-label', L.diagram);
    const svg = svgEl('svg', { class: 'edges', 'aria-hidden': 'true', focusable: 'false' });
    grid.appendChild(svg);
    msg.graph.boxes.forEach((b) => grid.appendChild(box(msg, b)));
    msg.graph.edges.forEach((e) => { if (e.hop !== undefined) grid.appendChild(hopCell(msg, e)); });
    const section = el('section', 'list');
    section.hidden = true;
    section.appendChild(list(msg));
    app.appendChild(grid);
    app.appendChild(section);
    toggle.addEventListener('click', () => {
      const listing = section.hidden;
      section.hidden = !listing;
      grid.hidden = listing;
      toggle.textContent = listing ? L.showDiagram : L.showList;
      toggle.setAttribute('aria-pressed', String(listing));
      if (!listing) edges(grid, svg);
    });
    const redraw = () => { if (!grid.hidden) edges(grid, svg); };
    window.onresize = redraw;
    if (typeof ResizeObserver === 'function') new ResizeObserver(redraw).observe(grid);
    requestAnimationFrame(redraw);
  }

  function snapshot() {
    const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.trim());
    vscode.postMessage({
      type: 'snapshot',
      items: text('ol.path > li'),
      buttons: text('ol.path button.step'),
      failing: document.querySelectorAll('ol.path .hop.failing').length,
      diagram: {
        boxes: text('.diagram div.box'),
        hops: text('.diagram div.hop'),
        failingHops: text('.diagram div.hop.failing'),
        failingButtons: text('.diagram div.hop.failing button.step'),
        focusable: document.querySelectorAll('.diagram [tabindex="0"]').length,
        edges: document.querySelectorAll('.diagram svg path.edge').length,
        dir: getComputedStyle(document.querySelector('.diagram') || document.body).direction,
      },
    });
  }
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'path') draw(e.data);
    else if (e.data && e.data.type === 'snapshot') snapshot();
  });
  vscode.postMessage({ type: 'ready' });
})();
`;
