import { routes, type ImportReport, type ImportRow } from '@pbgdpl/contract';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.js';
import { honoPath } from '../../http/paths.js';
import { InputError, valid } from '../../http/validate.js';
import type { SuggestIndex } from '../../questions/suggest.js';
import { audit, requireStaff, type StaffEnv } from '../../security/staff.js';
import { getMeta } from '../laws.queries.js';
import { lawTransaction } from '../laws.write.js';
import { listsOf } from './cell-values.js';
import { columnsOf, missingFields, proposeMapping, sentMapping } from './map-columns.js';
import { planRows } from './plan-rows.js';
import { readSheet } from './read-sheet.js';

export interface ImportDeps {
  db: Kysely<Tables>;
  suggestions: SuggestIndex;
  /** IMPORT_MAX_MB in bytes. */
  maxBytes: number;
  maxRows: number;
  fullTextUrl: string;
}

export const IMPORT_MAX_ROWS = 20_000;
/** What multipart/form-data adds around the file and the mapping: boundaries, part headers, the JSON. */
const MULTIPART_OVERHEAD = 32 * 1024;

/** Thrown to roll a dry run's writes back, once its report is made. */
class DryRun extends Error {}

/** POST /api/v1/admin/laws/imports: documents from a spreadsheet, reported row by row, written all or none. */
export function lawImportRoutes({ db, suggestions, maxBytes, maxRows, fullTextUrl }: ImportDeps) {
  const app = new Hono<StaffEnv>();
  const tooLarge = () => {
    throw new HTTPException(413, { message: `the file is larger than ${maxBytes / 1024 / 1024} MB (IMPORT_MAX_MB)` });
  };
  const path = honoPath(routes.adminImportLaws.path);
  app.post(
    path,
    requireStaff(db, 'editor'),
    async (c, next) => {
      c.header('Cache-Control', 'no-store');
      if (!/^multipart\/form-data\s*;/i.test(c.req.header('Content-Type') ?? '')) {
        throw new HTTPException(415, { message: 'send the file as multipart/form-data, in a part named "file" (curl -F file=@van-ban.xlsx)' });
      }
      await next();
    },
    bodyLimit({ maxSize: maxBytes + MULTIPART_OVERHEAD, onError: tooLarge }),
    valid('form', routes.adminImportLaws.body),
    async (c) => {
      const form = c.req.valid('form');
      if (form.file.size > maxBytes) tooLarge();
      const dryRun = form.dryRun !== 'false' && form.dryRun !== '0';
      const sheet = await readSheet(new Uint8Array(await form.file.arrayBuffer()), maxRows);
      const sent = form.mapping === undefined ? null : await sentMapping(form.mapping, sheet.headers);
      if (!sent && !dryRun)
        throw new InputError([{ path: 'mapping', code: 'required', message: 'send the mapping to apply an import; a dry run without one proposes it' }]);
      const mapping = sent?.mapping ?? proposeMapping(sheet.headers);
      const missing = missingFields(mapping);
      const report = (rows: ImportRow[], applied: boolean): ImportReport => ({
        dryRun,
        applied,
        headers: sheet.headers,
        mapping: mapping,
        proposed: !sent,
        missing,
        counts: {
          rows: rows.length,
          create: rows.filter((r) => r.action === 'create').length,
          update: rows.filter((r) => r.action === 'update').length,
          unchanged: rows.filter((r) => r.action === 'unchanged').length,
          refused: rows.filter((r) => r.action === 'refused').length,
        },
        rows,
      });
      // A proposal that misses a required column is the mapping step: nothing to report row by row yet.
      if (missing.length) return c.json(report([], false));

      const [vi, en] = await Promise.all([getMeta(db, 'vi'), getMeta(db, 'en')]);
      const lists = listsOf(vi, en);
      const staff = c.get('staff');
      const columns = sent?.columns ?? columnsOf(mapping, sheet.headers);
      let rows: ImportRow[] = [];
      try {
        await lawTransaction(db, async (trx) => {
          rows = await planRows({ trx, staff, lists, fullTextUrl }, sheet, columns);
          if (dryRun || rows.some((r) => r.action === 'refused')) throw new DryRun();
          const { counts } = report(rows, true);
          await audit(trx, staff, 'import-laws', 'laws', { file: form.file.name, ...counts });
        });
      } catch (error) {
        if (!(error instanceof DryRun)) throw error;
        const result = report(rows, false);
        if (dryRun) return c.json(result);
        const refused = rows.filter((r) => r.action === 'refused');
        return c.body(
          JSON.stringify({
            type: 'about:blank',
            title: 'Unprocessable content',
            status: 422,
            detail: `${refused.length} of ${rows.length} rows are refused (rows ${refused.map((r) => r.row).join(', ')}); nothing was written`,
            errors: refused.flatMap((r) =>
              r.errors.map((e) => ({
                path: `rows.${r.row}.${e.path}`,
                code: e.code,
                message: `row ${r.row}${e.column ? `, column "${e.column}"` : ''}: ${e.message}`,
              })),
            ),
            ...result,
          }),
          422,
          { 'Content-Type': 'application/problem+json; charset=utf-8' },
        );
      }
      suggestions.invalidate();
      return c.json(report(rows, true));
    },
  );
  return app;
}
