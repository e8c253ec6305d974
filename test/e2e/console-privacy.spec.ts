import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
// A dependency of the API package, not of the workspace root: imported from there.
import { solveChallenge, type Challenge } from '../../packages/api/node_modules/altcha-lib/dist/esm/v2/index.js';
import { deriveKey } from '../../packages/api/node_modules/altcha-lib/dist/esm/v2/algorithms/sha.js';
import { ADMIN_TOKEN, API, HOST } from '../../playwright.config.js';
import { expectAxeClean, signIn } from './console-support.js';

/**
 * A privacy request end to end (docs/console/privacy.md): a citizen asks through the API, staff
 * answer and publish it, then the citizen asks for their data: staff find it by the e-mail typed
 * differently, download the copy, record the withdrawal of publication, and erase; the tracking
 * lookup then shows the answer without any identity. axe on every step; the staff guide's screenshots.
 */
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/images/console/privacy-${name}.png` });

test.use({ viewport: { width: 1366, height: 768 } });

test('find, export, withdraw publication, erase; the tracking lookup keeps no identity', async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const email = `tran.thi.hoa.${tag}@example.com`;
  const name = `Trần Thị Hoa ${tag}`;

  const challenge = (await (await request.get(`${API}/api/v1/challenge?site=demo`)).json()) as Challenge;
  const altcha = Buffer.from(JSON.stringify({ challenge, solution: await solveChallenge({ challenge, deriveKey }) })).toString('base64');
  await new Promise((r) => setTimeout(r, 1200));
  const sent = await request.post(`${API}/api/v1/questions`, {
    headers: { Origin: HOST, 'Idempotency-Key': `privacy-e2e-${tag}` },
    data: {
      site: 'demo',
      field: 'dat-dai',
      title: `Thủ tục tách thửa đất ở ${tag}`,
      content: 'Gia đình tôi muốn tách thửa đất ở để tặng cho con thì cần hồ sơ gì và nộp ở đâu?',
      name,
      email,
      noticeVersion: 'hoi-dap-2026-12',
      consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'],
      altcha,
    },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const { trackingCode } = (await sent.json()) as { trackingCode: string };
  const queue = await (await request.get(`${API}/api/v1/admin/questions?q=${encodeURIComponent(tag)}&sort=newest`, { headers: auth })).json();
  const id = queue.items[0].id as string;
  const answered = await request.post(`${API}/api/v1/admin/questions/${id}/answer`, {
    headers: auth,
    data: { html: '<p>Hồ sơ nộp tại Văn phòng đăng ký đất đai.</p>', publish: true },
  });
  expect(answered.status(), await answered.text()).toBe(200);

  await signIn(page, 'privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Dữ liệu cá nhân' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Xoá dữ liệu hết thời hạn lưu trữ' })).toBeVisible();
  await expectAxeClean(page);

  // Typed as the citizen wrote it on the phone: capitals and spaces.
  const contact = page.getByLabel('Thư điện tử hoặc số điện thoại người yêu cầu đã cung cấp');
  await contact.fill(`  ${email.toUpperCase()} `);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Dữ liệu đang lưu giữ' })).toBeFocused();
  const held = page.locator('pa-privacy-held');
  await expect(held.getByRole('link', { name: `Thủ tục tách thửa đất ở ${tag}` })).toBeVisible();
  await expect(held.getByText(name)).toBeVisible();
  await expect(held.getByText('Công khai câu hỏi và trả lời').first()).toBeVisible();
  await expectAxeClean(page);
  await shot(page, 'found');

  // The copy for the person: a JSON file with labels.
  const [download] = await Promise.all([page.waitForEvent('download'), held.getByRole('link', { name: 'Tải bản sao dữ liệu (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.json$/);
  const copy = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(copy.questions[0]).toMatchObject({ name, email, trackingCode, status: { code: 'answered', label: 'Đã trả lời' } });

  // Withdrawing publication takes the answer off the sites.
  await held.getByLabel('Mục đích').selectOption({ label: 'Công khai câu hỏi và trả lời' });
  await held.getByRole('button', { name: 'Ghi nhận rút đồng ý' }).click();
  await expect(held.locator('#outcome')).toContainText('Gỡ công khai 1 câu hỏi');
  await expect(held.getByText('Không công khai')).toBeVisible();
  await expectAxeClean(page);
  await shot(page, 'withdrawn');
  const published = await (await request.get(`${API}/api/v1/questions?q=${encodeURIComponent(tag)}`)).json();
  expect(published.items).toEqual([]);

  // Erasure, after a confirmation naming what goes and what stays.
  await held.getByRole('button', { name: 'Xoá dữ liệu cá nhân…' }).click();
  const dialog = held.getByRole('dialog', { name: 'Xoá dữ liệu cá nhân của người này?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Sẽ xoá: họ tên, thư điện tử, số điện thoại của 1 câu hỏi');
  await expect(dialog).toContainText('Vẫn giữ: nội dung câu hỏi');
  await expectAxeClean(page);
  await shot(page, 'erase-confirm');
  await dialog.getByRole('button', { name: 'Xoá dữ liệu cá nhân' }).click();
  await expect(held.locator('#outcome')).toBeFocused();
  await expect(held.locator('#outcome')).toContainText('Đã xoá dữ liệu cá nhân khỏi 1 câu hỏi');
  await expect(held.getByText('Không có dữ liệu nào gắn với liên hệ này', { exact: false })).toBeVisible();
  await expectAxeClean(page);

  // Run the purge now: a run appears in the history.
  await page.getByRole('button', { name: 'Chạy ngay' }).click();
  await expect(page.locator('pa-purge-runs .notice.ok')).toContainText('Đã chạy xong');
  await expect(page.locator('pa-purge-runs tbody tr').first()).toContainText('Hoàn tất');
  await shot(page, 'purge');

  const tracking = await (await request.get(`${API}/api/v1/questions/${trackingCode}`)).text();
  expect(JSON.parse(tracking).answer.html).toContain('Văn phòng đăng ký đất đai');
  expect(tracking).not.toContain(email);
  expect(tracking).not.toContain(name);
  const staffView = await (await request.get(`${API}/api/v1/admin/questions/${id}`, { headers: auth })).json();
  expect(staffView).toMatchObject({ name: null, email: null, phone: null });
});
