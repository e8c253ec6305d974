import { expect, test } from '@playwright/test';
import { SHORTCODE_PAGE, apiLaws, lawRows, login, shot, wpctl } from './support.js';

// The classic widget in the theme's sidebar (Twenty Twenty-One: "Footer"). It is placed with
// wpctl, as Appearance → Widgets would store it; the test then checks the page and the admin screen.
test('the classic widget shows in the sidebar, and its form in Appearance → Widgets', async ({ browser, page }) => {
  wpctl(
    'sidebar-widget',
    'sidebar-1',
    'pbgdpl_latest_laws',
    JSON.stringify({ limit: '2', compact: '1', heading: 'Văn bản mới', theme: 'dark', field: 'NOT A CODE' }),
  );
  const visitor = await browser.newPage();
  await visitor.goto(`/${SHORTCODE_PAGE.slug}/`);
  const widget = visitor.locator('.widget-area .pbgdpl-classic-widget [data-pbgdpl="latest-laws"]');
  await expect(widget).toHaveAttribute('data-limit', '2');
  await expect(widget).toHaveAttribute('data-theme', 'dark');
  expect(await widget.getAttribute('data-field')).toBeNull(); // not a code: left out
  const laws = await apiLaws('limit=2');
  await expect(lawRows(visitor, '.widget-area pbgdpl-latest-laws')).toHaveCount(2);
  await expect(lawRows(visitor, '.widget-area pbgdpl-latest-laws').first()).toContainText(laws[0]!.abstract);
  await widget.scrollIntoViewIfNeeded();
  await shot(visitor, '10-sidebar-widget');
  await visitor.close();

  await login(page, 'admin');
  await page.goto('/wp-admin/widgets.php');
  await page
    .locator('.edit-widgets-welcome-guide, .components-modal__frame')
    .first()
    .waitFor({ timeout: 5000 })
    .then(
      () => page.keyboard.press('Escape'),
      () => undefined,
    );
  const legacy = page.locator('.wp-block-legacy-widget', { hasText: 'PBGDPL' }).first();
  await expect(legacy).toBeVisible();
  await legacy.click();
  await expect(page.locator('.wp-block-legacy-widget input[id$="-limit"]').first()).toHaveValue('2');
  await shot(page, '09-classic-widget-form');
});
