import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
// altcha-lib is a dependency of the API package, not of the workspace root: imported from there.
import { solveChallenge, type Challenge } from '../../packages/api/node_modules/altcha-lib/dist/esm/v2/index.js';
import { deriveKey } from '../../packages/api/node_modules/altcha-lib/dist/esm/v2/algorithms/sha.js';
import { XSS_FLAG, XSS_PAYLOADS } from '../../packages/widgets/src/test-support/xss-corpus.js';
import { ADMIN_TOKEN, API, HOST } from '../../playwright.config.js';
import { expectAxeClean, signIn } from './console-support.js';
import { watchProblems } from './support.js';

/**
 * Feedback in the console (docs/console/feedback.md): the satisfaction chart and its table against
 * the province's target, search without diacritics, a reply recorded; feedback, replies and site
 * names carrying the XSS corpus run nothing. axe on every step; the staff guide's screenshots.
 */
const html = XSS_PAYLOADS.map((p) => p.html);
const short = html.filter((h) => h.length <= 100);
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const tag = Date.now().toString(36);
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/images/console/feedback-${name}.png` });

async function solve(request: APIRequestContext): Promise<string> {
  const challenge = (await (await request.get(`${API}/api/v1/challenge?site=demo`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

let seeded: { plain: string; xss: string[]; siteName: string };

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext();
  const proofs = await Promise.all(Array.from({ length: 4 }, () => solve(request)));
  await new Promise((r) => setTimeout(r, 1200));
  let sent = 0;
  const send = async (body: Record<string, unknown>) => {
    const res = await request.post(`${API}/api/v1/feedback`, {
      headers: { Origin: HOST, 'Idempotency-Key': `console-feedback-${tag}-${++sent}` },
      data: { site: 'demo', kind: 'page', noticeVersion: 'gop-y-2026-01', consents: ['xu-ly-gop-y'], ...body },
    });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const plain = await send({ rating: 5, message: `Thủ tục công chứng trên trang rất rõ ràng ${tag}`, altcha: proofs[0] });
  await send({ rating: 2, message: `Trang tải chậm vào buổi sáng ${tag}`, altcha: proofs[1] });
  const half = Math.ceil(html.length / 2);
  const xss: string[] = [];
  for (const [i, part] of [html.slice(0, half), html.slice(half)].entries()) {
    xss.push(
      await send({
        rating: 1 + i * 3,
        message: part.join('\n').slice(0, 3000),
        contact: `xss.fb${i}.${tag}@example.com`,
        pageUrl: `${HOST}/agency.html?q=${encodeURIComponent(short[i]!)}`,
        consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'],
        altcha: proofs[2 + i],
      }),
    );
  }
  const reply = await request.post(`${API}/api/v1/admin/feedback/${xss[0]}/reply`, { headers: auth, data: { reply: html.slice(0, 20).join('\n') } });
  expect(reply.status()).toBe(200);
  const siteName = `${short[8]!.slice(0, 150)} ${tag}`;
  const site = await request.put(`${API}/api/v1/admin/sites/xss-fb-${tag}`, { headers: auth, data: { name: siteName, kind: 'mttq', origins: [] } });
  expect(site.status(), await site.text()).toBe(200);
  seeded = { plain, xss, siteName };
  await request.dispose();
});

/** Nothing a citizen or staff wrote became markup or ran. */
async function expectNothingRan(page: Page, watched: { problems: string[]; dialogs: string[] }, where: string) {
  await page.waitForTimeout(300);
  expect(await page.evaluate((flag) => (window as any)[flag], XSS_FLAG), `${where}: a payload ran`).toBeUndefined();
  expect(watched.dialogs, `${where}: dialogs`).toEqual([]);
  expect(watched.problems, `${where}: console errors, page errors, CSP violations`).toEqual([]);
  // Locators pierce shadow roots: no element inside what citizens wrote, no handler attribute anywhere.
  expect(await page.locator('pa-feedback-item .message *, pa-feedback-item .reply *, pa-feedback-item dd *:not(.badge)').count(), where).toBe(0);
  const handlers = await page.evaluate(() => {
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) =>
      root.querySelectorAll('*').forEach((el) => {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      });
    walk(document);
    return all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length;
  });
  expect(handlers, `${where}: elements with event handlers`).toBe(0);
}

function watch(page: Page) {
  const all = watchProblems(page);
  // The console's page has no icon: the browser's own request for /favicon.ico is no fault of these screens.
  let favicons = 0;
  page.on('console', (m) => m.type() === 'error' && m.location().url.endsWith('/favicon.ico') && favicons++);
  const problems = {
    get list() {
      let skip = favicons;
      return all.filter((p) => !(skip > 0 && /status of 404/.test(p) && skip--));
    },
  };
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return {
    get problems() {
      return problems.list;
    },
    dialogs,
  };
}

test.use({ viewport: { width: 1366, height: 768 } });

test('the satisfaction chart and its table, search without diacritics, a reply recorded', async ({ page }) => {
  const watched = watch(page);
  await signIn(page, 'feedback');
  await expect(page.getByRole('heading', { level: 1, name: 'Góp ý, phản ánh' })).toBeVisible();

  // The chart's table says what the API says, month by month, and the target line is the province's.
  const table = page.locator('pa-satisfaction-panel table');
  await expect(table.locator('caption')).toHaveText('Tỉ lệ hài lòng theo tháng: Toàn tỉnh');
  const series = (await (await page.request.get(`${API}/api/v1/admin/feedback/satisfaction`)).json()) as {
    target: number;
    months: { month: string; ratings: number; satisfied: number; percent: number | null }[];
  };
  expect(series.target).toBe(90);
  await expect(table.locator('tbody tr')).toHaveCount(12);
  const now = series.months.at(-1)!;
  expect(now.ratings).toBeGreaterThanOrEqual(4);
  const row = table.locator('tbody tr').last();
  await expect(row.locator('th')).toHaveText(`${now.month.slice(5)}/${now.month.slice(0, 4)}`);
  await expect(row.locator('td')).toHaveText([`${String(now.percent).replace('.', ',')}%`, String(now.satisfied), String(now.ratings)]);
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText('—');
  await expect(page.locator('pa-bar-chart svg .target')).toHaveCount(1);
  await expect(page.locator('pa-bar-chart .legend')).toContainText('Mục tiêu 90%');
  await expectAxeClean(page);
  await page.locator('pa-satisfaction-panel').screenshot({ path: 'docs/images/console/feedback-chart.png' });

  // Search without diacritics: "cong chung" finds "công chứng".
  await page.getByLabel('Tìm kiếm', { exact: true }).fill(`cong chung ro rang ${tag}`);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/#\/feedback\?q=cong\+chung/);
  const items = page.locator('pa-feedback-item');
  await expect(items).toHaveCount(1);
  await expect(items.locator('.message')).toHaveText(`Thủ tục công chứng trên trang rất rõ ràng ${tag}`);
  await expect(page.locator('pa-pager')).toContainText('1–1 trên 1');
  await expectAxeClean(page);

  // Reply: recorded, shown with who replied, and it has focus.
  await items.getByLabel('Nội dung trả lời').fill('Cảm ơn ông/bà đã góp ý cho trang.');
  await shot(page, 'reply');
  await items.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
  await expect(items.locator('.reply')).toHaveText('Cảm ơn ông/bà đã góp ý cho trang.');
  await expect(items.locator('.reply')).toBeFocused();
  await expect(items.locator('.badge')).toHaveText('Đã phản hồi');
  await expect(page.locator('#pa-live-status')).toHaveText('Đã ghi nhận trả lời.');
  const api = (await (await page.request.get(`${API}/api/v1/admin/feedback?q=${tag}&status=replied`)).json()) as { items: { id: string }[] };
  expect(api.items.map((i) => i.id)).toContain(seeded.plain);
  await expectAxeClean(page);

  // Filters: rating and status narrow the list; the route keeps them.
  await page.getByLabel('Tìm kiếm', { exact: true }).fill(tag);
  await page.getByLabel('Đánh giá').selectOption('2');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(items).toHaveCount(1);
  await expect(items.locator('.message')).toHaveText(`Trang tải chậm vào buổi sáng ${tag}`);
  await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
  await expect(page.getByLabel('Đánh giá')).toHaveValue('');
  await expect(items.first()).toBeVisible();
  await shot(page, 'list');
  expect(watched.problems).toEqual([]);
});

test('feedback, replies and site names carrying the XSS corpus show as text: nothing runs, axe clean', async ({ page }) => {
  const watched = watch(page);
  await signIn(page, `feedback?q=xss+${tag}`);
  const items = page.locator('pa-feedback-item');
  await expect(items).toHaveCount(2);
  for (const h of html) await expect(items.locator('.message').filter({ hasText: h }).first()).toBeAttached();
  await expect(items.locator('.reply')).toHaveText(html.slice(0, 20).join('\n'));
  await expect(items.filter({ hasText: `xss.fb0.${tag}@example.com` })).toHaveCount(1);
  await expect(items.locator('dd').filter({ hasText: `${HOST}/agency.html?q=` })).toHaveCount(2);
  await expectNothingRan(page, watched, 'feedback');
  await expectAxeClean(page);

  // The site with a payload for a name: an option of the satisfaction filter, a row of the registry.
  await expect(page.locator('#sat-site option').filter({ hasText: seeded.siteName })).toHaveCount(1);
  await page.locator('#sat-site').selectOption({ label: seeded.siteName });
  await expect(page.locator('pa-satisfaction-panel caption')).toHaveText(`Tỉ lệ hài lòng theo tháng: ${seeded.siteName}`);
  await expectNothingRan(page, watched, 'satisfaction of the site');
  await page.goto(`${API}/admin/#/sites?q=${tag}`);
  await expect(page.locator('pa-sites tbody td a')).toHaveText(seeded.siteName);
  await expectNothingRan(page, watched, 'sites');
  await page.locator('pa-sites tbody td a').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.siteName);
  await expectNothingRan(page, watched, 'site');
  await expectAxeClean(page);
});
