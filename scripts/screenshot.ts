/**
 * Takes a screenshot of the real workbench (code-server in headless Chromium) with the extension
 * loaded on the lab workspace, signed in through the UI like a user would, and the "Exchange
 * Servers" view expanded. Starts the lab when it is not running.
 *
 *   npx tsx scripts/screenshot.ts [docs/exchange-servers.png]
 *
 * With `--walkthrough [DIR]` it takes the "Resolve 454 4.7.0" panel instead, in the dark theme,
 * after running all checks, in English and in Hebrew (DIR/walkthrough-en-dark.png,
 * DIR/walkthrough-he-dark.png, DIR/walkthrough-en-dark-findings.png,
 * DIR/walkthrough-he-dark-findings.png; DIR defaults to docs/).
 * EAD_SHOT_THEME='Default High Contrast' takes them in another theme (docs/walkthrough-en-hc-findings.png
 * is walkthrough-en-dark-findings.png taken so, renamed). It
 * never starts or switches the lab: start the scenario first (e.g. `npm run lab -- start
 * --scenario all-faults`) and pass its environment (`eval "$(npm run --silent lab -- env)"`).
 *
 * With `--results [DIR]` it takes what a diagnosis leaves behind, at 1400x900 in the light theme:
 * the Exchange Servers view and the Findings view beside the diagnosis document with the Problems
 * panel (DIR/results.png), then the walkthrough opened afterwards on that diagnosis
 * (DIR/walkthrough-last-diagnosis.png). Like --walkthrough it never starts or switches the lab.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openWorkbench, waitForWorkbench, type Workbench } from '../test/vscode/harness/browser';
import { startCodeServer, workbenchUrl, type CodeServer } from '../test/vscode/harness/code-server';
import { labForEditor } from '../test/vscode/harness/lab';
import { knownSecrets, scrub } from '../test/vscode/harness/results';
import {
  answerQuickInput,
  expandAll,
  openViewContainer,
  runCommand,
  waitForRow,
} from '../test/vscode/harness/workbench-ui';
import type { FrameLocator, Page } from 'playwright-core';

const repoRoot = path.resolve(__dirname, '..');
const VIEW = 'Exchange Servers';

const secrets: string[] = [...knownSecrets()];

/** The walkthrough webview's document (code-server nests it in two iframes). */
function walkthroughFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

interface ShotWorkbench {
  page: Page;
  bench: Workbench;
}

/**
 * Serves the editor on the lab's workspace, signs in through the UI like a user would, waits for
 * EX01 in the tree, then runs `body`. On failure it keeps a picture of the workbench; it always
 * stops the editor and removes its profile.
 */
async function withSignedInWorkbench(
  lab: { workspace: string; env: Record<string, string>; password: string },
  o: { theme: string; width: number; height: number },
  body: (w: ShotWorkbench) => Promise<void>,
): Promise<void> {
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'ead-shot-'));
  let server: CodeServer | undefined;
  let bench: Workbench | undefined;
  try {
    server = await startCodeServer({
      repoRoot,
      tempDir,
      workspace: lab.workspace,
      env: lab.env,
      userSettings: { 'workbench.colorTheme': o.theme },
    });
    bench = await openWorkbench(
      workbenchUrl(server, { workspace: lab.workspace, extensionDevelopmentPath: repoRoot }),
      { width: o.width, height: o.height },
    );
    const { page } = bench;
    await waitForWorkbench(page);
    await openViewContainer(page, 'Exchange Auth Doctor');
    // "Sign in to directory" first asks how (Kerberos or password): a typed answer would land in that
    // pick's visible filter. The view's "Sign in with a password" goes straight to the masked prompt.
    await page.getByRole('button', { name: 'Sign in with a password' }).first().click();
    await answerQuickInput(page, lab.password, { promptContains: 'Password' });
    await waitForRow(page, VIEW, 'EX01', 60000).catch(async () => {
      // The organisation and site may start collapsed; open them and look again.
      await expandAll(page, VIEW);
      await waitForRow(page, VIEW, 'EX01', 30000);
    });
    await body({ page, bench });
  } catch (e) {
    if (bench) {
      const failed = path.join(repoRoot, 'test-results', 'screenshot-failure.png');
      await bench.screenshot(failed).catch(() => undefined);
      console.error(`the workbench at the time of failure: ${path.relative(process.cwd(), failed)}`);
    }
    throw e;
  } finally {
    await bench?.close();
    await server?.stop();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

async function walkthroughShots(dir: string): Promise<void> {
  const lab = await labForEditor(repoRoot, { start: false });
  secrets.push(...knownSecrets(lab.env));
  const password = lab.env.EAD_BIND_PASSWORD;
  if (!lab.workspace || !password)
    throw new Error('the lab is not running; start a scenario and eval "$(npm run --silent lab -- env)" first');
  const theme = process.env.EAD_SHOT_THEME || 'Default Dark Modern';
  await withSignedInWorkbench(
    { workspace: lab.workspace, env: lab.env, password },
    { theme, width: 1400, height: 900 },
    async ({ page, bench }) => {
      await runCommand(page, 'Exchange Auth Doctor: Resolve 454 4.7.0 (guided walkthrough)');
      const frame = walkthroughFrame(page);
      await frame.locator('#run-all').waitFor({ state: 'visible', timeout: 60000 });
      // The panel gets the whole width: close the side bar (the palette may need a second try).
      for (let i = 0; i < 3 && (await page.locator('.part.sidebar').first().isVisible()); i++) {
        await runCommand(page, 'View: Close Primary Side Bar').catch(() => undefined);
        await page.waitForTimeout(700);
      }
      await frame.locator('#scope-pair').click();
      await frame.locator('#run-all').click();
      await frame
        .locator('section.step[data-status="running"]')
        .first()
        .waitFor({ state: 'detached', timeout: 180000 })
        .catch(() => undefined);
      await waitSettled(frame);
      await page.mouse.move(5, 450);
      mkdirSync(dir, { recursive: true });
      const shot = async (name: string): Promise<void> => {
        await page.waitForTimeout(800);
        await bench.screenshot(path.join(dir, name));
        console.log(`screenshot: ${path.relative(process.cwd(), path.join(dir, name))}`);
      };
      await shot('walkthrough-en-dark.png');
      await frame
        .locator('#step-3-title')
        .evaluate((el) => (el as unknown as { scrollIntoView(o: unknown): void }).scrollIntoView({ block: 'start' }));
      await shot('walkthrough-en-dark-findings.png');
      await frame.locator('#language').evaluate((el) => {
        const select = el as unknown as { value: string; dispatchEvent(e: Event): boolean };
        select.value = 'he';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await frame.locator('html[dir="rtl"]').waitFor({ state: 'attached', timeout: 15000 });
      await frame.locator('#summary-title').scrollIntoViewIfNeeded();
      await shot('walkthrough-he-dark.png');
      // The findings themselves in Hebrew (worded from their codes and params by the extension).
      await frame
        .locator('#step-3-title')
        .evaluate((el) => (el as unknown as { scrollIntoView(o: unknown): void }).scrollIntoView({ block: 'start' }));
      await shot('walkthrough-he-dark-findings.png');
    },
  );
}

async function resultsShots(dir: string): Promise<void> {
  const lab = await labForEditor(repoRoot, { start: false });
  secrets.push(...knownSecrets(lab.env));
  const password = lab.env.EAD_BIND_PASSWORD;
  if (!lab.workspace || !password)
    throw new Error('the lab is not running; start a scenario and eval "$(npm run --silent lab -- env)" first');
  await withSignedInWorkbench(
    { workspace: lab.workspace, env: lab.env, password },
    { theme: process.env.EAD_SHOT_THEME || 'Default Light Modern', width: 1400, height: 900 },
    async ({ page, bench }) => {
      mkdirSync(dir, { recursive: true });
      const shot = async (name: string): Promise<void> => {
        await page.mouse.move(5, 880);
        await page.waitForTimeout(1000);
        await bench.screenshot(path.join(dir, name));
        console.log(`screenshot: ${path.relative(process.cwd(), path.join(dir, name))}`);
      };
      await runCommand(page, 'Exchange Auth Doctor: Diagnose the organisation');
      // The diagnosis opens its document when it is done.
      await page.locator('.tab', { hasText: 'Diagnosis of' }).first().waitFor({ state: 'visible', timeout: 180000 });
      await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
      await expandAll(page, 'Findings', 1).catch(() => undefined);
      await shot('results.png');
      await runCommand(page, 'Exchange Auth Doctor: Resolve 454 4.7.0 (guided walkthrough)');
      const frame = walkthroughFrame(page);
      await frame.locator('#summary-when time').waitFor({ state: 'visible', timeout: 60000 });
      await runCommand(page, 'View: Toggle Panel Visibility').catch(() => undefined);
      await shot('walkthrough-last-diagnosis.png');
    },
  );
}

/** Every step of the walkthrough has a result (none idle or running). */
async function waitSettled(frame: FrameLocator, timeoutMs = 180000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const pending = await frame
      .locator('section.step[data-status="idle"], section.step[data-status="running"]')
      .count();
    if (pending === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the walkthrough did not finish its checks');
}

async function main(): Promise<void> {
  if (process.argv[2] === '--walkthrough')
    return walkthroughShots(path.resolve(process.argv[3] ?? path.join(repoRoot, 'docs')));
  if (process.argv[2] === '--results')
    return resultsShots(path.resolve(process.argv[3] ?? path.join(repoRoot, 'docs')));
  const out = path.resolve(process.argv[2] ?? path.join(repoRoot, 'docs', 'exchange-servers.png'));
  const lab = await labForEditor(repoRoot, { start: true });
  secrets.push(...knownSecrets(lab.env));
  const password = lab.env.EAD_BIND_PASSWORD;
  if (!lab.workspace || !password)
    throw new Error(`the lab is not available${lab.note ? ` (${lab.note})` : ''}; run: npm run lab -- start`);

  await withSignedInWorkbench(
    { workspace: lab.workspace, env: lab.env, password },
    { theme: 'Default Light Modern', width: 1400, height: 900 },
    async ({ page, bench }) => {
      await expandAll(page, VIEW, 3);
      // Room for the tree: fold the other views of the container.
      for (const other of ['Findings', 'Evidence Scan']) {
        const header = page.locator('.pane-header[aria-expanded="true"]', { hasText: other });
        if (await header.count()) await header.first().click();
      }
      await page.mouse.move(900, 500); // no hover tooltip over the tree
      await page.waitForTimeout(1000);
      mkdirSync(path.dirname(out), { recursive: true });
      await bench.screenshot(out);
      console.log(`screenshot: ${path.relative(process.cwd(), out)}`);
    },
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`screenshot: ${scrub(e instanceof Error ? e.message : String(e), secrets)}`);
    process.exit(1);
  },
);
