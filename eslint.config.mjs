// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.lab/**',
      '.cache/**',
      'media/vendor/**',
      'scripts/*.mjs',
      'eslint.config.mjs',
      '.dependency-cruiser.cjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The core must stay free of the editor API so it runs in the CLI and in plain tests.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/cli/**/*.ts', 'src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core, src/shared, src/cli and src/server must not import vscode.' }],
        },
      ],
    },
  },
  {
    // The engine may use node:net's pure helpers (isIP) but opens no socket of its own: sockets come
    // in through src/core/io.ts. The other I/O modules are kept out by .dependency-cruiser.cjs.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not import vscode.' },
            {
              name: 'node:net',
              importNames: ['connect', 'createConnection', 'createServer', 'Socket', 'Server'],
              message: 'src/core opens no sockets: take a connector from CoreIo (src/core/io.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['media/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', acquireVsCodeApi: 'readonly' } },
  },
);
