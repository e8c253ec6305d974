import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
// altcha-lib is a dependency of the API package, not of the workspace root: imported from there.
import { solveChallenge, type Challenge } from '../../packages/api/node_modules/altcha-lib/dist/esm/v2/index.js';
import { deriveKey } from '../../packages/api/node_modules/altcha-lib/dist/esm/v2/algorithms/sha.js';
import { XSS_FLAG, XSS_PAYLOADS, XSS_URLS } from '../../packages/widgets/src/test-support/xss-corpus.js';
import { ADMIN_TOKEN, API, HOST } from '../../playwright.config.js';
import { watchProblems } from './support.js';

/**
 * The moderation page (/admin/) in Chromium, showing what anyone on the internet wrote: questions,
 * answers, feedback and site names carrying the XSS corpus. Nothing runs (the flag every payload
 * would set stays unset, no dialog opens), the page has no console error or CSP violation, axe
 * finds nothing, and an answer typed on the page reaches the citizen's tracking lookup.
 *
 * Few submissions on purpose (the e2e server keeps its default per-address limit of 10 a minute,
 * shared with other specs): each one carries many payloads.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const html = XSS_PAYLOADS.map((p) => p.html);
const short = html.filter((h) => h.length <= 100);
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

async function solve(request: APIRequestContext): Promise<string> {
  const challenge = (await (await request.get(`${API}/api/v1/challenge?site=demo`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

interface Seeded {
  answered: { id: string; trackingCode: string };
  open: { id: string; trackingCode: string };
  feedbackIds: string[];
  siteName: string;
}
let seeded: Seeded;

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext();
  const tag = Date.now().toString(36);
  // Solve first, then wait out the minimum fill time once for all of them.
  const proofs = await Promise.all(Array.from({ length: 4 }, () => solve(request)));
  await new Promise((r) => setTimeout(r, 1200));
  let sent = 0;
  const submit = async (path: string, body: Record<string, unknown>) => {
    const res = await request.post(`${API}${path}`, { headers: { Origin: HOST, 'Idempotency-Key': `admin-e2e-${tag}-${++sent}` }, data: body });
    expect(res.status(), await res.text()).toBe(201);
    return res.json();
  };
  const question = (title: string, content: string, name: string, email: string, altcha: string) => ({
    site: 'demo',
    field: 'dat-dai',
    title,
    content,
    name,
    email,
    noticeVersion: 'hoi-dap-2026-12',
    consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'],
    altcha,
  });
  const q1 = await submit(
    '/api/v1/questions',
    question(`${short[0]} ${tag}`, html.join('\n').slice(0, 5000), short[3]!, `xss.one.${tag}@example.com`, proofs[0]!),
  );
  const q2 = await submit(
    '/api/v1/questions',
    question(`${short[4]} ${tag}`, [...html].reverse().join('\n').slice(0, 5000), short[5]!, `xss.two.${tag}@example.com`, proofs[1]!),
  );
  const feedbackIds: string[] = [];
  const half = Math.ceil(html.length / 2);
  for (const [i, part] of [html.slice(0, half), html.slice(half)].entries()) {
    const f = await submit('/api/v1/feedback', {
      site: 'demo',
      kind: 'page',
      rating: 1 + i * 4,
      message: part.join('\n').slice(0, 3000),
      contact: `xss.fb${i}.${tag}@example.com`,
      pageUrl: `${HOST}/agency.html?q=${encodeURIComponent(short[i]!)}`,
      noticeVersion: 'gop-y-2026-01',
      consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'],
      altcha: proofs[2 + i]!,
    });
    feedbackIds.push(f.id);
  }
  // Staff wrote things too: ids by tracking code, an answer full of payloads, a reply, a site name.
  const list = await (await request.get(`${API}/api/v1/admin/questions?status=new&limit=100`, { headers: auth })).json();
  const idOf = (code: string) => list.items.find((i: any) => i.trackingCode === code).id as string;
  const answered = { id: idOf(q1.trackingCode), trackingCode: q1.trackingCode as string };
  const open = { id: idOf(q2.trackingCode), trackingCode: q2.trackingCode as string };
  const ans = await request.post(`${API}/api/v1/admin/questions/${answered.id}/answer`, {
    headers: auth,
    data: {
      html: html.join('\n'),
      citations: [
        { number: short[6]!.slice(0, 60), article: short[7]!.slice(0, 120) },
        { number: '91/2025/QH15', article: XSS_URLS[0]!.html.slice(0, 120) },
      ],
      publish: false,
    },
  });
  expect(ans.status(), await ans.text()).toBe(200);
  const reply = await request.post(`${API}/api/v1/admin/feedback/${feedbackIds[0]}/reply`, { headers: auth, data: { reply: html.slice(0, 20).join('\n') } });
  expect(reply.status()).toBe(200);
  const siteName = `${short[8]!.slice(0, 150)} ${tag}`;
  const site = await request.put(`${API}/api/v1/admin/sites/xss-${tag}`, {
    headers: auth,
    data: { key: `xss-${tag}`, name: siteName, kind: 'mttq', origins: [] },
  });
  expect(site.status(), await site.text()).toBe(200);
  seeded = { answered, open, feedbackIds, siteName };
  await request.dispose();
});

/** Opens /admin/, logs in, and watches for anything running or failing. */
async function openAdmin(page: Page) {
  const problems = watchProblems(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${API}/admin/`);
  await page.getByLabel('Mã truy cập (token) của cán bộ').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('#app')).toBeVisible();
  return { problems, dialogs };
}

async function expectNothingRan(page: Page, watched: { problems: string[]; dialogs: string[] }, where: string) {
  // Give any onerror/onload/ontoggle a moment to fire.
  await page.waitForTimeout(300);
  expect(await page.evaluate((flag) => (window as any)[flag], XSS_FLAG), `${where}: a payload ran`).toBeUndefined();
  expect(watched.dialogs, `${where}: dialogs`).toEqual([]);
  expect(watched.problems, `${where}: console errors, page errors, CSP violations`).toEqual([]);
  // Nothing citizens wrote became markup: no element the page itself never makes.
  const foreign = await page
    .locator('#view')
    .locator('script, img, svg, iframe, object, embed, math, style, link, meta, base, details, video, marquee, form, a, template, noscript')
    .count();
  expect(foreign, `${where}: elements made from citizens' text`).toBe(0);
  const handlers = await page.evaluate(
    () => [...document.querySelectorAll('#view *')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
  );
  expect(handlers, `${where}: elements with event handlers`).toBe(0);
}

async function expectAccessible(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`),
    where,
  ).toEqual([]);
}

test.describe('the moderation page', () => {
  test('shows questions, answers, feedback and sites carrying the XSS corpus as text: nothing runs, no errors, no axe violations', async ({ page }) => {
    const watched = await openAdmin(page);
    await expectAccessible(page, 'after login');

    // New questions: the open one, its title, text and the asker's name, as plain text.
    const openCard = page.locator('#view article').filter({ hasText: seeded.open.trackingCode });
    await expect(openCard).toHaveCount(1);
    await expect(openCard.locator('h2')).toHaveText(new RegExp(`^${escape(short[4]!)} [a-z0-9]+$`));
    await expect(openCard.locator('.question')).toContainText(html[0]!);
    await expect(openCard).toContainText(short[5]!);
    await expectNothingRan(page, watched, 'new questions');
    await expectAccessible(page, 'new questions');

    await page.getByRole('button', { name: 'Đã trả lời', exact: true }).click();
    const answeredCard = page.locator('#view article').filter({ hasText: seeded.answered.trackingCode });
    await expect(answeredCard).toHaveCount(1);
    await expect(answeredCard.locator(`#ans-${seeded.answered.id}`)).toHaveValue(html.join('\n'));
    await expect(answeredCard.locator(`#cit-${seeded.answered.id}`)).toHaveValue(new RegExp(escape(short[6]!.slice(0, 60))));
    await expectNothingRan(page, watched, 'answered questions');
    await expectAccessible(page, 'answered questions');

    await page.getByRole('button', { name: 'Góp ý', exact: true }).click();
    await expect(page.locator('#view article').filter({ hasText: `xss.fb0.` })).toHaveCount(1);
    await expect(page.locator('#view article').filter({ hasText: `xss.fb1.` })).toHaveCount(1);
    for (const h of html) await expect(page.locator('#view .question').filter({ hasText: h }).first()).toBeAttached();
    await expect(page.locator(`#rep-${seeded.feedbackIds[0]}`)).toHaveValue(html.slice(0, 20).join('\n'));
    await expectNothingRan(page, watched, 'feedback');
    await expectAccessible(page, 'feedback');

    await page.getByRole('button', { name: 'Trang nhúng', exact: true }).click();
    await expect(page.locator('#view table td').filter({ hasText: seeded.siteName })).toHaveCount(1);
    await expectNothingRan(page, watched, 'sites');
    await expectAccessible(page, 'sites');
  });

  test('an answer typed on the page reaches the citizen’s tracking lookup', async ({ page, request }) => {
    const watched = await openAdmin(page);
    const card = page.locator('#view article').filter({ hasText: seeded.open.trackingCode });
    await expect(card).toHaveCount(1);
    const answer = '<p>Theo Điều 3 Luật Đất đai, hồ sơ nộp tại Văn phòng đăng ký đất đai.</p>';
    await card.getByLabel('Trả lời (HTML: p, strong, em, ul, ol, li, a)').fill(answer);
    await card.getByLabel('Căn cứ: mỗi dòng "số hiệu | điều, khoản"').fill('91/2025/QH15 | Điều 3\n52/2014/QH13 |');
    await card.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect(page.locator('#status')).toHaveText(`Đã trả lời câu hỏi ${seeded.open.trackingCode}.`);
    // It left the new questions and is among the answered ones.
    await expect(page.locator('#view article').filter({ hasText: seeded.open.trackingCode })).toHaveCount(0);
    await page.getByRole('button', { name: 'Đã trả lời', exact: true }).click();
    await expect(page.locator('#view article').filter({ hasText: seeded.open.trackingCode })).toHaveCount(1);
    await expectNothingRan(page, watched, 'after answering');

    const res = await request.get(`${API}/api/v1/questions/${seeded.open.trackingCode}`);
    expect(res.status()).toBe(200);
    const view = await res.json();
    expect(view.status).toBe('answered');
    expect(view.answer.html).toBe(answer);
    expect(view.answer.citations.map((c: any) => [c.number, c.article, c.lawId])).toEqual([
      ['91/2025/QH15', 'Điều 3', '91-2025-qh15'],
      ['52/2014/QH13', null, expect.anything()],
    ]);
    // The tracking view is for the citizen: no name, no contact.
    expect(JSON.stringify(view)).not.toContain(short[5]!);
    expect(JSON.stringify(view)).not.toContain('xss.two.');
  });
});

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
