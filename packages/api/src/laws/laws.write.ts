import type { LawInput, LawPatch } from '@pbgdpl/contract';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { LawTable, Tables } from '../db/schema.js';
import type { FieldError } from '../http/problem.js';
import { ProblemError } from '../http/problem.js';
import { InputError } from '../http/validate.js';
import { lawSearchText } from '../search/text-search.js';
import { audit, type Staff } from '../security/staff.js';
import { lawId } from './law-id.js';
import { unknownCodes } from './laws.queries.js';

type Full = Required<Omit<LawInput, 'normative'>> & { normative: boolean | null };
export type StoredLaw = Full;

/**
 * Staff's writes of legal documents. Each runs in one transaction with its audit line: the row,
 * its fields, its relations and its search text are stored together or not at all.
 */
export const createLaw = (db: Kysely<Tables>, staff: Staff, input: LawInput, fullTextUrl: string): Promise<string> =>
  lawTransaction(db, (trx) => createLawIn(trx, staff, input, fullTextUrl));

export const updateLaw = (db: Kysely<Tables>, staff: Staff, id: string, patch: LawPatch): Promise<void> =>
  lawTransaction(db, (trx) => updateLawIn(trx, staff, id, patch));

/**
 * What a caller writing many documents in one transaction (an import) already looked up, so that each
 * write skips those round trips. A write given none looks everything up itself.
 */
export interface WriteHints {
  /** Every type, issuer and field, code → Vietnamese name: codes are checked against them and the search text made from them. */
  names?: CodeNames;
  /** The caller looked the number up in this transaction: no other document has it, and the id made from it is free. */
  numberFree?: boolean;
  /** For an update: the document as stored, loaded by the caller in this transaction. */
  current?: StoredLaw;
}

export interface CodeNames {
  type: Map<string, string>;
  issuer: Map<string, string>;
  field: Map<string, string>;
}

/** The names of every type, issuer and field: three queries, for all the writes of an import. */
export async function loadCodeNames(db: Kysely<Tables>): Promise<CodeNames> {
  const names = (table: 'doc_types' | 'issuers' | 'fields') => db.selectFrom(table).select(['code', 'name_vi']).execute();
  const [type, issuer, field] = await Promise.all([names('doc_types'), names('issuers'), names('fields')]);
  const map = (rows: { code: string; name_vi: string }[]) => new Map(rows.map((r) => [r.code, r.name_vi]));
  return { type: map(type), issuer: map(issuer), field: map(field) };
}

/** createLaw inside a transaction the caller holds (an import writes many documents in one). */
export async function createLawIn(trx: Kysely<Tables>, staff: Staff, input: LawInput, fullTextUrl: string, hints: WriteHints = {}): Promise<string> {
  const law: Full = {
    ...input,
    normative: input.normative ?? null,
    signer: input.signer ?? null,
    effectiveOn: input.effectiveOn ?? null,
    expiresOn: input.expiresOn ?? null,
    url: input.url ?? fullTextUrl.replace('{number}', encodeURIComponent(input.number)),
    relations: input.relations ?? [],
  };
  await check(trx, law, input, null, hints);
  const wanted = lawId(law.number, law.issuedOn);
  const id = hints.numberFree ? wanted : await freeId(trx, wanted);
  await trx
    .insertInto('laws')
    .values({ id, ...(await columns(trx, law, hints.names)) })
    .execute();
  await writeLists(trx, id, law, true);
  await audit(trx, staff, 'create-law', `law:${id}`, input);
  return id;
}

/** updateLaw inside a transaction the caller holds. */
export async function updateLawIn(trx: Kysely<Tables>, staff: Staff, id: string, patch: LawPatch, hints: WriteHints = {}): Promise<void> {
  const current = hints.current ?? (await loadLaw(trx, id));
  const law: Full = { ...current, ...patch, normative: patch.normative ?? current.normative };
  await check(trx, law, patch, id, hints);
  await trx
    .updateTable('laws')
    .set(await columns(trx, law, hints.names))
    .where('id', '=', id)
    .execute();
  await writeLists(trx, id, law, false);
  await audit(trx, staff, 'update-law', `law:${id}`, patch);
}

/** Withdrawn once; asking again changes nothing and says so. */
export async function withdrawLaw(db: Kysely<Tables>, staff: Staff, id: string): Promise<boolean> {
  return lawTransaction(db, async (trx) => {
    const row = await trx.selectFrom('laws').select(['number', 'withdrawn_at']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new ProblemError(404, `no legal document with id "${id}"`);
    if (row.withdrawn_at) return false;
    const now = new Date().toISOString();
    await trx.updateTable('laws').set({ withdrawn_at: now, withdrawn_by: staff.name, updated_at: now }).where('id', '=', id).execute();
    await audit(trx, staff, 'withdraw-law', `law:${id}`, { number: row.number });
    return true;
  });
}

/** A document's row, to change; a withdrawn one is not changed. */
export async function loadForChange(db: Kysely<Tables>, id: string) {
  const row = await db.selectFrom('laws').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ProblemError(404, `no legal document with id "${id}"`);
  if (row.withdrawn_at) throw new ProblemError(409, `the document was withdrawn on ${row.withdrawn_at.slice(0, 10)}; it cannot be changed`);
  return row;
}

/** Marks when a document last changed (an attachment added or removed) so the suggestions see it. */
export const touchLaw = (db: Kysely<Tables>, id: string) => db.updateTable('laws').set({ updated_at: new Date().toISOString() }).where('id', '=', id).execute();

/** A document as staff wrote it (codes, not labels); a withdrawn one is refused. */
export async function loadLaw(trx: Kysely<Tables>, id: string): Promise<StoredLaw> {
  const row = await loadForChange(trx, id);
  const fields = await trx.selectFrom('law_fields').select('field_code').where('law_id', '=', id).execute();
  const relations = await trx.selectFrom('law_relations').select(['kind', 'target_number']).where('law_id', '=', id).orderBy('position').execute();
  return storedLaw(row, fields, relations);
}

/** A row of laws with its fields and its relations (in their order) as staff wrote them. */
export function storedLaw(row: Selectable<LawTable>, fields: { field_code: string }[], relations: { kind: string; target_number: string }[]): StoredLaw {
  return {
    number: row.number,
    type: row.type_code,
    normative: row.normative === null ? null : Number(row.normative) === 1,
    issuer: row.issuer_code,
    signer: row.signer_name ? { name: row.signer_name, title: row.signer_title ?? '' } : null,
    issuedOn: row.issued_on,
    effectiveOn: row.effective_on,
    expiresOn: row.expires_on,
    validity: row.validity as Full['validity'],
    fields: fields.map((f) => f.field_code),
    abstract: row.abstract,
    url: row.url,
    relations: relations.map((r) => ({ kind: r.kind as Full['relations'][number]['kind'], number: r.target_number })),
  };
}

/** Codes that exist (of what was sent), dates in order, and a number no other document has. */
async function check(trx: Kysely<Tables>, law: Full, sent: LawPatch, self: string | null, hints: WriteHints) {
  const sentCodes = { type: sent.type, issuer: sent.issuer, fields: sent.fields };
  const unknown = hints.names ? unknownNames(hints.names, sentCodes) : await unknownCodes(trx, sentCodes);
  const errors: FieldError[] = unknown.map(({ path, value }) => ({
    path,
    code: 'unknown_value',
    message: `unknown ${path.startsWith('fields') ? 'field' : path} "${value}"; GET /api/v1/meta lists the known values`,
  }));
  if (law.expiresOn && law.expiresOn < (law.effectiveOn ?? law.issuedOn)) {
    errors.push({ path: 'expiresOn', code: 'too_early', message: `must not be before the ${law.effectiveOn ? 'effective' : 'issue'} date` });
  }
  if (errors.length) throw new InputError(errors);
  if (hints.numberFree) return;
  const key = lawId(law.number, law.issuedOn);
  let same = trx.selectFrom('laws').select(['id', 'number', 'abstract', 'withdrawn_at']).where('number_key', '=', key);
  if (self) same = same.where('id', '!=', self);
  const other = await same.executeTakeFirst();
  if (other) {
    const message = `number ${law.number} is already the number of ${other.number} (id "${other.id}": ${other.abstract})${other.withdrawn_at ? ', withdrawn' : ''}`;
    throw new ProblemError(409, message, [{ path: 'number', code: 'duplicate', message }]);
  }
}

/** The id made from the number, unless an older document took it (and was renumbered since). */
async function freeId(trx: Kysely<Tables>, wanted: string) {
  for (let n = 1; ; n++) {
    const id = n === 1 ? wanted : `${wanted}-${n}`;
    if (!(await trx.selectFrom('laws').select('id').where('id', '=', id).executeTakeFirst())) return id;
  }
}

/** unknownCodes, answered from names already loaded. */
function unknownNames(names: CodeNames, f: { type?: string; issuer?: string; fields?: string[] }) {
  const checks: [string, Map<string, string>, string | undefined][] = [
    ...(f.fields ?? []).map((code, i): [string, Map<string, string>, string] => [`fields.${i}`, names.field, code]),
    ['type', names.type, f.type],
    ['issuer', names.issuer, f.issuer],
  ];
  return checks.filter(([, map, value]) => value && !map.has(value)).map(([path, , value]) => ({ path, value: value! }));
}

async function columns(trx: Kysely<Tables>, law: Full, names?: CodeNames): Promise<Omit<LawTable, 'id' | 'withdrawn_at' | 'withdrawn_by'>> {
  const name = async (table: 'doc_types' | 'issuers', code: string) =>
    names
      ? { name_vi: names[table === 'doc_types' ? 'type' : 'issuer'].get(code)! }
      : trx.selectFrom(table).select('name_vi').where('code', '=', code).executeTakeFirstOrThrow();
  const [type, issuer, fields] = await Promise.all([
    name('doc_types', law.type),
    name('issuers', law.issuer),
    names
      ? law.fields.map((code) => ({ name_vi: names.field.get(code)! }))
      : law.fields.length
        ? trx.selectFrom('fields').select('name_vi').where('code', 'in', law.fields).execute()
        : [],
  ]);
  return {
    number: law.number,
    number_key: lawId(law.number, law.issuedOn),
    type_code: law.type,
    normative: law.normative === null ? null : law.normative ? 1 : 0,
    issuer_code: law.issuer,
    signer_name: law.signer?.name ?? null,
    signer_title: law.signer?.title ?? null,
    issued_on: law.issuedOn,
    effective_on: law.effectiveOn,
    expires_on: law.expiresOn,
    validity: law.validity,
    abstract: law.abstract,
    url: law.url,
    search_text: lawSearchText({
      number: law.number,
      abstract: law.abstract,
      type: type.name_vi,
      issuer: issuer.name_vi,
      signer: law.signer?.name ?? null,
      fields: fields.map((f) => f.name_vi),
    }),
    updated_at: new Date().toISOString(),
  };
}

/** A new document (`fresh`) has no lists to delete first. */
async function writeLists(trx: Kysely<Tables>, id: string, law: Full, fresh: boolean) {
  if (!fresh) await trx.deleteFrom('law_fields').where('law_id', '=', id).execute();
  // A document of the sample catalogue may have none; one written here has at least one.
  if (law.fields.length) {
    await trx
      .insertInto('law_fields')
      .values(law.fields.map((field_code) => ({ law_id: id, field_code })))
      .execute();
  }
  if (!fresh) await trx.deleteFrom('law_relations').where('law_id', '=', id).execute();
  if (law.relations.length) {
    await trx
      .insertInto('law_relations')
      .values(law.relations.map((r, position) => ({ law_id: id, position, kind: r.kind, target_number: r.number })))
      .execute();
  }
}

/**
 * One transaction; two staff publishing the same number at the same moment both pass the check,
 * and the unique index on number_key refuses the second: that is a 409 too, not a 500.
 */
export async function lawTransaction<T>(db: Kysely<Tables>, work: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProblemError(409, 'another document with this number was published at the same moment; reload and check');
    throw error;
  }
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};
