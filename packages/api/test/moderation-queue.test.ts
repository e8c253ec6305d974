import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../src/questions/due-date.js';
import { vietnamDay } from '../src/calendar/vietnam-time.js';
import { LAW_ID, LAW_NUMBER, ORIGIN, SITE, ask, counts, useSubmitApp } from './support/submit.js';

/**
 * Moderation as a queue (docs/console/questions.md): search and filters with a total and counts
 * per tab, the due-date order, overdue questions, the province's deadline, answers stored through
 * the sanitiser, and the preview.
 */
const t = useSubmitApp();

const json = async (res: Response) => {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};
const queue = async (query: string, token = t.editor) => {
  const res = await json(await t.staff('GET', `/api/v1/admin/questions?${query}`, undefined, token));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
/** A word no other question holds, so a search by it finds only the questions of one test. */
const tag = () => `kiemthu${randomInt(1e9)}`;
/** The test site as registered, promising answers within `answerDays`. */
async function siteDays(answerDays: number) {
  const site = { key: SITE, name: 'UBND xã Thử', kind: 'ubnd-xa', origins: [ORIGIN], contactRule: 'email-or-phone', requireName: true, answerDays };
  const res = await t.staff('PUT', `/api/v1/admin/sites/${SITE}`, site);
  expect(res.status, await res.text()).toBe(200);
}
const setRow = (id: string, values: Record<string, string | number | null>) => t.db.kysely.updateTable('questions').set(values).where('id', '=', id).execute();

describe('the queue: search, filters, order, total and counts', () => {
  it('finds by any word of title, question or answer, diacritics optional', async () => {
    const word = tag();
    const a = await ask(t, { title: `Thủ tục đăng ký kết hôn ${word}` });
    const b = await ask(t, { content: `Xin hỏi về quyền sử dụng đất nông nghiệp của hộ gia đình, mã ${word}.` });
    const c = await ask(t);
    await t.staff('POST', `/api/v1/admin/questions/${c.id}/answer`, { html: `<p>Căn cứ Luật Đất đai, <strong>${word}</strong>.</p>` });
    const found = await queue(`q=${word}&limit=100`);
    expect(found.items.map((i: any) => i.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(found.total).toBe(3);
    // Without diacritics, in capitals, the last word a prefix.
    const folded = await queue(`q=${encodeURIComponent(`DANG KY KET HON ${word}`)}`);
    expect(folded.items.map((i: any) => i.id)).toEqual([a.id]);
    expect((await queue(`q=${encodeURIComponent(`${word} nong ngh`)}`)).items.map((i: any) => i.id)).toEqual([b.id]);
  });

  it('counts per status for the tabs under the same search; total follows the status', async () => {
    const word = tag();
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await ask(t, { title: `Câu hỏi đếm ${word} số ${i}` })).id);
    await t.staff('PATCH', `/api/v1/admin/questions/${ids[0]}`, { handlingUnit: 'Phòng PBGDPL' });
    await t.staff('PATCH', `/api/v1/admin/questions/${ids[1]}`, { status: 'in-progress' });
    await t.staff('POST', `/api/v1/admin/questions/${ids[2]}/reject`, { reason: 'Không thuộc thẩm quyền.' });
    const all = await queue(`q=${word}`);
    expect(all.counts).toEqual({ new: 1, classified: 1, 'in-progress': 1, answered: 0, rejected: 1, overdue: 0 });
    expect(all.total).toBe(4);
    const open = await queue(`q=${word}&status=new`);
    expect(open.total).toBe(1);
    expect(open.items.map((i: any) => i.id)).toEqual([ids[3]]);
    expect(open.counts).toEqual(all.counts);
    expect(all.handlingUnits).toContain('Phòng PBGDPL');
  });

  it('filters by site, field, handling unit and the day it arrived (Vietnam time)', async () => {
    const word = tag();
    const late = await ask(t, { title: `Câu hỏi tối ${word}`, field: 'hon-nhan-gia-dinh' });
    const early = await ask(t, { title: `Câu hỏi sáng ${word}` });
    // 23:59 on 4 March in Vietnam, and midnight of 5 March there (17:00 UTC the day before).
    await setRow(late.id, { created_at: '2024-03-04T16:59:00.000Z' });
    await setRow(early.id, { created_at: '2024-03-04T17:00:00.000Z' });
    const day = async (from: string, to: string) => (await queue(`q=${word}&from=${from}&to=${to}`)).items.map((i: any) => i.id);
    expect(await day('2024-03-05', '2024-03-05')).toEqual([early.id]);
    expect(await day('2024-03-04', '2024-03-04')).toEqual([late.id]);
    expect((await day('2024-03-01', '2024-03-31')).sort()).toEqual([late.id, early.id].sort());
    expect((await queue(`q=${word}&field=hon-nhan-gia-dinh`)).items.map((i: any) => i.id)).toEqual([late.id]);
    expect((await queue(`q=${word}&site=${SITE}`)).total).toBe(2);
    expect((await queue(`q=${word}&site=so-tu-phap`)).total).toBe(0);
    const unit = 'Phòng Hành chính tư pháp';
    await t.staff('PATCH', `/api/v1/admin/questions/${early.id}`, { handlingUnit: unit });
    expect((await queue(`q=${word}&unit=${encodeURIComponent(unit)}`)).items.map((i: any) => i.id)).toEqual([early.id]);
  });

  it('sorts the queue by due date (open questions first), or the newest first; pages with total', async () => {
    const word = tag();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await ask(t, { title: `Câu hỏi thứ tự ${word} ${i}` }));
    const dues = ['2030-01-10', '2030-01-03', '2030-01-07', '2030-01-01', '2030-01-05'];
    for (const [i, q] of made.entries()) await setRow(q.id, { due_on: dues[i]!, created_at: `2025-01-0${i + 1}T03:00:00.000Z` });
    // Answered, even though due first: after the open ones.
    await t.staff('POST', `/api/v1/admin/questions/${made[3]!.id}/answer`, { html: '<p>Đã trả lời.</p>' });
    const order = [made[1], made[4], made[2], made[0], made[3]].map((q) => q!.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await queue(`q=${word}&sort=due&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(5);
      seen.push(...page.items.map((i: any) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(order);
    expect((await queue(`q=${word}&sort=newest`)).items.map((i: any) => i.id)).toEqual([...made].reverse().map((q) => q.id));
  });

  it('marks and filters overdue questions: past the due date in Vietnam, not answered or rejected', async () => {
    const word = tag();
    const yesterday = new Date(Date.parse(`${vietnamDay(new Date())}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const today = vietnamDay(new Date());
    const late = await ask(t, { title: `Quá hạn ${word}` });
    const dueToday = await ask(t, { title: `Hạn hôm nay ${word}` });
    const rejected = await ask(t, { title: `Từ chối ${word}` });
    await setRow(late.id, { due_on: yesterday });
    await setRow(dueToday.id, { due_on: today });
    await setRow(rejected.id, { due_on: yesterday });
    await t.staff('POST', `/api/v1/admin/questions/${rejected.id}/reject`, { reason: 'Trùng câu hỏi đã gửi.' });
    const all = await queue(`q=${word}`);
    const overdue = Object.fromEntries(all.items.map((i: any) => [i.id, i.overdue]));
    expect(overdue).toEqual({ [late.id]: true, [dueToday.id]: false, [rejected.id]: false });
    expect(all.counts.overdue).toBe(1);
    expect((await queue(`q=${word}&overdue=true`)).items.map((i: any) => i.id)).toEqual([late.id]);
    expect((await queue(`q=${word}&overdue=false`)).total).toBe(2);
    expect((await json(await t.staff('GET', `/api/v1/admin/questions/${late.id}`))).body.overdue).toBe(true);
  });

  it('refuses bad queries with problem+json naming the parameter', async () => {
    for (const [query, path] of [
      ['status=done', 'status'],
      ['sort=oldest', 'sort'],
      ['from=2024-13-01', 'from'],
      ['from=2024-03-05&to=2024-03-01', 'from'],
      ['overdue=perhaps', 'overdue'],
      ['cursor=bm90LWFuLW9mZnNldA', 'cursor'],
      ['limit=101', 'limit'],
      ['colour=red', ''],
    ]) {
      const res = await t.staff('GET', `/api/v1/admin/questions?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('Content-Type')).toMatch(/problem\+json/);
      if (path)
        expect(
          (await res.json()).errors.map((e: any) => e.path),
          query,
        ).toContain(path);
    }
  });

  it('every read of the queue is audited with the filter and the ids seen', async () => {
    const word = tag();
    const q = await ask(t, { title: `Nhật ký ${word}` });
    await queue(`q=${word}&overdue=false`);
    const log = (await json(await t.staff('GET', '/api/v1/admin/audit?limit=5'))).body.items;
    const entry = log.find((e: any) => e.subject === 'questions');
    expect(JSON.parse(entry.detail)).toMatchObject({ filter: { q: word, overdue: false, sort: 'due' }, ids: [q.id] });
  });
});

describe("the province's answer deadline", () => {
  it('administrators set it; editors read it; bad values are refused; changes are audited', async () => {
    const read = await json(await t.staff('GET', '/api/v1/admin/settings/moderation', undefined, t.editor));
    expect(read.status).toBe(200);
    // Migration 0009 starts from the longest deadline a site used: the test sites use 10.
    expect(read.body).toMatchObject({ answerDays: 10 });
    expect((await t.staff('PUT', '/api/v1/admin/settings/moderation', { answerDays: 5 }, t.editor)).status).toBe(403);
    for (const bad of [{ answerDays: 0 }, { answerDays: 61 }, { answerDays: 2.5 }, { answerDays: '5' }, {}, { answerDays: 5, extra: 1 }]) {
      const res = await t.staff('PUT', '/api/v1/admin/settings/moderation', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await json(await t.staff('GET', '/api/v1/admin/settings/moderation'))).body.answerDays).toBe(10);
    const put = await json(await t.staff('PUT', '/api/v1/admin/settings/moderation', { answerDays: 12 }));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ answerDays: 12, updatedBy: 'Trần Quản Trị' });
    const log = (await json(await t.staff('GET', '/api/v1/admin/audit?limit=3'))).body.items;
    expect(log[0]).toMatchObject({ action: 'put-settings', subject: 'settings:moderation' });
    expect(JSON.parse(log[0].detail)).toEqual({ answerDays: 12, before: 10 });
    await t.staff('PUT', '/api/v1/admin/settings/moderation', { answerDays: 10 });
  });

  it('new questions and classified ones are due that many working days after they arrived; a site promising fewer keeps its own', async () => {
    const received = new Date();
    const from = new Date(`${vietnamDay(received)}T00:00:00Z`);
    try {
      await t.staff('PUT', '/api/v1/admin/settings/moderation', { answerDays: 3 });
      const q = await ask(t);
      expect(q.dueOn).toBe(addWorkingDays(from, 3));
      // The deadline changes; classifying counts again from the day it arrived.
      await t.staff('PUT', '/api/v1/admin/settings/moderation', { answerDays: 7 });
      const classified = await json(await t.staff('PATCH', `/api/v1/admin/questions/${q.id}`, { handlingUnit: 'Phòng PBGDPL' }));
      expect(classified.body.dueOn).toBe(addWorkingDays(from, 7));
      // The test site promises 10; a site that promises 2 keeps its promise.
      await siteDays(2);
      const quick = await ask(t);
      expect(quick.dueOn).toBe(addWorkingDays(from, 2));
    } finally {
      await t.staff('PUT', '/api/v1/admin/settings/moderation', { answerDays: 10 });
      await siteDays(10);
    }
  });
});

/** What the console's editor (Tiptap: paragraphs, bold, italic, lists, links, line breaks) produces. */
const EDITOR_HTML =
  '<p>Theo <strong>Điều 8</strong> và <em>khoản 1</em>:<br>xin xem thêm</p>' +
  '<ul><li><p>đủ tuổi</p></li><li><p>tự nguyện</p></li></ul>' +
  '<ol><li><p>nộp hồ sơ</p></li></ol>' +
  '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://vbpl.vn/">vbpl.vn</a></p>';

describe('answers go through the sanitiser', () => {
  it("keeps everything the console's editor makes", async () => {
    const q = await ask(t);
    const res = await json(await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: EDITOR_HTML }));
    expect(res.status).toBe(200);
    // Only the spelling changes: <br /> for <br>, and the link's rel the sanitiser sets on every link.
    expect(res.body.answerHtml).toBe(EDITOR_HTML.replace('<br>', '<br />').replace('rel="noopener noreferrer nofollow"', 'rel="noopener noreferrer"'));
  });

  it('stores markup a page could run as text-only HTML, and refuses an answer that is empty after it', async () => {
    const q = await ask(t);
    const res = await json(
      await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, {
        html: '<p onclick="alert(1)">Trả lời<script>alert(1)</script><img src=x onerror=alert(1)> <a href="javascript:alert(1)">đây</a></p><style>p{}</style>',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.answerHtml).toBe('<p>Trả lời <a target="_blank" rel="noopener noreferrer">đây</a></p>');
    const other = await ask(t);
    const before = await counts(t.db);
    const empty = await t.staff('POST', `/api/v1/admin/questions/${other.id}/answer`, {
      html: '<script>alert(1)</script><img src=x>',
      citations: [{ number: LAW_NUMBER }],
    });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors[0].path).toBe('html');
    const after = await counts(t.db);
    expect(after.question_citations).toBe(before.question_citations);
    expect((await json(await t.staff('GET', `/api/v1/admin/questions/${other.id}`))).body).toMatchObject({ status: 'new', answerHtml: null });
  });

  it('the preview shows the stored form and the linked citations, and stores nothing', async () => {
    const q = await ask(t);
    const before = await counts(t.db);
    const res = await json(
      await t.staff(
        'POST',
        '/api/v1/admin/questions/preview',
        { html: '<p><b>Có</b><script>x()</script></p>', citations: [{ number: LAW_NUMBER, article: 'Điều 5, khoản 2' }, { number: '1/2099/QH99' }] },
        t.editor,
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      html: '<p><b>Có</b></p>',
      citations: [
        { number: LAW_NUMBER, article: 'Điều 5, khoản 2', lawId: LAW_ID, url: expect.stringMatching(/^https?:\/\//) },
        { number: '1/2099/QH99', article: null, lawId: null, url: null },
      ],
    });
    expect(await counts(t.db)).toEqual(before);
    expect((await json(await t.staff('GET', `/api/v1/admin/questions/${q.id}`))).body.answerHtml).toBeNull();
    expect((await t.staff('POST', '/api/v1/admin/questions/preview', { html: '' })).status).toBe(400);
    expect((await t.request('/api/v1/admin/questions/preview', { method: 'POST', body: '{}' })).status).toBe(401);
  });
});

describe('publication needs consent', () => {
  it('answer and publish is refused without the consent, and nothing is stored', async () => {
    const q = await ask(t);
    const res = await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>Có.</p>', publish: true });
    expect(res.status).toBe(409);
    expect((await json(await t.staff('GET', `/api/v1/admin/questions/${q.id}`))).body).toMatchObject({ status: 'new', published: false, answerHtml: null });
  });
});
