/**
 * Tiny DOM helpers for the walkthrough webview: elements are built with text nodes only (no
 * innerHTML anywhere), so nothing a server returns can become markup; and `t()` for the strings.
 */
import type { Strings } from '../../src/shared/walkthrough-protocol';

let strings: Strings = {};

export function setStrings(s: Strings): void {
  strings = s;
}

/** Translates an English key with `{0}` placeholders, as vscode.l10n.t does. */
export function t(key: string, ...args: (string | number)[]): string {
  return (strings[key] ?? key).replace(/\{(\d+)\}/g, (m, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? m : String(v);
  });
}

type Child = Node | string;

export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export function replaceChildren(el: Element | null, ...children: Child[]): void {
  el?.replaceChildren(...children.map((c) => (typeof c === 'string' ? document.createTextNode(c) : c)));
}

export function table(columns: readonly string[], rows: readonly (readonly string[])[], caption?: string): HTMLElement {
  const head = h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)));
  // Cells hold data (names, SPNs, times): each takes the direction of its own text.
  const body = rows.map((r) => h('tr', {}, ...columns.map((_c, i) => h('td', { dir: 'auto' }, r[i] ?? ''))));
  const parts: HTMLElement[] = [];
  if (caption) parts.push(h('caption', {}, caption));
  parts.push(h('thead', {}, head), h('tbody', {}, ...body));
  return h('div', { class: 'table-wrap' }, h('table', {}, ...parts));
}
