import { join } from 'node:path';
import { QuestionPage } from '@pbgdpl/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { loadQaCatalog, seedQaIfEmpty } from '../src/db/seed-qa.js';
import { packageRoot } from './support/app.js';
import { SITE, ask, useSubmitApp } from './support/submit.js';

/**
 * The published Q&A list: newest first without `q`; with `q`, ranked by relevance with the
 * suggestions' folding and BM25 scoring. Every page says how many there are in all, and cursors
 * walk the whole list once. Over the 40 sample questions and answers of seed/qa.json.
 */
const t = useSubmitApp();
const qa = loadQaCatalog(join(packageRoot, 'seed/qa.json'))!;
const answeredOn = new Map(qa.questions.map((q) => [q.key, q.answeredOn]));

beforeAll(async () => {
  await seedQaIfEmpty(t.db, qa, SITE);
});

async function page(query: string): Promise<QuestionPage> {
  const res = await t.request(`/api/v1/questions?${query}`);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  const body = JSON.parse(text);
  expect(z.safeParse(QuestionPage, body).success, text.slice(0, 300)).toBe(true);
  return body;
}

/** Every page from the first, following nextCursor; the totals each page gave. */
async function walk(query: string, limit: number) {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  do {
    const p: QuestionPage = await page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...p.items.map((i) => i.id));
    totals.push(p.total);
    cursor = p.nextCursor;
    expect(totals.length).toBeLessThan(100);
  } while (cursor);
  return { ids, totals };
}

const q = (text: string) => `q=${encodeURIComponent(text)}`;

describe('GET /api/v1/questions with q: by relevance', () => {
  it('the question that is about the words comes first, not the newest one that contains them', async () => {
    const { items } = await page(`${q('tuổi')}&limit=20`);
    expect(items[0]!.id).toBe('tuoi-nghi-huu');
    const newestFirst = [...items].sort((a, b) => answeredOn.get(b.id)!.localeCompare(answeredOn.get(a.id)!) || b.id.localeCompare(a.id));
    expect(items.map((i) => i.id)).not.toEqual(newestFirst.map((i) => i.id));
    expect((await page(`${q('so do bi mat')}&limit=5`)).items[0]!.id).toBe('so-do-bi-mat');
    expect((await page(`${q('Bảo hiểm xã hội một lần')}&limit=5`)).items[0]!.id).toBe('bhxh-mot-lan');
  });

  it('words are folded as the suggestions fold them: with or without diacritics, any case, the same list', async () => {
    const a = await page(`${q('Nghỉ việc báo trước')}&limit=20`);
    const b = await page(`${q('NGHI VIEC bao truoc')}&limit=20`);
    expect(a.items.length).toBeGreaterThan(0);
    expect(b.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id));
    expect(a.items[0]!.id).toBe('nghi-viec-bao-truoc');
  });

  it('total counts every result, on every page, and the pages walk them all once in the order of one long page', async () => {
    const whole = await page(`${q('đất')}&limit=20`);
    expect(whole.total).toBe(whole.items.length);
    expect(whole.total).toBeGreaterThan(6);
    expect(whole.nextCursor).toBeNull();
    const walked = await walk(q('đất'), 3);
    expect(walked.ids).toEqual(whole.items.map((i) => i.id));
    expect(new Set(walked.totals)).toEqual(new Set([whole.total]));
  });

  it('with a field, only that field, and total counts only those', async () => {
    const all = await page(`${q('tuổi')}&limit=20`);
    const labour = await page(`${q('tuổi')}&field=lao-dong-viec-lam&limit=20`);
    expect(labour.items.length).toBeGreaterThan(0);
    expect(labour.items.every((i) => i.field.code === 'lao-dong-viec-lam')).toBe(true);
    expect(labour.total).toBe(labour.items.length);
    expect(labour.items.map((i) => i.id)).toEqual(all.items.filter((i) => i.field.code === 'lao-dong-viec-lam').map((i) => i.id));
  });

  it('words nothing answers: no items and a total of 0', async () => {
    expect(await page(`${q('zzzkhongcotu qqqxyz')}`)).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('a question published between two pages repeats nothing and skips nothing of what was there', async () => {
    const before = (await page(`${q('thu hồi đất')}&limit=20`)).items.map((i) => i.id);
    const first = await page(`${q('thu hồi đất')}&limit=2`);
    // A new answer about the same words: every BM25 score changes with it.
    const asked = await ask(t, {
      title: 'Thu hồi đất nông nghiệp để làm khu công nghiệp',
      content: 'Xã thông báo thu hồi đất ruộng của gia đình tôi để làm khu công nghiệp thì được bồi thường thế nào?',
      consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'],
    });
    const res = await t.staff('POST', `/api/v1/admin/questions/${asked.id}/answer`, {
      html: '<p>Khi Nhà nước thu hồi đất nông nghiệp, người có đất được bồi thường bằng đất hoặc bằng tiền.</p>',
      publish: true,
    });
    expect(res.status).toBe(200);
    try {
      const rest: string[] = [];
      let cursor = first.nextCursor;
      while (cursor) {
        const p = await page(`${q('thu hồi đất')}&limit=2&cursor=${cursor}`);
        rest.push(...p.items.map((i) => i.id));
        cursor = p.nextCursor;
      }
      const seen = [...first.items.map((i) => i.id), ...rest];
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => id !== asked.id)).toEqual(before);
    } finally {
      // Withdrawn again, so the other tests see the sample set alone.
      await t.staff('POST', `/api/v1/admin/questions/${asked.id}/publish`, { published: false });
    }
  });

  it('a cursor of one order is refused by the other', async () => {
    const byRelevance = (await page(`${q('đất')}&limit=2`)).nextCursor!;
    const newest = (await page('limit=2')).nextCursor!;
    for (const path of [`/api/v1/questions?limit=2&cursor=${byRelevance}`, `/api/v1/questions?${q('đất')}&limit=2&cursor=${newest}`]) {
      const res = await t.request(path);
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0]).toMatchObject({ path: 'cursor', code: 'invalid_cursor' });
    }
  });
});

describe('GET /api/v1/questions without q: newest first', () => {
  it('newest first, with the total of every published question, walked once by the cursor', async () => {
    const walked = await walk('lang=vi', 7);
    expect(walked.ids).toHaveLength(qa.questions.length);
    expect(new Set(walked.ids).size).toBe(qa.questions.length);
    expect(new Set(walked.totals)).toEqual(new Set([qa.questions.length]));
    const dates = walked.ids.map((id) => answeredOn.get(id)!);
    expect(dates).toEqual([...dates].sort().reverse());
    const field = await page('field=dat-dai&limit=2');
    expect(field.total).toBe(qa.questions.filter((x) => x.field === 'dat-dai').length);
    // Spaces alone are no search.
    expect((await page(`${q('   ')}&limit=2`)).total).toBe(qa.questions.length);
  });
});

describe('suggestion excerpts', () => {
  it('read as the answer does: no space left where an inline tag closed before punctuation', async () => {
    t.services.suggestions.invalidate();
    const res = await t.request(`/api/v1/questions/suggest?text=${encodeURIComponent('con gái 17 tuổi có được đăng ký kết hôn không')}`);
    const { answers } = (await res.json()) as { answers: { id: string; excerpt: string }[] };
    const marriage = answers.find((a) => a.id === 'ket-hon-tuoi')!;
    expect(marriage.excerpt).toContain('Luật Hôn nhân và gia đình năm 2014, nam phải từ đủ 20 tuổi');
    for (const a of answers) expect(a.excerpt, a.id).not.toMatch(/\s[,.;:!?)]/);
  });
});
