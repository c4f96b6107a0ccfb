#!/usr/bin/env node
// Deep-merges a JSON fragment ({"contributes": {...}, "activationEvents": [...], ...}) into package.json.
// Arrays of objects are merged by their identifying key (id, command, view, language, ...), so the
// same fragment can be applied twice. Used while several parts of the extension add contributions.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

const KEYS = ['id', 'command', 'view', 'language', 'key', 'path', 'scopeName', 'title'];
function keyOf(item) {
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const k = KEYS.find((name) => typeof item[name] === 'string');
    if (k) return `${k}:${item[k]}${item.when ? `|${item.when}` : ''}${item.group ? `|${item.group}` : ''}`;
  }
  return JSON.stringify(item);
}
function merge(target, source) {
  if (Array.isArray(target) && Array.isArray(source)) {
    const out = [...target];
    for (const item of source) {
      const i = out.findIndex((t) => keyOf(t) === keyOf(item));
      if (i >= 0) out[i] = merge(out[i], item);
      else out.push(item);
    }
    return out;
  }
  if (target && source && typeof target === 'object' && typeof source === 'object' && !Array.isArray(source)) {
    const out = { ...target };
    for (const [k, v] of Object.entries(source)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return source;
}
const fragmentPath = process.argv[2];
if (!fragmentPath) {
  console.error('usage: node scripts/merge-contributes.mjs FRAGMENT.json');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const fragment = JSON.parse(readFileSync(fragmentPath, 'utf8'));
const merged = merge(pkg, fragment);
writeFileSync('package.json.tmp', JSON.stringify(merged, null, 2) + '\n');
renameSync('package.json.tmp', 'package.json');
console.log(`merged ${fragmentPath} into package.json`);
