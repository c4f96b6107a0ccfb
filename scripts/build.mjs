// Bundles the extension, the language server, the CLI and the in-editor test suite with esbuild.
// The VSIX ships these bundles; node_modules stays out of it.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // `vscode` is provided by the editor; the rest is bundled.
  external: ['vscode'],
};

const entries = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (!production) {
  // The integration suite runs inside the editor, so it is bundled like the extension; mocha stays
  // a package loaded from node_modules, as its runner require.resolve()s files of its own.
  entries.push({
    entryPoints: ['test/vscode/suite/index.ts'],
    outfile: 'out/test/vscode/index.js',
    external: ['vscode', 'mocha'],
  });
}

// The walkthrough webview's script runs in the browser: bundled with its web components, no Node.
entries.push({
  entryPoints: ['media/walkthrough/main.ts'],
  outfile: 'dist/webview/walkthrough.js',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  external: [],
  tsconfig: 'media/walkthrough/tsconfig.json',
});

const present = entries.filter((e) => e.entryPoints.every((p) => existsSync(p)));
if (watch) {
  const contexts = await Promise.all(present.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(present.map((e) => esbuild.build({ ...common, ...e })));
}
