import { expect, test } from '@playwright/test';
import { BLOCK_PAGE, WP, apiLaws, lawRows, shot } from './support.js';

// Offline mode (bundled scripts + offline on, set by 02-settings): visit once, lose the network, reload.
test('a page read once still shows its widget and its last data without a network', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = `${WP}/${BLOCK_PAGE.slug}/`;
  const laws = await apiLaws('limit=3&field=dat-dai');

  await page.goto(url);
  await expect(lawRows(page)).toHaveCount(laws.length);
  await expect(page.locator('html')).toHaveAttribute('data-pbgdpl-offline', 'ready');
  // The worker holds the page, the bundle and the API's answer.
  await expect
    .poll(() =>
      page.evaluate(async (pageUrl) => {
        const has = async (cache: string, test: (u: string) => boolean) =>
          (await caches.has(cache)) && (await (await caches.open(cache)).keys()).some((r) => test(r.url));
        const names = await caches.keys();
        const precache = names.find((n) => n.startsWith('pbgdpl-precache'));
        return [
          await has('pbgdpl-pages', (u) => u === pageUrl),
          await has('pbgdpl-api', (u) => u.includes('/api/v1/laws') && u.includes('field=dat-dai')),
          Boolean(precache) && (await has(precache!, (u) => u.includes('/assets/v1/loader.js'))),
        ];
      }, url),
    )
    .toEqual([true, true, true]);
  const sw = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
  expect(sw).toBe(`${WP}/`);

  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(lawRows(page)).toHaveCount(laws.length);
  for (const [i, law] of laws.entries()) await expect(lawRows(page).nth(i)).toContainText(law.abstract);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.locator('.entry-content').scrollIntoViewIfNeeded();
  await shot(page, '08-offline');
  await context.close();
});
