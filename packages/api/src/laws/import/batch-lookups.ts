import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.js';
import { storedLaw, type StoredLaw } from '../laws.write.js';

/** Values per IN (…) list: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;

async function inChunks<V, R>(values: V[], read: (chunk: V[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await read(values.slice(i, i + CHUNK))));
  return out;
}

export interface Existing {
  id: string;
  withdrawnAt: string | null;
}

/**
 * What an import needs to know about the documents its rows name, read in a few queries for the
 * whole file instead of several per row: the document holding each number key, which wanted ids
 * are taken, and each existing document as stored.
 */
export async function documentsByKey(trx: Kysely<Tables>, keys: string[]): Promise<Map<string, Existing>> {
  const rows = await inChunks([...new Set(keys)], (chunk) =>
    trx.selectFrom('laws').select(['id', 'number_key', 'withdrawn_at']).where('number_key', 'in', chunk).execute(),
  );
  return new Map(rows.map((r) => [r.number_key!, { id: r.id, withdrawnAt: r.withdrawn_at }]));
}

/** Which of these ids a document already has (an older one, renumbered since, keeps the id its first number made). */
export async function takenIds(trx: Kysely<Tables>, ids: string[]): Promise<Set<string>> {
  const rows = await inChunks([...new Set(ids)], (chunk) => trx.selectFrom('laws').select('id').where('id', 'in', chunk).execute());
  return new Set(rows.map((r) => r.id));
}

/** Documents as staff wrote them (as loadLaw reads one), by id. */
export async function storedLaws(trx: Kysely<Tables>, ids: string[]): Promise<Map<string, StoredLaw>> {
  const unique = [...new Set(ids)];
  const [rows, fields, relations] = await Promise.all([
    inChunks(unique, (chunk) => trx.selectFrom('laws').selectAll().where('id', 'in', chunk).execute()),
    inChunks(unique, (chunk) => trx.selectFrom('law_fields').select(['law_id', 'field_code']).where('law_id', 'in', chunk).execute()),
    inChunks(unique, (chunk) => trx.selectFrom('law_relations').select(['law_id', 'kind', 'target_number', 'position']).where('law_id', 'in', chunk).execute()),
  ]);
  const byLaw = <T extends { law_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.law_id, [...(map.get(item.law_id) ?? []), item]);
    return map;
  };
  const fieldsOf = byLaw(fields);
  const relationsOf = byLaw(relations);
  return new Map(
    rows.map((row) => [
      row.id,
      storedLaw(
        row,
        fieldsOf.get(row.id) ?? [],
        (relationsOf.get(row.id) ?? []).sort((a, b) => Number(a.position) - Number(b.position)),
      ),
    ]),
  );
}

/** The published document of each number (withdrawn ones are not linked), as readLaw links a relation. */
export async function publishedByNumber(trx: Kysely<Tables>, numbers: string[]): Promise<Map<string, string>> {
  const rows = await inChunks([...new Set(numbers)], (chunk) =>
    trx.selectFrom('laws').select(['id', 'number']).where('number', 'in', chunk).where('withdrawn_at', 'is', null).orderBy('id').execute(),
  );
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.number)) map.set(r.number, r.id);
  return map;
}
