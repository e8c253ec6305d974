import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test';
import { ADMIN_TOKEN, API, HOST, HOST_PORT } from '../../playwright.config.js';
import { watchProblems } from './support.js';

/**
 * Coverage from use: once per page view, after the widgets rendered, the loader fetches a page
 * token and reports the page's path and its widgets, with no cookie and nothing about the reader.
 * The Department of Justice's site report counts those views, and keeps apart the ones from an
 * origin the site did not register.
 */
const staff = { Authorization: `Bearer ${ADMIN_TOKEN}` };

async function demoReport(request: APIRequestContext) {
  const res = await request.get(`${API}/api/v1/admin/sites`, { headers: staff });
  return ((await res.json()).items as { key: string; views30d: number; viewsOtherOrigins30d: number }[]).find((s) => s.key === 'demo')!;
}

function watchViews(page: Page) {
  const tokens: Request[] = [];
  const reports: Request[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${API}/api/v1/views/token`)) tokens.push(r);
    else if (r.url() === `${API}/api/v1/views`) reports.push(r);
  });
  return { tokens, reports };
}

test('a page view is reported once, without cookies, with the path and the widgets that rendered; the report counts it', async ({ page, request }) => {
  const problems = watchProblems(page);
  const before = await demoReport(request);
  const seen = watchViews(page);
  await page.context().addCookies([{ name: 'host-session', value: 'secret', url: API }]);
  await page.goto('/agency.html?ref=newsletter#top');
  await expect.poll(() => seen.reports.length, { timeout: 20_000 }).toBe(1);
  const report = seen.reports[0]!;
  expect(seen.tokens).toHaveLength(1);
  expect(seen.tokens[0]!.url()).toBe(`${API}/api/v1/views/token?site=demo`);
  for (const r of [seen.tokens[0]!, report]) expect((await r.allHeaders()).cookie, r.url()).toBeUndefined();
  expect(report.method()).toBe('POST');
  expect((await report.allHeaders())['content-type']).toMatch(/^text\/plain/);
  const body = JSON.parse(report.postData()!);
  expect(Object.keys(body).sort()).toEqual(['path', 'token', 'widgets']);
  expect(body.path).toBe('/agency.html'); // no query string, no fragment
  expect([...body.widgets].sort()).toEqual(['feedback-form', 'latest-laws', 'qa-box']);
  expect((await report.response())?.status()).toBe(204);
  await expect.poll(async () => (await demoReport(request)).views30d - before.views30d, { timeout: 10_000 }).toBe(1);
  // Nothing more for the rest of the page view, whatever the page does.
  await page.mouse.wheel(0, 2000);
  await page.waitForTimeout(1500);
  expect(seen.reports).toHaveLength(1);
  expect(problems).toEqual([]);
});

test('widgets a single-page app adds later are reported once too', async ({ page }) => {
  const seen = watchViews(page);
  await page.goto('/spa.html');
  await page.waitForTimeout(1500);
  expect(seen.reports).toHaveLength(0); // no widget yet, nothing to report
  await page.getByRole('button', { name: 'Mở mục Văn bản pháp luật' }).click();
  await expect.poll(() => seen.reports.length, { timeout: 20_000 }).toBe(1);
  expect(JSON.parse(seen.reports[0]!.postData()!)).toMatchObject({ path: '/spa.html', widgets: ['latest-laws'] });
});

test('from an origin the site did not register, the webmaster is told in the console, and the view is kept apart', async ({ page, request }) => {
  const elsewhere = `http://localhost:${HOST_PORT}`;
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const before = await demoReport(request);
  const seen = watchViews(page);
  await page.goto(`${elsewhere}/agency.html`);
  await expect.poll(() => seen.reports.length, { timeout: 20_000 }).toBe(1);
  expect(warnings.find((w) => w.startsWith('[PBGDPL]') && w.includes(`${elsewhere} is not registered for the site "demo"`))).toBeTruthy();
  await expect.poll(async () => (await demoReport(request)).viewsOtherOrigins30d - before.viewsOtherOrigins30d, { timeout: 10_000 }).toBe(1);
  expect((await demoReport(request)).views30d).toBe(before.views30d);
  expect(HOST).not.toBe(elsewhere);
});
