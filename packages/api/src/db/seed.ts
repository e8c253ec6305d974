import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { Code, IsoDate, RELATION_KINDS, Validity } from '@pbgdpl/contract';
import { lawSearchText } from '../search/text-search.js';
import { lawId } from '../laws/law-id.js';
import type { Db } from './database.js';

const Named = z.strictObject({ code: Code, vi: z.string(), en: z.string() });

/** The shape of seed/catalog.json; checked before anything is written. */
export const Catalog = z.strictObject({
  fields: z.array(Named),
  types: z.array(z.extend(Named, { normative: z.boolean() })),
  issuers: z.array(Named),
  laws: z.array(
    z.strictObject({
      number: z.string().check(z.minLength(1)),
      type: Code,
      issuer: Code,
      signer: z.nullable(z.strictObject({ name: z.string(), title: z.string() })),
      issued: IsoDate,
      effective: z.nullable(IsoDate),
      expires: z.nullable(IsoDate),
      validity: Validity,
      fields: z.array(Code),
      abstract: z.string().check(z.minLength(1)),
      url: z.optional(z.url()),
      relations: z.optional(z.array(z.strictObject({ kind: z.enum(RELATION_KINDS), number: z.string() }))),
    }),
  ),
});
export type Catalog = z.infer<typeof Catalog>;

/**
 * Where "full text" links point when a record has none: the national legal database's
 * search for the document number. A province with its own document store sets FULLTEXT_URL.
 */
export const DEFAULT_FULLTEXT_URL = 'https://vbpl.vn/pages/vbpq-timkiem.aspx?Keyword={number}';

export async function loadCatalog(path: string): Promise<Catalog> {
  return z.parse(Catalog, JSON.parse(await readFile(path, 'utf8')));
}

/** Fills an empty database with the catalog, in one transaction. Does nothing when laws exist. */
export async function seedIfEmpty(db: Db, input: Catalog, fullTextUrl = DEFAULT_FULLTEXT_URL): Promise<number> {
  // Checked here too, not only in loadCatalog: the database has no constraint on validity or dates.
  const catalog = z.parse(Catalog, input);
  const { count } = await db.kysely
    .selectFrom('laws')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  if (Number(count) > 0) return 0;

  const now = new Date().toISOString();
  const name = (list: { code: string; vi: string }[], code: string) => list.find((x) => x.code === code)?.vi ?? '';
  await db.kysely.transaction().execute(async (trx) => {
    const rows = (list: z.infer<typeof Named>[]) => list.map((x, position) => ({ code: x.code, name_vi: x.vi, name_en: x.en, position }));
    await trx.insertInto('fields').values(rows(catalog.fields)).execute();
    await trx.insertInto('issuers').values(rows(catalog.issuers)).execute();
    await trx
      .insertInto('doc_types')
      .values(catalog.types.map((t, position) => ({ ...rows([t])[0]!, position, normative: t.normative ? 1 : 0 })))
      .execute();
    for (const law of catalog.laws) {
      const id = lawId(law.number, law.issued);
      await trx
        .insertInto('laws')
        .values({
          id,
          number: law.number,
          // lawId() of the number is also its key: one document per number (migration 0007).
          number_key: id,
          type_code: law.type,
          issuer_code: law.issuer,
          signer_name: law.signer?.name ?? null,
          signer_title: law.signer?.title ?? null,
          issued_on: law.issued,
          effective_on: law.effective,
          expires_on: law.expires,
          validity: law.validity,
          abstract: law.abstract,
          url: law.url ?? fullTextUrl.replace('{number}', encodeURIComponent(law.number)),
          search_text: lawSearchText({
            number: law.number,
            abstract: law.abstract,
            type: name(catalog.types, law.type),
            issuer: name(catalog.issuers, law.issuer),
            signer: law.signer?.name ?? null,
            fields: law.fields.map((f) => name(catalog.fields, f)),
          }),
          updated_at: now,
        })
        .execute();
      if (law.fields.length) {
        await trx
          .insertInto('law_fields')
          .values(law.fields.map((field_code) => ({ law_id: id, field_code })))
          .execute();
      }
      if (law.relations?.length) {
        await trx
          .insertInto('law_relations')
          .values(law.relations.map((r, position) => ({ law_id: id, position, kind: r.kind, target_number: r.number })))
          .execute();
      }
    }
  });
  return catalog.laws.length;
}
