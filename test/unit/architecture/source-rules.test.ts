/**
 * Rules of the source tree that no compiler checks: one import-path style (relative, no file
 * extension, except the `.js` a dynamic `import()` needs under nodenext), no barrel files (import a
 * symbol from the file that declares it), files under 400 lines, a header comment on every
 * source file, and message tables joined without object spread (a load-time cost V8 makes quadratic).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const tracked = (...globs: string[]): string[] =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...globs], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);

const sources = tracked('src/*.ts', 'media/*.ts');
const everyTs = tracked('src/*.ts', 'media/*.ts', 'test/*.ts', 'bench/*.ts', 'scripts/*.ts');
const read = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');

describe('architecture: source rules', () => {
  it('finds the source files it checks', () => {
    assert.ok(sources.length > 100, `${sources.length} source files`);
  });

  it('imports relative paths without a file extension (dynamic import() keeps .js)', () => {
    const bad: string[] = [];
    for (const file of everyTs) {
      for (const [i, line] of read(file).split('\n').entries())
        if (/^\s*(import|export)\b.*\bfrom '\.{1,2}\/[^']*\.(js|ts|mjs)'/.test(line)) bad.push(`${file}:${i + 1}`);
    }
    assert.deepEqual(bad, []);
  });

  it('joins message tables with joinTables, never by spreading one into another (src/core/l10n/join-tables.ts)', () => {
    const bad: string[] = [];
    for (const file of sources.filter((f) => f.startsWith('src/core/l10n/')))
      for (const [i, line] of read(file).split('\n').entries())
        if (/\.\.\.[A-Z][A-Z0-9_]*(\[[^\]]+\])?[,\s}]/.test(line)) bad.push(`${file}:${i + 1}: ${line.trim()}`);
    assert.deepEqual(bad, []);
  });

  it('has no barrel files: nothing re-exports a whole module', () => {
    const bad = sources.filter((file) => /^export \* from /m.test(read(file)));
    assert.deepEqual(bad, []);
  });

  it('keeps every file of code and tests under 400 lines', () => {
    const code = tracked(
      'src/*.ts',
      'media/*.ts',
      'media/*.css',
      'test/*.ts',
      'bench/*.ts',
      'scripts/*.ts',
      'scripts/*.mjs',
    );
    const long = code
      .map((file) => [file, read(file).split('\n').length - 1] as const)
      .filter(([, lines]) => lines > 400)
      .map(([file, lines]) => `${file} (${lines})`);
    assert.deepEqual(long, []);
  });

  it('opens every source file with a comment that says what it holds', () => {
    const bad = sources.filter((file) => !/^(\/\*\*|\/\/)/.test(read(file).trimStart()));
    assert.deepEqual(bad, []);
  });
});
