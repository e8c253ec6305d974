#!/usr/bin/env node
// What the console makes a browser download, brotli-compressed as the API serves it: the shell
// (sign-in included) and, per screen, what opening it adds. Run after `pnpm --filter @pbgdpl/admin build`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const manifestFile = join(dist, '.vite/manifest.json');
if (!existsSync(manifestFile)) {
  console.error('no build: run pnpm --filter @pbgdpl/admin build');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const brotli = (file) => readFileSync(join(dist, `${file}.br`)).length;

/** A chunk and everything it imports statically. */
function closure(key, seen = new Set()) {
  const entry = manifest[key];
  if (!entry || seen.has(entry.file)) return seen;
  seen.add(entry.file);
  for (const css of entry.css ?? []) seen.add(css);
  for (const dep of entry.imports ?? []) closure(dep, seen);
  return seen;
}
const sum = (files) => [...files].reduce((n, f) => n + brotli(f), 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const shell = closure(entryKey);
shell.add('index.html');
const shellBytes = sum(shell);
console.log(`console shell (page, sign-in, menu)   ${kb(shellBytes).padStart(9)} brotli`);

const screens = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry);
let all = new Set(shell);
for (const key of screens.sort()) {
  const files = closure(key);
  const added = [...files].filter((f) => !shell.has(f));
  all = new Set([...all, ...files]);
  console.log(`  + ${key.replace(/^src\/screens\//, '').padEnd(36)} ${kb(sum(added)).padStart(9)}`);
}
console.log(`everything, every screen opened        ${kb(sum(all)).padStart(9)} brotli`);
