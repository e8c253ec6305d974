import { expect, test, type Page } from '@playwright/test';
import { API, WP, login, shot, wpctl } from './support.js';

test.describe.configure({ mode: 'serial' });

test('an administrator fills in Settings → PBGDPL', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/wp-admin/options-general.php?page=pbgdpl');
  await page.locator('#pbgdpl_api_origin').fill(`${API}/`); // a trailing slash is dropped on save
  await page.locator('#pbgdpl_site_key').fill('xa-thu-nghiem');
  await page.locator('#pbgdpl_lang').selectOption('vi');
  await page.locator('.wp-color-result').click(); // WordPress's colour picker opens the text box
  await page.locator('#pbgdpl_accent').fill('#b91c1c');
  await page.locator('#pbgdpl_source_bundled').check();
  await page.locator('#pbgdpl_offline').check();
  await page.locator('#submit').click();
  await expect(page.locator('#setting-error-settings_updated')).toBeVisible();
  await expect(page.locator('#pbgdpl_api_origin')).toHaveValue(API);
  await expect(page.locator('#pbgdpl_site_key')).toHaveValue('xa-thu-nghiem');
  await expect(page.locator('#pbgdpl_accent')).toHaveValue('#b91c1c');
  await expect(page.locator('#pbgdpl_source_bundled')).toBeChecked();
  await expect(page.locator('#pbgdpl_offline')).toBeChecked();
  await page.locator('#setting-error-settings_updated button.notice-dismiss').click();
  await shot(page, '03-settings', { fullPage: true });
});

// "Check site key and origin" asks the reference API from the admin's browser. run.sh registers
// this WordPress's address for the API's "demo" site; the saved key, xa-thu-nghiem, is unknown to it.
const checkButton = (page: Page) => page.getByRole('button', { name: 'Check site key and origin' });
const checkResult = (page: Page) => page.locator('#pbgdpl_site_check_result');

test("the check says when the province's server does not know the site key", async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/wp-admin/options-general.php?page=pbgdpl');
  await checkButton(page).click();
  await expect(checkResult(page)).toHaveClass(/notice-error/);
  await expect(checkResult(page)).toContainText("The province's server does not know the site key xa-thu-nghiem.");
  await expect(checkResult(page)).not.toContainText('not saved yet');
});

test('the check confirms a key whose address is registered, before it is saved', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/wp-admin/options-general.php?page=pbgdpl');
  await page.locator('#pbgdpl_site_key').fill('demo');
  const [asked] = await Promise.all([page.waitForRequest(`${API}/api/v1/views/token?site=demo`), checkButton(page).click()]);
  await expect(checkResult(page)).toHaveClass(/notice-success/);
  await expect(checkResult(page)).toContainText(`knows the site key demo, and this website's address ${WP} is registered for it`);
  await expect(checkResult(page)).toContainText('These values are not saved yet: press Save Changes to keep them.');
  expect(await asked.headerValue('origin')).toBe(WP); // this site's Origin, as a visitor's request carries it
  await shot(page, '11-site-check', { clip: await checkSection(page) });
  await page.reload(); // nothing was saved
  await expect(page.locator('#pbgdpl_site_key')).toHaveValue('xa-thu-nghiem');
});

test('the check says what to do when the address is not registered, the server is busy or cannot be reached', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/wp-admin/options-general.php?page=pbgdpl');
  const token = `${API}/api/v1/views/token?site=xa-thu-nghiem`;
  await page.route(token, (route) => route.fulfill({ json: { token: 't', expiresAt: 0, registered: false }, headers: { 'access-control-allow-origin': '*' } }));
  await checkButton(page).click();
  await expect(checkResult(page)).toHaveClass(/notice-warning/);
  await expect(checkResult(page)).toContainText(`this website's address ${WP} is not registered for it`);
  await expect(checkResult(page)).toContainText(`Ask the provincial Department of Justice (Sở Tư pháp) to register ${WP} for the site key xa-thu-nghiem.`);

  await page.unroute(token);
  await page.route(token, (route) =>
    route.fulfill({
      status: 429,
      json: { title: 'too many' },
      headers: { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Retry-After', 'retry-after': '30' },
    }),
  );
  await checkButton(page).click();
  await expect(checkResult(page)).toContainText('Try again in 30 seconds.');

  await page.unroute(token);
  await page.route(token, (route) => route.abort('connectionrefused'));
  await checkButton(page).click();
  await expect(checkResult(page)).toHaveClass(/notice-error/);
  await expect(checkResult(page)).toContainText(`The province's server at ${API} could not be reached.`);
  await expect(checkButton(page)).toBeEnabled();

  await page.locator('#pbgdpl_site_key').fill('Xã Thử');
  await checkButton(page).click();
  await expect(checkResult(page)).toContainText('The site key may contain only lower-case letters');
});

test('the check speaks Vietnamese to a user whose language is Tiếng Việt', async ({ page }) => {
  wpctl('user-locale', 'admin', 'vi');
  try {
    await login(page, 'admin');
    await page.goto('/wp-admin/options-general.php?page=pbgdpl');
    await page.getByRole('button', { name: 'Kiểm tra mã trang và địa chỉ' }).click();
    await expect(checkResult(page)).toContainText('Máy chủ của tỉnh không có mã trang xa-thu-nghiem.');
    await page.locator('#pbgdpl_site_key').fill('demo');
    await page.getByRole('button', { name: 'Kiểm tra mã trang và địa chỉ' }).click();
    await expect(checkResult(page)).toContainText(`địa chỉ ${WP} của trang web này đã được đăng ký cho mã đó`);
    await expect(checkResult(page)).toContainText('Các giá trị này chưa được lưu');
  } finally {
    wpctl('user-locale', 'admin', '');
  }
});

/** The rows of the server section, for the screenshot. */
async function checkSection(page: Page) {
  const top = await page.locator('#pbgdpl_api_origin').boundingBox();
  const bottom = await checkResult(page).boundingBox();
  if (!top || !bottom) throw new Error('the settings form is not laid out');
  return { x: 0, y: Math.max(0, top.y - 24), width: Math.min(1440, bottom.x + bottom.width + 24), height: bottom.y + bottom.height - top.y + 48 };
}

test('values that are not allowed are refused with a message, and the saved ones kept', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/wp-admin/options-general.php?page=pbgdpl');
  await page.locator('#pbgdpl_api_origin').evaluate((input: HTMLInputElement) => (input.type = 'text')); // past the browser's own check
  await page.locator('#pbgdpl_api_origin').fill('javascript:alert(1)');
  await page.locator('#pbgdpl_site_key').evaluate((input: HTMLInputElement) => input.removeAttribute('pattern'));
  await page.locator('#pbgdpl_site_key').fill('Xã "Thử" <b>');
  await page.locator('#submit').click();
  await expect(page.locator('#setting-error-pbgdpl_api_origin')).toBeVisible();
  await expect(page.locator('#setting-error-pbgdpl_site_key')).toBeVisible();
  await expect(page.locator('#pbgdpl_api_origin')).toHaveValue(API);
  await expect(page.locator('#pbgdpl_site_key')).toHaveValue('xa-thu-nghiem');
  const stored = wpctl('option-get', 'pbgdpl_settings');
  expect(stored).toContain(`"${API}"`);
  expect(stored).not.toContain('javascript');
});

test('the settings page is in Vietnamese for a user whose language is Tiếng Việt', async ({ page }) => {
  wpctl('user-locale', 'admin', 'vi');
  try {
    await login(page, 'admin');
    await page.goto('/wp-admin/options-general.php?page=pbgdpl');
    await expect(page.locator('h1')).toHaveText('Cài đặt PBGDPL');
    await expect(page.locator('label[for="pbgdpl_api_origin"]')).toHaveText('Địa chỉ máy chủ');
    await expect(page.locator('label:has(#pbgdpl_offline)')).toContainText('Vẫn xem được tiện ích khi mất mạng');
    await expect(page.locator('.wrap table.widefat')).toContainText('Văn bản pháp luật mới');
    await shot(page, '04-settings-vi', { fullPage: true });
  } finally {
    wpctl('user-locale', 'admin', '');
  }
  await page.reload();
  await expect(page.locator('label[for="pbgdpl_api_origin"]')).toHaveText('Server address');
});
