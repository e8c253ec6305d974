import { expect, test } from '@playwright/test';
import { ADMIN_TOKEN, API } from '../../playwright.config.js';
import { watchProblems } from './support.js';

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

test.describe('a document staff publish', () => {
  test('shows in the widget on a department page at the next load, through the browser cache', async ({ page, request }) => {
    const problems = watchProblems(page);
    await page.goto('/agency.html');
    const first = page.locator('#main-laws li.item').first();
    await expect(first.locator('.number')).toBeVisible();
    const before = await first.locator('.number').textContent();

    const number = `${900 + Math.floor(Math.random() * 99)}/KH-UBND`;
    const created = await request.post(`${API}/api/v1/admin/laws`, {
      headers: auth,
      data: {
        number,
        type: 'ke-hoach',
        issuer: 'ubnd-tinh-bac-ninh',
        signer: { name: 'Nguyễn Văn An', title: 'Phó Chủ tịch' },
        issuedOn: new Date().toISOString().slice(0, 10),
        effectiveOn: new Date().toISOString().slice(0, 10),
        validity: 'con-hieu-luc',
        fields: ['tu-phap'],
        abstract: 'Kế hoạch tuyên truyền, phổ biến pháp luật trên cổng thông tin điện tử của xã',
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    try {
      // The list was stored by the browser a moment ago; `no-cache` makes it ask again, and the new ETag brings the new list.
      await page.reload();
      await expect(first.locator('.number')).toContainText(number);
      await expect(first).toContainText('tuyên truyền, phổ biến pháp luật trên cổng thông tin');
      expect(await first.locator('.number').textContent()).not.toBe(before);
    } finally {
      // Withdrawn, so the other tests see the sample documents they expect.
      const withdrawn = await request.delete(`${API}/api/v1/admin/laws/${id}`, { headers: auth });
      expect(withdrawn.status()).toBe(200);
    }
    await page.reload();
    await expect(first.locator('.number')).not.toContainText(number);
    expect(problems).toEqual([]);
  });
});
