import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_TOKEN, API, HOST, HOST_PORT } from '../../playwright.config.js';
import { watchProblems } from './support.js';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const staff = { Authorization: `Bearer ${ADMIN_TOKEN}` };

interface Row {
  id: string;
  site: string;
  kind: string;
  document: string | null;
  rating: number;
  message: string;
  contact: string | null;
  pageUrl: string | null;
  consent: { purposes: string[]; noticeVersion: string; givenAt: string };
}

/** What the moderation API shows staff: every feedback row of the demo site. */
async function feedbackRows(request: APIRequestContext): Promise<Row[]> {
  const res = await request.get(`${API}/api/v1/admin/feedback?site=demo&limit=100`, { headers: staff });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Row[] }).items;
}

async function demoSite(request: APIRequestContext) {
  const res = await request.get(`${API}/api/v1/admin/sites`, { headers: staff });
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: { key: string; ratings: number; satisfaction: number | null }[] };
  return items.find((s) => s.key === 'demo')!;
}

/** axe over the feedback form only: the other widgets on the page have their own tests. */
async function axe(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The id of what has focus inside the widget's shadow root. */
const focused = (page: Page, host = '#feedback') => page.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.activeElement?.id ?? null, host);

/**
 * The problems a page produced, less the browser's log line for each POST refused as "too_fast"
 * (sent within MIN_FILL_SECONDS of its challenge): the widget waits and sends it again by itself.
 */
function problemsBut(page: Page) {
  const problems = watchProblems(page);
  let tooFast = 0;
  page.on('response', async (r) => {
    if (r.request().method() !== 'POST' || r.url() !== `${API}/api/v1/feedback` || r.status() !== 400) return;
    const body = (await r.json().catch(() => null)) as { errors?: { code: string }[] } | null;
    if (body?.errors?.some((e) => e.code === 'too_fast')) tooFast++;
  });
  return () => {
    let allowed = tooFast;
    return problems.filter((p) => !(allowed > 0 && /status of 400 \(Bad Request\)/.test(p) && allowed--));
  };
}

const unique = (what: string) => `${what} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

test.describe('feedback form through the script tag', () => {
  test("the space demo.css reserves is the form's own height: nothing below it moves when it appears", async ({ page }) => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await page.route(/\/embed\/v1\/chunks\/feedback-form-/, async (route) => (await gate, route.continue()));
    await page.goto('/agency.html');
    const height = () => page.locator('#feedback').evaluate((el) => el.getBoundingClientRect().height);
    expect(await page.evaluate(() => Boolean(customElements.get('pbgdpl-feedback-form')))).toBe(false);
    const before = await height();
    expect(before).toBeGreaterThan(300);
    release();
    await expect(page.locator('#feedback [role=heading]')).toHaveText('Góp ý, phản hồi');
    await expect(page.locator('#feedback legend')).toHaveText('Bạn có hài lòng với nội dung trang này không?');
    expect(Math.abs((await height()) - before)).toBeLessThan(1);
  });

  test('a citizen rates the page and sends a message by keyboard; staff see it with the page and the consent; satisfaction follows', async ({
    page,
    request,
  }) => {
    const problems = problemsBut(page);
    const site = await demoSite(request);
    const message = unique('Trang dễ hiểu, cảm ơn Sở.');
    await page.goto('/agency.html');
    const form = page.locator('#feedback');
    await expect(form.locator('legend')).toHaveText('Bạn có hài lòng với nội dung trang này không?');
    await axe(page, '#feedback');

    // From the section title, the keyboard alone: Tab into the answers, arrows to "Hài lòng".
    await page.locator('article:has(#feedback) h2').evaluate((h) => (((h as HTMLElement).tabIndex = -1), (h as HTMLElement).focus()));
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('rating-1');
    await expect(form.locator('#message')).toBeVisible(); // the rest of the form opened on focus
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(form.getByRole('radio', { name: 'Hài lòng', exact: true })).toBeChecked();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('message');
    await page.keyboard.type(message);
    // Send without the required consent: the summary takes focus and says what is missing.
    await page.keyboard.press('Tab'); // contact
    await page.keyboard.press('Tab'); // consent
    await page.keyboard.press('Tab'); // contact consent
    await page.keyboard.press('Tab'); // send
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('summary');
    await expect(form.locator('#summary')).toContainText('Vui lòng đánh dấu ô đồng ý để gửi ý kiến.');
    await expect(form.locator('#consent')).toHaveAttribute('aria-invalid', 'true');
    await axe(page, '#feedback');
    await page.keyboard.press('Tab'); // the summary's link
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // contact consent
    await page.keyboard.press('Tab'); // send
    await page.keyboard.press('Enter');
    await expect(form.locator('#thanks')).toHaveText('Cảm ơn bạn đã góp ý.');
    await expect.poll(() => focused(page)).toBe('thanks');
    await axe(page, '#feedback');

    const row = (await feedbackRows(request)).find((r) => r.message === message);
    expect(row).toMatchObject({ site: 'demo', kind: 'page', document: null, rating: 4, contact: null, pageUrl: `${HOST}/agency.html` });
    expect(row!.consent).toMatchObject({ purposes: ['xu-ly-gop-y'], noticeVersion: 'gop-y-2026-01' });
    expect(row!.consent.givenAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    // The province's satisfaction figure (ratings of 4 or 5 over all ratings) took this rating in.
    const after = await demoSite(request);
    const satisfiedBefore = Math.round(((site.satisfaction ?? 0) * site.ratings) / 100);
    expect(after.ratings).toBe(site.ratings + 1);
    expect(after.satisfaction).toBe(Math.round(((satisfiedBefore + 1) / (site.ratings + 1)) * 1000) / 10);
    expect(problems()).toEqual([]);
  });

  test('offline: the feedback waits on the device and is sent once when the network is back', async ({ page, context, request }) => {
    const message = unique('Gửi lúc mất sóng');
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url() === `${API}/api/v1/feedback` && posts.push(r.headers()['idempotency-key'] ?? ''));
    await page.goto('/agency.html');
    const form = page.locator('#feedback');
    const challenge = page.waitForResponse((r) => r.url().startsWith(`${API}/api/v1/challenge`));
    await form.getByText('Rất hài lòng').click();
    await challenge; // the proof of work has its challenge; it solves without the network
    await form.getByLabel(/Ý kiến của bạn/).fill(message);
    await form.getByRole('checkbox', { name: /xử lý ý kiến của tôi/ }).check();

    // Playwright's routing bypasses the HTTP cache, so the API is truly unreachable, as on a dropped rural link.
    await page.route(`${API}/api/v1/**`, (route) => route.abort('internetdisconnected'));
    await context.setOffline(true);
    await form.getByRole('button', { name: 'Gửi góp ý' }).click();
    await expect(form.locator('#queued')).toContainText('sẽ tự gửi khi có mạng trở lại');
    expect((await feedbackRows(request)).filter((r) => r.message === message)).toHaveLength(0);

    await page.unroute(`${API}/api/v1/**`);
    await context.setOffline(false);
    await expect(form.locator('#thanks')).toHaveText('Cảm ơn bạn đã góp ý.', { timeout: 15_000 });
    const rows = (await feedbackRows(request)).filter((r) => r.message === message);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 5, pageUrl: `${HOST}/agency.html` });
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(new Set(posts).size).toBe(1); // every attempt carried the same Idempotency-Key
  });

  test('offline: a citizen who never opened the form online rates and sends; it arrives once when the network is back', async ({ page, context, request }) => {
    const message = unique('Chưa từng mở biểu mẫu khi có mạng');
    const posts: string[] = [];
    const chunks: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url() === `${API}/api/v1/feedback` && posts.push(r.headers()['idempotency-key'] ?? ''));
    // Finished, not just started: the network goes off right after, and a chunk half-downloaded is no chunk.
    const pending = new Set<string>();
    page.on('request', (r) => r.url().includes('/chunks/') && pending.add(r.url()));
    page.on('requestfinished', (r) => {
      if (!r.url().includes('/chunks/')) return;
      pending.delete(r.url());
      chunks.push(
        new URL(r.url()).pathname
          .split('/')
          .pop()!
          .replace(/-[\w-]{8}\.js$/, ''),
      );
    });
    // The API is out of reach from the first visit on: only the page and the widgets' code come through.
    await page.route(`${API}/api/v1/**`, (route) => route.abort('internetdisconnected'));
    await page.goto('/agency.html');
    const form = page.locator('#feedback');
    await expect(form.locator('legend')).toHaveText('Bạn có hài lòng với nội dung trang này không?');
    // Nobody has touched the form; once the page is idle the rest of it and the solver's code come ahead.
    await expect.poll(() => chunks.filter((c) => c === 'feedback-form.parts' || c === 'proof').sort()).toEqual(['feedback-form.parts', 'proof']);
    await expect.poll(() => pending.size).toBe(0);
    await expect(form.locator('#message')).toHaveCount(0);
    await context.setOffline(true);

    await form.getByText('Hài lòng', { exact: true }).click();
    await form.getByLabel(/Ý kiến của bạn/).fill(message);
    await form.getByRole('checkbox', { name: /xử lý ý kiến của tôi/ }).check();
    await expect(form).not.toContainText('Nội dung sẽ hiện khi có mạng trở lại');
    await form.getByRole('button', { name: 'Gửi góp ý' }).click();
    await expect(form.locator('#queued')).toHaveText('Chưa có kết nối mạng. Ý kiến của bạn đã được lưu trên thiết bị này và sẽ tự gửi khi có mạng trở lại.');
    expect(posts).toEqual([]); // the proof needs the API's challenge: nothing can go before the network is back
    expect((await feedbackRows(request)).filter((r) => r.message === message)).toHaveLength(0);

    await page.unroute(`${API}/api/v1/**`);
    await context.setOffline(false);
    await expect(form.locator('#thanks')).toHaveText('Cảm ơn bạn đã góp ý.', { timeout: 20_000 });
    const rows = (await feedbackRows(request)).filter((r) => r.message === message);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 4, pageUrl: `${HOST}/agency.html` });
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(new Set(posts).size).toBe(1); // every attempt carried the same Idempotency-Key
  });

  test('a CMS placeholder for a document complaint names the document and sends it', async ({ page, request }) => {
    const problems = problemsBut(page);
    const message = unique('Đề nghị hướng dẫn Điều 9');
    await page.goto('/cms.html');
    await expect(page.locator('div[data-pbgdpl="latest-laws"] li.item').first()).toBeVisible();
    await page.evaluate(() => {
      const article = document.createElement('article');
      article.innerHTML =
        '<h2 class="section">Phản ánh, kiến nghị</h2><div data-pbgdpl="feedback-form" data-kind="document" data-document="91-2025-qh15"></div>';
      document.querySelector('main')!.append(article);
    });
    const form = page.locator('div[data-pbgdpl="feedback-form"] pbgdpl-feedback-form');
    await expect(form).toHaveAttribute('kind', 'document');
    await expect(form.getByRole('heading')).toHaveText('Phản ánh, kiến nghị về văn bản');
    await expect(form.locator('legend')).toHaveText('Bạn có hài lòng với văn bản này không?');
    await form.getByText('Không hài lòng', { exact: true }).click();
    await expect(form.locator('[part=subject]')).toHaveText(/^\s*Văn bản: Luật 91\/2025\/QH15 — .*Bảo vệ dữ liệu cá nhân\s*$/);
    await form.getByLabel(/Nội dung phản ánh, kiến nghị/).fill(message);
    await form.getByLabel(/Thư điện tử hoặc số điện thoại/).fill('nguoidan@example.com');
    await form.getByRole('checkbox', { name: /xử lý ý kiến của tôi/ }).check();
    await form.getByRole('checkbox', { name: /thông tin liên hệ trên để trả lời tôi/ }).check();
    await form.getByRole('button', { name: 'Gửi góp ý' }).click();
    await expect(form.locator('#thanks')).toHaveText('Cảm ơn bạn đã góp ý.');
    await expect(form.locator('[part=done]')).toContainText('trả lời qua thông tin liên hệ');
    await axe(page, 'div[data-pbgdpl="feedback-form"]');
    const row = (await feedbackRows(request)).find((r) => r.message === message);
    expect(row).toMatchObject({ kind: 'document', document: '91-2025-qh15', rating: 2, contact: 'nguoidan@example.com', pageUrl: `${HOST}/cms.html` });
    expect(row!.consent.purposes.sort()).toEqual(['lien-he-phan-hoi', 'xu-ly-gop-y']);
    expect(problems()).toEqual([]);
  });

  test('a page on an origin the province did not register cannot send, and the citizen is told', async ({ page, request }) => {
    const elsewhere = `http://localhost:${HOST_PORT}`; // the same pages, another origin
    const message = unique('Từ trang chưa đăng ký');
    const refused: string[] = [];
    page.on('requestfailed', (r) => r.method() === 'POST' && r.url() === `${API}/api/v1/feedback` && refused.push(r.failure()?.errorText ?? ''));
    await page.goto(`${elsewhere}/agency.html`);
    const form = page.locator('#feedback');
    await form.getByText('Bình thường').click();
    await form.getByLabel(/Ý kiến của bạn/).fill(message);
    await form.getByRole('checkbox', { name: /xử lý ý kiến của tôi/ }).check();
    await form.getByRole('button', { name: 'Gửi góp ý' }).click();
    const alert = form.getByRole('alert');
    await expect(alert).toContainText('trang web này chưa được đăng ký', { timeout: 15_000 });
    await expect(form.locator('#queued')).toHaveCount(0);
    expect(refused.length).toBeGreaterThan(0); // the browser refused the POST (no CORS for this origin)

    // What the API says to that origin: no CORS permission, and 403 to a request that ignores CORS.
    const preflight = await request.fetch(`${API}/api/v1/feedback`, {
      method: 'OPTIONS',
      headers: { Origin: elsewhere, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    });
    expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
    const direct = await request.post(`${API}/api/v1/feedback`, {
      headers: { Origin: elsewhere },
      data: { site: 'demo', kind: 'page', rating: 3, message, consents: ['xu-ly-gop-y'], noticeVersion: 'gop-y-2026-01', altcha: 'x' },
    });
    expect(direct.status()).toBe(403);
    expect((await feedbackRows(request)).filter((r) => r.message === message)).toHaveLength(0);
  });
});
