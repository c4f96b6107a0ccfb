/**
 * What the VSIX would hold (`vsce ls`, the same file selection `npm run package` uses): bundles,
 * the webview's style and walkthrough pages, translations and the manifest, never sources,
 * source maps or node_modules, and every media file the manifest names.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

function packagedFiles(): string[] {
  const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
  const out = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

describe('VSIX contents', function () {
  this.timeout(90_000);
  let files: string[];
  before(() => void (files = packagedFiles()));

  it('ships no TypeScript, source map, test, lab or node_modules file', () => {
    const wrong = files.filter((f) =>
      /\.ts$|\.map$|^node_modules\/|^test\/|^src\/|^scripts\/|^bench\/|^\.lab\/|tsconfig/.test(f),
    );
    assert.deepEqual(wrong, []);
  });

  it('ships the manifest, its translations and every media file the manifest names', () => {
    for (const f of [
      'package.json',
      'package.nls.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'l10n/bundle.l10n.json',
    ])
      assert.ok(files.includes(f), f);
    const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
    const named = [...manifest.matchAll(/"(media\/[^"]+\.(?:svg|png|md))"/g)].map((m) => m[1]!);
    assert.ok(named.length >= 2, 'the manifest names media files');
    assert.deepEqual(
      named.filter((m) => !files.includes(m)),
      [],
    );
  });

  it('ships only the bundles from dist/', () => {
    const dist = files.filter((f) => f.startsWith('dist/'));
    assert.deepEqual(
      dist.filter(
        (f) => !['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/webview/walkthrough.js'].includes(f),
      ),
      [],
    );
  });
});
