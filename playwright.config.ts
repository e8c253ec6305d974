import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

/** The kit's API, and a department's site on another origin that embeds it. */
// E2E_API_PORT / E2E_HOST_PORT let two runs share a machine.
export const API_PORT = Number(process.env.E2E_API_PORT || 8791);
export const HOST_PORT = Number(process.env.E2E_HOST_PORT || 8792);
export const API = `http://127.0.0.1:${API_PORT}`;
export const HOST = `http://127.0.0.1:${HOST_PORT}`;
/** The moderation API's administrator in the e2e run. */
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
/** The first staff account's password in the e2e run (user name "admin"). */
export const ADMIN_PASSWORD = 'e2e-admin-password-Lua-Nuoc-2026';

export default defineConfig({
  testDir: 'test/e2e',
  reporter: [['list']],
  workers: 1,
  retries: 0,
  timeout: 30_000,
  use: {
    baseURL: HOST,
    trace: 'off',
    launchOptions: { executablePath: process.env.CHROME_PATH || findChromium() || undefined, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: 'node packages/api/dist/main.js',
      url: `${API}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        PORT: String(API_PORT),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'pbgdpl-e2e-')),
        ADMIN_TOKEN,
        // The first staff account (user name "admin"), as README's first run creates it with a password of its own.
        ADMIN_PASSWORD,
        // The department's site on the other origin may submit as the "demo" site.
        DEMO_SITE_ORIGINS: HOST,
        // A light proof of work and a short fill time keep the tests quick; the checks still run.
        ALTCHA_MIN_COUNTER: '100',
        ALTCHA_MAX_COUNTER: '2000',
        MIN_FILL_SECONDS: '1',
        // Every spec submits from one address; the limits themselves are tested in the API's suite.
        RATE_LIMIT_IP: '1000/1',
        RATE_LIMIT_CONTACT: '1000/1',
        // Page views reach the site report within a second, not 30.
        USAGE_FLUSH_SECONDS: '1',
      },
    },
    {
      command: `node test/e2e/host-server.mjs ${HOST_PORT} ${API}`,
      url: `${HOST}/index.html`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
  ],
});
