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

/**
 * Libraries the extension needs only after activation, each in a bundle of its own under dist/lib/
 * that the extension bundle requires at the point of first use (an `import('execa')` or a
 * `require('ldapts')` inside a function): activation then parses half as much code
 * (bench/activation.ts). The CLI and the server bundle them as usual.
 */
const LAZY_LIBRARIES = { ldapts: 'ldapts', execa: 'execa', 'vscode-languageclient/node': 'language-client' };

/** Resolves each lazy library to its own bundle, loaded at run time from beside dist/extension.js. */
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY_LIBRARIES).join('|').replace(/\//g, '\\/')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./lib/${LAZY_LIBRARIES[args.path]}.js`, external: true }));
  },
};

const entries = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyLibraries] },
  ...Object.entries(LAZY_LIBRARIES).map(([module, name]) => ({
    stdin: { contents: `export * from ${JSON.stringify(module)};`, resolveDir: '.', loader: 'js' },
    outfile: `dist/lib/${name}.js`,
  })),
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

const present = entries.filter((e) => !e.entryPoints || e.entryPoints.every((p) => existsSync(p)));
if (watch) {
  const contexts = await Promise.all(present.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(present.map((e) => esbuild.build({ ...common, ...e })));
}
