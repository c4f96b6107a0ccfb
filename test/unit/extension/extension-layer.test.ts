/**
 * src/extension/ is the VS Code adapter and nothing else, and its shared services exist once:
 * - every file there imports `vscode` (code that does not need the editor belongs in src/core,
 *   src/io or src/shared, where it is unit-tested without an editor);
 * - only the context object (ctx.ts) creates the credential store, the safety gate, the terminal,
 *   the tool runs, the remedy runner and the diagnosis service;
 * - only settings.ts reads or writes the `exchangeAuthDoctor.*` settings;
 * - only the command table registers commands (and the walkthrough's test hook, outside production).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { filesUnder, repoRoot } from '../l10n/keys';

const files = filesUnder(path.join(repoRoot, 'src', 'extension')).map((f) => ({
  file: path.relative(repoRoot, f).split(path.sep).join('/'),
  text: readFileSync(f, 'utf8'),
}));

/** The files whose code matches `re`. */
const where = (re: RegExp): string[] =>
  files
    .filter((f) => re.test(f.text))
    .map((f) => f.file)
    .sort();

describe('src/extension holds only VS Code adapter code', () => {
  it('every file under src/extension imports vscode', () => {
    assert.ok(files.length > 20, `found ${files.length} files`);
    assert.deepEqual(
      files.filter((f) => !/^import\s[^;]*\sfrom\s'vscode';/m.test(f.text)).map((f) => f.file),
      [],
    );
  });

  it('the shared services are created in one place, the context object', () => {
    for (const service of [
      'CredentialStore',
      'SafetyGate',
      'TerminalRunner',
      'ToolRunService',
      'RemedyRunner',
      'DiagnosisService',
    ])
      assert.deepEqual(where(new RegExp(`new ${service}\\(`)), ['src/extension/ctx.ts'], service);
  });

  it('one file reads and writes the settings', () => {
    assert.deepEqual(where(/getConfiguration\(/), ['src/extension/settings.ts']);
  });

  it('commands are registered from the command table only', () => {
    assert.deepEqual(where(/registerCommand\(/), [
      'src/extension/commands/command-table.ts',
      'src/extension/evidence/delivery-path-test-hook.ts',
      'src/extension/walkthrough/test-hook.ts',
    ]);
  });

  it('no file is over 400 lines', () => {
    const long = files
      .map((f) => [f.file, f.text.split('\n').length] as const)
      .filter(([, n]) => n > 400)
      .map(([f, n]) => `${f}: ${n}`);
    assert.deepEqual(long, []);
  });
});
