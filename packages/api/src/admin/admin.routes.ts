import { Hono, type Context } from 'hono';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { routes, type Role } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { feedbackView } from '../feedback/feedback.view.js';
import { honoPath } from '../http/paths.js';
import { ProblemError, problem } from '../http/problem.js';
import { jsonBody } from '../http/json-body.js';
import { valid } from '../http/validate.js';
import { toAdmin } from '../questions/questions.queries.js';
import { audit, createStaffToken, requireStaff, type StaffEnv } from '../security/staff.js';
import { nextDay, vietnamDayStart } from '../calendar/vietnam-time.js';
import { toCsv } from './csv.js';
import { FEEDBACK_COLUMNS, QUESTION_COLUMNS, exportTable } from './export-columns.js';

export interface AdminDeps {
  db: Kysely<Tables>;
}

/** Staff bodies are larger than a citizen's: an answer may be long HTML. */
const STAFF_BODY = 64 * 1024;

type C = Context<StaffEnv>;

export function adminRoutes({ db }: AdminDeps) {
  const app = new Hono<StaffEnv>();
  const guard = (role: Role) => requireStaff(db, role);
  const staff = (c: C) => c.get('staff');
  const body = jsonBody(STAFF_BODY);
  app.use('/api/v1/admin/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  /** The rows an export covers: one site, and a range of the province's days by when they arrived (both tables have these columns). */
  const exportRange = (q: { site?: string; from?: string; to?: string }) => (eb: ExpressionBuilder<Tables, 'questions' | 'feedback'>) =>
    eb.and([
      ...(q.site ? [eb('site_key', '=', q.site)] : []),
      ...(q.from ? [eb('created_at', '>=', vietnamDayStart(q.from))] : []),
      ...(q.to ? [eb('created_at', '<', vietnamDayStart(nextDay(q.to)))] : []),
    ]);

  const csvResponse = (c: C, name: string, text: string) =>
    c.body(text, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
    });

  app.get(honoPath(routes.adminExportQuestions.path), guard('admin'), valid('query', routes.adminExportQuestions.query), async (c) => {
    const q = c.req.valid('query');
    const items = await toAdmin(db, await db.selectFrom('questions').selectAll().where(exportRange(q)).orderBy('created_at').execute());
    await audit(db, staff(c), 'export', 'questions.csv', { ...q, rows: items.length });
    const { header, rows } = await exportTable(db, QUESTION_COLUMNS, items);
    return csvResponse(c, 'questions.csv', toCsv(header, rows));
  });

  app.get(honoPath(routes.adminExportFeedback.path), guard('admin'), valid('query', routes.adminExportFeedback.query), async (c) => {
    const q = c.req.valid('query');
    const items = await feedbackView(db, await db.selectFrom('feedback').selectAll().where(exportRange(q)).orderBy('created_at').execute());
    await audit(db, staff(c), 'export', 'feedback.csv', { ...q, rows: items.length });
    const { header, rows } = await exportTable(db, FEEDBACK_COLUMNS, items);
    return csvResponse(c, 'feedback.csv', toCsv(header, rows));
  });

  app.get(honoPath(routes.adminListTokens.path), guard('admin'), async (c) => {
    const rows = await db.selectFrom('staff_tokens').select(['id', 'name', 'role', 'created_at', 'revoked_at']).orderBy('created_at').execute();
    return c.json({ items: rows.map((r) => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at })) });
  });

  app.post(honoPath(routes.adminCreateToken.path), guard('admin'), body, valid('json', routes.adminCreateToken.body), async (c) => {
    const { name, role } = c.req.valid('json');
    const made = await createStaffToken(db, name, role);
    await audit(db, staff(c), 'create-token', `token:${made.id}`, { name, role });
    return c.json({ id: made.id, name, role, createdAt: made.created_at, revokedAt: null, token: made.token }, 201);
  });

  app.delete(honoPath(routes.adminRevokeToken.path), guard('admin'), valid('param', routes.adminRevokeToken.params), async (c) => {
    const { id } = c.req.valid('param');
    if (id === staff(c).id) throw new ProblemError(409, 'a token cannot revoke itself; use another administrator');
    await db.updateTable('staff_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    const row = await db.selectFrom('staff_tokens').select(['id', 'name', 'role', 'created_at', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!row) return problem(c, 404, `no token with id "${id}"`);
    await audit(db, staff(c), 'revoke-token', `token:${id}`);
    return c.json({ id: row.id, name: row.name, role: row.role, createdAt: row.created_at, revokedAt: row.revoked_at });
  });

  // The audit log (searched, paged): staff/audit.routes.ts.

  return app;
}
