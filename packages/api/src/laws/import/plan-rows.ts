import { LawInput, RELATION_KINDS, type ImportField, type ImportRow, type LawPatch } from '@pbgdpl/contract';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.js';
import type { FieldError } from '../../http/problem.js';
import { ProblemError } from '../../http/problem.js';
import { InputError, validOrThrow } from '../../http/validate.js';
import type { Staff } from '../../security/staff.js';
import { lawId } from '../law-id.js';
import { createLawIn, loadCodeNames, updateLawIn, type CodeNames, type StoredLaw } from '../laws.write.js';
import { documentsByKey, publishedByNumber, storedLaws, takenIds, type Existing } from './batch-lookups.js';
import { cellCode, cellCodes, cellDate, cellFlag, cellNumbers, cellText, type Lists, type Read } from './cell-values.js';
import type { Columns } from './map-columns.js';
import type { Sheet, SheetRow } from './read-sheet.js';

export interface PlanContext {
  trx: Kysely<Tables>;
  staff: Staff;
  lists: Lists;
  fullTextUrl: string;
}

type RowError = ImportRow['errors'][number];
type Relation = NonNullable<LawInput['relations']>[number];

/** A row read and checked, not yet written. */
type ReadRow = { refused: ImportRow } | { refused?: undefined; row: number; law: LawInput; key: string; relations: Relation[] | undefined };

/** What the whole file's writes share, looked up once: a few queries for the file rather than several per row. */
interface Known {
  names: CodeNames;
  byKey: Map<string, Existing>;
  /** Ids taken before the import, or by a document it created. */
  taken: Set<string>;
  current: Map<string, StoredLaw>;
}

/**
 * Each row through the same writes as POST and PATCH /api/v1/admin/laws, in the caller's
 * transaction (which a dry run rolls back). A number already published updates that document with
 * the mapped columns (an empty optional cell clears the value); one that says the same is left alone.
 */
export async function planRows(ctx: PlanContext, sheet: Sheet, columns: Columns): Promise<ImportRow[]> {
  const read: ReadRow[] = [];
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const one = await readRow(ctx.lists, sheet, columns, row);
    if (one.refused) {
      read.push(one);
      continue;
    }
    const earlier = seen.get(one.key);
    if (earlier !== undefined) {
      const error = {
        path: 'number',
        code: 'duplicate',
        message: `number ${one.law.number} is also on row ${earlier} of this file`,
        column: headerOf(sheet, columns, 'number'),
      };
      read.push({ refused: refusedRow(one.row, one.law.number, [error]) });
      continue;
    }
    seen.set(one.key, one.row);
    read.push(one);
  }

  const keys = [...seen.keys()];
  const byKey = await documentsByKey(ctx.trx, keys);
  const known: Known = {
    names: await loadCodeNames(ctx.trx),
    byKey,
    taken: await takenIds(
      ctx.trx,
      keys.filter((k) => !byKey.has(k)),
    ),
    current: await storedLaws(
      ctx.trx,
      [...byKey.values()].filter((e) => !e.withdrawnAt).map((e) => e.id),
    ),
  };
  const report: ImportRow[] = [];
  for (const one of read) report.push(one.refused ?? (await writeRow(ctx, sheet, columns, known, one)));

  const linked = await publishedByNumber(
    ctx.trx,
    report.flatMap((r) => r.relations.map((rel) => rel.number)),
  );
  for (const r of report) for (const rel of r.relations) rel.id = linked.get(rel.number) ?? null;
  return report;
}

const headerOf = (sheet: Sheet, columns: Columns, field: ImportField) => (columns[field] === undefined ? null : (sheet.headers[columns[field]] ?? null));

const refusedRow = (row: number, number: string | null, errors: RowError[]): ImportRow => ({
  row,
  action: 'refused',
  number,
  id: null,
  // A value already refused while reading is not refused again by the schema.
  errors: errors.filter((e, i, all) => all.findIndex((o) => o.path === e.path) === i),
  relations: [],
});

/** A row's cells as the document they describe, checked by the schema POST /api/v1/admin/laws uses. */
async function readRow(lists: Lists, sheet: Sheet, columns: Columns, row: SheetRow): Promise<ReadRow> {
  const header = (field: ImportField) => headerOf(sheet, columns, field);
  const errors: RowError[] = [];
  const cell = (field: ImportField) => (columns[field] === undefined ? null : (row.cells[columns[field]] ?? null));
  const take = <T>(field: ImportField, read: Read<T>): T | undefined => {
    if (read.ok) return read.value;
    errors.push({ path: field, code: read.code, message: read.message, column: header(field) });
    return undefined;
  };
  const text = (field: ImportField) => cellText(cell(field)) ?? undefined;
  const code = (field: 'type' | 'issuer' | 'validity') => {
    const t = text(field);
    return t === undefined ? undefined : take(field, cellCode(lists, field, t));
  };
  const fieldsText = text('fields');
  const signerName = text('signerName');
  const number = text('number');
  // Relations in the order of RELATION_KINDS; `relationField[i]` is the column relation i came from.
  const relationKinds = RELATION_KINDS.filter((kind) => columns[kind] !== undefined);
  const relations: Relation[] = [];
  const relationField: ImportField[] = [];
  for (const kind of relationKinds) {
    const t = text(kind);
    const numbers = t === undefined ? [] : (take(kind, cellNumbers(t)) ?? []);
    const self = numbers.find((n) => n.toLowerCase() === number?.toLowerCase());
    if (self) errors.push({ path: kind, code: 'self_relation', message: `names the document itself (${self})`, column: header(kind) });
    for (const n of numbers) {
      relations.push({ kind, number: n });
      relationField.push(kind);
    }
  }
  const input: Record<string, unknown> = {
    number,
    type: code('type'),
    issuer: code('issuer'),
    signer: signerName ? { name: signerName, title: text('signerTitle') ?? '' } : null,
    issuedOn: take('issuedOn', cellDate(cell('issuedOn'))) ?? undefined,
    effectiveOn: take('effectiveOn', cellDate(cell('effectiveOn'))),
    expiresOn: take('expiresOn', cellDate(cell('expiresOn'))),
    validity: code('validity'),
    fields: fieldsText === undefined ? [] : take('fields', cellCodes(lists, fieldsText)),
    abstract: text('abstract'),
    url: text('url'),
    normative: take('normative', cellFlag(cell('normative'))) ?? undefined,
    relations: relationKinds.length ? relations : undefined,
  };
  if (!signerName && text('signerTitle'))
    errors.push({ path: 'signerName', code: 'required', message: "a signer's title needs the signer's name", column: header('signerName') });
  const fieldOfPath = (path: string): ImportField => {
    if (path.startsWith('relations')) return relationField[Number(path.split('.')[1])] ?? relationKinds[0] ?? 'number';
    return fieldOf(path);
  };
  const refused = (more: FieldError[] = []) => ({
    refused: refusedRow(row.row, typeof number === 'string' ? number : null, [
      ...errors,
      ...more.map((e) => ({ ...e, path: fieldOfPath(e.path), column: header(fieldOfPath(e.path)) })),
    ]),
  });

  let law: LawInput;
  try {
    law = await validOrThrow(LawInput, input);
  } catch (error) {
    if (error instanceof InputError) return refused(error.errors);
    throw error;
  }
  if (errors.length) return refused();
  return { row: row.row, law, key: lawId(law.number, law.issuedOn), relations: law.relations && relationKinds.length ? law.relations : undefined };
}

async function writeRow(ctx: PlanContext, sheet: Sheet, columns: Columns, known: Known, one: Exclude<ReadRow, { refused: ImportRow }>): Promise<ImportRow> {
  const { law, key } = one;
  const header = (field: ImportField) => headerOf(sheet, columns, field);
  const refused = (errors: FieldError[]) =>
    refusedRow(
      one.row,
      law.number,
      errors.map((e) => ({ ...e, path: fieldOf(e.path), column: header(fieldOf(e.path)) })),
    );
  const done = (action: ImportRow['action'], id: string): ImportRow => ({
    row: one.row,
    action,
    number: law.number,
    id,
    errors: [],
    relations: (one.relations ?? []).map((r) => ({ ...r, id: null })),
  });
  try {
    const existing = known.byKey.get(key);
    if (!existing) {
      const id = await createLawIn(ctx.trx, ctx.staff, law, ctx.fullTextUrl, { names: known.names, numberFree: !known.taken.has(key) });
      known.taken.add(id);
      return done('create', id);
    }
    if (existing.withdrawnAt) {
      const message = `document ${existing.id} with this number was withdrawn on ${existing.withdrawnAt.slice(0, 10)}; it cannot be changed`;
      return refused([{ path: 'number', code: 'withdrawn', message }]);
    }
    const current = known.current.get(existing.id)!;
    const patch = patchOf(law, columns, current);
    const same = (Object.keys(patch) as (keyof LawPatch)[]).every((k) => comparable(k, patch[k]) === comparable(k, current[k]));
    if (same) return done('unchanged', existing.id);
    // The number key is this document's: no other can hold it.
    await updateLawIn(ctx.trx, ctx.staff, existing.id, patch, { names: known.names, current, numberFree: true });
    return done('update', existing.id);
  } catch (error) {
    if (error instanceof InputError) return refused(error.errors);
    if (error instanceof ProblemError && error.status === 409) return refused(error.errors ?? [{ path: 'number', code: 'conflict', message: error.detail }]);
    throw error;
  }
}

/**
 * What a row changes in a document it updates: the mapped columns only; an empty optional cell clears.
 * Relations of a kind no column is mapped to are kept as they are.
 */
function patchOf(law: LawInput, columns: Columns, current: StoredLaw): LawPatch {
  const patch: LawPatch = {
    number: law.number,
    type: law.type,
    issuer: law.issuer,
    issuedOn: law.issuedOn,
    validity: law.validity,
    fields: law.fields,
    abstract: law.abstract,
  };
  if (columns.signerName !== undefined) patch.signer = law.signer ?? null;
  if (columns.effectiveOn !== undefined) patch.effectiveOn = law.effectiveOn ?? null;
  if (columns.expiresOn !== undefined) patch.expiresOn = law.expiresOn ?? null;
  if (law.url !== undefined) patch.url = law.url;
  if (law.normative !== undefined) patch.normative = law.normative;
  const mappedKinds = new Set(RELATION_KINDS.filter((kind) => columns[kind] !== undefined));
  if (mappedKinds.size) patch.relations = [...current.relations.filter((r) => !mappedKinds.has(r.kind)), ...(law.relations ?? [])];
  return patch;
}

/** Values as an update would compare them: fields and relations as sets. */
const comparable = (key: keyof LawPatch, value: unknown) => {
  if (key === 'fields' && Array.isArray(value)) return JSON.stringify([...(value as string[])].sort());
  if (key === 'relations' && Array.isArray(value)) return JSON.stringify((value as Relation[]).map((r) => `${r.kind} ${r.number}`).sort());
  return JSON.stringify(value ?? null);
};

/** The schema's path ("signer.name", "fields.1") as the import's column it came from. */
function fieldOf(path: string): ImportField {
  if (path === 'signer.name' || path === 'signer') return 'signerName';
  if (path === 'signer.title') return 'signerTitle';
  return path.split('.')[0] as ImportField;
}
