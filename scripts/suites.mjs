// Every test suite `pnpm test` runs, in order. `needs` names a missing service, or returns null.
import { existsSync } from 'node:fs';

export const suites = [
  { name: 'lint', title: 'ESLint, lit-analyzer, Prettier, phpcs (WordPress standard)', cmd: ['pnpm', 'run', 'lint'] },
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
  {
    name: 'widgets-package',
    title: 'widgets: files made from the JSDoc are current; the npm package packs, type-checks, runs',
    cmd: ['pnpm', '--filter', '@pbgdpl/widgets', 'run', 'test:package'],
  },
  { name: 'e2e', title: 'end to end through the script tag (Playwright), axe, size budgets', cmd: ['pnpm', 'exec', 'playwright', 'test'] },
  { name: 'storybook', title: 'every Storybook story renders its state, with axe', cmd: ['pnpm', 'exec', 'playwright', 'test', '-c', 'test/storybook'] },
  {
    name: 'wordpress',
    title: 'WordPress plugin: PHPUnit and Playwright against a real WordPress 6.1',
    cmd: ['pnpm', '--filter', '@pbgdpl/wordpress-plugin', 'test'],
    needs: () =>
      ['/usr/share/wordpress/wp-load.php', '/usr/sbin/mariadbd', '/usr/bin/php', '/usr/bin/phpunit'].every((f) => existsSync(f))
        ? null
        : 'WordPress, PHP, MariaDB and PHPUnit from Debian (.ci/run installs them as root)',
  },
];
