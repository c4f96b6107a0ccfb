/**
 * Measures how the findings' tables fit the panel, for the snapshot the integration suite reads
 * (src/shared/walkthrough-protocol.ts, TableLayout): the suite cannot see pixels, so the webview
 * reports what a person would see go wrong (a table wider than the panel, a header cut inside a
 * word, a time stamp over several lines).
 */
import type { TableLayout } from '../../src/shared/walkthrough-protocol';

const canvas = document.createElement('canvas');

function textWidth(text: string, el: Element): number {
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  const style = getComputedStyle(el);
  ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return ctx.measureText(text).width;
}

function contentWidth(el: HTMLElement): number {
  const style = getComputedStyle(el);
  return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

export function measureTables(root: HTMLElement): TableLayout {
  const tables = [...root.querySelectorAll<HTMLTableElement>('.findings table')].filter((t) => t.offsetParent);
  const brokenHeaders: string[] = [];
  const overflowingTables: string[] = [];
  for (const table of tables) {
    const wrap = table.parentElement;
    if (wrap && table.offsetWidth > wrap.clientWidth + 1)
      overflowingTables.push(
        `${table.caption?.innerText ?? [...table.querySelectorAll('th')].map((th) => th.innerText).join('|')} (${table.offsetWidth} > ${wrap.clientWidth} px)`,
      );
    for (const th of table.querySelectorAll<HTMLElement>('th')) {
      if (th.offsetParent === null) continue;
      const longest = Math.max(0, ...th.innerText.split(/\s+/).map((w) => textWidth(w, th)));
      if (longest > contentWidth(th) + 0.5) brokenHeaders.push(th.innerText);
    }
  }
  const times = tables.flatMap((t) => [...t.querySelectorAll<HTMLElement>('td time')]).filter((t) => t.offsetParent);
  const lineHeight = (el: HTMLElement): number => parseFloat(getComputedStyle(el).lineHeight) || 16;
  return {
    panelWidth: document.documentElement.clientWidth,
    tables: tables.length,
    overflowing: overflowingTables.length,
    overflowingTables,
    brokenHeaders: [...new Set(brokenHeaders)],
    timeCells: times.length,
    timeCellsWithoutTooltip: times.filter((t) => !t.title).length,
    longestTimeText: Math.max(0, ...times.map((t) => t.innerText.trim().length)),
    wrappedTimeCells: times.filter((t) => t.getBoundingClientRect().height > lineHeight(t) * 1.5).length,
  };
}
