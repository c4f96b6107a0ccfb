/**
 * `npm run build` (which `npm run demo` runs first) prints no warnings: a newcomer's first screen
 * should not show esbuild complaining about mocha's require.resolve calls in the test bundle.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

describe('the build', function () {
  this.timeout(120_000);

  it('bundles every entry without a warning', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 110_000,
    });
    assert.equal(r.status, 0, r.stderr);
    const output = `${r.stdout}\n${r.stderr}`;
    assert.doesNotMatch(output, /\[WARNING\]|\d+ warnings?\b/, output);
  });
});
