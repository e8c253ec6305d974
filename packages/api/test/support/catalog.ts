import { readFileSync } from 'node:fs';
import { foldVietnamese } from '@pbgdpl/contract';
import * as z from 'zod/mini';
import { Catalog } from '../../src/db/seed.js';
import { lawId } from '../../src/laws/law-id.js';
import { CATALOG_PATH, type TestApp } from './app.js';

/** The real seed catalog, as the tests' source of truth. */
export const catalog: Catalog = z.parse(Catalog, JSON.parse(readFileSync(CATALOG_PATH, 'utf8')));
export type CatalogLaw = Catalog['laws'][number];

export interface Expected extends CatalogLaw {
  id: string;
}

/** Every catalog document with its id, newest first (ties in any order: that is the server's business). */
export const expected: Expected[] = catalog.laws.map((law) => ({ ...law, id: lawId(law.number, law.issued) })).sort((a, b) => b.issued.localeCompare(a.issued));

export const byId = new Map(expected.map((law) => [law.id, law]));
export const byNumber = new Map(expected.map((law) => [law.number, law]));

export const label = {
  field: (code: string, lang: 'vi' | 'en') => catalog.fields.find((f) => f.code === code)![lang],
  type: (code: string, lang: 'vi' | 'en') => catalog.types.find((f) => f.code === code)![lang],
  issuer: (code: string, lang: 'vi' | 'en') => catalog.issuers.find((f) => f.code === code)![lang],
};

/** Every word a citizen could find the document by, folded: what the search must look in. */
export function searchable(law: CatalogLaw): string {
  return foldVietnamese(
    [
      law.number,
      law.abstract,
      label.type(law.type, 'vi'),
      label.issuer(law.issuer, 'vi'),
      law.signer?.name ?? '',
      ...law.fields.map((f) => label.field(f, 'vi')),
    ].join(' '),
  );
}

/** A URL with its query from an object; undefined values are left out. */
export function url(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Follows nextCursor from the first page to the last; returns every item in order and the pages seen.
 * Fails the test when a page is not a 200 or paging does not end.
 */
export async function walk(t: TestApp, query: Record<string, string | number | undefined> = {}) {
  const items: any[] = [];
  const pages: any[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 200; i++) {
    const { res, body } = await t.get(url('/api/v1/laws', { ...query, cursor }));
    if (res.status !== 200) throw new Error(`page ${i + 1} of ${JSON.stringify(query)}: ${res.status} ${JSON.stringify(body)}`);
    pages.push(body);
    items.push(...body.items);
    if (body.nextCursor === null) return { items, pages };
    cursor = body.nextCursor;
  }
  throw new Error(`paging ${JSON.stringify(query)} did not end after 200 pages`);
}
