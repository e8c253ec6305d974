import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_TOKEN, API } from '../../playwright.config.js';
import { watchProblems } from './support.js';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const staff = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const CODE = /^HD-[0-9A-Z]{5}-[0-9A-Z]{5}$/;

interface AdminQuestion {
  id: string;
  trackingCode: string;
  title: string;
  status: string;
  field: string;
  name: string | null;
  email: string | null;
  consent: { purposes: string[]; noticeVersion: string };
}

/** Questions of the demo site as staff see them, newest first. */
async function staffQuestions(request: APIRequestContext, status?: string): Promise<AdminQuestion[]> {
  const res = await request.get(`${API}/api/v1/admin/questions?site=demo&limit=100${status ? `&status=${status}` : ''}`, { headers: staff });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: AdminQuestion[] }).items;
}

/** axe over the Q&A box only: the other widgets on the page have their own tests. */
async function axe(page: Page, selector = '#qa') {
  const results = await new AxeBuilder({ page }).include(selector).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The id of what has focus inside the widget's shadow root. */
const focused = (page: Page, host = '#qa') =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel)?.shadowRoot?.activeElement;
    return el ? el.id || el.className : null;
  }, host);

const unique = (what: string) => `${what} (${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)})`;
const items = (page: Page) => page.locator('#qa ul.list:not([aria-hidden]) li.item');

async function listShown(page: Page) {
  await page.goto('/agency.html');
  await expect(items(page)).toHaveCount(5);
}

test.describe('Q&A box through the script tag', () => {
  test('the space demo.css reserves is the loaded height: nothing below moves when the Q&A appear', async ({ page }) => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await page.route(/\/embed\/v1\/chunks\/qa-box-/, async (route) => (await gate, route.continue()));
    await page.goto('/agency.html');
    const height = () => page.locator('#qa').evaluate((el) => el.getBoundingClientRect().height);
    expect(await page.evaluate(() => Boolean(customElements.get('pbgdpl-qa-box')))).toBe(false);
    const reserved = await height();
    expect(reserved).toBeGreaterThan(600);
    release();
    await expect(items(page)).toHaveCount(5);
    expect(Math.abs((await height()) - reserved)).toBeLessThan(1);
  });

  test('the published Q&A appear; "ket hon" finds marriage questions; an answer opens with its citations', async ({ page }) => {
    const problems = watchProblems(page);
    const chunks: string[] = [];
    page.on('request', (r) => r.url().includes('/chunks/') && chunks.push(new URL(r.url()).pathname.split('/').pop()!));
    await listShown(page);
    // DOMPurify comes with the first answer shown, not before.
    expect(chunks.filter((c) => c.startsWith('sanitize-'))).toEqual([]);
    const qa = page.locator('#qa');
    await expect(qa.getByRole('heading', { name: 'Hỏi đáp pháp luật' })).toBeVisible();
    const first = items(page).first();
    await expect(first.locator('.q-title')).not.toBeEmpty();
    await expect(first.locator('time')).toHaveText(/^\d\d\/\d\d\/\d{4}$/);

    await qa.getByRole('searchbox', { name: 'Tìm câu hỏi' }).fill('ket hon');
    await qa.getByRole('button', { name: 'Tìm', exact: true }).click();
    // How many the search found in all, shown and said.
    await expect(qa.locator('.total')).toHaveText(/^\d+ kết quả$/);
    await expect(qa.getByRole('status').filter({ hasText: /^\d+ kết quả$/ })).toHaveCount(1);
    // Typed without diacritics, "ket hon" finds questions whose text says "kết hôn".
    const found = items(page);
    expect(await found.count()).toBeGreaterThan(0);
    let marriage = null;
    for (const item of await found.all()) {
      const toggle = item.getByRole('button');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await toggle.focus();
      await page.keyboard.press('Enter'); // the disclosure, by keyboard
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(item.locator('.answer-html')).not.toBeEmpty();
      if (/kết hôn/i.test((await item.locator('.answer').textContent()) ?? '')) {
        marriage = item;
        break;
      }
      await page.keyboard.press('Space');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    }
    expect(marriage, 'a result about "kết hôn"').not.toBeNull();
    expect(chunks.filter((c) => c.startsWith('sanitize-'))).toHaveLength(1);
    // The answer, sanitised, with its citations as lawyers write them ("khoản 1 Điều 8 …"), the document linked.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc cannot see the loop above assign it
    const cites = marriage!.locator('[part=citations] li');
    await expect(cites.first()).toHaveText(/^((điểm \S+ )?(khoản \S+ )?Điều \S+ )?(văn bản số \S+|Luật .+|Bộ luật .+|Nghị định .+)/);
    await expect(cites.first().locator('a')).toHaveAttribute('href', /^https:\/\//);
    await axe(page);
    expect(problems).toEqual([]);
  });

  test('a citizen asks by keyboard, sees suggestions, gets a tracking code; staff answer; the citizen looks the answer up', async ({ page, request }) => {
    test.setTimeout(90_000); // typing key by key, and four axe runs
    const problems = watchProblems(page);
    const title = unique('Con gái tôi 17 tuổi có được đăng ký kết hôn không?');
    const chunks: string[] = [];
    page.on(
      'request',
      (r) =>
        r.url().includes('/chunks/') &&
        chunks.push(
          new URL(r.url()).pathname
            .split('/')
            .pop()!
            .replace(/-[\w-]{8}\.js$/, ''),
        ),
    );
    const challenges: string[] = [];
    page.on('request', (r) => r.url().startsWith(`${API}/api/v1/challenge`) && challenges.push(r.url()));
    await listShown(page);
    const qa = page.locator('#qa');
    // Once the page is idle the form's code and the solver's come ahead (so the form opens offline
    // too), but no challenge is asked for before the citizen starts on the form.
    await expect.poll(() => chunks.filter((c) => /^(proof|qa-box\.ask)$/.test(c)).sort()).toEqual(['proof', 'qa-box.ask']);
    expect(challenges).toEqual([]);

    await qa.getByRole('button', { name: 'Đặt câu hỏi' }).focus();
    await page.keyboard.press('Enter');
    await expect(qa.locator('form.ask')).toBeVisible();
    await expect(qa.locator('#f-field option')).not.toHaveCount(1); // the fields arrived
    await axe(page);
    await page.keyboard.press('Tab'); // "Tra cứu câu hỏi"
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('f-field');
    for (let i = 0; i < 40 && (await qa.locator('#f-field').inputValue()) !== 'hon-nhan-gia-dinh'; i++) await page.keyboard.press('ArrowDown');
    await expect(qa.locator('#f-field')).toHaveValue('hon-nhan-gia-dinh');
    await page.keyboard.press('Tab');
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Con gái tôi năm nay 17 tuổi, gia đình muốn tổ chức cưới và đăng ký kết hôn cho cháu sau Tết. Như vậy có được không?');
    // The automatic answer, while typing; focus stays in the question.
    const suggestions = qa.locator('[part=suggestions]');
    await expect(suggestions.getByRole('heading', { name: 'Có thể bạn quan tâm' })).toBeVisible();
    await expect(suggestions.locator('.sg-q-title').first()).toContainText('kết hôn');
    expect(await focused(page)).toBe('f-content');
    await axe(page);

    for (let i = 0; i < 20 && (await focused(page)) !== 'f-name'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('f-name');
    await page.keyboard.type('Nguyễn Thị Hoa');
    await page.keyboard.press('Tab');
    await page.keyboard.type('hoa.nguyen@example.com');
    await page.keyboard.press('Tab'); // phone, left empty
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('f-consent-0');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // may be published
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const receipt = qa.locator('[part=receipt]');
    await expect(receipt.locator('[part=tracking-code]')).toHaveText(CODE, { timeout: 20_000 });
    const code = (await receipt.locator('[part=tracking-code]').textContent())!;
    expect(await focused(page)).toBe('receipt');
    // This server sends no mail (no SMTP_URL): the receipt promises none, and says how to find the answer.
    await expect(receipt.locator('.answer-by')).toHaveText('Hãy ghi lại mã này: khi có câu trả lời, bạn tra cứu bằng mã tại mục “Tra cứu câu hỏi”.');
    await expect(receipt).not.toContainText('sẽ được gửi tới');
    await axe(page);
    // Kept on this device only because the citizen asks for it.
    await receipt.getByRole('checkbox', { name: 'Nhớ mã trên máy này' }).check();
    expect(chunks.filter((c) => c === 'proof')).toHaveLength(1);

    // Staff find it among the new questions, with the consents given, and answer with citations.
    const mine = (await staffQuestions(request, 'new')).find((q) => q.title === title)!;
    expect(mine).toMatchObject({ trackingCode: code, field: 'hon-nhan-gia-dinh', name: 'Nguyễn Thị Hoa', email: 'hoa.nguyen@example.com' });
    expect(mine.consent.noticeVersion).toBe('hoi-dap-2026-12');
    expect([...mine.consent.purposes].sort()).toEqual(['cong-khai-hoi-dap', 'xu-ly-cau-hoi']);
    const answered = await request.post(`${API}/api/v1/admin/questions/${mine.id}/answer`, {
      headers: staff,
      data: {
        html: '<p>Theo <strong>điểm a khoản 1 Điều 8 Luật Hôn nhân và gia đình</strong>, nữ phải từ đủ 18 tuổi mới được kết hôn.</p>',
        citations: [{ number: '52/2014/QH13', article: 'Điều 8 khoản 1 điểm a' }],
        publish: true,
      },
    });
    expect(answered.status()).toBe(200);

    // The citizen looks it up, typing the code as people do: lower case, spaces.
    await qa.getByRole('button', { name: 'Tra cứu câu hỏi' }).click();
    await expect(qa.locator('.codes .saved-code')).toHaveText([code]); // remembered on this device: offered
    await qa.locator('#t-code').fill(code.toLowerCase().replace(/-/g, ' '));
    await qa.locator('#t-code').press('Enter');
    const result = qa.locator('[part=track-result]');
    await expect(result.locator('.status')).toHaveText('Đã trả lời');
    await expect(result.locator('.result-title')).toHaveText(title);
    await expect(result.locator('.answer-html')).toContainText('nữ phải từ đủ 18 tuổi');
    await expect(result.locator('[part=citations] li')).toHaveText(/^điểm a khoản 1 Điều 8 (văn bản số 52\/2014\/QH13|Luật Hôn nhân và gia đình)/);
    await expect(result.locator('[part=citations] a')).toHaveAttribute('href', /52%2F2014%2FQH13|52-2014-qh13/);
    await axe(page);
    expect(problems).toEqual([]);
  });

  test('offline: the question waits on the device and arrives once when the network is back', async ({ page, context, request }) => {
    const problems = watchProblems(page);
    const title = unique('Tranh chấp ranh giới đất với hàng xóm có phải hòa giải ở xã không?');
    await listShown(page);
    const qa = page.locator('#qa');
    await qa.getByRole('button', { name: 'Đặt câu hỏi' }).click();
    await expect(qa.locator('#f-field option')).not.toHaveCount(1);
    await qa.locator('#f-field').selectOption('dat-dai');
    await qa.locator('#f-title').fill(title);
    await qa.locator('#f-content').fill('Nhà tôi và nhà hàng xóm tranh chấp ranh giới đất. Tôi có phải hòa giải ở UBND xã trước khi khởi kiện không?');
    await qa.locator('#f-name').fill('Trần Văn Bình');
    await qa.locator('#f-phone').fill('0912 345 678');
    await qa.locator('#f-consent-0').check();

    // The rural link drops: no network, and the API unreachable.
    await page.route(`${API}/api/v1/**`, (route) => route.abort('internetdisconnected'));
    await context.setOffline(true);
    await qa.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await expect(qa.locator('.form-status')).toHaveText('Chưa có mạng. Câu hỏi đã được lưu trên máy này và sẽ tự gửi khi có mạng trở lại.');
    await expect(qa.locator('#f-title')).toHaveValue(title);
    expect((await staffQuestions(request)).filter((q) => q.title === title)).toHaveLength(0);

    await page.unroute(`${API}/api/v1/**`);
    await context.setOffline(false);
    await expect(qa.locator('[part=tracking-code]')).toHaveText(CODE, { timeout: 20_000 });
    const code = await qa.locator('[part=tracking-code]').textContent();
    const rows = (await staffQuestions(request)).filter((q) => q.title === title);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.trackingCode).toBe(code);
    // Network errors while offline are the browser's, not the page's problems.
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p))).toEqual([]);
  });

  test('a placeholder <div data-pbgdpl="qa-box"> becomes the widget, its data- attributes mapped', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('/cms.html');
    await page.waitForFunction(() => 'PBGDPL' in window);
    await page.evaluate(() =>
      document
        .querySelector('main article')!
        .insertAdjacentHTML('beforeend', '<div data-pbgdpl="qa-box" data-limit="3" data-field="dat-dai" data-heading="Hỏi đáp về đất đai"></div>'),
    );
    const widget = page.locator('div[data-pbgdpl="qa-box"] pbgdpl-qa-box');
    await expect(widget).toHaveAttribute('limit', '3');
    await expect(widget.locator('ul.list:not([aria-hidden]) li.item')).toHaveCount(3);
    await expect(widget.getByRole('heading', { name: 'Hỏi đáp về đất đai' })).toBeVisible();
    for (const field of await widget.locator('.q-field').allTextContents()) expect(field).toBe('Đất đai');
    // The page says lang="en-US" (a CMS default); the widget stays Vietnamese.
    await expect(widget.locator('[part=filter]')).toHaveText('Lĩnh vực: Đất đai');
    await axe(page, 'div[data-pbgdpl="qa-box"]');
    expect(problems).toEqual([]);
  });
});
