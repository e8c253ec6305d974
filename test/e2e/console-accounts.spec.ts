import { expect, test, type Page } from '@playwright/test';
// otpauth is a dependency of the API package, not of the workspace root: imported from there.
// @ts-expect-error -- a path into another package's folder has no declaration of its own; its types are these:
import * as otpauthRuntime from '../../packages/api/node_modules/otpauth/dist/otpauth.esm.js';
import type * as Otpauth from '../../packages/api/node_modules/otpauth/dist/otpauth.d.ts';

const { Secret, TOTP } = otpauthRuntime as typeof Otpauth;
import { ADMIN_PASSWORD, API } from '../../playwright.config.js';
import { ADMIN_USERNAME, CONSOLE, expectAxeClean } from './console-support.js';

/**
 * Accounts in the console: signing in (wrong password, lockout), inviting an editor who accepts
 * in another browser, two-step sign-in, what an editor may not see, tokens, the audit log, signing
 * out. Takes the screenshots of docs/console/accounts.md.
 */
test.use({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
test.describe.configure({ mode: 'serial' });
test.setTimeout(60_000);

const shot = (page: Page, name: string) => page.screenshot({ path: `docs/images/console/accounts-${name}.png` });
const EDITOR = { username: 'binh.nguyen', password: 'mot-mat-khau-rat-dai-2026' };

async function signInWithForm(page: Page, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('a wrong password is said in Vietnamese; too many lock the name; the right one opens the console', async ({ page }) => {
  await page.goto(CONSOLE);
  await expect(page.getByRole('heading', { name: 'Đăng nhập', level: 1 })).toBeVisible();
  await expectAxeClean(page);
  await shot(page, 'sign-in');

  await signInWithForm(page, ADMIN_USERNAME, 'khong-phai-mat-khau');
  await expect(page.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu.' })).toBeVisible();
  await expect(page.getByText('wrong user name or password')).toHaveCount(0);
  await expectAxeClean(page);
  await shot(page, 'wrong-password');

  for (let i = 1; i <= 5; i++) await signInWithForm(page, 'khong.ton.tai', `doan-mat-khau-${i}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Đăng nhập sai quá nhiều lần. Thử lại sau 1 phút.' })).toBeVisible();

  await signInWithForm(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.locator('pa-app main')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  const cookies = await page.context().cookies(API);
  expect(cookies.find((c) => c.name === '__Host-pbgdpl-staff')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
});

test('an administrator invites an editor, who accepts in another browser, turns two-step sign-in on and signs in with a code', async ({ page, browser }) => {
  await page.goto(CONSOLE);
  await signInWithForm(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await page.goto(`${CONSOLE}#/staff`);
  await expect(page.getByRole('heading', { name: 'Cán bộ', level: 1 })).toBeVisible();
  await expect(page.getByRole('cell', { name: /Quản trị viên/ }).first()).toBeVisible();
  await page.getByLabel('Họ tên người được mời').fill('Nguyễn Văn Bình');
  await page.getByLabel('Vai trò', { exact: true }).last().selectOption('editor');
  await page.getByRole('button', { name: 'Tạo lời mời' }).click();
  const link = page.getByLabel('Đường dẫn lời mời');
  await expect(link).toBeFocused();
  const url = await link.inputValue();
  expect(url).toMatch(new RegExp(`^${API}/admin/#/invite/[A-Za-z0-9_-]{43}$`));
  await expectAxeClean(page);
  await shot(page, 'staff');

  const other = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const editor = await other.newPage();
  await editor.goto(url);
  await expect(editor.getByText('Lời mời dành cho Nguyễn Văn Bình, vai trò Biên tập viên')).toBeVisible();
  await editor.getByLabel('Tên đăng nhập').fill(EDITOR.username);
  await editor.getByLabel('Mật khẩu', { exact: true }).fill(EDITOR.password);
  await editor.getByLabel('Nhập lại mật khẩu').fill(EDITOR.password);
  await expectAxeClean(editor);
  await shot(editor, 'invite');
  await editor.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(editor.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await expect(editor.getByText('Nguyễn Văn Bình · Biên tập viên')).toBeVisible();

  // The same link works once.
  const again = await other.request.get(`${API}/api/v1/admin/invites/${url.split('/').pop()}`);
  expect(again.status()).toBe(404);

  // An editor sees no administrator screens, and the API refuses them.
  const menu = editor.getByRole('navigation', { name: 'Danh mục' });
  await expect(menu.getByRole('link', { name: 'Văn bản pháp luật', exact: true })).toBeVisible();
  for (const name of ['Cán bộ', 'Khoá truy cập API', 'Nhật ký thao tác']) await expect(menu.getByRole('link', { name, exact: true })).toHaveCount(0);
  await editor.goto(`${CONSOLE}#/staff`);
  await expect(editor.getByText('Chức năng này dành cho quản trị viên.')).toBeVisible();
  expect((await editor.request.get(`${API}/api/v1/admin/staff`)).status()).toBe(403);
  expect((await editor.request.get(`${API}/api/v1/admin/audit`)).status()).toBe(403);

  // Two-step sign-in: the QR code, the key, a confirm code.
  await editor.goto(`${CONSOLE}#/account`);
  await editor.getByRole('button', { name: 'Bật đăng nhập hai bước' }).click();
  await expect(editor.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' })).toBeVisible();
  const secret = (await editor.locator('pa-account code').textContent())!.trim();
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  await expect(editor.getByLabel('Mã xác thực (6 chữ số)')).toBeFocused();
  await expectAxeClean(editor);
  await shot(editor, 'totp');
  await editor.getByLabel('Mã xác thực (6 chữ số)').fill(totp.generate());
  await editor.getByRole('button', { name: 'Xác nhận và bật' }).click();
  await expect(editor.getByText('Đang bật: khi đăng nhập cần thêm mã từ ứng dụng xác thực.')).toBeVisible();
  await expectAxeClean(editor);

  await editor.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(editor.getByRole('heading', { name: 'Đăng nhập', level: 1 })).toBeVisible();
  await signInWithForm(editor, EDITOR.username, EDITOR.password);
  await expect(editor.getByRole('alert').filter({ hasText: 'Nhập mã 6 chữ số trong ứng dụng xác thực.' })).toBeVisible();
  const code = editor.getByLabel('Mã xác thực (6 chữ số)');
  await expect(code).toBeFocused();
  await expectAxeClean(editor);
  await shot(editor, 'sign-in-code');
  // The confirm code is spent; the app's next code (one step ahead is allowed for clock drift) is new.
  await code.fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await editor.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(editor.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await other.close();
});

test('tokens for scripts: made once, listed, revoked; the audit log shows who did what', async ({ page }) => {
  await page.goto(CONSOLE);
  await signInWithForm(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await page.goto(`${CONSOLE}#/tokens`);
  await expect(page.getByRole('heading', { name: 'Khoá truy cập API', level: 1 })).toBeVisible();
  await page.getByLabel('Tên khoá (dùng cho việc gì)').fill('Đồng bộ cổng tỉnh');
  await page.getByRole('button', { name: 'Tạo khoá' }).click();
  const secret = page.getByLabel('Khoá', { exact: true });
  await expect(secret).toBeFocused();
  const token = await secret.inputValue();
  expect(token).toMatch(/^pbgdpl_/);
  const auth = { Authorization: `Bearer ${token}` };
  expect((await page.request.get(`${API}/api/v1/admin/questions`, { headers: auth })).status()).toBe(200);
  await expectAxeClean(page);
  await shot(page, 'tokens');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: /^Thu hồi\s*:\s*Đồng bộ cổng tỉnh$/ }).click();
  await expect(page.getByRole('cell', { name: /Đã thu hồi/ }).first()).toBeVisible();
  expect((await page.request.get(`${API}/api/v1/admin/questions`, { headers: { ...auth, Cookie: '' } })).status()).toBe(401);

  await page.goto(`${CONSOLE}#/audit`);
  await expect(page.getByRole('heading', { name: 'Nhật ký thao tác', level: 1 })).toBeVisible();
  await page.getByLabel('Thao tác').selectOption({ label: 'Đăng nhập' });
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Đăng nhập', exact: true }).first()).toBeVisible();
  await expect(page.getByText(/trên \d+/)).toBeVisible();
  await page.getByLabel('Từ ngày').fill('99/99/2026');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(page.getByText('Chưa phải ngày (dd/mm/yyyy).')).toBeVisible();
  await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
  await expect(page.getByRole('cell', { name: 'Tạo khoá API' }).first()).toBeVisible();
  await expect(page.getByLabel('Thao tác')).toHaveValue('');
  await expect(page.getByText('Chưa phải ngày (dd/mm/yyyy).')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectAxeClean(page);
  await shot(page, 'audit');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập', level: 1 })).toBeVisible();
  expect((await page.request.get(`${API}/api/v1/admin/session`)).status()).toBe(401);
});
