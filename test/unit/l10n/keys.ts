/**
 * Reads the l10n bundles and finds the keys source files use: `t('...')`, `k('...')` (the
 * webview's key marker) and `vscode.l10n.t('...')` / `l10n.t('...')` with a literal first argument.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const l10nDir = path.join(repoRoot, 'l10n');
export const TRANSLATIONS = ['es', 'nl', 'he', 'zh-cn'] as const;

export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The message of a bundle entry (a string, or `{ message, comment }`). */
export function messageOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string')
    return (v as { message: string }).message;
  return undefined;
}

/** `{0}`, `{1}` ... in order of first appearance, sorted, deduplicated. */
export function placeholders(s: string): string[] {
  return [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
}

const CALL = /(?<![\w$])(?:l10n\.t|t|k)\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1\s*[,)]/g;

function unescape(literal: string): string {
  return literal.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));
}

export function keysInSource(text: string): string[] {
  return [...text.matchAll(CALL)].map((m) => unescape(m[2] ?? ''));
}

export function filesUnder(dir: string, ext = '.ts'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}
