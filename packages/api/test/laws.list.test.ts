import { VALIDITY } from '@pbgdpl/contract';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { catalog, expected, label, url, walk, type Expected } from './support/catalog.js';

const t = useTestApp();

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const sortedIds = (laws: { id: string }[]) => ids(laws).sort();

/** What a filtered walk must return, worked out from the catalog. */
async function expectFilter(query: Record<string, string | number | undefined>, keep: (law: Expected) => boolean) {
  const want = expected.filter(keep);
  const { items } = await walk(t, { ...query, limit: 50 });
  expect(items.length, `count for ${JSON.stringify(query)}`).toBe(want.length);
  expect(sortedIds(items)).toEqual(sortedIds(want));
  return items;
}

describe('GET /api/v1/laws: order and paging', () => {
  it('lists newest first by issued date, ten by default', async () => {
    const { res, body } = await t.get('/api/v1/laws');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(body.items).toHaveLength(10);
    expect(body.items.map((i: any) => i.issuedOn)).toEqual(expected.slice(0, 10).map((l) => l.issued));
    expect(body.items[0].id).toBe('224-2026-nd-cp');
    expect(typeof body.nextCursor).toBe('string');
  });

  it.each([1, 3, 17, 50])('respects limit=%i', async (limit) => {
    const { body } = await t.get(`/api/v1/laws?limit=${limit}`);
    expect(body.items).toHaveLength(limit);
    expect(body.items.map((i: any) => i.issuedOn)).toEqual(expected.slice(0, limit).map((l) => l.issued));
  });

  it.each([1, 2, 7, 10, 50])('walks every document exactly once with limit=%i, newest first, ending with nextCursor null', async (limit) => {
    const { items, pages } = await walk(t, { limit });
    expect(items).toHaveLength(catalog.laws.length);
    expect(new Set(ids(items)).size).toBe(items.length);
    expect(sortedIds(items)).toEqual(sortedIds(expected));
    // Issued dates never go up from one item to the next, across page boundaries too.
    expect(items.map((i) => i.issuedOn)).toEqual(expected.map((l) => l.issued));
    expect(pages).toHaveLength(Math.ceil(catalog.laws.length / limit));
    for (const page of pages.slice(0, -1)) expect(page.items).toHaveLength(limit);
    expect(pages.at(-1).nextCursor).toBeNull();
  });

  it('orders documents issued the same day the same way every time, so a cursor splitting them loses none', async () => {
    const sameDay = expected.filter((l, _, all) => all.filter((o) => o.issued === l.issued).length > 1);
    expect(sameDay.length).toBeGreaterThanOrEqual(4); // the catalog has ties; this test needs them
    const one = await walk(t, { limit: 1 });
    const big = await walk(t, { limit: 50 });
    expect(ids(one.items)).toEqual(ids(big.items));
  });

  it('gives the last page a null cursor when the count divides evenly', async () => {
    const want = expected.filter((l) => l.type === 'bo-luat'); // 4 documents
    const { pages, items } = await walk(t, { type: 'bo-luat', limit: want.length / 2 });
    expect(items).toHaveLength(want.length);
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(pages.at(-1).nextCursor).toBeNull();
  });
});

describe('GET /api/v1/laws: filters', () => {
  it.each(catalog.fields.map((f) => f.code))('field=%s returns exactly the documents in that field', async (code) => {
    const items = await expectFilter({ field: code }, (l) => l.fields.includes(code));
    for (const item of items) expect(item.fields.map((f: any) => f.code)).toContain(code);
  });

  it.each(catalog.types.map((x) => x.code))('type=%s returns exactly the documents of that type', async (code) => {
    const items = await expectFilter({ type: code }, (l) => l.type === code);
    for (const item of items) expect(item.type.code).toBe(code);
  });

  it.each(catalog.issuers.map((x) => x.code))('issuer=%s returns exactly the documents of that issuer', async (code) => {
    const items = await expectFilter({ issuer: code }, (l) => l.issuer === code);
    for (const item of items) expect(item.issuer.code).toBe(code);
  });

  it.each([...VALIDITY])('validity=%s returns exactly the documents with that validity', async (code) => {
    const items = await expectFilter({ validity: code }, (l) => l.validity === code);
    for (const item of items) expect(item.validity.code).toBe(code);
  });

  it('the filters have something to find: several codes match more than a page', async () => {
    // Guards the tests above against a catalog where every filter matches nothing.
    expect(expected.filter((l) => l.validity === 'con-hieu-luc').length).toBeGreaterThan(50);
    expect(expected.filter((l) => l.fields.includes('dat-dai')).length).toBeGreaterThan(5);
  });

  it.each([
    { from: '2025-01-01' },
    { to: '2012-12-31' },
    { from: '2024-01-01', to: '2024-12-31' },
    { from: '2025-06-26', to: '2025-06-26' }, // one day: both ends are inclusive
    { from: '2025-02-19', to: '2025-02-19' }, // a day with two documents
    { from: '2030-01-01' },
    { to: '2000-01-01' },
  ])('date range %j is inclusive at both ends', async (range) => {
    const items = await expectFilter(range, (l) => (!range.from || l.issued >= range.from) && (!range.to || l.issued <= range.to));
    for (const item of items) {
      if (range.from) expect(item.issuedOn >= range.from).toBe(true);
      if (range.to) expect(item.issuedOn <= range.to).toBe(true);
    }
  });

  it('a single day finds the documents issued that day', async () => {
    const { body } = await t.get('/api/v1/laws?from=2025-06-26&to=2025-06-26');
    expect(ids(body.items)).toContain('91-2025-qh15');
  });

  it.each([
    [{ type: 'luat', issuer: 'quoc-hoi' }, (l: Expected) => l.type === 'luat' && l.issuer === 'quoc-hoi'],
    [{ type: 'luat', validity: 'het-hieu-luc-toan-bo' }, (l: Expected) => l.type === 'luat' && l.validity === 'het-hieu-luc-toan-bo'],
    [{ field: 'dat-dai', type: 'nghi-dinh' }, (l: Expected) => l.fields.includes('dat-dai') && l.type === 'nghi-dinh'],
    [
      { field: 'cong-nghe-thong-tin', validity: 'con-hieu-luc', from: '2020-01-01', to: '2025-12-31' },
      (l: Expected) => l.fields.includes('cong-nghe-thong-tin') && l.validity === 'con-hieu-luc' && l.issued >= '2020-01-01' && l.issued <= '2025-12-31',
    ],
    [{ issuer: 'chinh-phu', from: '2024-01-01' }, (l: Expected) => l.issuer === 'chinh-phu' && l.issued >= '2024-01-01'],
    [{ type: 'ke-hoach', issuer: 'quoc-hoi' }, () => false],
    [{ field: 'dat-dai', q: 'xử phạt' }, (l: Expected) => l.fields.includes('dat-dai') && /xử phạt/i.test(l.abstract)],
  ] as const)('combined filters %j', async (query, keep) => {
    await expectFilter(query, keep);
  });

  it('combined filters page with a cursor like unfiltered ones', async () => {
    const want = expected.filter((l) => l.issuer === 'quoc-hoi' && l.type === 'luat');
    expect(want.length).toBeGreaterThan(6);
    const { items, pages } = await walk(t, { issuer: 'quoc-hoi', type: 'luat', limit: 3 });
    expect(pages.length).toBe(Math.ceil(want.length / 3));
    expect(sortedIds(items)).toEqual(sortedIds(want));
  });
});

describe('GET /api/v1/laws: labels', () => {
  it('labels type, issuer, fields and validity in Vietnamese by default', async () => {
    const { items } = await walk(t, { limit: 50 });
    for (const item of items) {
      expect(item.type.label).toBe(label.type(item.type.code, 'vi'));
      expect(item.issuer.label).toBe(label.issuer(item.issuer.code, 'vi'));
      for (const f of item.fields) expect(f.label).toBe(label.field(f.code, 'vi'));
    }
    const first = items.find((i) => i.id === '91-2025-qh15');
    expect(first.validity).toEqual({ code: 'con-hieu-luc', label: 'Còn hiệu lực' });
  });

  it('lang=en gives English labels for type, issuer, fields and validity', async () => {
    const { items } = await walk(t, { limit: 50, lang: 'en' });
    expect(items).toHaveLength(catalog.laws.length);
    for (const item of items) {
      expect(item.type.label).toBe(label.type(item.type.code, 'en'));
      expect(item.issuer.label).toBe(label.issuer(item.issuer.code, 'en'));
      for (const f of item.fields) expect(f.label).toBe(label.field(f.code, 'en'));
      expect(item.validity.label).toBe({ 'con-hieu-luc': 'In force', 'het-hieu-luc-toan-bo': 'Expired' }[item.validity.code as string]);
    }
    const law = items.find((i) => i.id === '91-2025-qh15');
    expect(law.type).toEqual({ code: 'luat', label: 'Law' });
    expect(law.issuer).toEqual({ code: 'quoc-hoi', label: 'National Assembly' });
    // Document text stays as issued: only the lists are translated.
    expect(law.abstract).toBe('Luật Bảo vệ dữ liệu cá nhân');
  });

  it('each item carries what a widget shows, straight from the catalog', async () => {
    const { items } = await walk(t, { limit: 50 });
    for (const item of items) {
      const law = expected.find((l) => l.id === item.id)!;
      expect(item.number).toBe(law.number);
      expect(item.issuedOn).toBe(law.issued);
      expect(item.effectiveOn).toBe(law.effective);
      expect(item.abstract).toBe(law.abstract);
      expect(item.fields.map((f: any) => f.code).sort()).toEqual([...law.fields].sort());
      expect(item.url).toBe(law.url ?? `https://vbpl.vn/pages/vbpq-timkiem.aspx?Keyword=${encodeURIComponent(law.number)}`);
    }
  });

  it('gives the same ids across languages', async () => {
    const vi = await t.get(url('/api/v1/laws', { limit: 50 }));
    const en = await t.get(url('/api/v1/laws', { limit: 50, lang: 'en' }));
    expect(ids(en.body.items)).toEqual(ids(vi.body.items));
  });
});
