/**
 * `npm run demo`: starts the lab, builds the extension, and opens it in a real VS Code (code-server)
 * on the lab's workspace, served on 127.0.0.1 for your browser. Runs until Ctrl+C, then stops
 * code-server; the lab keeps running (`npm run lab -- stop` ends it).
 *
 * Environment: EAD_DEMO_PORT (default 8765; a free port is used when it is taken).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import {
  codeServerDir,
  freePort,
  startCodeServer,
  workbenchUrl,
  type CodeServer,
} from '../test/vscode/harness/code-server';
import { labForEditor } from '../test/vscode/harness/lab';
import { knownSecrets, scrub } from '../test/vscode/harness/results';

const repoRoot = path.resolve(__dirname, '..');
const secrets: string[] = [...knownSecrets()];

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function main(): Promise<void> {
  if (!existsSync(path.join(repoRoot, 'test', 'lab', 'api.ts')))
    throw new Error('test/lab/api.ts is missing: the lab is not part of this checkout.');

  console.log('demo: starting the lab (a Samba AD DC for contoso.test on loopback)…');
  const lab = await labForEditor(repoRoot, { start: true });
  secrets.push(...knownSecrets(lab.env));
  if (!lab.workspace) throw new Error('the lab did not write its workspace (.lab/workspace)');

  console.log('demo: building…');
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  // The product's main job, from the command line: diagnose the lab's whole organisation.
  console.log(
    `demo: diagnosing the lab (scenario ${lab.env.EAD_SCENARIO ?? 'healthy'}): exchange-auth-doctor diagnose\n`,
  );
  const diagnosis = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'diagnose', '--no-color'], {
    cwd: repoRoot,
    env: { ...process.env, ...lab.env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  process.stdout.write(scrub(diagnosis.stdout ?? '', secrets));
  if (diagnosis.stderr) process.stderr.write(scrub(diagnosis.stderr, secrets));
  const verdict =
    diagnosis.status === 0
      ? 'no error found'
      : diagnosis.status === 1
        ? 'errors found (see above)'
        : `the diagnosis failed (exit ${String(diagnosis.status)})`;
  console.log(`\ndemo: diagnosis finished: ${verdict}. Try another lab with EAD_SCENARIO=all-faults npm run demo`);

  const wanted = Number(process.env.EAD_DEMO_PORT || 8765);
  const port = (await portIsFree(wanted)) ? wanted : await freePort();
  if (port !== wanted) console.log(`demo: port ${wanted} is taken; using ${port}`);

  // A persistent profile for the demo editor, next to the code-server install (outside the repo).
  const stateDir = path.join(path.dirname(codeServerDir()), 'demo');
  mkdirSync(stateDir, { recursive: true });
  const server: CodeServer = await startCodeServer({
    repoRoot,
    tempDir: stateDir,
    workspace: lab.workspace,
    env: lab.env,
    port,
  });
  const url = workbenchUrl(server, { workspace: lab.workspace, extensionDevelopmentPath: repoRoot });

  console.log(`
Exchange Auth Doctor is running in VS Code (code-server ${'4.139.1'}) on the lab workspace:

  ${url}

Open that address in a browser on this machine. The workspace settings already point at the lab's
domain controller (${lab.env.EAD_DC_HOST ?? 'dc1.contoso.test'}) as ${lab.env.EAD_BIND_USER ?? 'the lab user'}.
Sign in once per page load: open the Exchange Auth Doctor view, choose "Sign in to directory" and
paste the lab password. (code-server keeps extension secrets in the browser tab's memory only, so
this script cannot store it for you, and a reload forgets it.) The password is shown by:

  npm run --silent lab -- env | grep EAD_BIND_PASSWORD

Ctrl+C stops the editor. The lab keeps running; stop it with: npm run lab -- stop
Editor log: ${server.logFile}
`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void server.exited.then((code) => {
      console.error(`demo: code-server exited (code ${code}); see ${server.logFile}`);
      resolve();
    });
  });
  console.log('\ndemo: stopping the editor…');
  await server.stop();
  console.log('demo: stopped. The lab is still running (npm run lab -- stop).');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`demo: ${scrub(e instanceof Error ? e.message : String(e), secrets)}`);
    process.exit(1);
  },
);
