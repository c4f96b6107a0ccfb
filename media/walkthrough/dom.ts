/**
 * Tiny DOM helpers for the walkthrough webview: elements are built with text nodes only (no
 * innerHTML anywhere), so nothing a server returns can become markup; and `t()` for the strings.
 */
import type { Strings } from '../../src/shared/walkthrough-protocol';
import { fullTime, isTimeColumn, shortTime } from './time';

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

export interface TableOptions {
  /** Columns hidden when the panel is narrow (walkthrough.css), kept in `rowTitle`. */
  optional?: number[];
  rowTitle?: (row: readonly string[]) => string;
  /** A class for a row (e.g. the first failing row of the Kerberos readiness table). */
  rowClass?: (row: readonly string[], index: number) => string;
}

/**
 * A table of data. A column of ISO time stamps shows short times with the full one as tooltip;
 * optional columns carry a class the style sheet hides in a narrow panel.
 */
export function table(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  caption?: string,
  options: TableOptions = {},
): HTMLElement {
  const times = columns.map((_c, i) => isTimeColumn(rows.map((r) => r[i] ?? '')));
  const cls = (i: number): Record<string, string> => {
    const names = [times[i] ? 'col-time' : '', options.optional?.includes(i) ? 'col-optional' : ''].filter(Boolean);
    return names.length ? { class: names.join(' ') } : {};
  };
  const head = h('tr', {}, ...columns.map((c, i) => h('th', { scope: 'col', ...cls(i) }, c)));
  // Cells hold data (names, SPNs, times): each takes the direction of its own text.
  // data-label: in a narrow panel a wide table shows each row as a card, cells under their header.
  const cell = (value: string, i: number): HTMLElement =>
    times[i] && value
      ? h(
          'td',
          { 'data-label': columns[i] ?? '', ...cls(i) },
          h('time', { datetime: value, title: fullTime(value) }, shortTime(value)),
        )
      : h('td', { dir: 'auto', 'data-label': columns[i] ?? '', ...cls(i) }, value);
  const body = rows.map((r, ri) =>
    h(
      'tr',
      {
        ...(options.rowTitle ? { title: options.rowTitle(r) } : {}),
        ...(options.rowClass ? { class: options.rowClass(r, ri) } : {}),
      },
      ...columns.map((_c, i) => cell(r[i] ?? '', i)),
    ),
  );
  const parts: HTMLElement[] = [];
  if (caption) parts.push(h('caption', {}, caption));
  parts.push(h('thead', {}, head), h('tbody', {}, ...body));
  return h('div', { class: 'table-wrap' }, h('table', columns.length >= 5 ? { class: 'wide' } : {}, ...parts));
}
