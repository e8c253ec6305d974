import { LawPage, VALIDITY } from '@pbgdpl/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { useTestApp } from './support/app.js';
import { catalog, url } from './support/catalog.js';

const t = useTestApp();

/** Asserts the body of a 200 passes LawPage and returns it. */
async function page(query: Record<string, string | number | undefined>) {
  const { res, body } = await t.get(url('/api/v1/laws', query));
  expect(res.status, `${JSON.stringify(query)} → ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  const result = z.safeParse(LawPage, body);
  expect(result.success, `${JSON.stringify(query)}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
  return body as z.infer<typeof LawPage>;
}

const fields = catalog.fields.map((f) => f.code);
const types = catalog.types.map((f) => f.code);
const issuers = catalog.issuers.map((f) => f.code);
const queries = ['', 'luat', 'đất đai', 'Dữ liệu', '91/2025', 'nghi dinh chinh phu', 'xyzzy', '%', 'ĐẤT'];
const dates = ['2008-01-01', '2015-06-22', '2019-12-31', '2024-06-29', '2025-02-19', '2026-12-31'];

describe('responses validate against the contract', () => {
  it('every single filter value, in both languages', async () => {
    let n = 0;
    for (const lang of ['vi', 'en']) {
      for (const field of fields) (await page({ field, lang, limit: 50 }), n++);
      for (const type of types) (await page({ type, lang, limit: 50 }), n++);
      for (const issuer of issuers) (await page({ issuer, lang, limit: 50 }), n++);
      for (const validity of VALIDITY) (await page({ validity, lang, limit: 50 }), n++);
      for (const q of queries) (await page({ q, lang }), n++);
    }
    expect(n).toBeGreaterThan(100);
  });

  it('pairs of filters', async () => {
    for (const type of types) {
      for (const issuer of ['quoc-hoi', 'chinh-phu', 'ubnd-tinh-an-giang']) await page({ type, issuer });
      for (const validity of VALIDITY) await page({ type, validity, lang: 'en' });
    }
    for (const field of fields) {
      for (const [from, to] of [
        [dates[0], dates[2]],
        [dates[3], undefined],
        [undefined, dates[1]],
      ])
        await page({ field, from, to });
    }
  });

  it('every page of a walk, whatever the limit', async () => {
    for (const limit of [1, 4, 13, 50]) {
      let cursor: string | undefined;
      let pages = 0;
      do {
        const body = await page({ limit, cursor, lang: limit % 2 ? 'en' : 'vi' });
        cursor = body.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(Math.ceil(catalog.laws.length / limit));
    }
  });

  it('random combinations of valid filters answer 200 with a valid page that honours each filter', async () => {
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          q: optional(fc.constantFrom(...queries)),
          field: optional(fc.constantFrom(...fields)),
          type: optional(fc.constantFrom(...types)),
          issuer: optional(fc.constantFrom(...issuers)),
          validity: optional(fc.constantFrom(...VALIDITY)),
          from: optional(fc.constantFrom(...dates)),
          to: optional(fc.constantFrom(...dates)),
          limit: optional(fc.integer({ min: 1, max: 50 })),
          lang: optional(fc.constantFrom('vi', 'en')),
        }),
        async (query) => {
          if (query.from && query.to && query.from > query.to) [query.from, query.to] = [query.to, query.from];
          const body = await page(query);
          expect(body.items.length).toBeLessThanOrEqual(query.limit ?? 10);
          for (const item of body.items) {
            if (query.field) expect(item.fields.map((f) => f.code)).toContain(query.field);
            if (query.type) expect(item.type.code).toBe(query.type);
            if (query.issuer) expect(item.issuer.code).toBe(query.issuer);
            if (query.validity) expect(item.validity.code).toBe(query.validity);
            if (query.from) expect(item.issuedOn >= query.from).toBe(true);
            if (query.to) expect(item.issuedOn <= query.to).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 300_000);
});
