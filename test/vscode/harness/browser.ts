/**
 * Headless Chromium (the Debian package) driven by playwright-core, for opening the code-server
 * workbench, collecting its console and taking screenshots.
 */
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const p = env.EAD_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(p))
    throw new Error(`Chromium not found at ${p}. Install it (apt-get install -y chromium) or set EAD_CHROMIUM.`);
  return p;
}

export interface Workbench {
  browser: Browser;
  page: Page;
  /** Browser console lines so far, in order. */
  console: string[];
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

export async function openWorkbench(
  url: string,
  o: { width?: number; height?: number; onConsole?: (line: string) => void } = {},
): Promise<Workbench> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const lines: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: o.width ?? 1400, height: o.height ?? 900 } });
    page.on('console', (m) => {
      const line = `[${m.type()}] ${m.text()}`;
      lines.push(line);
      o.onConsole?.(line);
    });
    page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    return {
      browser,
      page,
      console: lines,
      async screenshot(file) {
        mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file, timeout: 15000 });
      },
      async close() {
        await browser.close().catch(() => undefined);
      },
    };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

/** Waits until the workbench has drawn its main parts (activity bar and status bar). */
export async function waitForWorkbench(page: Page, timeoutMs = 60000): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').first().waitFor({ state: 'visible', timeout: timeoutMs });
}
