import { VALIDITY, type AdminLaw, type LawStatus, type Lang, type Law, type LawAttachment, type LawSummary, type Meta, type Validity } from '@pbgdpl/contract';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Tables } from '../db/schema.js';
import type { LawCursor } from './cursor.js';
import { validityLabel } from './labels.js';
import { isBlank, matchesWords, searchTerms } from '../search/text-search.js';

export interface LawFilter {
  q?: string;
  field?: string;
  type?: string;
  issuer?: string;
  validity?: Validity;
  status?: LawStatus;
  from?: string;
  to?: string;
  cursor?: LawCursor;
  limit: number;
  lang: Lang;
}

const nameColumn = (lang: Lang) => (lang === 'en' ? 'name_en' : 'name_vi');

function summaries(db: Kysely<Tables>, lang: Lang) {
  const name = nameColumn(lang);
  return db
    .selectFrom('laws as l')
    .innerJoin('doc_types as t', 't.code', 'l.type_code')
    .innerJoin('issuers as i', 'i.code', 'l.issuer_code')
    .select([
      'l.id',
      'l.number',
      'l.issued_on',
      'l.effective_on',
      'l.validity',
      'l.abstract',
      'l.url',
      'l.type_code',
      `t.${name} as type_name`,
      'l.issuer_code',
      `i.${name} as issuer_name`,
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

async function toSummaries(db: Kysely<Tables>, rows: SummaryRow[], lang: Lang): Promise<LawSummary[]> {
  const fields = await fieldsOf(
    db,
    rows.map((r) => r.id),
    lang,
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    type: { code: r.type_code, label: r.type_name },
    issuer: { code: r.issuer_code, label: r.issuer_name },
    issuedOn: r.issued_on,
    effectiveOn: r.effective_on,
    validity: { code: r.validity as Validity, label: validityLabel(r.validity as Validity, lang) },
    fields: fields.get(r.id) ?? [],
    abstract: r.abstract,
    url: r.url,
  }));
}

type LawsAs = Tables & { l: Tables['laws'] };

/** The filters of a list, shared by its page and its count, so that the two never disagree. */
function lawConditions(f: Omit<LawFilter, 'limit' | 'lang' | 'cursor'>) {
  return (eb: ExpressionBuilder<LawsAs, 'l'>) => {
    const all: Expression<SqlBool>[] = [];
    const status = f.status ?? 'published';
    if (status === 'published') all.push(eb('l.withdrawn_at', 'is', null));
    if (status === 'withdrawn') all.push(eb('l.withdrawn_at', 'is not', null));
    if (f.type) all.push(eb('l.type_code', '=', f.type));
    if (f.issuer) all.push(eb('l.issuer_code', '=', f.issuer));
    if (f.validity) all.push(eb('l.validity', '=', f.validity));
    if (f.from) all.push(eb('l.issued_on', '>=', f.from));
    if (f.to) all.push(eb('l.issued_on', '<=', f.to));
    if (f.field) {
      all.push(eb.exists(eb.selectFrom('law_fields as lf').select('lf.law_id').whereRef('lf.law_id', '=', 'l.id').where('lf.field_code', '=', f.field)));
    }
    if (!isBlank(f.q)) {
      const terms = searchTerms(f.q);
      // Something typed but no word in it (only punctuation, say "%"): nothing matches, rather than everything.
      all.push(terms.length ? eb.and(matchesWords('l.search_text', terms)) : sql<SqlBool>`1 = 0`);
    }
    return eb.and(all);
  };
}

/** When each of these documents was withdrawn; absent when it was not. */
export async function withdrawnAt(db: Kysely<Tables>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('laws').select(['id', 'withdrawn_at']).where('id', 'in', ids).where('withdrawn_at', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, r.withdrawn_at!]));
}

/** How many documents a list has, all pages together. */
export async function countLaws(db: Kysely<Tables>, f: Omit<LawFilter, 'limit' | 'lang' | 'cursor'>): Promise<number> {
  const row = await db
    .selectFrom('laws as l')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(lawConditions(f))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listLaws(db: Kysely<Tables>, f: LawFilter): Promise<{ items: LawSummary[]; next: LawCursor | null }> {
  let query = summaries(db, f.lang)
    .where(lawConditions(f))
    .orderBy('l.issued_on', 'desc')
    .orderBy('l.id', 'desc')
    .limit(f.limit + 1);

  if (f.cursor) {
    const { issuedOn, id } = f.cursor;
    query = query.where((eb) => eb.or([eb('l.issued_on', '<', issuedOn), eb.and([eb('l.issued_on', '=', issuedOn), eb('l.id', '<', id)])]));
  }

  const rows = await query.execute();
  const page = rows.slice(0, f.limit);
  const items = await toSummaries(db, page, f.lang);
  const last = page.at(-1);
  const next = rows.length > f.limit && last ? { issuedOn: last.issued_on, id: last.id } : null;
  return { items, next };
}

async function fieldsOf(db: Kysely<Tables>, ids: string[], lang: Lang) {
  const byLaw = new Map<string, { code: string; label: string }[]>();
  if (ids.length === 0) return byLaw;
  const rows = await db
    .selectFrom('law_fields as lf')
    .innerJoin('fields as f', 'f.code', 'lf.field_code')
    .select(['lf.law_id', 'f.code', `f.${nameColumn(lang)} as label`])
    .where('lf.law_id', 'in', ids)
    .orderBy('f.position')
    .execute();
  for (const r of rows) {
    const list = byLaw.get(r.law_id) ?? [];
    list.push({ code: r.code, label: r.label });
    byLaw.set(r.law_id, list);
  }
  return byLaw;
}

/** Where anyone downloads an attachment; relative to the API's origin. */
export const attachmentUrl = (lawId: string, attachmentId: string) => `/api/v1/laws/${lawId}/attachments/${attachmentId}`;

/** One document in full, withdrawn or not: the public route answers 410 for a withdrawn one, staff see it. */
export async function readLaw(db: Kysely<Tables>, id: string, lang: Lang): Promise<AdminLaw | null> {
  const found = await summaries(db, lang).where('l.id', '=', id).execute();
  if (found.length === 0) return null;
  const [summary] = await toSummaries(db, found, lang);
  const row = await db
    .selectFrom('laws as l')
    .innerJoin('doc_types as t', 't.code', 'l.type_code')
    .select([
      'l.signer_name',
      'l.signer_title',
      'l.expires_on',
      'l.updated_at',
      'l.withdrawn_at',
      'l.withdrawn_by',
      'l.normative',
      't.normative as type_normative',
    ])
    .where('l.id', '=', id)
    .executeTakeFirstOrThrow();
  const relations = await db
    .selectFrom('law_relations as r')
    .leftJoin('laws as target', (join) => join.onRef('target.number', '=', 'r.target_number').on('target.withdrawn_at', 'is', null))
    .select(['r.kind', 'r.target_number', 'target.id as target_id'])
    .where('r.law_id', '=', id)
    .orderBy('r.position')
    .execute();
  const files = await db.selectFrom('law_attachments').selectAll().where('law_id', '=', id).orderBy('added_at').orderBy('id').execute();
  return {
    ...summary!,
    normative: Number(row.normative ?? row.type_normative) === 1,
    signer: row.signer_name ? { name: row.signer_name, title: row.signer_title ?? '' } : null,
    expiresOn: row.expires_on,
    relations: relations.map((r) => ({ kind: r.kind as Law['relations'][number]['kind'], number: r.target_number, id: r.target_id })),
    attachments: files.map((f) => ({
      id: f.id,
      name: f.name,
      mediaType: f.media_type as LawAttachment['mediaType'],
      size: Number(f.size),
      url: attachmentUrl(id, f.id),
      addedAt: f.added_at,
    })),
    updatedAt: row.updated_at,
    withdrawnAt: row.withdrawn_at,
    withdrawnBy: row.withdrawn_by,
  };
}

export async function getMeta(db: Kysely<Tables>, lang: Lang): Promise<Meta> {
  const name = nameColumn(lang);
  const [fields, types, issuers] = await Promise.all([
    db
      .selectFrom('fields')
      .select(['code', `${name} as label`])
      .orderBy('position')
      .execute(),
    db
      .selectFrom('doc_types')
      .select(['code', `${name} as label`, 'normative'])
      .orderBy('position')
      .execute(),
    db
      .selectFrom('issuers')
      .select(['code', `${name} as label`])
      .orderBy('position')
      .execute(),
  ]);
  return {
    fields,
    types: types.map((t) => ({ code: t.code, label: t.label, normative: Number(t.normative) === 1 })),
    issuers,
    validity: VALIDITY.map((code) => ({ code, label: validityLabel(code, lang) })),
  };
}

/** Which of the given codes are not in the lists (a 400, not an empty page); `fields.0` names the first of a list. */
export async function unknownCodes(db: Kysely<Tables>, f: { field?: string; type?: string; issuer?: string; fields?: string[] }) {
  const checks: [string, 'fields' | 'doc_types' | 'issuers', string | undefined][] = [
    ['field', 'fields', f.field],
    ...(f.fields ?? []).map((code, i): [string, 'fields', string] => [`fields.${i}`, 'fields', code]),
    ['type', 'doc_types', f.type],
    ['issuer', 'issuers', f.issuer],
  ];
  const unknown: { path: string; value: string }[] = [];
  for (const [path, table, value] of checks) {
    if (!value) continue;
    const hit = await db.selectFrom(table).select('code').where('code', '=', value).executeTakeFirst();
    if (!hit) unknown.push({ path, value });
  }
  return unknown;
}
