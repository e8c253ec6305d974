import { expect, test } from '@playwright/test';
import { API, login, shot, wpctl } from './support.js';

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
