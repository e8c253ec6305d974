import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
// Dependencies of the API package, not of the workspace root: imported from there.
import type BetterSqlite3 from '../../packages/api/node_modules/@types/better-sqlite3/index.d.ts';
import { solveChallenge, type Challenge } from '../../packages/api/node_modules/altcha-lib/dist/esm/v2/index.js';
import { deriveKey } from '../../packages/api/node_modules/altcha-lib/dist/esm/v2/algorithms/sha.js';
import { XSS_FLAG, XSS_PAYLOADS } from '../../packages/widgets/src/test-support/xss-corpus.js';
import { ADMIN_TOKEN, API, HOST } from '../../playwright.config.js';
import { expectAxeClean, signIn } from './console-support.js';
import { watchProblems } from './support.js';

/**
 * The Q&A queue in the console (docs/console/questions.md): a citizen's question classified,
 * answered in the editor with a bold word, a list and a citation found by search, previewed and
 * published; the answer reaches the qa-box and the tracking lookup. Overdue questions are marked
 * in words. Questions carrying the XSS corpus run nothing anywhere in the console. axe on every
 * step; the screenshots of the staff guide.
 */
const Database = createRequire(import.meta.url)('../../packages/api/node_modules/better-sqlite3') as typeof BetterSqlite3;
const html = XSS_PAYLOADS.map((p) => p.html);
const short = html.filter((h) => h.length <= 100);
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/images/console/questions-${name}.png` });

async function solve(request: APIRequestContext): Promise<string> {
  const challenge = (await (await request.get(`${API}/api/v1/challenge?site=demo`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/**
 * The e2e server's SQLite file: the one among the e2e data folders that holds `trackingCode`
 * (several runs may share the machine). The API cannot make a question overdue — time has to pass —
 * so the spec moves one question's due date back, as the days would.
 */
function backdate(trackingCode: string, dueOn: string) {
  for (const dir of readdirSync(tmpdir()).filter((d) => d.startsWith('pbgdpl-e2e-'))) {
    const file = join(tmpdir(), dir, 'pbgdpl.sqlite');
    try {
      statSync(file);
    } catch {
      continue;
    }
    const db = new Database(file, { timeout: 5000 });
    try {
      if (db.prepare('update questions set due_on = ? where tracking_code = ?').run(dueOn, trackingCode).changes === 1) return;
    } finally {
      db.close();
    }
  }
  throw new Error(`no e2e database holds ${trackingCode}`);
}

interface Sent {
  id: string;
  trackingCode: string;
  title: string;
}
let plain: Sent;
let xss: Sent;
let late: Sent;
let refused: Sent;

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext();
  const tag = Date.now().toString(36);
  const proofs = await Promise.all(Array.from({ length: 4 }, () => solve(request)));
  await new Promise((r) => setTimeout(r, 1200));
  let n = 0;
  const ask = async (title: string, content: string, name: string, consents: string[]): Promise<Sent> => {
    const res = await request.post(`${API}/api/v1/questions`, {
      headers: { Origin: HOST, 'Idempotency-Key': `console-q-${tag}-${n}` },
      data: {
        site: 'demo',
        field: 'hon-nhan-gia-dinh',
        title,
        content,
        name,
        email: `hoi.${tag}.${n}@example.com`,
        noticeVersion: 'hoi-dap-2026-12',
        consents,
        altcha: proofs[n++]!,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { trackingCode } = await res.json();
    const list = await (await request.get(`${API}/api/v1/admin/questions?q=${tag}&limit=100`, { headers: auth })).json();
    return { id: list.items.find((i: { trackingCode: string }) => i.trackingCode === trackingCode).id, trackingCode, title };
  };
  const both = ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'];
  plain = await ask(
    `Nam nữ bao nhiêu tuổi thì được kết hôn? ${tag}`,
    'Con gái tôi 17 tuổi rưỡi, muốn đăng ký kết hôn thì có được không?',
    'Nguyễn Thị Hoa',
    both,
  );
  xss = await ask(`${short[0]} ${tag}`, html.join('\n').slice(0, 5000), short[3]!, both);
  late = await ask(`Thủ tục ly hôn thuận tình ở đâu? ${tag}`, 'Vợ chồng tôi thuận tình ly hôn thì nộp hồ sơ ở đâu?', 'Trần Văn Bình', both);
  refused = await ask(`Xin tư vấn vay tiền mua nhà ${tag}`, 'Tôi muốn vay ngân hàng để mua nhà, lãi suất bao nhiêu?', 'Lê Văn Cường', ['xu-ly-cau-hoi']);
  backdate(late.trackingCode, '2025-01-02');
  await request.dispose();
});

async function watch(page: Page) {
  const problems = watchProblems(page);
  // The console's page names no icon, so Chromium asks for /favicon.ico and logs its 404: not the console's doing.
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || !msg.location().url.endsWith('/favicon.ico')) return;
    const at = problems.indexOf(`console: ${msg.text()}`);
    if (at >= 0) problems.splice(at, 1);
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { problems, dialogs };
}

async function expectNothingRan(page: Page, watched: { problems: string[]; dialogs: string[] }, where: string) {
  await page.waitForTimeout(300);
  expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG), `${where}: a payload ran`).toBeUndefined();
  expect(watched.dialogs, `${where}: dialogs`).toEqual([]);
  expect(watched.problems, `${where}: console errors, page errors, CSP violations`).toEqual([]);
}

test.describe('the Q&A queue in the console', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('classify, answer with the editor and a citation, preview, publish: the citizen reads it', async ({ page }) => {
    const watched = await watch(page);
    await signIn(page, 'questions');
    const app = page.locator('pa-questions');
    await expect(app.getByRole('heading', { level: 1, name: 'Hỏi đáp pháp luật' })).toBeVisible();
    await expect(app.getByRole('link', { name: /^Quá hạn \(\d+\)$/ })).toBeVisible();
    await expect(app.locator('tbody tr').first()).toBeVisible();
    await shot(page, 'queue');
    await expectAxeClean(page);

    // Overdue: said in words, and a tab of its own.
    await app.getByRole('link', { name: /^Quá hạn \(\d+\)$/ }).click();
    const lateRow = app.locator('tbody tr').filter({ hasText: late.title });
    await expect(lateRow).toContainText('Quá hạn');
    await expect(lateRow).toContainText('02/01/2025');
    await expect(app.locator('tbody tr').filter({ hasText: plain.title })).toHaveCount(0);

    // Search without diacritics finds the question.
    await app.getByRole('link', { name: /^Tất cả/ }).click();
    await app.getByLabel('Tìm kiếm').fill('bao nhieu tuoi ket hon');
    await app.getByRole('button', { name: 'Lọc' }).click();
    await expect(app.locator('tbody tr').filter({ hasText: plain.title })).toHaveCount(1);
    await app.getByRole('link', { name: plain.title }).click();

    const screen = page.locator('pa-question');
    await expect(screen.getByRole('heading', { level: 1 })).toHaveText(plain.title);
    await expect(screen).toContainText('Nguyễn Thị Hoa');
    await expect(screen).toContainText('Công khai câu hỏi và trả lời');
    await screen.getByLabel('Đơn vị xử lý').fill('Phòng Phổ biến, giáo dục pháp luật');
    await screen.getByRole('button', { name: 'Lưu phân loại' }).click();
    await expect(screen.locator('#outcome')).toContainText('Đã lưu phân loại. Hạn trả lời:');
    await expect(screen.locator('#outcome')).toBeFocused();
    await screen.getByRole('heading', { name: 'Phân loại' }).scrollIntoViewIfNeeded();
    await shot(page, 'classify');
    await expectAxeClean(page);

    // The editor: a paragraph with a bold word, then a bulleted list, by toolbar and keyboard.
    const editor = screen.getByRole('textbox', { name: 'Nội dung trả lời' });
    await editor.click();
    await page.keyboard.type('Theo Luật Hôn nhân và gia đình, nữ phải ');
    await screen.getByRole('button', { name: 'Đậm' }).click();
    await page.keyboard.type('từ đủ 18 tuổi');
    await screen.getByRole('button', { name: 'Đậm' }).click();
    await page.keyboard.type(' mới được kết hôn.');
    await page.keyboard.press('Enter');
    await screen.getByRole('button', { name: 'Danh sách dấu đầu dòng' }).click();
    await page.keyboard.type('Nam từ đủ 20 tuổi;');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Việc kết hôn do nam và nữ tự nguyện quyết định.');
    await expect(editor.locator('strong')).toHaveText('từ đủ 18 tuổi');
    await expect(editor.locator('ul li')).toHaveCount(2);
    await shot(page, 'editor');
    await expectAxeClean(page);

    // The citation, found by search (without diacritics), with the article.
    await screen.getByLabel('Tìm văn bản để trích dẫn').fill('hon nhan gia dinh');
    await screen.getByRole('button', { name: 'Tìm', exact: true }).click();
    await screen.getByRole('button', { name: 'Chọn 52/2014/QH13' }).click();
    await expect(screen.getByLabel('Điều, khoản (không bắt buộc)')).toBeFocused();
    await screen.getByLabel('Điều, khoản (không bắt buộc)').fill('Điều 8 khoản 1 điểm a');
    await screen.getByRole('button', { name: 'Thêm căn cứ' }).click();
    await expect(screen.getByRole('button', { name: 'Bỏ 52/2014/QH13' })).toBeVisible();
    await shot(page, 'citations');
    await expectAxeClean(page);

    // The preview: the server's sanitised HTML, styled like the qa-box.
    await screen.getByRole('button', { name: 'Xem trước như người dân sẽ thấy' }).click();
    const preview = screen.locator('pa-answer-preview');
    await expect(preview.locator('.answer-html strong')).toHaveText('từ đủ 18 tuổi');
    await expect(preview.locator('.answer-html ul li')).toHaveCount(2);
    await expect(preview.locator('.cites li')).toContainText('Điều 8 khoản 1 điểm a văn bản số 52/2014/QH13');
    await expect(screen.getByRole('heading', { name: 'Bản xem trước' })).toBeFocused();
    await shot(page, 'preview');
    await expectAxeClean(page);

    await screen.getByRole('button', { name: 'Trả lời và công khai' }).click();
    await expect(screen.locator('#outcome')).toHaveText('Đã lưu câu trả lời và công khai trên các trang.');
    await expect(screen.getByRole('button', { name: 'Thôi công khai' })).toBeVisible();
    await screen.getByRole('heading', { name: 'Công khai' }).scrollIntoViewIfNeeded();
    await shot(page, 'publish');
    await expectAxeClean(page);
    await expectNothingRan(page, watched, 'answering');

    // The citizen: the tracking lookup, and the qa-box on the department's page.
    const view = await (await page.request.get(`${API}/api/v1/questions/${plain.trackingCode}`)).json();
    expect(view.status).toBe('answered');
    expect(view.answer.html).toContain('<strong>từ đủ 18 tuổi</strong>');
    expect(view.answer.html).toMatch(/<ul><li><p>Nam từ đủ 20 tuổi;<\/p><\/li><li><p>Việc kết hôn/);
    expect(view.answer.citations).toEqual([expect.objectContaining({ number: '52/2014/QH13', article: 'Điều 8 khoản 1 điểm a' })]);
    // The department's page with the qa-box: the newest published answer is listed first.
    await page.goto(`${HOST}/agency.html`);
    const qa = page.locator('#qa');
    await expect(qa.locator('ul.list:not([aria-hidden]) li.item').first()).toContainText(plain.title);
    await qa.getByRole('button', { name: 'Tra cứu câu hỏi' }).click();
    await qa.locator('#t-code').fill(plain.trackingCode);
    await qa.locator('#t-code').press('Enter');
    const result = qa.locator('[part=track-result]');
    await expect(result.locator('.answer-html strong')).toHaveText('từ đủ 18 tuổi');
    await expect(result.locator('[part=citations] li')).toContainText('Điều 8');
    const published = await (await page.request.get(`${API}/api/v1/questions?site=demo&limit=20`)).json();
    expect(published.items.map((i: { title: string }) => i.title)).toContain(plain.title);
  });

  test('without consent to publication the console says why; a question is rejected with a reason', async ({ page }) => {
    await signIn(page, `questions/${refused.id}`);
    const screen = page.locator('pa-question');
    await expect(screen.getByRole('heading', { level: 1 })).toHaveText(refused.title);
    await expect(screen.locator('#no-publish')).toContainText('Người hỏi không đồng ý công khai');
    await expect(screen.getByRole('button', { name: 'Trả lời và công khai' })).toHaveCount(0);
    await screen.getByRole('button', { name: 'Từ chối', exact: true }).click();
    await expect(screen.locator('#reason-error')).toHaveText('Viết ít nhất 3 ký tự.');
    await expect(screen.getByLabel('Lý do từ chối (người hỏi sẽ đọc được)')).toBeFocused();
    await screen.getByLabel('Lý do từ chối (người hỏi sẽ đọc được)').fill('Câu hỏi về lãi suất vay không thuộc lĩnh vực pháp luật; xin liên hệ ngân hàng.');
    await screen.getByRole('heading', { name: 'Từ chối câu hỏi' }).scrollIntoViewIfNeeded();
    await shot(page, 'reject');
    await screen.getByRole('button', { name: 'Từ chối', exact: true }).click();
    await expect(screen.locator('#outcome')).toHaveText('Đã từ chối câu hỏi.');
    await expect(screen).toContainText('Lý do từ chối');
    await expectAxeClean(page);
    const view = await (await page.request.get(`${API}/api/v1/questions/${refused.trackingCode}`)).json();
    expect(view).toMatchObject({ status: 'rejected', rejectedReason: expect.stringContaining('lãi suất') });
  });

  test("citizens' XSS runs nowhere: queue, question, editor, preview", async ({ page }) => {
    const watched = await watch(page);
    await signIn(page, 'questions');
    const app = page.locator('pa-questions');
    await expect(app.getByRole('link', { name: xss.title })).toBeVisible();
    await expectNothingRan(page, watched, 'queue');
    await expectAxeClean(page);
    await app.getByRole('link', { name: xss.title }).click();
    const screen = page.locator('pa-question');
    await expect(screen.getByRole('heading', { level: 1 })).toHaveText(xss.title);
    await expect(screen.locator('p.content').first()).toContainText(html[0]!);
    await expect(screen).toContainText(short[3]!);
    await expectNothingRan(page, watched, 'question');
    // What a citizen wrote becomes no element: none the screen does not make itself.
    const foreign = await screen.locator('section').first().locator('script, img, svg, iframe, object, embed, math, style, video, marquee, template').count();
    expect(foreign).toBe(0);
    // Pasted into the editor and previewed: the sanitiser's output only.
    await screen.getByRole('textbox', { name: 'Nội dung trả lời' }).click();
    await page.keyboard.insertText(html.slice(0, 10).join(' '));
    await screen.getByRole('button', { name: 'Xem trước như người dân sẽ thấy' }).click();
    await expect(screen.locator('pa-answer-preview .answer-html')).toBeVisible();
    expect(await screen.locator('pa-answer-preview .answer-html').locator('script, img, svg, iframe, object, embed, style').count()).toBe(0);
    await expectNothingRan(page, watched, 'editor and preview');
    await expectAxeClean(page);

    // On a phone (360 px): the question and the queue fit the width, nothing to scroll sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    const fits = (tag: string) => page.evaluate((t) => document.querySelector('pa-app')!.shadowRoot!.querySelector(t)!.scrollWidth, tag);
    expect(await fits('pa-question')).toBeLessThanOrEqual(360);
    await page.goto(`${API}/admin/#/questions`);
    await expect(page.locator('pa-questions tbody tr').first()).toBeVisible();
    expect(await fits('pa-questions')).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
