import { expect, test, type Page } from '@playwright/test';
import { API, HOST } from '../../playwright.config.js';
import { expectAxeClean, signIn } from './console-support.js';

/**
 * The sites registry in the console (docs/console/sites.md): an administrator registers a site
 * for the host origin, copies its snippet, and a page on that origin embedding the feedback form
 * with that snippet sends feedback that arrives in the console's list. axe on every screen; the
 * staff guide's screenshots.
 */
const tag = Date.now().toString(36);
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/images/console/sites-${name}.png` });

test.use({ viewport: { width: 1366, height: 768 } });

test('register a site for an origin, copy its snippet, and feedback from a page there arrives in the list', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: API });
  const name = `UBND xã Thử Nghiệm ${tag}`;
  const key = `ubnd-xa-thu-nghiem-${tag}`;

  await signIn(page, 'sites');
  await expect(page.getByRole('heading', { level: 1, name: 'Trang thông tin điện tử' })).toBeVisible();
  await expectAxeClean(page);
  await page.getByRole('link', { name: 'Đăng ký trang mới' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký trang mới' })).toBeVisible();

  // A bad origin is refused next to its input, in Vietnamese, and nothing is registered.
  await page.getByLabel('Tên trang (cơ quan)').fill(name);
  await page.getByLabel('Loại cơ quan').selectOption({ label: 'UBND cấp xã' });
  await page.getByLabel('Địa chỉ được phép gửi câu hỏi, góp ý').fill(`${HOST}\nxa-thu-nghiem.gov.vn/trang-chu`);
  await page.getByRole('button', { name: 'Đăng ký trang' }).click();
  const origins = page.getByLabel('Địa chỉ được phép gửi câu hỏi, góp ý');
  await expect(origins).toHaveAttribute('aria-invalid', 'true');
  await expect(origins).toBeFocused();
  await expect(page.locator('#origins-error')).toHaveText('Dòng 2 không phải địa chỉ trang, hãy viết dạng https://ten-mien.gov.vn');
  await expectAxeClean(page);

  await origins.fill(HOST);
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Quản Trị');
  await page.getByLabel('Số điện thoại').fill('0222 3822 123');
  await page.getByLabel('Thư điện tử', { exact: true }).fill('quantri@xathunghiem.example.gov.vn');
  await shot(page, 'new');
  await page.getByRole('button', { name: 'Đăng ký trang' }).click();

  // The key was made from the name; the site's screen shows its snippet and its activity.
  await expect(page).toHaveURL(new RegExp(`#/sites/${key}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.locator('#pa-live-status')).toHaveText(`Đã đăng ký trang ${name}. Các địa chỉ của trang gửi được ngay.`);
  await expect(page.locator('pa-site-activity table').first()).toBeVisible();
  await expectAxeClean(page);

  await page.getByLabel('Tiện ích').selectOption({ label: 'Góp ý, phản hồi' });
  await page.getByRole('button', { name: 'Sao chép mã' }).click();
  await expect(page.locator('#pa-live-status')).toHaveText('Đã sao chép mã nhúng.');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toBe(`<script src="${API}/embed/v1/loader.js" data-site="${key}" async></script>\n<div data-pbgdpl="feedback-form"></div>`);
  await shot(page, 'site');

  // The site's webmaster pastes the snippet into a page on the registered origin (the host test
  // site's front page, which carries no loader of its own), as its CMS would: markup, not a script.
  const host = await context.newPage();
  await host.goto(`${HOST}/index.html`);
  await host.evaluate((code) => {
    const parsed = new DOMParser().parseFromString(code, 'text/html');
    const tag = parsed.querySelector('script')!;
    const script = document.createElement('script');
    for (const { name, value } of [...tag.attributes]) script.setAttribute(name, value);
    document.head.append(script);
    document.querySelector('main')!.prepend(document.importNode(parsed.querySelector('[data-pbgdpl]')!, true));
  }, snippet);
  const form = host.locator('pbgdpl-feedback-form');
  const message = `Trang của xã dễ tìm văn bản ${tag}`;
  await form.getByText('Rất hài lòng').click();
  await form.getByLabel(/Ý kiến của bạn/).fill(message);
  await form.getByRole('checkbox', { name: /xử lý ý kiến của tôi/ }).check();
  await form.getByRole('button', { name: 'Gửi góp ý' }).click();
  await expect(form.locator('#thanks')).toHaveText('Cảm ơn bạn đã góp ý.', { timeout: 15_000 });
  await host.close();

  // It arrives at once, under the new site.
  await page.goto(`${API}/admin/#/feedback?site=${key}`);
  const items = page.locator('pa-feedback-item');
  await expect(items).toHaveCount(1);
  await expect(items.locator('.message')).toHaveText(message);
  await expect(items.locator('h3')).toContainText(name);

  // The registry lists it, found without diacritics, with the kind and level as labels.
  await page.goto(`${API}/admin/#/sites?q=thu+nghiem+${tag}`);
  const row = page.locator('pa-sites tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(1)).toHaveText('UBND cấp xã');
  await expect(row.locator('td').nth(2)).toHaveText('Cấp xã');
  await expect(row.locator('td').nth(6)).toHaveText('1');
  await expect(row.locator('td').nth(7)).toHaveText('100%');
  await page.goto(`${API}/admin/#/sites`);
  await expect(page.locator('pa-sites tbody tr').first()).toBeVisible();
  await expectAxeClean(page);
  await shot(page, 'list');
});

test('at 360 px the registry and a site are usable: no sideways scrolling, axe clean', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, 'sites/demo');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('pa-site-activity table').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAxeClean(page);
});
