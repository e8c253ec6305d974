import { LawInput, type ImportField, type ImportRow, type LawPatch } from '@pbgdpl/contract';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.js';
import type { FieldError } from '../../http/problem.js';
import { ProblemError } from '../../http/problem.js';
import { InputError, validOrThrow } from '../../http/validate.js';
import type { Staff } from '../../security/staff.js';
import { lawId } from '../law-id.js';
import { createLawIn, loadLaw, updateLawIn } from '../laws.write.js';
import { cellCode, cellCodes, cellDate, cellFlag, cellText, type Lists, type Read } from './cell-values.js';
import type { Columns } from './map-columns.js';
import type { Sheet, SheetRow } from './read-sheet.js';

export interface PlanContext {
  trx: Kysely<Tables>;
  staff: Staff;
  lists: Lists;
  fullTextUrl: string;
}

type RowError = ImportRow['errors'][number];

/**
 * Each row through the same writes as POST and PATCH /api/v1/admin/laws, in the caller's
 * transaction (which a dry run rolls back). A number already published updates that document with
 * the mapped columns (an empty optional cell clears the value); one that says the same is left alone.
 */
export async function planRows(ctx: PlanContext, sheet: Sheet, columns: Columns): Promise<ImportRow[]> {
  const seen = new Map<string, number>();
  const report: ImportRow[] = [];
  for (const row of sheet.rows) report.push(await planRow(ctx, sheet, columns, row, seen));
  return report;
}

async function planRow(ctx: PlanContext, sheet: Sheet, columns: Columns, row: SheetRow, seen: Map<string, number>): Promise<ImportRow> {
  const header = (field: ImportField) => (columns[field] === undefined ? null : (sheet.headers[columns[field]] ?? null));
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
    return t === undefined ? undefined : take(field, cellCode(ctx.lists, field, t));
  };
  const fieldsText = text('fields');
  const signerName = text('signerName');
  const input: Record<string, unknown> = {
    number: text('number'),
    type: code('type'),
    issuer: code('issuer'),
    signer: signerName ? { name: signerName, title: text('signerTitle') ?? '' } : null,
    issuedOn: take('issuedOn', cellDate(cell('issuedOn'))) ?? undefined,
    effectiveOn: take('effectiveOn', cellDate(cell('effectiveOn'))),
    expiresOn: take('expiresOn', cellDate(cell('expiresOn'))),
    validity: code('validity'),
    fields: fieldsText === undefined ? [] : take('fields', cellCodes(ctx.lists, fieldsText)),
    abstract: text('abstract'),
    url: text('url'),
    normative: take('normative', cellFlag(cell('normative'))) ?? undefined,
  };
  if (!signerName && text('signerTitle'))
    errors.push({ path: 'signerName', code: 'required', message: "a signer's title needs the signer's name", column: header('signerName') });
  const refused = (more: FieldError[] = []): ImportRow => ({
    row: row.row,
    action: 'refused',
    number: typeof input.number === 'string' ? input.number : null,
    id: null,
    errors: [...errors, ...more.map((e) => ({ ...e, path: fieldOf(e.path), column: header(fieldOf(e.path)) }))].filter(
      // A value already refused while reading is not refused again by the schema.
      (e, i, all) => all.findIndex((o) => o.path === e.path) === i,
    ),
  });

  let law: LawInput;
  try {
    law = await validOrThrow(LawInput, input);
  } catch (error) {
    if (error instanceof InputError) return refused(error.errors);
    throw error;
  }
  if (errors.length) return refused();

  const key = lawId(law.number, law.issuedOn);
  const earlier = seen.get(key);
  if (earlier !== undefined) return refused([{ path: 'number', code: 'duplicate', message: `number ${law.number} is also on row ${earlier} of this file` }]);
  seen.set(key, row.row);

  const done = (action: ImportRow['action'], id: string): ImportRow => ({ row: row.row, action, number: law.number, id, errors: [] });
  try {
    const existing = await ctx.trx.selectFrom('laws').select(['id', 'withdrawn_at']).where('number_key', '=', key).executeTakeFirst();
    if (!existing) return done('create', await createLawIn(ctx.trx, ctx.staff, law, ctx.fullTextUrl));
    if (existing.withdrawn_at) {
      const message = `document ${existing.id} with this number was withdrawn on ${existing.withdrawn_at.slice(0, 10)}; it cannot be changed`;
      return refused([{ path: 'number', code: 'withdrawn', message }]);
    }
    const patch = patchOf(law, columns);
    const current = await loadLaw(ctx.trx, existing.id);
    const same = (Object.keys(patch) as (keyof LawPatch)[]).every((k) => comparable(k, patch[k]) === comparable(k, current[k]));
    if (same) return done('unchanged', existing.id);
    await updateLawIn(ctx.trx, ctx.staff, existing.id, patch);
    return done('update', existing.id);
  } catch (error) {
    if (error instanceof InputError) return refused(error.errors);
    if (error instanceof ProblemError && error.status === 409) return refused(error.errors ?? [{ path: 'number', code: 'conflict', message: error.detail }]);
    throw error;
  }
}

/** What a row changes in a document it updates: the mapped columns only; an empty optional cell clears. */
function patchOf(law: LawInput, columns: Columns): LawPatch {
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
  return patch;
}

const comparable = (key: keyof LawPatch, value: unknown) =>
  JSON.stringify(key === 'fields' && Array.isArray(value) ? [...(value as string[])].sort() : (value ?? null));

/** The schema's path ("signer.name", "fields.1") as the import's column it came from. */
function fieldOf(path: string): ImportField {
  if (path === 'signer.name' || path === 'signer') return 'signerName';
  if (path === 'signer.title') return 'signerTitle';
  return path.split('.')[0] as ImportField;
}
