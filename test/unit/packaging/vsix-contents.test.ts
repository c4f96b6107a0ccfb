/**
 * What the VSIX would hold (`vsce ls`, the same file selection `npm run package` uses): bundles,
 * the webview's style and walkthrough pages, translations and the manifest, never sources,
 * source maps or node_modules, and every media file the manifest names.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
  before(() => {
    // The unit stage runs before the build stage: build the bundles when they are not there yet.
    if (!existsSync(path.join(root, 'dist', 'extension.js')))
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'ignore', timeout: 80_000 });
    files = packagedFiles();
  });

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
    const bundles = ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/webview/walkthrough.js'];
    const dist = files.filter((f) => f.startsWith('dist/') && !bundles.includes(f));
    // Besides the bundles: the libraries the extension loads on first use (scripts/build.mjs).
    assert.deepEqual(dist.sort(), ['dist/lib/execa.js', 'dist/lib/language-client.js', 'dist/lib/ldapts.js']);
  });

  it('ships every library bundle the extension loads on first use', () => {
    const extension = readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8');
    const loaded = [...extension.matchAll(/(?:require|import)\("\.\/(lib\/[\w-]+\.js)"\)/g)].map(
      (m) => `dist/${m[1]!}`,
    );
    assert.deepEqual([...new Set(loaded)].sort(), [
      'dist/lib/execa.js',
      'dist/lib/language-client.js',
      'dist/lib/ldapts.js',
    ]);
    assert.deepEqual(
      loaded.filter((f) => !files.includes(f)),
      [],
    );
  });

  it('each library bundle gives its named exports to the way the extension loads it', async () => {
    // execa is loaded with import() (ESM-only): its bundle must declare named exports Node can see.
    const execa = (await import(path.join(root, 'dist', 'lib', 'execa.js'))) as { execa?: unknown };
    assert.equal(typeof execa.execa, 'function');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle as the extension requires it
    const ldapts = require(path.join(root, 'dist', 'lib', 'ldapts.js')) as {
      Client?: unknown;
      ResultCodeError?: unknown;
    };
    assert.equal(typeof ldapts.Client, 'function');
    assert.equal(typeof ldapts.ResultCodeError, 'function');
  });
});
