import { expect, test, type Page } from '@playwright/test';
import { API, BLOCK_PAGE, SHORTCODE_PAGE, apiLaws, lawRows, login, openSettings, readyEditor, shot, watchErrors } from './support.js';

test.describe.configure({ mode: 'serial' });

/** Opens Pages → Add New with the title typed in. */
async function newPage(page: Page, title: string) {
  await page.goto('/wp-admin/post-new.php?post_type=page');
  await readyEditor(page);
  await page.locator('.editor-post-title__input').fill(title);
}

/** Publish, confirm, and return the page's address. */
async function publish(page: Page) {
  await page.locator('.editor-post-publish-panel__toggle').click();
  await page.locator('.editor-post-publish-panel .editor-post-publish-button').click();
  await expect(page.locator('.post-publish-panel__postpublish')).toBeVisible();
  return page.evaluate(() =>
    (window as unknown as { wp: { data: { select(s: string): { getPermalink(): string } } } }).wp.data.select('core/editor').getPermalink(),
  );
}

test('a page with the Latest legal documents block, made in the block editor', async ({ page }) => {
  const errors = watchErrors(page);
  await login(page, 'admin');
  await newPage(page, BLOCK_PAGE.title);

  // The inserter, as an editor would use it.
  await page.locator('.edit-post-header-toolbar__inserter-toggle').click();
  await page.locator('.block-editor-inserter__search input').fill('PBGDPL');
  await page.locator('.block-editor-block-types-list__item', { hasText: 'Latest legal documents' }).click();
  await page.locator('.edit-post-header-toolbar__inserter-toggle').click(); // close the inserter
  await openSettings(page);
  const block = page.locator('.wp-block-pbgdpl-latest-laws');
  await expect(block).toHaveCount(1);

  // The real widget shows in the editor, with the server's data.
  const expected = await apiLaws('limit=5');
  await expect(lawRows(page, '.wp-block-pbgdpl-latest-laws pbgdpl-latest-laws')).toHaveCount(5);
  await expect(lawRows(page, '.wp-block-pbgdpl-latest-laws pbgdpl-latest-laws').first()).toContainText(expected[0]!.abstract);

  // Its settings in the sidebar: the field list comes from the server's GET /api/v1/meta.
  const sidebar = page.locator('.block-editor-block-inspector');
  await sidebar.getByRole('spinbutton', { name: 'Number of documents' }).fill('3');
  const field = sidebar.getByRole('combobox', { name: 'Field' });
  await expect(field.locator('option[value="dat-dai"]')).toHaveCount(1);
  await field.selectOption('dat-dai');
  await sidebar.getByRole('checkbox', { name: 'Show a search box' }).check();
  await sidebar.getByRole('textbox', { name: 'Heading' }).fill('Văn bản đất đai mới');
  const preview = page.locator('.wp-block-pbgdpl-latest-laws pbgdpl-latest-laws');
  await expect(preview).toHaveAttribute('field', 'dat-dai');
  await expect(preview).toHaveAttribute('show-search', '');
  const landLaws = await apiLaws('limit=3&field=dat-dai');
  await expect(lawRows(page, '.wp-block-pbgdpl-latest-laws pbgdpl-latest-laws')).toHaveCount(landLaws.length);
  await expect(preview.locator('[part="heading"]')).toHaveText('Văn bản đất đai mới');
  await shot(page, '05-block-editor');

  const url = await publish(page);
  expect(url).toContain(`/${BLOCK_PAGE.slug}/`);
  // The saved post is real block markup with the chosen attributes.
  const saved = await page.evaluate(() =>
    (window as unknown as { wp: { data: { select(s: string): { getEditedPostContent(): string } } } }).wp.data.select('core/editor').getEditedPostContent(),
  );
  expect(saved).toContain('<!-- wp:pbgdpl/latest-laws {"limit":3,"field":"dat-dai","showSearch":true,"heading":"Văn bản đất đai mới"} /-->');
  expect(errors).toEqual([]);
});

test('a page with a shortcode, made in the block editor with the Shortcode block', async ({ page }) => {
  await login(page, 'admin');
  await newPage(page, SHORTCODE_PAGE.title);
  await page.locator('.editor-post-title__input').press('End');
  await page.keyboard.press('Enter'); // from the title into the first paragraph
  await page.keyboard.type('/shortcode');
  await page.locator('.components-autocomplete__result', { hasText: 'Shortcode' }).click();
  await page.locator('.wp-block-shortcode textarea').fill('[pbgdpl_latest_laws limit="4" type="luat" compact]');
  const url = await publish(page);
  expect(url).toContain(`/${SHORTCODE_PAGE.slug}/`);
});

test("a visitor sees both pages with the widgets showing the API's data", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);

  // The block page.
  await page.goto(`/${BLOCK_PAGE.slug}/`);
  const placeholder = page.locator('.entry-content [data-pbgdpl="latest-laws"]');
  await expect(placeholder).toHaveAttribute('style', /--pbgdpl-accent:#b91c1c;min-height:calc\(27\.525em \+ 93px\)/);
  const landLaws = await apiLaws('limit=3&field=dat-dai');
  await expect(lawRows(page)).toHaveCount(landLaws.length);
  for (const [i, law] of landLaws.entries()) await expect(lawRows(page).nth(i)).toContainText(law.abstract);
  await expect(page.locator('pbgdpl-latest-laws [part="heading"]')).toHaveText('Văn bản đất đai mới');
  await expect(page.locator('pbgdpl-latest-laws input[type="search"]')).toBeVisible();
  // The accent colour reaches the widget's links through its shadow root.
  const linkColour = await lawRows(page)
    .first()
    .locator('a.abstract')
    .evaluate((a) => getComputedStyle(a).color);
  expect(linkColour).toBe('rgb(185, 28, 28)');
  // One loader, async, with the settings on its tag; from the plugin's own copy.
  const loader = page.locator('script#pbgdpl-loader-js');
  await expect(loader).toHaveCount(1);
  await expect(loader).toHaveAttribute('async', '');
  await expect(loader).toHaveAttribute('data-site', 'xa-thu-nghiem');
  await expect(loader).toHaveAttribute('data-api', API);
  await expect(loader).toHaveAttribute('data-lang', 'vi');
  await expect(loader).toHaveAttribute('src', /\/wp-content\/plugins\/pbgdpl\/assets\/v1\/loader\.js\?ver=/);
  await page.locator('.entry-content').scrollIntoViewIfNeeded();
  await shot(page, '06-block-page');

  // The shortcode page.
  await page.goto(`/${SHORTCODE_PAGE.slug}/`);
  const laws = await apiLaws('limit=4&type=luat');
  await expect(lawRows(page)).toHaveCount(laws.length);
  await expect(lawRows(page).first()).toContainText(laws[0]!.abstract);
  await expect(page.locator('pbgdpl-latest-laws')).toHaveAttribute('compact', '');
  await page.locator('.entry-content').scrollIntoViewIfNeeded();
  await shot(page, '07-shortcode-page');
  expect(errors).toEqual([]);
  await context.close();
});
