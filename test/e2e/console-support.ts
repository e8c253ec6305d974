import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, API } from '../../playwright.config.js';

export const CONSOLE = `${API}/admin/`;
export const ADMIN_USERNAME = 'admin';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Signs the page's browser context in through the API (page.request shares the context's cookies),
 * then opens the console at `route` ("laws", "questions/ID"). The sign-in form itself is tested in
 * console-accounts.spec.ts; other specs start signed in.
 */
export async function signIn(page: Page, route = '', credentials = { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }) {
  const res = await page.request.post(`${API}/api/v1/admin/session`, { data: credentials, headers: { Origin: API } });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto(`${CONSOLE}${route ? `#/${route}` : ''}`);
  await expect(page.locator('pa-app main')).toBeVisible();
}

/** The session's CSRF token, for specs that call the API as the signed-in staff member. */
export async function csrfToken(page: Page): Promise<string> {
  const res = await page.request.get(`${API}/api/v1/admin/session`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** axe finds nothing on the page as it is now (shadow roots included). */
export async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
