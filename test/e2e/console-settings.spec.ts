import { expect, test } from '@playwright/test';
import { API } from '../../playwright.config.js';
import { expectAxeClean, signIn } from './console-support.js';
import { watchProblems } from './support.js';

/** An administrator changes the province's answer deadline in the console. */
test('the answer deadline is set in the console, checked, and kept', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt của tỉnh' })).toBeVisible();
  const days = page.getByLabel('Số ngày làm việc để trả lời');
  const before = await days.inputValue();
  await expectAxeClean(page);

  await days.fill('abc');
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(page.getByText('Nhập một số nguyên từ 1 đến 60.')).toBeVisible();
  await expect(days).toBeFocused();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expectAxeClean(page);

  await days.fill('12');
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(page.getByText(/Thay đổi lần cuối .* bởi Quản trị viên\./)).toBeVisible();
  expect((await (await page.request.get(`${API}/api/v1/admin/settings/moderation`)).json()).answerDays).toBe(12);

  await page.reload();
  await expect(page.getByLabel('Số ngày làm việc để trả lời')).toHaveValue('12');
  await page.screenshot({ path: 'docs/images/console/settings.png' });

  // Put the province back as other specs expect it.
  await page.getByLabel('Số ngày làm việc để trả lời').fill(before);
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect.poll(async () => (await (await page.request.get(`${API}/api/v1/admin/settings/moderation`)).json()).answerDays).toBe(Number(before));
  expect(problems.filter((p) => !p.includes('favicon'))).toEqual([]);
});
