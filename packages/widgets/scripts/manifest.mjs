// The widgets' build, first step: custom-elements.json from the elements' JSDoc, and what is made
// from it and committed: src/placeholder-attributes.ts (the loader's allow-list) and the tables of
// docs/embedding.md, docs/theming.md and docs/wordpress.md. (The WordPress plugin's build makes widgets.json and the
// blocks from the same manifest; Storybook reads it as it is.)
//
//   node scripts/manifest.mjs           writes the files that changed
//   node scripts/manifest.mjs --check   writes nothing; fails naming the files that are stale
//
// With CI set it checks: CI builds from a clean clone, and a build that rewrote a stale file would
// hide it from the test that looks for one (scripts/generated.test.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze, packageDir } from './analyze.mjs';
import { docsTables, fillTables } from './docs-tables.mjs';
import { placeholderModule } from './placeholder-module.mjs';

export const repoDir = join(packageDir, '../..');
export const DOCS = ['docs/embedding.md', 'docs/theming.md', 'docs/wordpress.md'].map((f) => join(repoDir, f));

/** Every generated file: absolute path -> the content it should have now. */
export function generatedFiles(manifest = analyze()) {
  const tables = docsTables(manifest);
  const files = {
    [join(packageDir, 'custom-elements.json')]: JSON.stringify(manifest, null, 2) + '\n',
    [join(packageDir, 'src/placeholder-attributes.ts')]: placeholderModule(manifest),
  };
  for (const doc of DOCS) files[doc] = fillTables(readFileSync(doc, 'utf8'), tables, relative(repoDir, doc));
  return files;
}

const current = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** The generated files whose content on disk differs from what they should be. */
export const staleFiles = (files = generatedFiles()) => Object.keys(files).filter((path) => current(path) !== files[path]);

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check') || Boolean(process.env.CI);
  const started = Date.now();
  const files = generatedFiles();
  const stale = staleFiles(files);
  const names = stale.map((p) => relative(repoDir, p));
  if (check && stale.length) {
    console.error(
      `[widgets] stale generated files: ${names.join(', ')}\n[widgets] run \`pnpm --filter @pbgdpl/widgets build\` (or node packages/widgets/scripts/manifest.mjs) and commit them`,
    );
    process.exit(1);
  }
  if (!check) for (const path of stale) writeFileSync(path, files[path]);
  console.log(
    `[widgets] custom-elements.json and ${Object.keys(files).length - 1} generated files ${check ? 'up to date' : stale.length ? `written: ${names.join(', ')}` : 'unchanged'} (${Date.now() - started} ms)`,
  );
}
