import { Hono } from 'hono';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { routes } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { encodeOffsetCursor } from '../admin/offset-cursor.js';
import { valid } from '../http/validate.js';
import { requireStaff, type StaffEnv } from '../security/staff.js';
import { likePattern, offsetOf } from './people.routes.js';

/** The first instant of a day in Vietnam (UTC+7, no daylight saving), as the ISO text `at` holds. */
export const vietnamDayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`).toISOString();
const nextDayStart = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00+07:00`) + 86_400_000).toISOString();

/** The audit log, searched and paged, for administrators. */
export function auditRoutes(db: Kysely<Tables>) {
  const app = new Hono<StaffEnv>();
  const admin = requireStaff(db, 'admin');

  app.get(routes.adminAuditActions.path, admin, async (c) => {
    const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
    return c.json({ items: rows.map((r) => r.action) });
  });

  app.get(routes.adminAudit.path, admin, valid('query', routes.adminAudit.query), async (c) => {
    const q = c.req.valid('query');
    const skip = offsetOf(q.cursor);
    const where = (eb: ExpressionBuilder<Tables, 'audit_log'>) =>
      eb.and([
        ...(q.actor ? [eb(eb.fn('lower', ['actor']), 'like', sql<string>`${likePattern(q.actor)} escape '\\'`)] : []),
        ...(q.action ? [eb('action', '=', q.action)] : []),
        ...(q.q ? [eb(eb.fn('lower', ['subject']), 'like', sql<string>`${likePattern(q.q)} escape '\\'`)] : []),
        ...(q.from ? [eb('at', '>=', vietnamDayStart(q.from))] : []),
        ...(q.to ? [eb('at', '<', nextDayStart(q.to))] : []),
      ]);
    const [rows, count] = await Promise.all([
      db
        .selectFrom('audit_log')
        .selectAll()
        .where(where)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .offset(skip)
        .execute(),
      db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(where)
        .executeTakeFirstOrThrow(),
    ]);
    return c.json({ items: rows.slice(0, q.limit), total: Number(count.n), nextCursor: rows.length > q.limit ? encodeOffsetCursor(skip + q.limit) : null });
  });

  return app;
}
