import { defineConfig } from 'vitest/config';

/** The API's tests on SQLite: each test file gets its own database file, so files run in parallel. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Two cores: two files at a time; each file opens one database and one app.
    fileParallelism: true,
    maxWorkers: 2,
    // Generous: the suites share two cores with builds and browsers; a hang still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { PBGDPL_TEST_ENGINE: 'sqlite' },
  },
});
