// What `npm test` runs: every check in order, stopping at the first stage that fails.
//
//   typecheck    tsc --noEmit -p tsconfig.json, then media/walkthrough/tsconfig.json (the webview, DOM types)
//   lint         eslint .
//   format       prettier --check on code, styles and JSON (npm run format fixes it)
//   layers       dependency-cruiser: the layer rules and no cycles (.dependency-cruiser.cjs, docs/architecture.md)
//   unit         mocha (.mocharc.json: test/unit/**/*.test.ts)
//   build        node scripts/build.mjs   (the integration tests run the bundled CLI)
//   integration  mocha --config test/integration/.mocharc.json   (core and CLI against the lab DC)
//   vscode       the in-editor suite: code-server + headless Chromium (test/vscode/run-code-server.ts),
//                or desktop VS Code through @vscode/test-electron when VSCODE_EXECUTABLE is set or
//                EAD_TEST_RUNNER=electron (test/vscode/run-electron.ts)
//   vscode all-faults   the walkthrough suite again, with the lab in the all-faults scenario
//
// A stage is skipped only when its tests do not exist yet (or, locally, EAD_TEST_ONLY=unit,vscode
// leaves it out), and the summary says so. The last line
// is `N passed, M failed` over all test stages. Exit code 0 only when every stage passed and at
// least one test ran. Under CI, the lab is stopped at the end.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const statsDir = mkdtempSync(path.join(tmpdir(), 'ead-test-all-'));
const reporter = path.join(root, 'scripts', 'mocha-stats-reporter.mjs');

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 22) {
  console.error(
    `test-all: running on Node ${process.versions.node}; the tools need 22+. Use \`npm test\` (it puts node_modules/.bin/node first) after \`bash scripts/setup.sh\`.`,
  );
  process.exit(1);
}

const useElectron = !!process.env.VSCODE_EXECUTABLE || process.env.EAD_TEST_RUNNER === 'electron';
const mochaStats = (name) => path.join(statsDir, `${name}.json`);

/** @type {{ name: string, cmd: string[], absent?: string, stats?: string, env?: Record<string,string> }[]} */
const stages = [
  { name: 'typecheck', cmd: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'typecheck webview', cmd: [bin('tsc'), '--noEmit', '-p', 'media/walkthrough/tsconfig.json'] },
  { name: 'lint', cmd: [bin('eslint'), '.'] },
  { name: 'format', cmd: [bin('prettier'), '--check', '--log-level', 'warn', '**/*.{ts,mjs,js,css,json}'] },
  {
    name: 'layers',
    cmd: [bin('depcruise'), 'src', 'media', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
  },
  {
    name: 'unit',
    cmd: [bin('mocha'), '--reporter', reporter],
    absent: existsSync(path.join(root, 'test', 'unit')) ? undefined : 'test/unit/ does not exist',
    stats: mochaStats('unit'),
  },
  { name: 'build', cmd: [process.execPath, 'scripts/build.mjs'] },
  {
    name: 'integration',
    cmd: [bin('mocha'), '--config', 'test/integration/.mocharc.json', '--reporter', reporter],
    absent: existsSync(path.join(root, 'test', 'integration', '.mocharc.json'))
      ? undefined
      : 'test/integration/.mocharc.json does not exist',
    stats: mochaStats('integration'),
  },
  {
    name: useElectron ? 'vscode (electron)' : 'vscode (code-server)',
    cmd: [bin('tsx'), useElectron ? 'test/vscode/run-electron.ts' : 'test/vscode/run-code-server.ts'],
    absent: existsSync(path.join(root, 'test', 'vscode', 'suite', 'index.ts'))
      ? undefined
      : 'test/vscode/suite/index.ts does not exist',
    stats: path.join(statsDir, 'vscode.json'),
    vscode: true,
  },
  {
    // The walkthrough once more with the lab broken every way, so its inline findings are checked.
    name: useElectron ? 'vscode all-faults (electron)' : 'vscode all-faults',
    cmd: [bin('tsx'), useElectron ? 'test/vscode/run-electron.ts' : 'test/vscode/run-code-server.ts'],
    absent: existsSync(path.join(root, 'test', 'vscode', 'suite', 'walkthrough.test.ts'))
      ? undefined
      : 'test/vscode/suite/walkthrough.test.ts does not exist',
    stats: path.join(statsDir, 'vscode-all-faults.json'),
    vscode: true,
    env: { EAD_SCENARIO: 'all-faults', EAD_TEST_FILES: 'walkthrough,walkthrough-safety' },
  },
];

function run(cmd, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (e) => {
      console.error(`test-all: could not start ${cmd[0]}: ${e.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Counts from a stage's side file: the mocha reporter's or the VS Code suite's results JSON. */
function readCounts(file) {
  if (!file || !existsSync(file)) return undefined;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: r.passed ?? 0, failed: r.failed ?? 0, pending: r.pending ?? 0 };
  } catch {
    return undefined;
  }
}

// EAD_TEST_ONLY=unit,vscode runs a subset while developing; CI always runs everything.
const only = (process.env.EAD_TEST_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
if (only.length && process.env.CI) {
  console.error('test-all: EAD_TEST_ONLY is for local runs; CI runs every stage.');
  process.exit(1);
}
for (const stage of stages) {
  if (only.length && !stage.absent && !only.some((o) => stage.name.startsWith(o)))
    stage.absent = `not in EAD_TEST_ONLY=${only.join(',')}`;
}

const results = [];
let passed = 0;
let failed = 0;
let ok = true;
const started = Date.now();
for (const stage of stages) {
  if (stage.absent) {
    results.push({ name: stage.name, status: 'skipped', note: stage.absent, seconds: 0 });
    console.log(`\n=== ${stage.name}: skipped (${stage.absent})`);
    continue;
  }
  console.log(`\n=== ${stage.name}: ${stage.cmd.map((c) => path.relative(root, c) || c).join(' ')}`);
  const t0 = Date.now();
  const env = {
    ...(stage.stats ? (stage.vscode ? { EAD_TEST_RESULTS: stage.stats } : { EAD_MOCHA_STATS: stage.stats }) : {}),
    ...stage.env,
  };
  const code = await run(stage.cmd, env);
  const seconds = (Date.now() - t0) / 1000;
  const counts = readCounts(stage.stats);
  if (counts) {
    passed += counts.passed;
    failed += counts.failed + counts.pending;
  }
  let note = counts
    ? `${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`
    : '';
  let stageOk = code === 0;
  if (stageOk && stage.stats && (!counts || counts.passed === 0)) {
    stageOk = false;
    note = counts ? 'no test ran' : 'no test results were written';
  }
  if (stageOk && counts && counts.pending > 0) {
    stageOk = false;
    note += ' (skipped tests are not allowed)';
  }
  if (!stageOk && code !== 0) note = `${note ? `${note}; ` : ''}exit code ${code}`;
  results.push({ name: stage.name, status: stageOk ? 'passed' : 'FAILED', note, seconds });
  if (!stageOk) {
    ok = false;
    break;
  }
}

for (const s of stages.slice(results.length))
  results.push({
    name: s.name,
    status: s.absent ? 'skipped' : 'not run',
    note: s.absent ?? 'an earlier stage failed',
    seconds: 0,
  });

if (process.env.CI && existsSync(path.join(root, 'test', 'lab', 'cli.ts'))) {
  // CI leaves no processes behind; on a workstation the lab stays up for the next run.
  console.log('\n=== stopping the lab (CI)');
  await run([bin('tsx'), 'test/lab/cli.ts', 'stop'], {});
}
rmSync(statsDir, { recursive: true, force: true });

if (ok && passed === 0) ok = false;
const total = ((Date.now() - started) / 1000).toFixed(1);
console.log('\n=== summary');
for (const r of results)
  console.log(`  ${r.name.padEnd(22)} ${r.status.padEnd(8)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.note}`);
console.log(
  `  ${'total'.padEnd(22)} ${(ok ? 'passed' : 'FAILED').padEnd(8)} ${total.padStart(6)} s${passed === 0 ? '  no test ran' : ''}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
