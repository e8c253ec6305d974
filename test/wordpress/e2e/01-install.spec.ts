import { expect, test } from '@playwright/test';
import { ZIP, login, shot } from './support.js';

// Plugins → Add New → Upload Plugin with the zip the build made, then Activate: as a webmaster does.
test('an administrator uploads pbgdpl.zip and activates it', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/wp-admin/plugin-install.php');
  await page.locator('.upload-view-toggle').click();
  await page.locator('#pluginzip').setInputFiles(ZIP);
  await shot(page, '01-upload-plugin');
  await page.locator('#install-plugin-submit').click();
  await expect(page.locator('.wrap')).toContainText('Plugin installed successfully');
  await page.locator('a.button-primary[href*="action=activate"]').click();
  await page.waitForURL(/plugins\.php/);
  const row = page.locator('tr[data-plugin="pbgdpl/pbgdpl.php"]');
  await expect(row).toHaveClass(/\bactive\b/);
  await expect(row).toContainText('PBGDPL');
  await expect(row.locator('a[href*="options-general.php?page=pbgdpl"]')).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await shot(page, '02-plugin-active');
});
