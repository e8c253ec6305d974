import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

/**
 * The WordPress suite's browser tests. test/wordpress/run.sh starts WordPress (port 8089) and the
 * reference API (8830) first; the spec files run one after the other, in the order of their
 * names, because each builds on the site the previous one left (plugin installed, settings, pages).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: '../../test-results/wordpress',
  reporter: [['list']],
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: process.env.WP_URL ?? 'http://127.0.0.1:8089',
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    trace: 'off',
    launchOptions: { executablePath: process.env.CHROME_PATH || findChromium() || undefined, args: CHROMIUM_ARGS },
  },
});
