// Builds the plugin: build/pbgdpl/ (the plugin folder) and build/pbgdpl.zip (for Plugins → Add
// New → Upload Plugin). Run after the loader's build; it copies the embed bundle from
// packages/loader/dist/v1.
//
//   plugin/            the PHP plugin, copied as it is (without widgets.overlay.json)
//   custom-elements.json of packages/widgets + plugin/widgets.overlay.json
//                      -> widgets.json (scripts/widgets-json.mjs), and from it
//                         blocks/<name>/block.json + render.php, one block per widget
//   loader dist/v1     -> assets/v1/ (loader.js, chunks/*.js, manifest.json)
//   src/offline.ts     -> assets/pbgdpl-offline.js (workbox-window, bundled)
//   src/sw.ts          -> assets/pbgdpl-sw.js (Workbox, bundled; the bundle's file list injected)
//   languages/*.po     -> languages/*.mo; languages/pbgdpl.pot refreshed
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { injectManifest } from 'workbox-build';
import { extract, moBuffer, parsePo, potText, untranslated } from './scripts/i18n.mjs';
import { readWidgetsJson } from './scripts/widgets-json.mjs';

const here = new URL('.', import.meta.url).pathname;
const source = join(here, 'plugin');
const out = join(here, 'build/pbgdpl');
const bundle = join(here, '../loader/dist/v1');
const started = Date.now();
const fail = (message) => {
  console.error(`[wordpress-plugin] ${message}`);
  process.exit(1);
};

// One version everywhere.
const version = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).version;
const php = readFileSync(join(source, 'pbgdpl.php'), 'utf8');
const readme = readFileSync(join(source, 'readme.txt'), 'utf8');
for (const [where, found] of [
  ['pbgdpl.php Version:', php.match(/^ \* Version:\s*(\S+)/m)?.[1]],
  ['pbgdpl.php PBGDPL_VERSION', php.match(/define\( 'PBGDPL_VERSION', '([^']+)' \)/)?.[1]],
  ['readme.txt Stable tag:', readme.match(/^Stable tag:\s*(\S+)/m)?.[1]],
]) {
  if (found !== version) fail(`${where} says ${found}, package.json says ${version}`);
}
if (!existsSync(join(bundle, 'manifest.json'))) fail(`no embed bundle in ${bundle}: build the loader first (pnpm -r --sort run build)`);

rmSync(join(here, 'build'), { recursive: true, force: true });
cpSync(source, out, { recursive: true, filter: (path) => !path.endsWith('.po') && !path.endsWith('~') && !path.endsWith('widgets.overlay.json') });

// The embed bundle, without its .br/.gz twins (web servers of WordPress hosts do not serve them).
const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
cpSync(bundle, join(out, 'assets/v1'), { recursive: true, filter: (path) => statSync(path).isDirectory() || /\.(js|json)$/.test(path) });

// The widgets: the elements' manifest in WordPress's words. Then one block per widget.
let widgets;
try {
  widgets = readWidgetsJson();
} catch (e) {
  fail(`widgets.json cannot be made:\n${e.message}`);
}
writeFileSync(join(out, 'widgets.json'), JSON.stringify(widgets, null, '\t') + '\n');
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const CODE = '^[a-z0-9]+(-[a-z0-9]+)*$';
for (const [name, widget] of Object.entries(widgets)) {
  if (name.startsWith('$')) continue;
  const attributes = {};
  for (const [attr, spec] of Object.entries(widget.attributes)) {
    const a = {};
    if (spec.type === 'integer') Object.assign(a, { type: 'integer', minimum: spec.min, maximum: spec.max });
    else if (spec.type === 'boolean') a.type = 'boolean';
    else if (spec.type === 'enum') Object.assign(a, { type: 'string', enum: Object.keys(spec.values) });
    else if (spec.type === 'code') Object.assign(a, { type: 'string', pattern: CODE, maxLength: 64 });
    else if (spec.type === 'text') Object.assign(a, { type: 'string', maxLength: spec.max ?? 120 });
    else fail(`widgets.json: ${name}.${attr} has unknown type ${spec.type}`);
    if (spec.default !== undefined) a.default = spec.default;
    attributes[camel(attr)] = a;
  }
  const block = {
    $schema: 'https://schemas.wp.org/wp/6.1/block.json',
    apiVersion: 2,
    name: `pbgdpl/${name}`,
    version,
    title: widget.title,
    category: 'widgets',
    icon: widget.icon,
    description: widget.description,
    keywords: ['pbgdpl', 'pháp luật', 'phap luat'],
    textdomain: 'pbgdpl',
    attributes,
    supports: { html: false, anchor: true, className: true },
    editorScript: 'pbgdpl-editor',
    render: 'file:./render.php',
  };
  const dir = join(out, 'blocks', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'block.json'), JSON.stringify(block, null, '\t') + '\n');
  writeFileSync(
    join(dir, 'render.php'),
    [
      '<?php',
      '/**',
      ` * The ${widget.title} block on the page. Made by the build from widgets.json (custom-elements.json and widgets.overlay.json).`,
      ' * WordPress gives $attributes; pbgdpl_render_block() checks and escapes them.',
      ' *',
      ' * @package pbgdpl',
      ' */',
      '',
      "defined( 'ABSPATH' ) || exit;",
      '',
      `echo pbgdpl_render_block( '${name}', $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped inside.`,
      '',
    ].join('\n'),
  );
}

// The offline helper and the service worker.
const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2017',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};
await build({ ...common, entryPoints: [join(here, 'src/offline.ts')], outfile: join(out, 'assets/pbgdpl-offline.js') });
const swSource = join(here, 'build/sw-source.js');
await build({ ...common, entryPoints: [join(here, 'src/sw.ts')], outfile: swSource });
const injected = await injectManifest({
  swSrc: swSource,
  swDest: join(out, 'assets/pbgdpl-sw.js'),
  globDirectory: join(out, 'assets/v1'),
  globPatterns: ['loader.js', 'chunks/*.js'],
  // Chunk names carry their hash; the loader's revision is its content's hash.
  dontCacheBustURLsMatching: /^chunks\//,
});
rmSync(swSource);
if (injected.warnings.length) fail(`workbox: ${injected.warnings.join('; ')}`);

// Translations.
const strings = extract(source);
const pot = potText(strings, version);
writeFileSync(join(source, 'languages/pbgdpl.pot'), pot);
writeFileSync(join(out, 'languages/pbgdpl.pot'), pot);
for (const file of readdirSync(join(source, 'languages')).filter((f) => f.endsWith('.po'))) {
  const entries = parsePo(readFileSync(join(source, 'languages', file), 'utf8'));
  const missing = untranslated(strings, entries);
  if (missing.length) fail(`${file} lacks ${missing.length} translation(s): ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
  writeFileSync(join(out, 'languages', file.replace(/\.po$/, '.mo')), moBuffer(entries));
}

// The zip, with everything inside a pbgdpl/ folder as WordPress expects.
const files = {};
const walk = (dir) =>
  readdirSync(dir).forEach((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    files[`pbgdpl/${relative(out, full)}`] = [readFileSync(full), { mtime: new Date('2026-01-01T00:00:00Z') }];
  });
walk(out);
const zip = zipSync(files, { level: 9 });
writeFileSync(join(here, 'build/pbgdpl.zip'), zip);
console.log(
  `build/pbgdpl.zip: ${Object.keys(files).length} files, ${(zip.length / 1024).toFixed(1)} KiB; ` +
    `embed bundle ${manifest.version} (${Object.keys(manifest.widgets).join(', ')}); precache ${injected.count} files; ` +
    `${strings.length} strings; ${Date.now() - started} ms`,
);
