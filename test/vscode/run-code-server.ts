/**
 * Runs the integration suite (out/test/vscode/index.js) inside code-server, a real VS Code
 * workbench, opened in headless Chromium. This is the runner CI uses here.
 *
 *   npm run test:vscode                      # builds first
 *   EAD_TEST_FILES=smoke npm run test:vscode # only test/vscode/suite/smoke.test.ts
 *
 * Environment: EAD_TEST_RESULTS (results JSON; default test-results/vscode/results.json),
 * EAD_TEST_GREP, EAD_TEST_FILES (passed to the suite), EAD_WORKSPACE_TRUST=on (keep workspace
 * trust enabled), EAD_NO_LAB=1 (do not start the lab), EAD_TEST_TIMEOUT_MS (default 15 min),
 * EAD_VERBOSE=1 (echo the browser console live), EAD_CODE_SERVER_DIR, EAD_CHROMIUM.
 *
 * Exit code: 0 only when the suite finished with at least one passing test and no failure.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openWorkbench, type Workbench } from './harness/browser';
import { startCodeServer, workbenchUrl, type CodeServer } from './harness/code-server';
import { labForEditor } from './harness/lab';
import { failureReason, knownSecrets, readResults, scrub, type SuiteResults } from './harness/results';

const repoRoot = path.resolve(__dirname, '..', '..');
const outDir = path.join(repoRoot, 'test-results', 'vscode');
const HOST_EXIT = /Extension Host Process exited with code:?\s*(-?\d+|null)/;

async function main(): Promise<number> {
  const testsPath = path.join(repoRoot, 'out', 'test', 'vscode', 'index.js');
  for (const f of [testsPath, path.join(repoRoot, 'dist', 'extension.js')]) {
    if (!existsSync(f)) throw new Error(`${path.relative(repoRoot, f)} is missing. Run: npm run build`);
  }
  const timeoutMs = Number(process.env.EAD_TEST_TIMEOUT_MS || 15 * 60_000);
  const resultsFile = path.resolve(process.env.EAD_TEST_RESULTS || path.join(outDir, 'results.json'));
  const progressFile = `${resultsFile}.log`;
  rmSync(resultsFile, { force: true });
  rmSync(progressFile, { force: true });
  mkdirSync(outDir, { recursive: true });

  const lab =
    process.env.EAD_NO_LAB === '1' ? { env: {}, note: 'EAD_NO_LAB=1' } : await labForEditor(repoRoot, { start: true });
  if ('note' in lab && lab.note)
    console.log(`[vscode] running without the lab (${lab.note}); tests that need it will say so`);
  const secrets = [...knownSecrets(), ...knownSecrets(lab.env)];
  const clean = (s: string) => scrub(s, secrets);

  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'ead-vscode-'));
  let workspace = ('workspace' in lab && lab.workspace) || undefined;
  if (!workspace) {
    workspace = path.join(tempDir, 'workspace');
    mkdirSync(workspace);
  }
  const trust = process.env.EAD_WORKSPACE_TRUST === 'on';
  console.log(`[vscode] code-server + Chromium, workspace ${workspace}, workspace trust ${trust ? 'on' : 'off'}`);

  let server: CodeServer | undefined;
  let bench: Workbench | undefined;
  let results: SuiteResults | undefined;
  let failure: string | undefined;
  const started = Date.now();
  try {
    server = await startCodeServer({
      repoRoot,
      tempDir,
      workspace,
      workspaceTrust: trust,
      env: { ...lab.env, EAD_TEST_RESULTS: resultsFile },
    });
    const url = workbenchUrl(server, { workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath });
    bench = await openWorkbench(url, {
      onConsole: process.env.EAD_VERBOSE === '1' ? (l) => console.log(clean(`[browser] ${l}`)) : undefined,
    });

    let shown = 0;
    const showProgress = () => {
      if (!existsSync(progressFile)) return;
      const text = readFileSync(progressFile, 'utf8');
      if (text.length > shown) {
        process.stdout.write(clean(text.slice(shown)));
        shown = text.length;
      }
    };
    const deadline = started + timeoutMs;
    for (;;) {
      showProgress();
      results = readResults(resultsFile);
      if (results?.finished) break;
      const exit = HOST_EXIT.exec(server.log());
      if (exit) {
        // The host may exit right after the last write; read once more before judging.
        await sleep(500);
        showProgress();
        results = readResults(resultsFile);
        if (!results?.finished) failure = `the extension host exited (code ${exit[1]}) before the suite finished`;
        break;
      }
      if (Date.now() > deadline) {
        failure = `the suite did not finish within ${Math.round(timeoutMs / 1000)} s`;
        break;
      }
      if (server.log().includes('Extension host terminated unexpectedly')) {
        failure = 'the extension host crashed';
        break;
      }
      await sleep(300);
    }
    if (!failure && results) failure = failureReason(results);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  } finally {
    if (failure && bench) {
      const shot = path.join(outDir, 'failure.png');
      await bench.screenshot(shot).then(
        () => console.log(`[vscode] screenshot of the workbench: ${path.relative(process.cwd(), shot)}`),
        (e: unknown) => console.log(`[vscode] no screenshot: ${String(e)}`),
      );
    }
    if (bench) writeFileSync(path.join(outDir, 'browser-console.log'), clean(bench.console.join('\n')));
    await bench?.close();
    await server?.stop();
    if (server && existsSync(server.logFile))
      writeFileSync(path.join(outDir, 'code-server.log'), clean(readFileSync(server.logFile, 'utf8')));
    copyLogs(server, outDir);
    rmSync(tempDir, { recursive: true, force: true });
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failure) {
    console.error(`\n[vscode] FAILED: ${clean(failure)}`);
    if (!results?.finished) tailForDiagnosis(clean);
    if (results)
      console.error(
        `[vscode] ${results.passed} passed, ${results.failed} failed, ${results.pending} skipped in VS Code ${results.vscodeVersion} (${seconds} s)`,
      );
    console.error(`[vscode] logs in ${path.relative(process.cwd(), outDir) || '.'}/`);
    return 1;
  }
  console.log(
    `\n[vscode] ${results!.passed} passed, 0 failed in VS Code ${results!.vscodeVersion} via code-server (${seconds} s)`,
  );
  return 0;
}

/** Keeps the extension host logs (renamed files under the user data dir) next to the results. */
function copyLogs(server: CodeServer | undefined, dest: string): void {
  if (!server) return;
  const logsRoot = path.join(server.userDataDir, 'logs');
  if (!existsSync(logsRoot)) return;
  const walk = (dir: string): string[] =>
    (existsSync(dir) ? readdirSync(dir) : []).flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  for (const f of walk(logsRoot).filter((f) => /exthost\.log$|remoteagent\.log$/.test(f))) {
    try {
      copyFileSync(f, path.join(dest, path.basename(f)));
    } catch {
      // best effort
    }
  }
}

function tailForDiagnosis(clean: (s: string) => string): void {
  for (const name of ['code-server.log', 'browser-console.log']) {
    const f = path.join(outDir, name);
    if (!existsSync(f)) continue;
    const lines = readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => !/marketplace|gallery|ERR_NAME_NOT_RESOLVED|net::ERR/.test(l));
    console.error(`--- last lines of ${name} ---\n${clean(lines.slice(-40).join('\n'))}`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[vscode] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
