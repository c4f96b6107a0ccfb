/**
 * Small Playwright helpers for driving the real workbench UI (command palette, quick input, views).
 * Used by scripts/screenshot.ts and by any Node-side test that needs to click through the editor.
 */
import type { Locator, Page } from 'playwright-core';

const quickInput = (page: Page): Locator => page.locator('.quick-input-widget');

/** Runs a command by its palette title, e.g. "Exchange Auth Doctor: Sign in to directory". */
export async function runCommand(page: Page, title: string, timeoutMs = 15000): Promise<void> {
  await page
    .locator('.monaco-workbench')
    .first()
    .click({ position: { x: 5, y: 5 }, force: true })
    .catch(() => undefined);
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input').first();
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`>${title}`);
  const row = quickInput(page).locator('.monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.press('Enter');
}

/** Types into the open quick input (an input box or quick pick) and accepts it. The text is not logged. */
export async function answerQuickInput(
  page: Page,
  text: string,
  o: { promptContains?: string; timeoutMs?: number } = {},
): Promise<void> {
  const widget = quickInput(page);
  await widget.waitFor({ state: 'visible', timeout: o.timeoutMs ?? 15000 });
  if (o.promptContains)
    await widget
      .getByText(o.promptContains, { exact: false })
      .first()
      .waitFor({ timeout: o.timeoutMs ?? 15000 });
  const input = widget.locator('input').first();
  await input.fill(text);
  await input.press('Enter');
}

/** Opens a view container from the activity bar by its title (e.g. "Exchange Auth Doctor"). */
export async function openViewContainer(page: Page, title: string, timeoutMs = 30000): Promise<void> {
  const item = page.locator(`.part.activitybar [aria-label^="${title}"]`).first();
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  const expanded = await item.getAttribute('aria-expanded').catch(() => null);
  if (expanded !== 'true') await item.click();
}

/** The tree rows of a view pane, by the pane's title, as their visible labels. */
export function viewRows(page: Page, viewTitle: string): Locator {
  return page
    .locator('.pane', { has: page.locator('.pane-header', { hasText: viewTitle }) })
    .locator('.monaco-list-row');
}

/** Expands every collapsed row of a view, repeatedly, until nothing is collapsed (or `rounds` ends). */
export async function expandAll(page: Page, viewTitle: string, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const collapsed = viewRows(page, viewTitle).and(page.locator('[aria-expanded="false"]'));
    const n = await collapsed.count();
    if (n === 0) return;
    await collapsed.first().locator('.monaco-tl-twistie').click();
    await page.waitForTimeout(300);
  }
}

/** Waits until a row with the given text is visible in the view. */
export async function waitForRow(page: Page, viewTitle: string, text: string, timeoutMs = 30000): Promise<void> {
  await viewRows(page, viewTitle).filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: timeoutMs });
}
