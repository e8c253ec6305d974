import { expect, test } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { DEBUG_LOG, SHORTCODE_PAGE, login, pluginLogLines, wpctl } from './support.js';

// Deactivate and activate again through Plugins, with WP_DEBUG on: the settings stay, and
// WordPress's debug.log has no notice, warning or error from the plugin's code in the whole run.
test('the plugin deactivates and activates cleanly', async ({ page }) => {
  const settings = wpctl('option-get', 'pbgdpl_settings');
  await login(page, 'admin');
  await page.goto('/wp-admin/plugins.php');
  await page.locator('tr[data-plugin="pbgdpl/pbgdpl.php"] a[href*="action=deactivate"]').click();
  await expect(page.locator('tr[data-plugin="pbgdpl/pbgdpl.php"]')).toHaveClass(/\binactive\b/);

  const visitor = await page.context().browser()!.newPage();
  await visitor.goto(`/${SHORTCODE_PAGE.slug}/`);
  await expect(visitor.locator('script#pbgdpl-loader-js')).toHaveCount(0);
  await visitor.close();

  await page.locator('tr[data-plugin="pbgdpl/pbgdpl.php"] a[href*="action=activate"]').click();
  await expect(page.locator('tr[data-plugin="pbgdpl/pbgdpl.php"]')).toHaveClass(/\bactive\b/);
  expect(wpctl('option-get', 'pbgdpl_settings')).toBe(settings);

  const log = existsSync(DEBUG_LOG) ? readFileSync(DEBUG_LOG, 'utf8') : '';
  expect(pluginLogLines(log)).toEqual([]);
});
