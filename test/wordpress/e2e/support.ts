import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../../..');
export const WP = process.env.WP_URL ?? 'http://127.0.0.1:8089';
export const API = process.env.PBGDPL_API ?? 'http://127.0.0.1:8830';
export const WP_BASE = process.env.WP_BASE ?? '/tmp/pbgdpl-wp';
export const DEBUG_LOG = join(WP_BASE, 'run/debug.log');
export const ZIP = join(REPO, 'packages/wordpress-plugin/build/pbgdpl.zip');
const SHOTS = join(REPO, 'docs/images/wordpress');

/** Pages the specs make; the slug comes from the title. */
export const BLOCK_PAGE = { title: 'Văn bản pháp luật', slug: 'van-ban-phap-luat' };
export const SHORTCODE_PAGE = { title: 'Văn bản về đất đai', slug: 'van-ban-ve-dat-dai' };

export const USERS = {
  admin: { login: 'admin', password: 'admin' },
  contributor: { login: 'contributor', password: 'contributor' },
};

/** Runs test/wordpress/wpctl.php against the test site. */
export function wpctl(...args: string[]) {
  return execFileSync('php', [join(REPO, 'test/wordpress/wpctl.php'), ...args], {
    env: { ...process.env, WPCTL_ROOT: join(WP_BASE, 'wordpress') },
    encoding: 'utf8',
  }).trim();
}

export async function login(page: Page, who: keyof typeof USERS) {
  const { login: user, password } = USERS[who];
  await page.goto('/wp-login.php');
  await page.locator('#user_login').fill(user);
  await page.locator('#user_pass').fill(password);
  await Promise.all([page.waitForURL(/\/wp-admin\//), page.locator('#wp-submit').click()]);
}

/** A screenshot for docs/wordpress.md. */
export async function shot(page: Page, name: string, options: { fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled', ...options });
}

/** The rows of a latest-laws widget that show a document (Playwright's CSS pierces shadow roots). */
export const lawRows = (page: Page, scope = 'pbgdpl-latest-laws') => page.locator(`${scope} li.item`).filter({ has: page.locator('a.abstract') });

/** The API's own answer, to compare with what a widget shows. */
export async function apiLaws(query: string) {
  const res = await fetch(`${API}/api/v1/laws?${query}`);
  expect(res.ok).toBe(true);
  return ((await res.json()) as { items: { id: string; number: string; abstract: string }[] }).items;
}

/** Closes the block editor's welcome guide if it shows. */
export async function readyEditor(page: Page) {
  await page.waitForFunction(() => Boolean((window as unknown as { wp?: { data?: unknown } }).wp?.data));
  await page.evaluate(() => {
    const wp = (
      window as unknown as {
        wp: { data: { select(s: string): { isFeatureActive(f: string): boolean }; dispatch(s: string): { toggleFeature(f: string): void } } };
      }
    ).wp;
    if (wp.data.select('core/edit-post').isFeatureActive('welcomeGuide')) wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
  });
  await expect(page.locator('.edit-post-welcome-guide')).toHaveCount(0);
  await openSettings(page);
}

/** The editor's settings sidebar, where a block's settings are. */
export async function openSettings(page: Page) {
  const open = () =>
    page.evaluate(() =>
      (window as unknown as { wp: { data: { select(s: string): { isEditorSidebarOpened(): boolean } } } }).wp.data
        .select('core/edit-post')
        .isEditorSidebarOpened(),
    );
  if (!(await open())) await page.locator('.edit-post-header button[aria-label="Settings"]').first().click();
  expect(await open()).toBe(true);
}

/** Lines of WordPress's debug.log about the plugin's own code (notices, warnings, errors). */
export function pluginLogLines(log: string) {
  return log.split('\n').filter((line) => line.includes('/wp-content/plugins/pbgdpl/'));
}

/** Collects uncaught errors; a test expects none from the plugin. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
