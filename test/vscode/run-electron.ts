/**
 * Runs the integration suite in desktop VS Code through @vscode/test-electron, for machines that can
 * download VS Code or that have one (VSCODE_EXECUTABLE=/path/to/code). Same suite, same results file
 * and the same lab settings as the code-server runner.
 *
 *   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:electron
 *   EAD_TEST_RUNNER=electron npm test
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { labForEditor } from './harness/lab';
import { failureReason, knownSecrets, readResults, scrub } from './harness/results';

const repoRoot = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const testsPath = path.join(repoRoot, 'out', 'test', 'vscode', 'index.js');
  if (!existsSync(testsPath)) throw new Error('out/test/vscode/index.js is missing. Run: npm run build');
  const resultsFile = path.resolve(
    process.env.EAD_TEST_RESULTS || path.join(repoRoot, 'test-results', 'vscode', 'results.json'),
  );
  rmSync(resultsFile, { force: true });

  const lab =
    process.env.EAD_NO_LAB === '1'
      ? { env: {} as Record<string, string>, workspace: undefined }
      : await labForEditor(repoRoot, { start: true });
  const secrets = [...knownSecrets(), ...knownSecrets(lab.env)];
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'ead-electron-'));
  const workspace = lab.workspace ?? path.join(tempDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const userDir = path.join(tempDir, 'user-data', 'User');
  mkdirSync(userDir, { recursive: true });
  const trust = process.env.EAD_WORKSPACE_TRUST === 'on';
  writeFileSync(
    path.join(userDir, 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': trust,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
    }),
  );

  const executable = process.env.VSCODE_EXECUTABLE;
  if (executable && !existsSync(executable)) throw new Error(`VSCODE_EXECUTABLE=${executable} does not exist`);
  console.log(
    `[electron] ${executable ? `VS Code at ${executable}` : 'downloading VS Code (stable)'}; workspace ${workspace}`,
  );
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsPath,
      extensionTestsEnv: { ...lab.env, EAD_TEST_RESULTS: resultsFile },
      launchArgs: [
        workspace,
        `--user-data-dir=${path.join(tempDir, 'user-data')}`,
        `--extensions-dir=${path.join(tempDir, 'extensions')}`,
        '--disable-extensions',
        '--skip-welcome',
        '--skip-release-notes',
        ...(trust ? [] : ['--disable-workspace-trust']),
      ],
    });
  } catch (e) {
    const message = scrub(e instanceof Error ? e.message : String(e), secrets);
    const results = readResults(resultsFile);
    if (
      !results &&
      !executable &&
      /download|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|fetch failed|network/i.test(message)
    ) {
      throw new Error(
        `could not download VS Code (${message}). On machines without access to update.code.visualstudio.com, ` +
          'set VSCODE_EXECUTABLE to an installed VS Code, or use the code-server runner: npm run test:vscode',
        { cause: e },
      );
    }
    if (!results) throw new Error(`VS Code did not run the suite: ${message}`, { cause: e });
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }

  const results = readResults(resultsFile);
  const reason = results ? failureReason(results) : 'the suite wrote no results';
  if (reason || !results) {
    console.error(`[electron] FAILED: ${scrub(reason ?? 'no results', secrets)}`);
    return 1;
  }
  console.log(`[electron] ${results.passed} passed, 0 failed in VS Code ${results.vscodeVersion}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[electron] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
