// Every test suite `pnpm test` runs, in order. `needs` names a missing service, or returns null.
export const suites = [
  { name: 'typecheck', title: 'TypeScript, strict, every package', cmd: ['pnpm', 'run', 'typecheck'] },
  { name: 'contract', title: 'contract: shapes match the schemas', cmd: ['pnpm', '--filter', '@pbgdpl/contract', 'test'] },
  { name: 'api-sqlite', title: 'API on SQLite', cmd: ['pnpm', '--filter', '@pbgdpl/api', 'test'] },
  {
    name: 'api-postgres',
    title: 'API on PostgreSQL (the same tests)',
    cmd: ['pnpm', '--filter', '@pbgdpl/api', 'test:pg'],
    needs: ({ pg }) => (pg.up ? null : `PostgreSQL at ${pg.url} (set TEST_DATABASE_URL)`),
  },
  { name: 'widgets', title: 'component tests in Chromium (web-test-runner)', cmd: ['pnpm', '--filter', '@pbgdpl/widgets', 'test'] },
  { name: 'e2e', title: 'end to end through the script tag (Playwright), axe, size budgets', cmd: ['pnpm', 'exec', 'playwright', 'test'] },
];
