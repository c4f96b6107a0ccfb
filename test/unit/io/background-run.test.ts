import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runInBackground } from '../../../src/io/background-run';

/**
 * The fallback runs a tool by name (`setspn`, `klist`, the CLI). A name resolved by the OS can
 * pick a program from the working folder: on Windows always (CreateProcess looks there first), on
 * POSIX when PATH has an empty or relative entry. The working folder is the opened workspace, so
 * a planted `setspn` would run instead of the real tool. Here a POSIX PATH with an empty entry
 * stands in for Windows' search order.
 */
describe('terminal fallback: background run', function () {
  if (process.platform === 'win32') return;
  let dir: string;
  let workspace: string;
  let bin: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ead-bg-run-'));
    workspace = path.join(dir, 'workspace');
    bin = path.join(dir, 'bin');
    mkdirSync(workspace);
    mkdirSync(bin);
    const script = (where: string, text: string): void => {
      writeFileSync(where, `#!/bin/sh\necho ${text}\n`);
      chmodSync(where, 0o755);
    };
    script(path.join(workspace, 'ead-tool'), planted);
    script(path.join(bin, 'ead-tool'), real);
    script(path.join(workspace, 'ead-only-here'), planted);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const planted = 'PLANTED-IN-WORKSPACE';
  const real = 'REAL-TOOL';
  const env = (): Record<string, string> => ({ PATH: `:${bin}:.` });

  it('runs the tool found in an absolute PATH entry, not one planted in the working folder', async () => {
    const r = await runInBackground({ file: 'ead-tool', args: [] }, { env: env(), timeoutMs: 10_000, cwd: workspace });
    assert.equal(r.output.trim(), real);
    assert.equal(r.exitCode, 0);
  });

  it('refuses a tool that exists only in the working folder, saying it was not found', async () => {
    const r = await runInBackground(
      { file: 'ead-only-here', args: [] },
      { env: env(), timeoutMs: 10_000, cwd: workspace },
    );
    assert.ok(!r.output.includes(planted), r.output);
    assert.match(r.output, /ead-only-here was not found on PATH/);
    assert.equal(r.exitCode, undefined);
  });
});
