/**
 * Takes a screenshot of the real workbench (code-server in headless Chromium) with the extension
 * loaded on the lab workspace, signed in through the UI like a user would, and the "Exchange
 * Servers" view expanded. Starts the lab when it is not running.
 *
 *   npx tsx scripts/screenshot.ts [docs/exchange-servers.png]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openWorkbench, waitForWorkbench, type Workbench } from '../test/vscode/harness/browser.js';
import { startCodeServer, workbenchUrl, type CodeServer } from '../test/vscode/harness/code-server.js';
import { labForEditor } from '../test/vscode/harness/lab.js';
import { knownSecrets, scrub } from '../test/vscode/harness/results.js';
import { answerQuickInput, expandAll, openViewContainer, runCommand, waitForRow } from '../test/vscode/harness/workbench-ui.js';

const repoRoot = path.resolve(__dirname, '..');
const VIEW = 'Exchange Servers';

const secrets: string[] = [...knownSecrets()];

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(repoRoot, 'docs', 'exchange-servers.png'));
  const lab = await labForEditor(repoRoot, { start: true });
  secrets.push(...knownSecrets(lab.env));
  const password = lab.env.EAD_BIND_PASSWORD;
  if (!lab.workspace || !password) throw new Error(`the lab is not available${lab.note ? ` (${lab.note})` : ''}; run: npm run lab -- start`);

  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'ead-shot-'));
  let server: CodeServer | undefined;
  let bench: Workbench | undefined;
  try {
    server = await startCodeServer({ repoRoot, tempDir, workspace: lab.workspace, env: lab.env, userSettings: { 'workbench.colorTheme': 'Default Light Modern' } });
    bench = await openWorkbench(workbenchUrl(server, { workspace: lab.workspace, extensionDevelopmentPath: repoRoot }), { width: 1280, height: 800 });
    const { page } = bench;
    await waitForWorkbench(page);
    await openViewContainer(page, 'Exchange Auth Doctor');
    await runCommand(page, 'Exchange Auth Doctor: Sign in to directory');
    await answerQuickInput(page, password, { promptContains: 'Password' });
    await waitForRow(page, VIEW, 'EX01', 60000).catch(async () => {
      // The organisation and site may start collapsed; open them and look again.
      await expandAll(page, VIEW);
      await waitForRow(page, VIEW, 'EX01', 30000);
    });
    await expandAll(page, VIEW, 3);
    await page.mouse.move(700, 500); // no hover tooltip over the tree
    await page.waitForTimeout(1000);
    mkdirSync(path.dirname(out), { recursive: true });
    await bench.screenshot(out);
    console.log(`screenshot: ${path.relative(process.cwd(), out)}`);
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

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`screenshot: ${scrub(e instanceof Error ? e.message : String(e), secrets)}`);
    process.exit(1);
  },
);
