/**
 * The integration suite's entry, loaded by the editor as `extensionTestsPath` (bundled by
 * scripts/build.mjs to out/test/vscode/index.js). Both runners use it: test/vscode/run-code-server.ts
 * and test/vscode/run-electron.ts.
 *
 * Adding a test file: create `test/vscode/suite/<name>.test.ts` with mocha `describe`/`it` (bdd).
 * Nothing else to edit. esbuild bundles every `*.test.ts` of this folder because of the template
 * import below, and at run time we list the folder to know which ones to load.
 *
 * Environment: EAD_TEST_RESULTS (results JSON path; default test-results/vscode/results.json),
 * EAD_TEST_GREP (only tests whose full title matches), EAD_TEST_FILES (comma list of file names,
 * e.g. `smoke,tree`).
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { ResultsReporter, writeFatal, type ResultsReporterOptions } from '../harness/results-reporter';
import { failureReason, readResults } from '../harness/results';

/** The repository root: the bundle lives in out/test/vscode/. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const suiteDir = path.join(repoRoot, 'test', 'vscode', 'suite');

export function resultsPath(): string {
  return process.env.EAD_TEST_RESULTS || path.join(repoRoot, 'test-results', 'vscode', 'results.json');
}

function testFileNames(): string[] {
  const wanted = (process.env.EAD_TEST_FILES ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\.test\.ts$/, ''))
    .filter(Boolean);
  const names = readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -'.test.ts'.length))
    .sort();
  const unknown = wanted.filter((w) => !names.includes(w));
  if (unknown.length)
    throw new Error(`EAD_TEST_FILES names unknown test files: ${unknown.join(', ')} (have: ${names.join(', ')})`);
  return wanted.length ? names.filter((n) => wanted.includes(n)) : names;
}

export async function run(): Promise<void> {
  // Stack traces point into the bundle; its source map turns them back into test/src lines.
  process.setSourceMapsEnabled(true);
  const resultsFile = resultsPath();
  const reporterOptions: ResultsReporterOptions = { resultsFile, vscodeVersion: vscode.version };
  let names: string[];
  try {
    names = testFileNames();
    if (names.length === 0) throw new Error(`no *.test.ts files in ${suiteDir}`);
  } catch (e) {
    writeFatal(resultsFile, vscode.version, `could not find the tests: ${String(e)}`);
    throw e;
  }

  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 30000,
    forbidOnly: true,
    forbidPending: true,
    reporter: ResultsReporter,
    reporterOptions,
    ...(process.env.EAD_TEST_GREP ? { grep: process.env.EAD_TEST_GREP } : {}),
  });

  // Test files register their describe() blocks on the global bdd functions while they load;
  // `pre-require` is how mocha puts describe/it on the global object for each file.
  for (const name of names) {
    try {
      mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, name, mocha);
      // esbuild turns this template into a bundle of every ./*.test.ts file (its glob import).
      await import(`./${name}.test.ts`);
    } catch (e) {
      const message = `could not load test file ${name}.test.ts: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      writeFatal(resultsFile, vscode.version, message);
      throw new Error(message, { cause: e });
    }
  }

  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => {
      const results = readResults(resultsFile);
      const reason = results ? failureReason(results) : 'the reporter wrote no results';
      if (failures > 0 || reason)
        reject(new Error(`VS Code integration suite failed: ${reason ?? `${failures} failure(s)`}`));
      else resolve();
    });
  });
}
