import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { putSite } from '../src/sites/sites.queries.js';
import { feedbackSearchText } from '../src/feedback/feedback.queries.js';
import { feedback, useSubmitApp } from './support/submit.js';

/**
 * Feedback as staff work with it: search without diacritics, filters, the total and paging, the
 * reply, and the satisfaction series per site and month against the province's target.
 */
const t = useSubmitApp();

const json = async (res: Response) => {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, res };
};

/** Two sites of their own, so rows other test files or tests add do not change the counts here. */
const SITE = 'xa-gop-y';
const ORIGIN = 'https://xa-gop-y.example.gov.vn';
const OTHER = 'so-gop-y';
const OTHER_ORIGIN = 'https://so-gop-y.example.gov.vn';

/** A row written as the submission route writes it, at a time of our choosing. */
async function stored(over: { site?: string; rating: number; at: string; message?: string; kind?: string; status?: string; contact?: string }) {
  const row = {
    id: randomUUID(),
    site_key: over.site ?? SITE,
    kind: over.kind ?? 'page',
    law_id: null,
    rating: over.rating,
    message: over.message ?? 'Trang dễ đọc.',
    contact: over.contact ?? null,
    page_url: null,
    status: over.status ?? 'new',
    reply: null,
    replied_by: null,
    replied_at: null,
    created_at: over.at,
    contact_over_limit: 0,
  };
  await t.db.kysely
    .insertInto('feedback')
    .values({ ...row, search_text: feedbackSearchText(row) })
    .execute();
  return row.id;
}

const list = async (query: string) => {
  const res = await json(await t.staff('GET', `/api/v1/admin/feedback?${query}`, undefined, t.editor));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: any[]; total: number; nextCursor: string | null };
};

beforeAll(async () => {
  const base = { kind: 'ubnd-xa' as const, contactRule: 'none' as const, requireName: false, answerDays: 10, contact: null };
  await putSite(t.db.kysely, { ...base, key: SITE, name: 'UBND xã Góp Ý', origins: [ORIGIN] });
  await putSite(t.db.kysely, { ...base, key: OTHER, name: 'Sở Góp Ý', kind: 'so-ban-nganh', origins: [OTHER_ORIGIN] });
  t.services.sites.invalidate();
});

describe('the staff list of feedback', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.land = await stored({ rating: 2, at: '2025-05-10T03:00:00.000Z', message: 'Thủ tục đất đai còn rườm rà.', kind: 'document' });
    ids.late = await stored({ rating: 5, at: '2025-05-31T18:00:00.000Z', message: 'Cảm ơn cán bộ xã.', contact: 'ba.hoa@example.com' });
    ids.other = await stored({ site: OTHER, rating: 4, at: '2025-05-20T03:00:00.000Z', message: 'Đất đai: cần thêm hướng dẫn.', status: 'replied' });
    ids.june = await stored({ rating: 1, at: '2025-06-02T03:00:00.000Z', message: 'Không tìm thấy văn bản.', kind: 'draft' });
  });

  it('finds words without diacritics, in the message and the contact', async () => {
    const found = await list(`q=${encodeURIComponent('dat dai')}&limit=100`);
    expect(found.items.map((i) => i.id).sort()).toEqual([ids.land, ids.other].sort());
    expect(found.total).toBe(2);
    expect((await list(`q=${encodeURIComponent('RƯỜM')}`)).items.map((i) => i.id)).toEqual([ids.land]);
    expect((await list('q=ba.hoa')).items.map((i) => i.id)).toEqual([ids.late]);
    // Whole words: "da" does not find "đất", but the last word may be the start of one.
    expect((await list(`site=${SITE}&q=rom`)).total).toBe(0);
    expect((await list(`site=${SITE}&q=ruom`)).total).toBe(1);
  });

  it('filters by site, kind, rating and status, each narrowing the total', async () => {
    expect((await list(`site=${SITE}`)).total).toBe(3);
    expect((await list(`site=${OTHER}`)).items.map((i) => i.id)).toEqual([ids.other]);
    expect((await list(`site=${SITE}&kind=draft`)).items.map((i) => i.id)).toEqual([ids.june]);
    expect((await list(`site=${SITE}&rating=5`)).items.map((i) => i.id)).toEqual([ids.late]);
    expect((await list(`site=${OTHER}&status=replied`)).total).toBe(1);
    expect((await list(`site=${OTHER}&status=new`)).total).toBe(0);
  });

  it('takes the days received as the province counts them (UTC+7)', async () => {
    // 2025-05-31T18:00Z is 1 June in Vietnam.
    const may = await list(`site=${SITE}&from=2025-05-01&to=2025-05-31`);
    expect(may.items.map((i) => i.id)).toEqual([ids.land]);
    const june = await list(`site=${SITE}&from=2025-06-01&to=2025-06-30`);
    expect(june.items.map((i) => i.id)).toEqual([ids.june, ids.late]);
    expect((await list(`site=${SITE}&from=2025-06-01`)).total).toBe(2);
    expect((await list(`site=${SITE}&to=2025-05-31`)).total).toBe(1);
  });

  it('pages newest first with a stable total, every row once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(`site=${SITE}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.june, ids.late, ids.land]);
  });

  it.each([
    ['rating=6', 'rating'],
    ['rating=two', 'rating'],
    ['from=2025-06-02&to=2025-06-01', 'from'],
    ['from=01/06/2025', 'from'],
    ['kind=khieu-nai', 'kind'],
    ['status=done', 'status'],
    ['cursor=abc!', 'cursor'],
    ['cursor=Zm9v', 'cursor'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['sort=oldest', 'sort'],
  ])('refuses %s with problem+json naming %s', async (query, path) => {
    const res = await json(await t.staff('GET', `/api/v1/admin/feedback?${query}`, undefined, t.editor));
    expect(res.status).toBe(400);
    expect(res.res.headers.get('Content-Type')).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: any) => e.path)).toContain(path);
  });

  it('a reply is found by its words, and the list says who replied', async () => {
    const res = await json(await t.staff('POST', `/api/v1/admin/feedback/${ids.june}/reply`, { reply: 'Văn bản đã được đăng tải lại.' }, t.editor));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'replied', repliedBy: 'Lê Biên Tập' });
    const found = await list(`q=${encodeURIComponent('dang tai lai')}`);
    expect(found.items.map((i) => i.id)).toEqual([ids.june]);
    expect((await t.staff('POST', '/api/v1/admin/feedback/khong-co/reply', { reply: 'x' })).status).toBe(404);
    expect((await t.staff('POST', `/api/v1/admin/feedback/${ids.june}/reply`, { reply: '   ' })).status).toBe(400);
  });

  it('feedback sent through the form is found by search at once', async () => {
    const res = await t.post(
      '/api/v1/feedback',
      feedback({ site: SITE, kind: 'page', document: undefined, message: 'Giao diện trên điện thoại bị lỗi.', altcha: await t.altcha(SITE) }),
      { origin: ORIGIN },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = await res.json();
    expect((await list(`q=${encodeURIComponent('dien thoai')}`)).items.map((i) => i.id)).toEqual([id]);
  });
});

describe('satisfaction per month', () => {
  const S = 'xa-hai-long';
  beforeAll(async () => {
    await putSite(t.db.kysely, {
      key: S,
      name: 'Xã Hài Lòng',
      kind: 'ubnd-xa',
      contactRule: 'none',
      requireName: false,
      answerDays: 10,
      contact: null,
      origins: [],
    });
    // January 2024: 3 of 4 satisfied. February: none. March: 1 of 2, one of them sent on 31/03 local time
    // (17:30 UTC on the 31st is 00:30 on 1 April in Vietnam: it counts in April).
    for (const [rating, at] of [
      [5, '2024-01-03T02:00:00.000Z'],
      [4, '2024-01-15T02:00:00.000Z'],
      [4, '2024-01-31T16:59:59.000Z'],
      [3, '2024-01-20T02:00:00.000Z'],
      [5, '2024-03-05T02:00:00.000Z'],
      [1, '2024-03-06T02:00:00.000Z'],
      [5, '2024-03-31T17:30:00.000Z'],
      // The last day of December 2023 in UTC, 1 January 2024 in Vietnam.
      [2, '2023-12-31T20:00:00.000Z'],
    ] as const) {
      await stored({ site: S, rating, at });
    }
    // Another site's ratings count for the province only.
    await stored({ site: OTHER, rating: 1, at: '2024-02-10T02:00:00.000Z' });
  });

  const series = async (query: string) => {
    const res = await json(await t.staff('GET', `/api/v1/admin/feedback/satisfaction?${query}`, undefined, t.editor));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('one site: every month listed, the share of ratings of 4–5, null without ratings', async () => {
    const s = await series(`site=${S}&from=2024-01&to=2024-04`);
    expect(s.site).toBe(S);
    expect(s.target).toBe(90);
    expect(s.months).toEqual([
      { month: '2024-01', ratings: 5, satisfied: 3, percent: 60 },
      { month: '2024-02', ratings: 0, satisfied: 0, percent: null },
      { month: '2024-03', ratings: 2, satisfied: 1, percent: 50 },
      { month: '2024-04', ratings: 1, satisfied: 1, percent: 100 },
    ]);
    expect(s.overall).toEqual({ ratings: 8, satisfied: 5, percent: 62.5 });
  });

  it('the province: every site together', async () => {
    const s = await series('from=2024-02&to=2024-02');
    expect(s.site).toBeNull();
    expect(s.months).toEqual([{ month: '2024-02', ratings: 1, satisfied: 0, percent: 0 }]);
  });

  it('percentages have one decimal', async () => {
    const s = await series(`site=${S}&from=2024-01&to=2024-03`);
    expect(s.overall).toEqual({ ratings: 7, satisfied: 4, percent: 57.1 });
  });

  it('by default the 12 months up to this one', async () => {
    const s = await series(`site=${S}`);
    expect(s.months).toHaveLength(12);
    const now = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
    expect(s.months.at(-1).month).toBe(now);
    expect(s.months.every((m: any) => m.ratings === 0 && m.percent === null)).toBe(true);
  });

  it.each([
    ['from=2024-13', 400],
    ['from=2024-03&to=2024-01', 400],
    ['from=2020-01&to=2024-01', 400],
    ['site=khong-co', 404],
    ['site=Khong_Co', 400],
  ])('refuses %s (%i)', async (query, status) => {
    const res = await t.staff('GET', `/api/v1/admin/feedback/satisfaction?${query}`, undefined, t.editor);
    expect(res.status).toBe(status);
    expect(res.headers.get('Content-Type')).toMatch(/problem\+json/);
  });

  it('the target is 90 until an administrator sets another; an editor cannot', async () => {
    expect((await json(await t.staff('GET', '/api/v1/admin/feedback/satisfaction-target', undefined, t.editor))).body).toEqual({
      target: 90,
      updatedAt: null,
      updatedBy: null,
    });
    expect((await t.staff('PUT', '/api/v1/admin/feedback/satisfaction-target', { target: 80 }, t.editor)).status).toBe(403);
    for (const bad of [{ target: 0 }, { target: 101 }, { target: '90' }, {}, { target: 90, extra: 1 }]) {
      expect((await t.staff('PUT', '/api/v1/admin/feedback/satisfaction-target', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    const set = await json(await t.staff('PUT', '/api/v1/admin/feedback/satisfaction-target', { target: 85 }));
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ target: 85, updatedBy: 'Trần Quản Trị' });
    expect((await series(`site=${S}&from=2024-01&to=2024-01`)).target).toBe(85);
    await t.staff('PUT', '/api/v1/admin/feedback/satisfaction-target', { target: 90 });
  });
});
