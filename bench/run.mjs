#!/usr/bin/env node
// The kit's benchmarks. They print figures beside their targets (met / NOT MET) and never fail
// on a timing; the exit code is non-zero only when a benchmark could not run.
//
//   node bench/run.mjs                 sizes, paint, api, answers, submissions and the rate limiter
//   node bench/run.mjs sizes|paint|api|answers|submissions|limiter (one or more)
//   options: --runs=N (paint, default 5), --duration=S (api, default 10)
//   env: CHROME_PATH (default /usr/bin/chromium), BENCH_PORT_BASE (default 8800; uses base+0..+2 and base+10)
//
// Build first (pnpm -r --sort run build); `pnpm bench` does both. Servers it starts (the API on
// a temp DATA_DIR, the host site, the iframe server) and Chromium stop on exit and on Ctrl+C.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { heading, table, verdict } from './lib/format.mjs';
import { API_MAIN, ROOT, cleanup, installSignalHandlers } from './lib/proc.mjs';

const ALL = ['sizes', 'paint', 'api', 'answers', 'submissions', 'limiter'];
const argv = process.argv.slice(2);
const options = Object.fromEntries(
  argv
    .map((a) => /^--(\w+)=(.*)$/.exec(a))
    .filter(Boolean)
    .map((m) => [m[1], m[2]]),
);
const unknown = argv.filter((a) => !a.startsWith('--') && !ALL.includes(a));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}
const selected = argv.filter((a) => ALL.includes(a));
const which = selected.length ? ALL.filter((b) => selected.includes(b)) : ALL;

const missing = [join(ROOT, 'packages/loader/dist/v1/manifest.json'), ...(which.some((b) => b !== 'sizes') ? [API_MAIN] : [])].filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`not built: ${missing.join(', ')}\nrun: pnpm -r --sort run build`);
  process.exit(1);
}

installSignalHandlers();
{
  // What is being measured: the build in packages/*/dist as it is now (read-only git queries).
  const git = (...a) => {
    try {
      return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'packages/loader/dist/v1/manifest.json'), 'utf8'));
  const built = statSync(join(ROOT, 'packages/loader/dist/v1/manifest.json')).mtime.toISOString();
  console.log(heading('PBGDPL embed kit benchmarks'));
  console.log(
    `  node ${process.version}; git ${head ?? '(no git)'}${dirty ? ` with ${dirty.split('\n').length} modified tracked files` : ''}; embed bundle built ${built}`,
  );
  for (const [name, w] of Object.entries(manifest.widgets ?? {})) console.log(`  ${name}: ${w.file} + ${w.deps.join(' + ')}`);
}
const results = {};
const targets = [];
const notes = [];
let failed = false;
const started = Date.now();
try {
  for (const name of which) {
    try {
      let r;
      if (name === 'sizes') r = await (await import('./sizes.mjs')).main();
      if (name === 'paint') r = await (await import('./paint.mjs')).main({ runs: options.runs ? Number(options.runs) : undefined });
      if (name === 'api') r = await (await import('./api.mjs')).main({ duration: options.duration ? Number(options.duration) : undefined });
      if (name === 'answers') r = await (await import('./api-scripts.mjs')).answers();
      if (name === 'submissions') r = await (await import('./api-scripts.mjs')).submissions();
      if (name === 'limiter') r = await (await import('./api-scripts.mjs')).limiter();
      results[name] = r;
      targets.push(...(r.targets ?? []));
      notes.push(...(r.notes ?? []));
    } catch (e) {
      failed = true;
      console.error(`\n[bench] ${name} failed: ${e.stack ?? e}`);
    }
  }
} finally {
  await cleanup();
}

console.log(heading(`summary (${which.join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s)`));
if (targets.length)
  console.log(
    table(
      ['target', 'measured', 'result'],
      targets.map((t) => [t.name, t.value, verdict(t.met)]),
    ),
  );
const api = results.api?.api;
if (api) {
  console.log('');
  console.log(
    table(
      ['api', 'request', 'req/s', 'p50', 'p99'],
      api.map((f) => [f.case, f.mode, f.rps.toFixed(0), `${f.p50} ms`, `${f.p99} ms`]),
    ),
  );
}
for (const n of notes) console.log(`  note: ${n}`);
const notMet = targets.filter((t) => !t.met).length;
console.log(
  `\n  ${targets.length - notMet} of ${targets.length} targets met${notMet ? `; ${notMet} NOT MET (see the waterfalls above)` : ''}. Benchmarks report; they do not fail on timings.`,
);
if (failed) console.log('  some benchmarks could not run (see above)');
process.exit(failed ? 1 : 0);
