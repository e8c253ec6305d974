#!/usr/bin/env node
// The README's commands. `npm start` / `pnpm start`: install, build, serve the kit.
// `npm test` / `pnpm test`: install, build, get a browser, run every suite.
// `pnpm bench`: install, build, print the benchmarks. Needs only Node.js to begin with.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, installChromium } from './chromium.mjs';
import { postgresStatus } from './postgres.mjs';
import { suites } from './suites.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => console.log(`\x1b[1m[kit]\x1b[0m ${msg}`);
const command = process.argv[2] ?? 'start';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, ...opts });
  return r.status ?? 1;
}

function pnpmCommand() {
  if (spawnSync('pnpm', ['--version'], { stdio: 'ignore' }).status === 0) return ['pnpm'];
  say('pnpm not found; using it through npx');
  return ['npx', '--yes', 'pnpm@12'];
}

/** Native addons (better-sqlite3) build against this Node's own headers when they are installed beside it. */
function useLocalNodeHeaders() {
  const prefix = resolve(process.execPath, '../..');
  if (!process.env.npm_config_nodedir && existsSync(join(prefix, 'include/node/node.h'))) process.env.npm_config_nodedir = prefix;
}

function install(pnpm) {
  const inputs = ['pnpm-lock.yaml', 'package.json', 'pnpm-workspace.yaml'].map((f) => (existsSync(join(root, f)) ? readFileSync(join(root, f)) : ''));
  const stamp = createHash('sha1').update(inputs.join('\0')).update(process.version).digest('hex');
  const stampFile = join(root, 'node_modules/.kit-installed');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  say('installing dependencies (the first time builds SQLite, about two minutes)');
  useLocalNodeHeaders();
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  if (run(pnpm[0], [...pnpm.slice(1), 'install', ...frozen]) !== 0) process.exit(1);
  writeFileSync(stampFile, stamp);
}

function build(pnpm) {
  say('building widgets, loader and API');
  if (run(pnpm[0], [...pnpm.slice(1), '-r', '--sort', 'run', 'build']) !== 0) process.exit(1);
}

const pnpm = pnpmCommand();
install(pnpm);
build(pnpm);

if (command === 'start') {
  say('starting the kit (Ctrl+C stops it)');
  process.exit(run(process.execPath, ['packages/api/dist/main.js']));
}

if (command === 'bench') {
  process.env.CHROME_PATH ||= findChromium() ?? installChromium(say) ?? '';
  process.exit(run(process.execPath, ['bench/run.mjs', ...process.argv.slice(3)]));
}

if (command === 'test') {
  const ci = Boolean(process.env.CI);
  process.env.CHROME_PATH ||= findChromium() ?? installChromium(say) ?? '';
  if (!process.env.CHROME_PATH) say('no Chromium found; Playwright will look for its own');
  const pg = await postgresStatus();
  process.env.TEST_DATABASE_URL = pg.url;
  const only = process.argv.slice(3);
  const results = [];
  for (const suite of suites) {
    if (only.length && !only.includes(suite.name)) continue;
    const missing = suite.needs?.({ pg }) ?? null;
    if (missing) {
      if (ci) {
        results.push({ name: suite.name, status: 'FAILED', secs: 0, note: `needs ${missing}` });
        continue;
      }
      results.push({ name: suite.name, status: 'skipped', secs: 0, note: `needs ${missing}` });
      continue;
    }
    say(`suite ${suite.name}: ${suite.title}`);
    const started = Date.now();
    const code = run(suite.cmd[0], suite.cmd.slice(1), { cwd: join(root, suite.cwd ?? '.') });
    results.push({ name: suite.name, status: code === 0 ? 'passed' : 'FAILED', secs: (Date.now() - started) / 1000, note: '' });
  }
  console.log('\n  suite                 result    seconds');
  for (const r of results) console.log(`  ${r.name.padEnd(21)} ${r.status.padEnd(9)} ${r.secs.toFixed(1).padStart(7)}  ${r.note}`);
  const failed = results.filter((r) => r.status === 'FAILED');
  const skipped = results.filter((r) => r.status === 'skipped');
  if (skipped.length) say(`${skipped.length} suite(s) skipped for lack of a service; CI=1 makes that a failure`);
  process.exit(failed.length ? 1 : 0);
}

say(`unknown command "${command}": use start, test or bench`);
process.exit(2);
