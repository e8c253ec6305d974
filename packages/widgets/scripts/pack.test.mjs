// The package as a site built with a framework gets it: `pnpm pack` (which applies publishConfig),
// unpacked into a scratch project whose node_modules holds only the package's declared
// dependencies, then
//   - TypeScript checks a file that uses its types (strict, its declarations checked too), and
//   - Vite bundles a page that imports every entry, and Chromium runs it: the elements define
//     themselves and one renders from a stubbed API.
// Needs the widgets' build (dist/lib) first: `pnpm --filter @pbgdpl/widgets build`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.mjs';
import { packageDir } from './analyze.mjs';
import { NPM_ENTRIES } from './npm-entries.mjs';

const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
let scratch;
let installed;

before(() => {
  assert.ok(existsSync(join(packageDir, 'dist/lib/index.js')), 'dist/lib is missing: run `pnpm --filter @pbgdpl/widgets build` first');
  scratch = mkdtempSync(join(tmpdir(), 'pbgdpl-widgets-pack-'));
  execFileSync('pnpm', ['pack', '--pack-destination', scratch], { cwd: packageDir, stdio: 'pipe' });
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
  installed = join(scratch, 'node_modules/@pbgdpl/widgets');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['xzf', join(scratch, tarball), '-C', installed, '--strip-components=1']);
  // Only what the package declares, from the workspace's store (its own dependencies resolve
  // from there): anything else the built files import cannot be found.
  for (const dep of Object.keys(pkg.dependencies)) {
    const dir = realpathSync(join(packageDir, 'node_modules', dep));
    mkdirSync(join(scratch, 'node_modules', dep, '..'), { recursive: true });
    symlinkSync(dir, join(scratch, 'node_modules', dep));
  }
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch-site', private: true, type: 'module', dependencies: { '@pbgdpl/widgets': pkg.version } }),
  );
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('the tarball holds the built JavaScript, its declarations and the manifest, and no sources', () => {
  const packed = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  for (const [subpath, target] of Object.entries(packed.exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target))
      assert.ok(existsSync(join(installed, file)), `${subpath} -> ${file} is not in the tarball`);
  }
  assert.equal(packed.exports['./latest-laws'].default, './dist/lib/latest-laws/define.js');
  assert.ok(!existsSync(join(installed, 'src')), 'the TypeScript sources are not published');
  assert.ok(!Object.keys(packed.dependencies).some((d) => d.startsWith('@pbgdpl/')), 'depends on no unpublished workspace package');
  const manifest = JSON.parse(readFileSync(join(installed, packed.customElements), 'utf8'));
  for (const decl of manifest.modules)
    assert.ok(existsSync(join(installed, decl.path)), `custom-elements.json names ${decl.path}, which is not in the tarball`);
});

test('TypeScript: the declarations check, and they type the elements, their attributes and events', () => {
  writeFileSync(
    join(scratch, 'uses-types.ts'),
    `import '@pbgdpl/widgets/latest-laws';
import '@pbgdpl/widgets/qa-box';
import '@pbgdpl/widgets/feedback-form';
import { PbgdplFeedbackForm, PbgdplLatestLaws, PbgdplQaBox } from '@pbgdpl/widgets';
import { apiUrl } from '@pbgdpl/widgets/api-url';
import { PLACEHOLDER_ATTRIBUTES } from '@pbgdpl/widgets/placeholder-attributes';
import { firstRequest } from '@pbgdpl/widgets/prefetch';

const laws: PbgdplLatestLaws = document.createElement('pbgdpl-latest-laws');
laws.limit = 3;
laws.showSearch = true;
// @ts-expect-error limit is a number
laws.limit = 'three';
const form: PbgdplFeedbackForm = document.createElement('pbgdpl-feedback-form');
form.kind = 'draft';
// @ts-expect-error no such kind
form.kind = 'poem';
const qa: PbgdplQaBox = document.createElement('pbgdpl-qa-box');
qa.field = 'dat-dai';
document.addEventListener('pbgdpl-loaded', (e) => {
  const count: number = e.detail.count;
  console.log(count);
});
document.addEventListener('pbgdpl-question-sent', (e) => {
  // @ts-expect-error the detail is a tracking code, not a count
  console.log(e.detail.count);
});
const names: readonly string[] = PLACEHOLDER_ATTRIBUTES['latest-laws'] ?? [];
const url: string = apiUrl('https://pbgdpl.example.gov.vn', '/api/v1/laws', { limit: 3 });
const first: string | null | undefined = firstRequest['latest-laws']?.(laws, 'https://pbgdpl.example.gov.vn');
console.log(names, url, first, qa);
`,
  );
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      },
      files: ['uses-types.ts'],
    }),
  );
  const tsc = createRequire(join(packageDir, 'package.json')).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(scratch, 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc found problems:\n${run.stdout}${run.stderr}`);
});

test('Chromium: pages bundled from every entry define the elements, and one renders', async () => {
  const entries = Object.keys(pkg.publishConfig.exports).filter((s) => !s.endsWith('.json'));
  assert.equal(entries.length, Object.keys(NPM_ENTRIES).length, 'publishConfig.exports names every entry of scripts/npm-entries.mjs');
  const spec = (subpath) => join('@pbgdpl/widgets', subpath);
  const defining = ['./latest-laws', './qa-box', './feedback-form'];
  const others = entries.filter((s) => !defining.includes(s));
  // As a site imports them: the elements by a bare import (kept only if the package says it has
  // side effects), the rest for what they export.
  writeFileSync(join(scratch, 'elements.js'), defining.map((s) => `import '${spec(s)}';`).join('\n') + '\n');
  writeFileSync(
    join(scratch, 'modules.js'),
    others.map((s, i) => `import * as m${i} from '${spec(s)}';`).join('\n') +
      `\nwindow.entries = { ${others.map((s, i) => `'${s}': Object.keys(m${i})`).join(', ')} };\n`,
  );
  const page = (script, body = '') => `<!doctype html><html lang="vi"><body>${body}<script type="module" src="./${script}"></script></body></html>`;
  writeFileSync(join(scratch, 'elements.html'), page('elements.js', '<pbgdpl-latest-laws api="https://api.example" limit="2"></pbgdpl-latest-laws>'));
  writeFileSync(join(scratch, 'modules.html'), page('modules.js'));
  await build({
    configFile: false,
    root: scratch,
    logLevel: 'warn',
    build: {
      outDir: join(scratch, 'dist'),
      emptyOutDir: true,
      rolldownOptions: { input: { elements: join(scratch, 'elements.html'), modules: join(scratch, 'modules.html') } },
    },
  });

  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const errors = [];
    const TYPES = { '.html': 'text/html', '.js': 'text/javascript' };
    await context.route('https://site.example/**', (route) => {
      const file = join(scratch, 'dist', new URL(route.request().url()).pathname);
      return existsSync(file)
        ? route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' })
        : route.fulfill({ status: 404 });
    });
    await context.route('https://api.example/**', (route) =>
      route.fulfill({ json: { items: [], nextCursor: null }, headers: { 'access-control-allow-origin': '*' } }),
    );
    context.on('weberror', (e) => errors.push(e.error().message));

    const elements = await context.newPage();
    await elements.goto('https://site.example/elements.html');
    await elements.locator('pbgdpl-latest-laws').getByText('Chưa có văn bản nào.').waitFor({ timeout: 10_000 });
    const defined = await elements.evaluate(() => ['pbgdpl-latest-laws', 'pbgdpl-qa-box', 'pbgdpl-feedback-form'].filter((tag) => customElements.get(tag)));
    assert.deepEqual(defined, ['pbgdpl-latest-laws', 'pbgdpl-qa-box', 'pbgdpl-feedback-form']);

    const modules = await context.newPage();
    await modules.goto('https://site.example/modules.html');
    await modules.waitForFunction(() => typeof window.entries === 'object');
    const exported = await modules.evaluate(() => window.entries);
    assert.deepEqual(exported['.'], ['PbgdplFeedbackForm', 'PbgdplLatestLaws', 'PbgdplQaBox']);
    for (const [subpath, names] of Object.entries(exported)) assert.ok(names.length > 0, `${subpath} exports nothing`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
