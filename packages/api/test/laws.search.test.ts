import { foldVietnamese } from '@pbgdpl/contract';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { catalog, expected, searchable, url, walk } from './support/catalog.js';
import type { Catalog } from '../src/db/seed.js';

const t = useTestApp();

const search = async (q: string, more: Record<string, string> = {}) => (await walk(t, { q, limit: 50, ...more })).items;
const ids = (items: { id: string }[]) => items.map((i) => i.id);
/** What a search must find: every folded word of q somewhere in the document's folded text. */
const matching = (q: string) => {
  const words = foldVietnamese(q).split(' ').filter(Boolean);
  return expected.filter((l) => words.every((w) => searchable(l).includes(w)));
};

describe('search: diacritics and case fold away', () => {
  it('q=dat dai finds the documents about đất đai', async () => {
    const items = await search('dat dai');
    const aboutLand = expected.filter((l) => /đất đai/i.test(l.abstract));
    expect(aboutLand.length).toBeGreaterThanOrEqual(5);
    expect(items.length).toBeGreaterThanOrEqual(aboutLand.length);
    expect(ids(items)).toEqual(expect.arrayContaining(ids(aboutLand)));
    expect(ids(items)).toContain('31-2024-qh15'); // Luật Đất đai 2024
    for (const item of items) {
      const text = searchable(expected.find((l) => l.id === item.id)!);
      expect(text).toContain('dat');
      expect(text).toContain('dai');
    }
    expect(ids(items).sort()).toEqual(ids(matching('dat dai')).sort());
  });

  it('q=Đất Đai, q=đất đai, q=ĐẤT ĐAI and q=DAT DAI give the same result as q=dat dai', async () => {
    const plain = ids(await search('dat dai'));
    expect(plain.length).toBeGreaterThan(1);
    for (const q of ['Đất Đai', 'đất đai', 'ĐẤT ĐAI', 'DAT DAI', '  đất   đai  ']) {
      expect(ids(await search(q)), q).toEqual(plain);
    }
  });

  it('composed and decomposed Unicode spellings match alike', async () => {
    const composed = 'đất đai'.normalize('NFC');
    const decomposed = 'đất đai'.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(ids(await search(decomposed))).toEqual(ids(await search(composed)));
  });

  it('q=91/2025 finds 91/2025/QH15 by its number', async () => {
    const items = await search('91/2025');
    expect(ids(items)).toContain('91-2025-qh15');
    for (const item of items) expect(foldVietnamese(item.number + ' ' + item.abstract)).toContain('91/2025');
  });

  it('a full number with Đ finds its document typed with or without the mark', async () => {
    expect(ids(await search('356/2025/NĐ-CP'))).toEqual(['356-2025-nd-cp']);
    expect(ids(await search('356/2025/nd-cp'))).toEqual(['356-2025-nd-cp']);
  });

  it('finds words in field, type and issuer names and the signer, not only the abstract', async () => {
    // "Trần Thanh Mẫn" signs laws; the name is in no abstract.
    const bySigner = await search('tran thanh man');
    expect(bySigner.length).toBeGreaterThan(0);
    expect(expected.filter((l) => /tran thanh man/.test(foldVietnamese(l.abstract)))).toHaveLength(0);
    expect(ids(bySigner).sort()).toEqual(ids(matching('tran thanh man')).sort());
  });
});

describe('search: words', () => {
  it('requires every word of a multi-word query', async () => {
    const one = ids(await search('luật'));
    const two = ids(await search('luật đất'));
    const three = ids(await search('luật đất đai'));
    expect(two.length).toBeLessThan(one.length);
    expect(three.length).toBeGreaterThan(0);
    for (const id of two) expect(one).toContain(id);
    for (const id of three) expect(two).toContain(id);
    expect(three.sort()).toEqual(ids(matching('luật đất đai')).sort());
  });

  it('a word found nowhere empties the result, however common the others', async () => {
    expect((await search('luật')).length).toBeGreaterThan(10);
    expect(await search('luật zzqxw')).toEqual([]);
  });

  it('word order does not matter', async () => {
    expect(ids(await search('đai đất')).sort()).toEqual(ids(await search('đất đai')).sort());
  });

  it('search results come newest first and combine with filters', async () => {
    const items = await search('dat dai', { type: 'nghi-dinh' });
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) expect(item.type.code).toBe('nghi-dinh');
    const dates = items.map((i) => i.issuedOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('a search across more than one page pages with its cursor', async () => {
    const all = ids(await search('luat'));
    const paged = ids((await walk(t, { q: 'luat', limit: 4 })).items);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(8);
  });

  it('control characters, NUL among them, separate words like spaces', async () => {
    const plain = ids(await search('dat dai'));
    for (const q of ['dat\u0000dai', 'dat\u0001dai', '\u0000dat dai\u007f', 'dat\u001fdai']) {
      const { res, body } = await t.get(url('/api/v1/laws', { q, limit: 50 }));
      expect(res.status, JSON.stringify(q)).toBe(200);
      expect(ids(body.items), JSON.stringify(q)).toEqual(plain);
    }
    const { res, body } = await t.get('/api/v1/laws?q=%00');
    expect(res.status).toBe(200);
    expect(body.items).toHaveLength(10);
  });

  it('an empty or blank q is no filter', async () => {
    expect((await search('')).length).toBe(catalog.laws.length);
    expect((await search('   ')).length).toBe(catalog.laws.length);
  });
});

describe('search: LIKE metacharacters are literal', () => {
  it.each(['%', '_', '\\', '%%', '_%_', '\\%', '%_\\'])('q=%s matches no document of the catalog (none contains it)', async (q) => {
    expect(expected.filter((l) => searchable(l).includes(foldVietnamese(q)))).toHaveLength(0);
    const { res, body } = await t.get(url('/api/v1/laws', { q }));
    expect(res.status).toBe(200);
    expect(body.items).toEqual([]);
    expect(body.nextCursor).toBeNull();
  });

  it('a word with % or _ inside matches only itself', async () => {
    expect(await search('lu%t')).toEqual([]);
    expect(await search('lu_t')).toEqual([]);
    expect((await search('luat')).length).toBeGreaterThan(0);
  });
});

/** A few documents whose text holds %, _ and \ beside near-misses that a wildcard would catch. */
const tricky = async (): Promise<Catalog> => {
  const base = catalog.laws[0]!;
  const doc = (number: string, abstract: string, issued: string) => ({ ...base, number, abstract, issued, relations: [] });
  return {
    fields: catalog.fields,
    types: catalog.types,
    issuers: catalog.issuers,
    laws: [
      doc('1/2020/QH14', 'Giảm 50% lệ phí trước bạ', '2020-01-01'),
      doc('2/2020/QH14', 'Giảm 50 phần trăm lệ phí', '2020-01-02'),
      doc('3/2020/QH14', 'Mã định danh A_B', '2020-01-03'),
      doc('4/2020/QH14', 'Mã định danh AXB', '2020-01-04'),
      doc('5/2020/QH14', 'Đường dẫn thư\\mục', '2020-01-05'),
      doc('6/2020/QH14', 'Đường dẫn thưmục', '2020-01-06'),
    ],
  };
};

describe('search: metacharacters in the documents themselves', () => {
  const w = useTestApp(tricky);
  const find = async (q: string) => (await walk(w, { q, limit: 50 })).items.map((i) => i.number);

  it('punctuation separates words and is never a wildcard: q=50% finds "50%" and "50 phần trăm"', async () => {
    expect((await find('50%')).sort()).toEqual(['1/2020/QH14', '2/2020/QH14']);
    expect((await find('50')).sort()).toEqual(['1/2020/QH14', '2/2020/QH14']);
    expect(await find('%')).toEqual([]);
  });

  it('q=a_b finds "A_B" and not "AXB"', async () => {
    expect(await find('a_b')).toEqual(['3/2020/QH14']);
    expect(await find('_')).toEqual([]);
  });

  it('a backslash separates words as a space does', async () => {
    expect(await find('thư\\mục')).toEqual(['5/2020/QH14']);
    expect(await find('\\')).toEqual([]);
    expect(await find('thưmục')).toEqual(['6/2020/QH14']);
  });

  it('words match whole, except the last, which may be the start of a word', async () => {
    expect(await find('giam 5')).toEqual(['2/2020/QH14', '1/2020/QH14']);
    expect(await find('gia 50')).toEqual([]);
    expect(await find('ma dinh dan')).toEqual(['4/2020/QH14', '3/2020/QH14']);
  });
});
