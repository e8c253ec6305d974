/**
 * Every Storybook story in Chromium, with axe: `pnpm exec playwright test -c test/storybook`.
 *
 * Loading this config builds Storybook (storybook-static/, about 6 s) unless STORYBOOK_SKIP_BUILD=1
 * says the build there is current; the spec makes one test per story from its index.json, which
 * is why the build cannot wait for globalSetup (that runs after the tests are listed). Workers load
 * the config again; the variable set below keeps them from building a second time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { BASE_URL, PORT, ROOT, STATIC_DIR } from './paths.js';

function buildStorybook() {
  const started = Date.now();
  const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' };
  const args = ['exec', 'storybook', 'build', '-o', 'storybook-static', '--quiet'];
  let run = spawnSync('pnpm', args, { cwd: ROOT, env, encoding: 'utf8' });
  if (run.error) run = spawnSync(join(ROOT, 'node_modules/.bin/storybook'), args.slice(2), { cwd: ROOT, env, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    throw new Error(`storybook build failed (exit ${run.status ?? run.error?.message})`);
  }
  console.log(`[storybook] built storybook-static in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (!process.env.PBGDPL_STORYBOOK_BUILT && !process.env.TEST_WORKER_INDEX) {
  if (process.env.STORYBOOK_SKIP_BUILD === '1' && existsSync(join(STATIC_DIR, 'index.json'))) {
    console.log('[storybook] STORYBOOK_SKIP_BUILD=1: using the storybook-static that is there');
  } else {
    buildStorybook();
  }
  process.env.PBGDPL_STORYBOOK_BUILT = '1';
}

export default defineConfig({
  testDir: '.',
  testMatch: ['stories.spec.ts', 'mock-api.spec.ts'],
  outputDir: join(ROOT, 'test-results/storybook'),
  reporter: [['list']],
  fullyParallel: true,
  workers: Number(process.env.STORYBOOK_TEST_WORKERS) || 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: 'off',
    viewport: { width: 1100, height: 800 },
    // Where the readers are: dates and times the widget prints follow the browser's time zone.
    timezoneId: 'Asia/Ho_Chi_Minh',
    locale: 'vi-VN',
    launchOptions: { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node test/storybook/serve.mjs storybook-static ${PORT}`,
    cwd: ROOT,
    url: `${BASE_URL}/index.json`,
    reuseExistingServer: false,
    timeout: 15_000,
  },
});
