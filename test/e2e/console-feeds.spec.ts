import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { API } from '../../playwright.config.js';
import { expectAxeClean, signIn } from './console-support.js';

/**
 * Document feeds in the console (docs/console/feeds.md): a portal's RSS feed, served by this spec,
 * tried before saving, saved, run now; its run history with what became of each item; a broken feed
 * whose error is said in Vietnamese and writes nothing. axe on every step; the staff guide's screenshots.
 */
const FIXTURES = new URL('../../packages/api/test/fixtures/feeds/', import.meta.url);
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/images/console/feeds-${name}.png` });

let portal: Server;
let base = '';
test.beforeAll(async () => {
  portal = createServer((req, res) => {
    try {
      const body = readFileSync(new URL((req.url ?? '/').slice(1), FIXTURES));
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => portal.close(() => resolve())));

test.use({ viewport: { width: 1366, height: 768 } });

test('an administrator adds a feed, tries it, runs it and reads its history', async ({ page }) => {
  await signIn(page, 'feeds');
  const screen = page.locator('pa-feeds');
  await expect(screen.getByRole('heading', { level: 1, name: 'Nguồn tin tự động' })).toBeVisible();
  await expect(screen.getByText('Chưa có nguồn tin nào khớp')).toBeVisible();
  await expectAxeClean(page);

  await screen.getByRole('button', { name: 'Thêm nguồn tin' }).click();
  const form = page.locator('pa-feed-form');
  await expect(form.getByRole('heading', { name: 'Thêm nguồn tin' })).toBeFocused();
  await form.getByLabel('Tên nguồn tin').fill('Văn bản mới – Cổng thông tin tỉnh Bắc Ninh');
  await form.getByLabel('Địa chỉ nguồn tin (RSS, Atom hoặc JSON Feed)').fill('ftp://bacninh.example.gov.vn/rss');
  await form.getByLabel('Lĩnh vực của văn bản').selectOption({ label: 'Phổ biến, giáo dục pháp luật' });
  await form.getByLabel('Cơ quan ban hành mặc định').selectOption({ label: 'UBND tỉnh Bắc Ninh' });
  await form.getByRole('button', { name: 'Lưu' }).click();
  // The API refuses the address; the console says why in Vietnamese, next to the field, and moves there.
  await expect(form.getByText('Địa chỉ phải bắt đầu bằng http:// hoặc https://.')).toBeVisible();
  await expect(form.getByLabel('Địa chỉ nguồn tin (RSS, Atom hoặc JSON Feed)')).toBeFocused();

  await form.getByLabel('Địa chỉ nguồn tin (RSS, Atom hoặc JSON Feed)').fill(`${base}/rss.xml`);
  await form.getByLabel('Tần suất đọc').selectOption({ label: '6 giờ một lần' });
  await form.getByRole('button', { name: 'Thử đọc nguồn tin' }).click();
  await expect(form.getByText('Đọc thử xong (chưa lưu gì): 4 mục: 3 văn bản mới, 0 trùng, 1 bị từ chối')).toBeVisible();
  await expect(form.locator('pa-feed-items').getByRole('cell', { name: '12/2025/QĐ-UBND', exact: true })).toBeVisible();
  await expect(form.locator('pa-feed-items').getByText('Không tìm thấy số ký hiệu')).toBeVisible();
  await expectAxeClean(page);
  await shot(page, 'form');

  await form.getByRole('button', { name: 'Lưu' }).click();
  const runs = page.locator('pa-feed-runs');
  await expect(runs.getByRole('heading', { name: 'Lịch sử chạy: Văn bản mới – Cổng thông tin tỉnh Bắc Ninh' })).toBeVisible();
  await screen.getByRole('button', { name: 'Chạy ngay' }).click();
  await expect(screen.locator('#run-result')).toHaveText(/Đã chạy "Văn bản mới – Cổng thông tin tỉnh Bắc Ninh": 4 mục: 3 văn bản mới, 0 trùng, 1 bị từ chối/);
  await expect(screen.locator('#run-result')).toBeFocused();
  await expect(runs.locator('ol .badge', { hasText: 'Hoàn tất' })).toBeVisible();
  await runs.getByText('Chi tiết từng mục').first().click();
  await expect(runs.getByRole('link', { name: /Xem văn bản 12\/2025\/QĐ-UBND/ })).toBeVisible();
  await expectAxeClean(page);
  await shot(page, 'runs');

  // The document is published: the public list finds it.
  const created = await page.request.get(`${API}/api/v1/laws?q=${encodeURIComponent('Quy chế phối hợp')}`);
  expect(((await created.json()) as { items: { number: string }[] }).items.map((i) => i.number)).toContain('12/2025/QĐ-UBND');

  // A second run skips every known number.
  await screen.getByRole('button', { name: 'Chạy ngay' }).click();
  await expect(screen.locator('#run-result')).toHaveText(/0 văn bản mới, 3 trùng, 1 bị từ chối/);

  // A broken feed: the error in Vietnamese, nothing written.
  await runs.getByRole('button', { name: 'Về danh sách nguồn tin' }).click();
  await screen.getByRole('button', { name: 'Thêm nguồn tin' }).click();
  await form.getByLabel('Tên nguồn tin').fill('Cổng thông tin Sở Tư pháp (lỗi)');
  await form.getByLabel('Địa chỉ nguồn tin (RSS, Atom hoặc JSON Feed)').fill(`${base}/broken.xml`);
  await form.getByLabel('Lĩnh vực của văn bản').selectOption({ label: 'Tư pháp' });
  await form.getByRole('button', { name: 'Lưu' }).click();
  await screen.getByRole('button', { name: 'Chạy ngay' }).click();
  await expect(screen.locator('#run-result')).toHaveText(/bị lỗi: Nội dung không phải RSS, Atom hay JSON Feed đọc được/);
  await runs.getByRole('button', { name: 'Về danh sách nguồn tin' }).click();

  const table = screen.getByRole('table', { name: 'Danh sách nguồn tin' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /Cổng thông tin Sở Tư pháp \(lỗi\)/ }).getByText('Lỗi', { exact: true })).toBeVisible();
  await expectAxeClean(page);
  await shot(page, 'list');

  // Filters live in the route: only failing feeds.
  await screen.getByLabel('Chỉ nguồn tin có lần chạy gần nhất bị lỗi').check();
  await screen.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/failing=true/);
  await expect(table.getByRole('row')).toHaveCount(2);

  // A phone's width: still usable, still clean.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(screen.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAxeClean(page);
});
