import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The same test files on PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
 * Each file works in a schema of its own, dropped afterwards. Unreachable PostgreSQL fails the run
 * in globalSetup instead of skipping: whether to run this suite at all is the caller's decision.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      env: { PBGDPL_TEST_ENGINE: 'postgres' },
      globalSetup: ['test/support/pg-global-setup.ts'],
      // One file at a time keeps the server's connection count and the machine's two cores calm.
      fileParallelism: false,
      maxWorkers: 1,
    },
  }),
);
