// Sizes of the built embed bundle (packages/loader/dist/v1/): every file raw, gzip -9 and
// brotli -q 11 (node:zlib), and per widget what a first visit downloads: loader.js + the widget's
// entry chunk + every chunk it imports (manifest.json's entry → deps map).
//
//   node bench/sizes.mjs [distDir]        prints the table
//   import { measureSizes } from './bench/sizes.mjs'   returns the figures
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { heading, table, verdict } from './lib/format.mjs';

export const DEFAULT_DIST = fileURLToPath(new URL('../packages/loader/dist/v1/', import.meta.url));

/** Budgets in brotli bytes: loader.js alone, and per widget loader + its whole first load. */
export const BUDGETS = {
  loader: 2048,
  firstLoad: { 'latest-laws': 16384, 'qa-box': 24576, 'feedback-form': 16384 },
};

const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (buf) => gzipSync(buf, { level: 9 }).length;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/**
 * @param {string} [distDir] the embed bundle folder (default packages/loader/dist/v1)
 * @returns {Promise<{
 *   distDir: string, version: string,
 *   files: { file: string, raw: number, gzip: number, brotli: number, servedBrotli: number|null, fetched: boolean }[],
 *   widgets: Record<string, { files: string[], raw: number, gzip: number, brotli: number }>,
 *   budgets: { name: string, limit: number, actual: number, met: boolean }[],
 *   unbudgeted: string[],
 * }>}
 */
export async function measureSizes(distDir = DEFAULT_DIST) {
  distDir = resolve(distDir);
  const manifestPath = join(distDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found; build first: pnpm -r --sort run build`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

  const files = walk(distDir)
    .filter((f) => !f.endsWith('.br') && !f.endsWith('.gz'))
    .map((full) => {
      const body = readFileSync(full);
      const file = relative(distDir, full).split(sep).join('/');
      return {
        file,
        raw: body.length,
        gzip: gzip(body),
        brotli: brotli(body),
        /** The precompressed twin the API actually sends to browsers that accept br. */
        servedBrotli: existsSync(full + '.br') ? statSync(full + '.br').size : null,
        /** manifest.json is build metadata; browsers never fetch it. */
        fetched: file !== 'manifest.json',
      };
    })
    .sort((a, b) => (a.file === 'loader.js' ? -1 : b.file === 'loader.js' ? 1 : a.file.localeCompare(b.file)));
  const byName = new Map(files.map((f) => [f.file, f]));

  const widgets = {};
  for (const [name, w] of Object.entries(manifest.widgets ?? {})) {
    const list = ['loader.js', w.file, ...(w.deps ?? [])];
    const missing = list.filter((f) => !byName.has(f));
    if (missing.length) throw new Error(`manifest lists ${missing.join(', ')} for ${name}, but ${distDir} has no such file`);
    const sum = (k) => list.reduce((s, f) => s + byName.get(f)[k], 0);
    widgets[name] = { files: list, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
  }

  const budgets = [];
  const loader = byName.get('loader.js');
  if (loader) budgets.push({ name: 'loader.js', limit: BUDGETS.loader, actual: loader.brotli, met: loader.brotli <= BUDGETS.loader });
  for (const [name, limit] of Object.entries(BUDGETS.firstLoad)) {
    const w = widgets[name];
    budgets.push({ name: `loader + ${name} first load`, limit, actual: w ? w.brotli : NaN, met: Boolean(w) && w.brotli <= limit });
  }
  /** Widgets in the bundle that no budget covers. */
  const unbudgeted = Object.keys(widgets).filter((name) => !(name in BUDGETS.firstLoad));
  return { distDir, version: manifest.version, files, widgets, budgets, unbudgeted };
}

export function formatSizes(r) {
  const out = [heading(`sizes: ${relative(process.cwd(), r.distDir) || r.distDir} (version ${r.version})`)];
  out.push(
    table(
      ['file', 'raw B', 'gzip -9 B', 'brotli -q11 B', 'served .br B', ''],
      r.files.map((f) => [f.file, f.raw, f.gzip, f.brotli, f.servedBrotli ?? '–', f.fetched ? '' : '(build metadata, not fetched)']),
    ),
  );
  out.push('', '  first load per widget (loader.js + entry chunk + every chunk it imports, response bodies only):');
  out.push(
    table(
      ['widget', 'files', 'raw B', 'gzip -9 B', 'brotli -q11 B', 'budget B'],
      Object.entries(r.widgets).map(([name, w]) => [name, w.files.join(' + '), w.raw, w.gzip, w.brotli, BUDGETS.firstLoad[name] ?? 'none']),
    ),
  );
  out.push('', '  budgets (brotli -q 11):');
  out.push(
    table(
      ['budget', 'actual B', 'limit B', 'headroom B', 'result'],
      r.budgets.map((b) => [b.name, b.actual, b.limit, b.limit - b.actual, verdict(b.met)]),
    ),
  );
  if (r.unbudgeted.length) out.push(`  no budget set for: ${r.unbudgeted.join(', ')} (figures above, no verdict)`);
  return out.join('\n');
}

/** Used by run.mjs. */
export async function main({ distDir } = {}) {
  const r = await measureSizes(distDir);
  console.log(formatSizes(r));
  return {
    sizes: r,
    targets: r.budgets.map((b) => ({ name: `size: ${b.name} ≤ ${b.limit} B brotli`, value: `${b.actual} B`, met: b.met })),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main({ distDir: process.argv[2] }).catch((e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
}
