/**
 * Every translation covers every English key, has no extra key, keeps the `{0}` placeholders and
 * the command links; every key the code uses exists in English; every `%key%` the manifest uses
 * exists in package.nls.json.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { filesUnder, keysInSource, l10nDir, messageOf, placeholders, readJson, repoRoot, TRANSLATIONS } from './keys';

const links = (s: string): string[] => [...s.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? '').sort();

function checkTranslation(englishFile: string, translatedFile: string): void {
  assert.ok(existsSync(translatedFile), `${path.relative(repoRoot, translatedFile)} exists`);
  const en = readJson(englishFile);
  const tr = readJson(translatedFile);
  const missing = Object.keys(en).filter((k) => !(k in tr));
  const extra = Object.keys(tr).filter((k) => !(k in en));
  assert.deepEqual(missing, [], `${path.basename(translatedFile)} lacks ${missing.length} key(s)`);
  assert.deepEqual(extra, [], `${path.basename(translatedFile)} has ${extra.length} key(s) English does not`);
  for (const [key, value] of Object.entries(en)) {
    const source = messageOf(value) ?? '';
    const target = messageOf(tr[key]);
    assert.ok(
      target !== undefined && target.trim() !== '',
      `${path.basename(translatedFile)}: "${key}" has an empty translation`,
    );
    assert.deepEqual(
      placeholders(target),
      placeholders(source),
      `${path.basename(translatedFile)}: "${key}" keeps its placeholders`,
    );
    assert.deepEqual(links(target), links(source), `${path.basename(translatedFile)}: "${key}" keeps its links`);
  }
}

describe('localisation', () => {
  const bundle = path.join(l10nDir, 'bundle.l10n.json');
  const nls = path.join(repoRoot, 'package.nls.json');

  for (const lang of TRANSLATIONS) {
    it(`l10n/bundle.l10n.${lang}.json covers every key of bundle.l10n.json`, () =>
      checkTranslation(bundle, path.join(l10nDir, `bundle.l10n.${lang}.json`)));
    it(`package.nls.${lang}.json covers every key of package.nls.json`, () =>
      checkTranslation(nls, path.join(repoRoot, `package.nls.${lang}.json`)));
  }

  it('the English bundle maps each key to itself (vscode.l10n uses the English text as key)', () => {
    for (const [k, v] of Object.entries(readJson(bundle))) assert.equal(messageOf(v), k);
  });

  it('every key the code passes to l10n.t or the webview translates is in the English bundle', () => {
    const english = readJson(bundle);
    const files = [
      ...filesUnder(path.join(repoRoot, 'src')),
      ...filesUnder(path.join(repoRoot, 'media', 'walkthrough')),
    ];
    const missing: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      // Only files that translate: the extension's l10n.t, and the webview's t()/k().
      const isWebview =
        f.includes(`${path.sep}media${path.sep}walkthrough${path.sep}`) ||
        f.includes(`${path.sep}walkthrough${path.sep}`);
      if (!isWebview && !text.includes('l10n.t(')) continue;
      const keys = isWebview ? keysInSource(text) : keysInSource(text.replace(/(?<![\w$.])(?:t|k)\(/g, 'x('));
      for (const k of keys) if (!(k in english)) missing.push(`${path.relative(repoRoot, f)}: ${k}`);
    }
    assert.deepEqual(missing, []);
  });

  it('every %key% of package.json is in package.nls.json', () => {
    const manifest = readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    const english = readJson(nls);
    const used = [...new Set([...manifest.matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1] ?? ''))];
    assert.deepEqual(
      used.filter((k) => !(k in english)),
      [],
    );
  });
});
