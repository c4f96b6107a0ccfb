/**
 * The layer rules of .dependency-cruiser.cjs catch what they say they catch: each rule is shown a
 * small tree that breaks it, and the real tree (src/ and media/) breaks none.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(repoRoot, '.dependency-cruiser.cjs')) as {
  forbidden: { name: string }[];
  options: Record<string, unknown>;
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

async function violations(dirs: string[], baseDir: string, withTsConfig: boolean): Promise<Violation[]> {
  const { cruise } = await import('dependency-cruiser');
  const options = { ...config.options, ruleSet: { forbidden: config.forbidden }, baseDir, validate: true };
  if (!withTsConfig) delete (options as Record<string, unknown>).tsConfig;
  const result = await cruise(dirs, options as never);
  const output = result.output as { summary: { violations: Violation[] } };
  return output.summary.violations;
}

describe('architecture: layer rules', function () {
  this.timeout(60_000);

  it('src/ and media/ break none of them', async () => {
    const found = await violations(['src', 'media'], repoRoot, true);
    assert.deepEqual(
      found.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`),
      [],
    );
  });

  it('each rule catches a tree that breaks it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ead-layers-'));
    try {
      const files: Record<string, string> = {
        'src/shared/types.ts': "import { engine } from '../core/engine';\nexport type T = typeof engine;\n",
        'src/core/engine.ts':
          "import { readFileSync } from 'node:fs';\nimport { helper } from '../io/helper';\nexport const engine = [readFileSync, helper];\n",
        'src/core/uses-vscode.ts': "import * as vscode from 'vscode';\nexport const v = vscode;\n",
        'src/io/helper.ts': "import { api } from '../extension/api';\nexport const helper = api;\n",
        'src/extension/api.ts': "import { main } from '../cli/main';\nexport const api = main;\n",
        'src/cli/main.ts': 'export const main = 1;\n',
        'src/server/a.ts': "import { b } from './b';\nexport const a = b;\n",
        'src/server/b.ts': "import { a } from './a';\nexport const b = a;\n",
        'src/server/test-use.ts': "import { lab } from '../../test/lab';\nexport const t = lab;\n",
        'test/lab.ts': 'export const lab = 1;\n',
        'media/view.ts': "import { engine } from '../src/core/engine';\nexport const view = engine;\n",
      };
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      const found = new Set((await violations(['src', 'media'], dir, false)).map((v) => v.rule.name));
      for (const rule of config.forbidden.map((r) => r.name))
        assert.ok(found.has(rule), `rule ${rule} caught its case`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
