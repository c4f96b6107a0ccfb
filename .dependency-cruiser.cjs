/**
 * The layers of Exchange Auth Doctor, checked on every `npm test` (stage "layers") and by
 * test/unit/architecture/layers.test.ts. docs/architecture.md draws the same picture.
 *
 *   src/shared     plain types every side speaks: imports nothing of ours
 *   src/core       the diagnosis engine: imports src/shared only; no file, socket, process or worker I/O
 *   src/io         Node implementations of core's I/O interfaces: imports core and shared
 *   src/extension, src/server, src/cli   the front ends, on top; none imports another
 *   media/         the webview: imports src/shared only
 * and no import cycles anywhere.
 */
/** Node modules that do I/O: core gets them passed in (src/core/io.ts), never imports them. */
const IO_MODULES = [
  'fs',
  'fs/promises',
  'child_process',
  'worker_threads',
  'dgram',
  'tls',
  'dns',
  'dns/promises',
  'http',
  'https',
  'http2',
  'readline',
  'os',
  'process',
  'cluster',
];
const ioPattern = `^(node:)?(${IO_MODULES.map((m) => m.replace('/', '\\/')).join('|')})$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes load order matter and layers meaningless.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-nothing-of-ours',
      severity: 'error',
      comment: 'src/shared is what every side speaks, the webview included: plain types, no code of ours.',
      from: { path: '^src/shared/' },
      to: { path: '^(src/(?!shared/)|media/|test/)' },
    },
    {
      name: 'core-imports-only-shared',
      severity: 'error',
      comment: 'The engine runs in the extension, the CLI, the language server and tests: it sees only src/shared.',
      from: { path: '^src/core/' },
      to: { path: '^(src/(io|extension|server|cli)/|src/extension\\.ts$|media/|test/)' },
    },
    {
      name: 'core-does-no-io',
      severity: 'error',
      comment: 'File, process, worker, datagram, TLS and DNS I/O come in through src/core/io.ts, implemented in src/io.',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'], path: ioPattern },
    },
    {
      name: 'no-vscode-below-the-front-ends',
      severity: 'error',
      comment: 'Only the extension (and its tests) may import vscode.',
      from: { path: '^(src/(core|shared|io|server|cli)/|media/)' },
      to: { path: '^vscode$' },
    },
    {
      name: 'io-implements-core',
      severity: 'error',
      comment: 'src/io implements the interfaces of src/core; it knows no front end.',
      from: { path: '^src/io/' },
      to: { path: '^(src/(extension|server|cli)/|src/extension\\.ts$|media/|test/)' },
    },
    {
      name: 'front-ends-stay-apart',
      severity: 'error',
      comment: 'The extension, the language server and the CLI share code only through core, io and shared.',
      from: { path: '^src/(extension|server|cli)/' },
      to: { path: '^src/(extension|server|cli)/', pathNot: '^src/$1/' },
    },
    {
      name: 'media-imports-only-shared',
      severity: 'error',
      comment: 'The webview runs in a browser sandbox: it speaks the typed protocol of src/shared, nothing else of ours.',
      from: { path: '^media/' },
      to: { path: '^src/(?!shared/)' },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|out|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
