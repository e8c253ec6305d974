import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { routes, SATISFACTION_MAX_MONTHS } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../admin/offset-cursor.js';
import { jsonBody } from '../http/json-body.js';
import { honoPath } from '../http/paths.js';
import { ProblemError } from '../http/problem.js';
import { InputError, valid } from '../http/validate.js';
import { audit, requireStaff, type StaffEnv } from '../security/staff.js';
import { feedbackSearchText, listFeedback } from './feedback.queries.js';
import { feedbackView } from './feedback.view.js';
import { monthsFrom } from '../calendar/vietnam-time.js';
import { satisfaction, satisfactionTarget, setSatisfactionTarget } from './satisfaction.js';

/** A reply is at most 5000 characters. */
const REPLY_BODY = 32 * 1024;

/** Staff reading citizens' feedback, replying to it, and the satisfaction figures. Reads of contacts are audited. */
export function feedbackAdminRoutes(db: Kysely<Tables>) {
  const app = new Hono<StaffEnv>();
  const editor = requireStaff(db, 'editor');
  const admin = requireStaff(db, 'admin');
  const body = jsonBody(REPLY_BODY);
  for (const path of ['/api/v1/admin/feedback', '/api/v1/admin/feedback/*']) {
    app.use(path, async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    });
  }

  app.get(honoPath(routes.adminListFeedback.path), editor, valid('query', routes.adminListFeedback.query), async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    const skip = cursor ? decodeOffsetCursor(cursor) : 0;
    if (skip === null) throw new InputError([{ path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed; pass back nextCursor as it came' }]);
    const { rows, more, total } = await listFeedback(db, filter, { skip, limit });
    const items = await feedbackView(db, rows);
    await audit(db, c.get('staff'), 'read', 'feedback', { filter, ids: items.map((i) => i.id) });
    return c.json({ items, total, nextCursor: more ? encodeOffsetCursor(skip + limit) : null });
  });

  app.post(
    honoPath(routes.adminReplyFeedback.path),
    editor,
    valid('param', routes.adminReplyFeedback.params),
    body,
    valid('json', routes.adminReplyFeedback.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const { reply } = c.req.valid('json');
      const row = await db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new ProblemError(404, `no feedback with id "${id}"`);
      await db
        .updateTable('feedback')
        .set({
          reply,
          status: 'replied',
          replied_by: c.get('staff').name,
          replied_at: new Date().toISOString(),
          search_text: feedbackSearchText({ ...row, reply }),
        })
        .where('id', '=', id)
        .execute();
      await audit(db, c.get('staff'), 'reply', `feedback:${id}`);
      const updated = await db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return c.json((await feedbackView(db, [updated]))[0]);
    },
  );

  app.get(honoPath(routes.adminSatisfaction.path), editor, valid('query', routes.adminSatisfaction.query), async (c) => {
    const q = c.req.valid('query');
    if (q.from && q.to && monthsFrom(q.from, q.to).length > SATISFACTION_MAX_MONTHS) {
      throw new InputError([{ path: 'from', code: 'too_big', message: `ask for at most ${SATISFACTION_MAX_MONTHS} months at a time` }]);
    }
    if (q.site && !(await db.selectFrom('sites').select('key').where('key', '=', q.site).executeTakeFirst())) {
      throw new ProblemError(404, `no site "${q.site}" is registered`);
    }
    return c.json(await satisfaction(db, q));
  });

  app.get(honoPath(routes.adminGetSatisfactionTarget.path), editor, async (c) => c.json(await satisfactionTarget(db)));

  app.put(honoPath(routes.adminPutSatisfactionTarget.path), admin, body, valid('json', routes.adminPutSatisfactionTarget.body), async (c) => {
    const { target } = c.req.valid('json');
    const saved = await setSatisfactionTarget(db, c.get('staff'), target);
    await audit(db, c.get('staff'), 'set-satisfaction-target', 'settings:satisfaction-target', { target });
    return c.json(saved);
  });

  return app;
}
