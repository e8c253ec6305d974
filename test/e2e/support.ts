import { expect, type Page } from '@playwright/test';

/** Console errors, uncaught exceptions and CSP violations a page produced; a test expects none. */
export function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

/** The rows of a latest-laws widget (Playwright's CSS locators pierce open shadow roots). */
export const lawItems = (page: Page, host = 'pbgdpl-latest-laws') => page.locator(`${host} li.item`).filter({ has: page.locator('a') });

export async function expectList(page: Page, count: number, host?: string) {
  await expect(lawItems(page, host)).toHaveCount(count);
}
