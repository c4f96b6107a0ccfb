/**
 * Screenshots of "Show the delivery path" in the real workbench (code-server in headless Chromium),
 * in the dark, light and high-contrast themes: a message that forked (tracking logs of two servers
 * and the bounce of the deferred copy, test/fixtures/evidence/delivery-path/) opened in the editor,
 * the command run, the panel maximised. Needs no lab. Run it in a network namespace of its own:
 *
 *   npm run build && bash test/lab/netns.sh <name> -- npx tsx scripts/screenshot-delivery-path.ts [DIR]
 *
 * Writes DIR/delivery-path.png (dark), DIR/delivery-path-light.png, DIR/delivery-path-hc.png
 * (DIR defaults to docs/). With EAD_SHOT_RTL=1 it takes DIR/delivery-path-rtl.png instead: the
 * page turned right to left as the panel draws it for Hebrew (the workbench's own language needs a
 * language pack this setup does not install, so the words stay English).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openWorkbench, waitForWorkbench, type Workbench } from '../test/vscode/harness/browser';
import { startCodeServer, workbenchUrl, type CodeServer } from '../test/vscode/harness/code-server';
import { runCommand } from '../test/vscode/harness/workbench-ui';
import type { Page } from 'playwright-core';

const repoRoot = path.resolve(__dirname, '..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'evidence', 'delivery-path');
const FILES = ['MSGTRK20100419-1-win2k3dc.LOG', 'MSGTRK20100419-1-ex02.LOG', 'dsn-delayed-fork-454.eml'];

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15000 });
  await input.press('Enter');
  await page.locator('.tab', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15000 });
}

async function shot(theme: string, out: string, rtl = false): Promise<void> {
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'ead-dpath-'));
  let server: CodeServer | undefined;
  let bench: Workbench | undefined;
  try {
    const workspace = path.join(tempDir, 'workspace');
    mkdirSync(workspace);
    for (const f of FILES) copyFileSync(path.join(fixtures, f), path.join(workspace, f));
    server = await startCodeServer({
      repoRoot,
      tempDir,
      workspace,
      userSettings: { 'workbench.colorTheme': theme, 'workbench.editor.enablePreview': false },
    });
    bench = await openWorkbench(workbenchUrl(server, { workspace, extensionDevelopmentPath: repoRoot }), {
      width: 1400,
      height: 900,
    });
    const { page } = bench;
    await waitForWorkbench(page);
    await page.waitForTimeout(3000);
    for (const f of FILES) await openFile(page, f);
    await runCommand(page, 'Exchange Auth Doctor: Show the delivery path');
    const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    await frame.locator('.diagram svg path.edge').first().waitFor({ state: 'attached', timeout: 60000 });
    for (let i = 0; i < 3 && (await page.locator('.part.sidebar').first().isVisible()); i++) {
      await runCommand(page, 'View: Close Primary Side Bar').catch(() => undefined);
      await page.waitForTimeout(700);
    }
    // The panel gets the window: focus its group through its tab, then close the other groups'
    // editors from the palette (without the click runCommand makes first, which would move the focus).
    await page.locator('.tab', { hasText: 'Delivery path' }).first().click();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ state: 'visible', timeout: 15000 });
    await input.fill('>View: Close Editors in Other Groups');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Close Editors in Other Groups' })
      .first()
      .waitFor();
    await input.press('Enter');
    await page.waitForTimeout(1500);
    if (rtl) {
      // Turned right to left after drawing, so the page is told to measure its boxes again (typed
      // by hand: this script is checked without the DOM library).
      await frame.locator('html').evaluate((h) => {
        const root = h as unknown as {
          setAttribute(k: string, v: string): void;
          ownerDocument: { defaultView: { dispatchEvent(e: Event): boolean } };
        };
        root.setAttribute('dir', 'rtl');
        root.ownerDocument.defaultView.dispatchEvent(new Event('resize'));
      });
      await page.waitForTimeout(800);
    }
    // Keyboard focus on the failing hop, so the picture shows the focus ring too.
    await frame.locator('.diagram div.hop.failing').focus();
    await page.mouse.move(5, 880);
    await page.waitForTimeout(1000);
    await bench.screenshot(out);
    console.log(`screenshot: ${path.relative(process.cwd(), out)}`);
  } catch (e) {
    if (bench)
      await bench.screenshot(path.join(repoRoot, 'test-results', 'screenshot-failure.png')).catch(() => undefined);
    throw e;
  } finally {
    await bench?.close();
    await server?.stop();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'docs'));
  mkdirSync(dir, { recursive: true });
  if (process.env.EAD_SHOT_RTL === '1')
    return shot('Default Dark Modern', path.join(dir, 'delivery-path-rtl.png'), true);
  await shot('Default Dark Modern', path.join(dir, 'delivery-path.png'));
  await shot('Default Light Modern', path.join(dir, 'delivery-path-light.png'));
  await shot('Default High Contrast', path.join(dir, 'delivery-path-hc.png'));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`screenshot: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
