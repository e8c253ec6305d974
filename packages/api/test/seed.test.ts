import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrations.js';
import { loadCatalog, seedIfEmpty, type Catalog } from '../src/db/seed.js';
import type { Db } from '../src/db/database.js';
import { ENGINE, scratchDatabase, type Scratch } from './support/app.js';
import { catalog } from './support/catalog.js';

const TABLES = ['fields', 'doc_types', 'issuers', 'laws', 'law_fields', 'law_relations'] as const;

async function counts(db: Db) {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

const full = {
  fields: catalog.fields.length,
  doc_types: catalog.types.length,
  issuers: catalog.issuers.length,
  laws: catalog.laws.length,
  law_fields: catalog.laws.reduce((n, l) => n + l.fields.length, 0),
  law_relations: catalog.laws.reduce((n, l) => n + (l.relations?.length ?? 0), 0),
};
const empty = Object.fromEntries(TABLES.map((t) => [t, 0]));

const open: Scratch[] = [];
async function fresh() {
  const s = await scratchDatabase();
  open.push(s);
  return s.db;
}
afterEach(async () => {
  while (open.length) await open.pop()!.drop();
});

/** The real catalog with its last document changed: everything before it is valid and would be written first. */
const withLast = (change: (law: Catalog['laws'][number]) => unknown): Catalog => {
  const laws = structuredClone(catalog.laws);
  laws[laws.length - 1] = change(laws[laws.length - 1]!) as Catalog['laws'][number];
  return { ...structuredClone(catalog), laws };
};

describe('seedIfEmpty', () => {
  it('fills an empty database with the whole catalog', async () => {
    const db = await fresh();
    expect(await counts(db)).toEqual(empty);
    expect(await seedIfEmpty(db, catalog)).toBe(catalog.laws.length);
    expect(await counts(db)).toEqual(full);
  });

  it('is idempotent: a second call adds nothing and changes nothing', async () => {
    const db = await fresh();
    await seedIfEmpty(db, catalog);
    const before = await db.kysely.selectFrom('laws').select(['id', 'updated_at', 'search_text']).orderBy('id').execute();
    expect(await seedIfEmpty(db, catalog)).toBe(0);
    expect(await seedIfEmpty(db, await loadCatalog(join(import.meta.dirname, '../seed/catalog.json')))).toBe(0);
    expect(await counts(db)).toEqual(full);
    expect(await db.kysely.selectFrom('laws').select(['id', 'updated_at', 'search_text']).orderBy('id').execute()).toEqual(before);
  });

  it.each([
    ['a validity outside the list', (l: any) => ({ ...l, validity: 'maybe' })],
    ['an impossible date', (l: any) => ({ ...l, issued: '2025-02-30' })],
    ['an empty abstract', (l: any) => ({ ...l, abstract: '' })],
    ['a field code that is not a code', (l: any) => ({ ...l, fields: ['Đất đai'] })],
    ['an unknown key', (l: any) => ({ ...l, title: 'x' })],
    ['a relation of an unknown kind', (l: any) => ({ ...l, relations: [{ kind: 'cites', number: '1/2020/QH14' }] })],
  ])('rejects a catalog with %s before writing anything', async (_, change) => {
    const db = await fresh();
    await expect(seedIfEmpty(db, withLast(change))).rejects.toThrow();
    expect(await counts(db)).toEqual(empty);
    // Nothing half-done stands in the way of seeding the good catalog afterwards.
    expect(await seedIfEmpty(db, catalog)).toBe(catalog.laws.length);
    expect(await counts(db)).toEqual(full);
  });

  it.each([
    ['a field missing from the fields list', (l: any) => ({ ...l, fields: ['khong-co'] })],
    ['a type missing from the types list', (l: any) => ({ ...l, type: 'khong-co' })],
    ['an issuer missing from the issuers list', (l: any) => ({ ...l, issuer: 'khong-co' })],
    ['the same document twice', () => structuredClone(catalog.laws[0])],
  ])('rejects a catalog with %s and leaves every table empty', async (_, change) => {
    const db = await fresh();
    await expect(seedIfEmpty(db, withLast(change))).rejects.toThrow();
    expect(await counts(db)).toEqual(empty);
    expect(await seedIfEmpty(db, catalog)).toBe(catalog.laws.length);
  });

  it('loadCatalog rejects an invalid file and says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbgdpl-catalog-'));
    try {
      const file = join(dir, 'catalog.json');
      writeFileSync(file, JSON.stringify(withLast((l) => ({ ...l, validity: 'maybe' }))));
      const error = await loadCatalog(file).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).toContain('validity');
      writeFileSync(file, '{ not json');
      await expect(loadCatalog(file)).rejects.toThrow(SyntaxError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses a full-text URL template for documents without a URL', async () => {
    const db = await fresh();
    await seedIfEmpty(db, catalog, 'https://vanban.example.gov.vn/tim?so={number}');
    const row = await db.kysely.selectFrom('laws').select('url').where('id', '=', '356-2025-nd-cp').executeTakeFirstOrThrow();
    expect(row.url).toBe('https://vanban.example.gov.vn/tim?so=356%2F2025%2FN%C4%90-CP');
  });
});

describe('migrations', () => {
  it('running them again is a no-op', async () => {
    const db = await fresh();
    await seedIfEmpty(db, catalog);
    await migrate(db.kysely);
    expect(await counts(db)).toEqual(full);
  });

  it(`two databases side by side (${ENGINE === 'postgres' ? 'two schemas of one PostgreSQL database' : 'two files'}) each migrate and seed on their own`, async () => {
    const a = await fresh();
    const b = await fresh();
    await seedIfEmpty(a, catalog);
    expect(await counts(b)).toEqual(empty);
    expect(await seedIfEmpty(b, { ...catalog, laws: catalog.laws.slice(0, 3) })).toBe(3);
    expect((await counts(a)).laws).toBe(catalog.laws.length);
    expect((await counts(b)).laws).toBe(3);
  });
});
