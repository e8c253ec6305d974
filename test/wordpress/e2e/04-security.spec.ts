import { expect, test, type Page } from '@playwright/test';
import { API, WP, lawRows, login, wpctl } from './support.js';

test.describe.configure({ mode: 'serial' });

// Script injection a contributor might try: through a shortcode's attributes, a block's attributes
// (as JSON in the block comment) and a placeholder written by hand in a Custom HTML block.
const PWN = 'window.__pwned=(window.__pwned||0)+1';
const CONTENT = [
  `[pbgdpl_latest_laws heading='"><img src=x onerror=${PWN}>' field='x" onmouseover="${PWN}' limit='3" onfocus="${PWN}' theme="dark' autofocus onfocus='${PWN}"]`,
  `<!-- wp:pbgdpl/latest-laws ${JSON.stringify({
    heading: `</div><img src=x onerror=${PWN}><script>${PWN}</script>`,
    field: `" onmouseover="${PWN}`,
    theme: `dark" onload="${PWN}`,
    limit: `3" onload="${PWN}`,
    className: `x" onmouseover="${PWN}`,
  })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')} /-->`,
  `<!-- wp:html --><div data-pbgdpl="latest-laws" data-onmouseover="${PWN}" data-api="http://127.0.0.1:8839" data-site="evil" data-limit="2"></div><!-- /wp:html -->`,
].join('\n\n');

let postId = 0;

/** Loads a page, moves the pointer over every widget, and checks that nothing ran. */
async function expectNothingRan(page: Page, url: string) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await expect(lawRows(page).first()).toBeVisible();
  for (const el of await page.locator('[data-pbgdpl]').all()) await el.hover({ force: true });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // No event handler attribute on any placeholder or widget, and every widget reads the province's server.
  const attributes = await page.locator('[data-pbgdpl], pbgdpl-latest-laws').evaluateAll((els) => els.flatMap((el) => el.getAttributeNames()));
  expect(attributes.filter((a) => /^on|^data-on/.test(a))).toEqual([]);
  for (const api of await page.locator('pbgdpl-latest-laws').evaluateAll((els) => els.map((el) => el.getAttribute('api')))) expect(api).toBe(API);
  expect(await page.locator('script:not([src])').evaluateAll((els) => els.filter((s) => s.textContent?.includes('__pwned')).length)).toBe(0);
}

test('a contributor puts script injection into shortcode, block and placeholder attributes', async ({ page }) => {
  await login(page, 'contributor');
  await page.goto('/wp-admin/post-new.php');
  const nonce = await page.evaluate(() => (window as unknown as { wpApiSettings: { nonce: string } }).wpApiSettings.nonce);
  // The editor saves through this REST route; a contributor may only submit for review.
  const res = await page.request.post(`${WP}/wp-json/wp/v2/posts`, {
    headers: { 'X-WP-Nonce': nonce },
    data: { title: 'Thử chèn mã', content: CONTENT, status: 'pending' },
  });
  expect(res.status()).toBe(201);
  postId = ((await res.json()) as { id: number }).id;
  // WordPress filtered the HTML, and the plugin removed what no widget knows from the placeholder.
  const stored = wpctl('post-content', String(postId));
  expect(stored).toContain('data-pbgdpl="latest-laws"');
  expect(stored).toContain('data-limit="2"');
  expect(stored).not.toContain('data-onmouseover');
  expect(stored).not.toContain('data-api');
  expect(stored).not.toContain('data-site');
});

test('nothing runs when an administrator previews the post', async ({ page }) => {
  expect(postId).toBeGreaterThan(0);
  await login(page, 'admin');
  await expectNothingRan(page, `/?p=${postId}&preview=true`);
  const placeholder = page.locator('.entry-content [data-pbgdpl]:not(.pbgdpl-widget)');
  await expect(placeholder).toHaveAttribute('data-limit', '2');
  expect(await placeholder.evaluate((el) => el.getAttributeNames().sort())).toEqual(['data-limit', 'data-pbgdpl', 'data-pbgdpl-ready']);
});

test('nothing runs for a visitor once the post is published', async ({ browser, page }) => {
  await login(page, 'admin');
  await page.goto(`/wp-admin/post.php?post=${postId}&action=edit`);
  const nonce = await page.evaluate(() => (window as unknown as { wpApiSettings: { nonce: string } }).wpApiSettings.nonce);
  const res = await page.request.post(`${WP}/wp-json/wp/v2/posts/${postId}`, { headers: { 'X-WP-Nonce': nonce }, data: { status: 'publish' } });
  expect(res.status()).toBe(200);
  const link = ((await res.json()) as { link: string }).link;
  const visitor = await browser.newContext();
  await expectNothingRan(await visitor.newPage(), link);
  await visitor.close();
});

test('settings cannot be changed without manage_options', async ({ page }) => {
  await login(page, 'contributor');
  const before = wpctl('option-get', 'pbgdpl_settings');
  const screen = await page.request.get(`${WP}/wp-admin/options-general.php?page=pbgdpl`);
  expect(screen.status()).toBe(403);
  const res = await page.request.post(`${WP}/wp-admin/options.php`, {
    form: {
      option_page: 'pbgdpl',
      action: 'update',
      _wpnonce: 'made-up',
      'pbgdpl_settings[api_origin]': 'https://evil.example',
      'pbgdpl_settings[source]': 'province',
    },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  expect(wpctl('option-get', 'pbgdpl_settings')).toBe(before);
});

test('settings cannot be changed with a bad nonce, even by an administrator', async ({ page }) => {
  await login(page, 'admin');
  const before = wpctl('option-get', 'pbgdpl_settings');
  const res = await page.request.post(`${WP}/wp-admin/options.php`, {
    form: {
      option_page: 'pbgdpl',
      action: 'update',
      _wpnonce: 'bad-nonce',
      _wp_http_referer: '/wp-admin/options-general.php?page=pbgdpl',
      'pbgdpl_settings[api_origin]': 'https://evil.example',
      'pbgdpl_settings[source]': 'province',
    },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  expect(await res.text()).toContain('link you followed has expired');
  expect(wpctl('option-get', 'pbgdpl_settings')).toBe(before);
});
