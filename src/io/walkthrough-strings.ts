/**
 * The panel's strings in the language chosen in the panel, read from the same l10n bundles
 * `vscode.l10n` uses (l10n/bundle.l10n.<lang>.json; English keys are the English text, so English
 * needs no table). `vscode.l10n.t` always follows the editor's display language; the panel's
 * switch needs another language than that, hence this loader.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Language, Strings } from '../shared/walkthrough-protocol';

export function bundleFile(extensionPath: string, language: Language): string {
  return path.join(extensionPath, 'l10n', language === 'en' ? 'bundle.l10n.json' : `bundle.l10n.${language}.json`);
}

/** Reads a bundle; a missing or broken file gives an empty table (English shows instead). */
export async function loadStrings(extensionPath: string, language: Language): Promise<Strings> {
  if (language === 'en') return {};
  try {
    const parsed = JSON.parse(await readFile(bundleFile(extensionPath, language), 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Strings = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      // A bundle entry is either a string or { message, comment }.
      if (typeof v === 'string') out[k] = v;
      else if (typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string')
        out[k] = (v as { message: string }).message;
    }
    return out;
  } catch {
    return {};
  }
}

/** `{0}`-style formatting, as vscode.l10n.t does it. */
export function format(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? m : String(v);
  });
}

export function translate(strings: Strings, key: string, ...args: (string | number)[]): string {
  return format(strings[key] ?? key, args);
}
