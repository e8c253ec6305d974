// Builds the embed bundle dist/v1/: loader.js, the widget chunks, manifest.json, and a .br and
// .gz of each file. Run after the widgets' vite build; the loader learns the chunk names here.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const widgetsDist = new URL('../widgets/dist/', import.meta.url).pathname;
const out = new URL('./dist/v1/', import.meta.url).pathname;
const version = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;

const manifest = JSON.parse(readFileSync(join(widgetsDist, '.vite/manifest.json'), 'utf8'));
/** Every chunk an entry imports, directly or not. */
const depsOf = (key, seen = new Set()) => {
  for (const dep of manifest[key].imports ?? []) {
    if (!seen.has(manifest[dep].file)) {
      seen.add(manifest[dep].file);
      depsOf(dep, seen);
    }
  }
  return [...seen];
};
const widgets = Object.fromEntries(
  Object.entries(manifest)
    .filter(([, m]) => m.isEntry)
    .map(([key, m]) => [m.name, { file: m.file, deps: depsOf(key) }]),
);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(widgetsDist, 'chunks'), join(out, 'chunks'), { recursive: true });
await build({
  entryPoints: ['src/loader.ts'],
  outfile: join(out, 'loader.js'),
  bundle: true,
  format: 'iife',
  // Old phones must parse the loader even when they cannot run the widgets, so it can bail quietly.
  target: 'es2017',
  minify: true,
  define: { __WIDGETS__: JSON.stringify(widgets), __VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});

const files = [];
const walk = (dir) =>
  readdirSync(dir).forEach((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    const body = readFileSync(full);
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    writeFileSync(full + '.br', br);
    writeFileSync(full + '.gz', gzipSync(body, { level: 9 }));
    files.push({ file: full.slice(out.length), bytes: body.length, brotli: br.length });
  });
walk(out);
writeFileSync(join(out, 'manifest.json'), JSON.stringify({ version, widgets, files }, null, 2) + '\n');
for (const f of files) console.log(`${f.file.padEnd(40)} ${String(f.bytes).padStart(7)} B  ${String(f.brotli).padStart(6)} B brotli`);
