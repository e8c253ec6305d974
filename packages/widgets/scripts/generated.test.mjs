// What is made from the elements' JSDoc is up to date and complete. Fails when custom-elements.json,
// src/placeholder-attributes.ts or a docs table is stale (run the widgets' build and commit), when
// a widget lacks its story, WordPress overlay entry or docs tables, or when the manifest's
// custom-property defaults are not the ones the styles use.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { widgetsJson } from '../../wordpress-plugin/scripts/widgets-json.mjs';
import { analyze, elementsOf, packageDir } from './analyze.mjs';
import { LOADER_ONLY } from './attribute-spec.mjs';
import { docsTables, missingTables } from './docs-tables.mjs';
import { DOCS, generatedFiles, repoDir } from './manifest.mjs';

const manifest = analyze();
const elements = elementsOf(manifest);
const files = generatedFiles(manifest);

for (const [path, content] of Object.entries(files)) {
  const name = relative(repoDir, path);
  test(`${name} is what the elements' JSDoc makes (else: pnpm --filter @pbgdpl/widgets build, and commit it)`, () => {
    assert.ok(existsSync(path), `${name} is missing`);
    assert.equal(readFileSync(path, 'utf8'), content, `${name} is stale`);
  });
}

test('a placeholder can never set api or site, and can set every other attribute', () => {
  const text = readFileSync(join(packageDir, 'src/placeholder-attributes.ts'), 'utf8');
  const lists = Object.fromEntries(
    [...text.matchAll(/^ {2}'([a-z-]+)': \[([^\]]*)\],$/gm)].map((m) => [m[1], [...m[2].matchAll(/'([^']+)'/g)].map((a) => a[1])]),
  );
  assert.deepEqual(Object.keys(lists).sort(), Object.keys(elements).sort());
  for (const [name, el] of Object.entries(elements)) {
    for (const only of LOADER_ONLY) assert.ok(!lists[name].includes(only), `${name}: a placeholder must not set ${only}`);
    assert.deepEqual(
      lists[name],
      el.attributes.map((a) => a.name).filter((a) => !LOADER_ONLY.includes(a)),
    );
    assert.ok(el.attributes.some((a) => a.name === 'api') && el.attributes.some((a) => a.name === 'site'), `${name} inherits api and site`);
  }
});

test('every widget folder is an element of the manifest, with its story, its WordPress entry and its docs tables', () => {
  const folders = readdirSync(join(packageDir, 'src'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(packageDir, 'src', d.name, 'define.ts')))
    .map((d) => d.name)
    .sort();
  assert.deepEqual(Object.keys(elements), folders, 'a folder with a define.ts is a widget whose element the manifest has');
  for (const name of folders) assert.ok(existsSync(join(repoDir, 'stories', `${name}.stories.ts`)), `stories/${name}.stories.ts is missing`);
  const overlay = JSON.parse(readFileSync(join(repoDir, 'packages/wordpress-plugin/plugin/widgets.overlay.json'), 'utf8'));
  const wordpress = widgetsJson(manifest, overlay); // throws, saying what to add, when they do not fit
  assert.deepEqual(
    Object.keys(wordpress)
      .filter((k) => !k.startsWith('$'))
      .sort(),
    folders,
  );
  assert.deepEqual(
    missingTables(
      DOCS.map((d) => readFileSync(d, 'utf8')),
      docsTables(manifest),
    ),
    [],
    'docs/embedding.md and docs/theming.md lack these generated tables',
  );
});

test("the manifest's custom-property defaults are the ones the styles use, light and dark", () => {
  const styles = readFileSync(join(packageDir, 'src/core/styles.ts'), 'utf8');
  const dark = styles.match(/const darkTokens = css`([\s\S]*?)`;/)?.[1];
  assert.ok(dark, 'src/core/styles.ts has its darkTokens');
  const defaults = (css) =>
    Object.fromEntries(
      [...css.matchAll(/var\((--pbgdpl-[a-z-]+),\s*([^;]+?)\);/g)].map((m) => [m[1], m[2].trim().replace(/^var\(--_([a-z-]+)\)$/, 'var(--pbgdpl-$1)')]),
    );
  const light = defaults(styles.replace(dark, ''));
  const darkDefaults = defaults(dark);
  for (const [name, el] of Object.entries(elements)) {
    for (const prop of el.cssProperties ?? []) {
      assert.equal(prop.default, light[prop.name], `${name}: ${prop.name} defaults to ${light[prop.name]} in the styles`);
      const said = prop.description?.match(/Dark theme: ([^\s]+?)\.?\s*$/)?.[1];
      assert.equal(said, darkDefaults[prop.name], `${name}: ${prop.name} is ${darkDefaults[prop.name] ?? 'the light value'} in the dark theme`);
    }
    assert.deepEqual(
      (el.cssProperties ?? []).map((p) => p.name).sort(),
      Object.keys(light).sort(),
      `${name} documents every --pbgdpl-* property the styles read`,
    );
  }
});
