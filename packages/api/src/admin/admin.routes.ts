import { Hono, type Context } from 'hono';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { routes, type AdminFeedback, type ConsentPurpose, type Role } from '@pbgdpl/contract';
import type { FeedbackTable, Tables } from '../db/schema.js';
import { honoPath } from '../http/paths.js';
import { ProblemError, problem } from '../http/problem.js';
import { jsonBody } from '../http/json-body.js';
import { InputError, valid } from '../http/validate.js';
import { enqueueAnswerMail, type MailOutbox } from '../mail/outbox.js';
import { questionSearchText, toAdmin, writeCitations } from '../questions/questions.queries.js';
import type { SuggestIndex } from '../questions/suggest.js';
import { audit, createStaffToken, requireStaff, type StaffEnv } from '../security/staff.js';
import { putSite, type SiteDirectory } from '../sites/sites.queries.js';
import { toCsv } from './csv.js';
import { decodeOffsetCursor, encodeOffsetCursor } from './offset-cursor.js';
import { siteReports } from './site-reports.js';

export interface AdminDeps {
  db: Kysely<Tables>;
  sites: SiteDirectory;
  suggestions: SuggestIndex;
  /** Sends answers by e-mail; null without SMTP_URL. */
  mail: MailOutbox | null;
}

/** Staff bodies are larger than a citizen's: an answer may be long HTML. */
const STAFF_BODY = 64 * 1024;

type C = Context<StaffEnv>;

export function adminRoutes({ db, sites, suggestions, mail }: AdminDeps) {
  const app = new Hono<StaffEnv>();
  const guard = (role: Role) => requireStaff(db, role);
  const staff = (c: C) => c.get('staff');
  const body = jsonBody(STAFF_BODY);
  const offset = (cursor: string | undefined) => {
    if (!cursor) return 0;
    const n = decodeOffsetCursor(cursor);
    if (n === null) throw new InputError([{ path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed' }]);
    return n;
  };
  app.use('/api/v1/admin/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const loadQuestion = async (id: string) => {
    const row = await db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new ProblemError(404, `no question with id "${id}"`);
    return row;
  };

  app.get(honoPath(routes.adminListQuestions.path), guard('editor'), valid('query', routes.adminListQuestions.query), async (c) => {
    const q = c.req.valid('query');
    const skip = offset(q.cursor);
    let query = db
      .selectFrom('questions')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .offset(skip);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.site) query = query.where('site_key', '=', q.site);
    if (q.field) query = query.where('field_code', '=', q.field);
    const rows = await query.execute();
    const items = await toAdmin(db, rows.slice(0, q.limit));
    await audit(db, staff(c), 'read', 'questions', { filter: { status: q.status, site: q.site, field: q.field }, ids: items.map((i) => i.id) });
    return c.json({ items, nextCursor: rows.length > q.limit ? encodeOffsetCursor(skip + q.limit) : null });
  });

  app.get(honoPath(routes.adminGetQuestion.path), guard('editor'), valid('param', routes.adminGetQuestion.params), async (c) => {
    const { id } = c.req.valid('param');
    const [item] = await toAdmin(db, [await loadQuestion(id)]);
    await audit(db, staff(c), 'read', `question:${id}`);
    return c.json(item);
  });

  app.patch(
    honoPath(routes.adminClassifyQuestion.path),
    guard('editor'),
    valid('param', routes.adminClassifyQuestion.params),
    body,
    valid('json', routes.adminClassifyQuestion.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const row = await loadQuestion(id);
      if (row.status === 'answered' || row.status === 'rejected') throw new ProblemError(409, `the question is already ${row.status}`);
      if (input.field) {
        const field = await db.selectFrom('fields').select('code').where('code', '=', input.field).executeTakeFirst();
        if (!field) throw new InputError([{ path: 'field', code: 'unknown_value', message: `unknown field "${input.field}"` }]);
      }
      await db
        .updateTable('questions')
        .set({
          ...(input.field ? { field_code: input.field } : {}),
          ...(input.handlingUnit !== undefined ? { handling_unit: input.handlingUnit } : {}),
          status: input.status ?? (row.status === 'new' ? 'classified' : row.status),
        })
        .where('id', '=', id)
        .execute();
      await audit(db, staff(c), 'classify', `question:${id}`, input);
      return c.json((await toAdmin(db, [await loadQuestion(id)]))[0]);
    },
  );

  app.post(
    honoPath(routes.adminAnswerQuestion.path),
    guard('editor'),
    valid('param', routes.adminAnswerQuestion.params),
    body,
    valid('json', routes.adminAnswerQuestion.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const row = await loadQuestion(id);
      if (row.status === 'rejected') throw new ProblemError(409, 'the question was rejected; it cannot be answered');
      const [current] = await toAdmin(db, [row]);
      if (input.publish && !current!.consent.purposes.includes('cong-khai-hoi-dap')) {
        throw new ProblemError(409, 'the citizen did not consent to publication; answer without publish');
      }
      const now = new Date().toISOString();
      // The mail is queued in the answer's own transaction: answered and not queued (or the reverse) cannot happen.
      const mailed = await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('questions')
          .set({
            status: 'answered',
            answer_html: input.html,
            answered_by: staff(c).name,
            answered_at: now,
            search_text: questionSearchText({ title: row.title, content: row.content, answer_html: input.html }),
            ...(input.publish ? { published: 1, published_at: now } : {}),
          })
          .where('id', '=', id)
          .execute();
        await writeCitations(trx, id, input.citations);
        return mail ? enqueueAnswerMail(trx, id, new Date(now)) : 'no-smtp';
      });
      if (mailed === 'queued') mail?.wake();
      suggestions.invalidate();
      await audit(db, staff(c), 'answer', `question:${id}`, { publish: input.publish, citations: input.citations, mail: mailed });
      return c.json((await toAdmin(db, [await loadQuestion(id)]))[0]);
    },
  );

  app.post(
    honoPath(routes.adminPublishQuestion.path),
    guard('editor'),
    valid('param', routes.adminPublishQuestion.params),
    body,
    valid('json', routes.adminPublishQuestion.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const { published } = c.req.valid('json');
      const [current] = await toAdmin(db, [await loadQuestion(id)]);
      if (published && current!.status !== 'answered') throw new ProblemError(409, 'only an answered question can be published');
      if (published && !current!.consent.purposes.includes('cong-khai-hoi-dap')) throw new ProblemError(409, 'the citizen did not consent to publication');
      await db
        .updateTable('questions')
        .set({ published: published ? 1 : 0, published_at: published ? new Date().toISOString() : null })
        .where('id', '=', id)
        .execute();
      suggestions.invalidate();
      await audit(db, staff(c), published ? 'publish' : 'unpublish', `question:${id}`);
      return c.json((await toAdmin(db, [await loadQuestion(id)]))[0]);
    },
  );

  app.post(
    honoPath(routes.adminRejectQuestion.path),
    guard('editor'),
    valid('param', routes.adminRejectQuestion.params),
    body,
    valid('json', routes.adminRejectQuestion.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const row = await loadQuestion(id);
      if (row.status === 'answered') throw new ProblemError(409, 'the question is answered; withdraw its publication instead');
      await db.updateTable('questions').set({ status: 'rejected', rejected_reason: reason, published: 0, published_at: null }).where('id', '=', id).execute();
      await audit(db, staff(c), 'reject', `question:${id}`, { reason });
      return c.json((await toAdmin(db, [await loadQuestion(id)]))[0]);
    },
  );

  const feedbackView = async (rows: FeedbackTable[]): Promise<AdminFeedback[]> => {
    const ids = rows.map((r) => r.id);
    const consents = ids.length
      ? await db.selectFrom('consents').selectAll().where('subject_type', '=', 'feedback').where('subject_id', 'in', ids).execute()
      : [];
    const byId = new Map(consents.map((x) => [x.subject_id, x]));
    return rows.map((r) => ({
      id: r.id,
      site: r.site_key,
      kind: r.kind as AdminFeedback['kind'],
      document: r.law_id,
      rating: Number(r.rating),
      message: r.message,
      contact: r.contact,
      pageUrl: r.page_url,
      status: r.status as AdminFeedback['status'],
      reply: r.reply,
      repliedBy: r.replied_by,
      repliedAt: r.replied_at,
      contactOverLimit: Number(r.contact_over_limit) === 1,
      createdAt: r.created_at,
      consent: {
        purposes: JSON.parse(byId.get(r.id)?.purposes ?? '[]') as ConsentPurpose[],
        noticeVersion: byId.get(r.id)?.notice_version ?? '',
        givenAt: byId.get(r.id)?.given_at ?? '',
      },
    }));
  };

  app.get(honoPath(routes.adminListFeedback.path), guard('editor'), valid('query', routes.adminListFeedback.query), async (c) => {
    const q = c.req.valid('query');
    const skip = offset(q.cursor);
    let query = db
      .selectFrom('feedback')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .offset(skip);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.site) query = query.where('site_key', '=', q.site);
    if (q.kind) query = query.where('kind', '=', q.kind);
    const rows = await query.execute();
    const items = await feedbackView(rows.slice(0, q.limit));
    await audit(db, staff(c), 'read', 'feedback', { filter: { status: q.status, site: q.site, kind: q.kind }, ids: items.map((i) => i.id) });
    return c.json({ items, nextCursor: rows.length > q.limit ? encodeOffsetCursor(skip + q.limit) : null });
  });

  app.post(
    honoPath(routes.adminReplyFeedback.path),
    guard('editor'),
    valid('param', routes.adminReplyFeedback.params),
    body,
    valid('json', routes.adminReplyFeedback.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const { reply } = c.req.valid('json');
      const updated = await db
        .updateTable('feedback')
        .set({ reply, status: 'replied', replied_by: staff(c).name, replied_at: new Date().toISOString() })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return problem(c, 404, `no feedback with id "${id}"`);
      await audit(db, staff(c), 'reply', `feedback:${id}`);
      return c.json((await feedbackView([await db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow()]))[0]);
    },
  );

  /** The rows an export covers: one site, and a range of days by when they arrived (both tables have these columns). */
  const exportRange = (q: { site?: string; from?: string; to?: string }) => (eb: ExpressionBuilder<Tables, 'questions' | 'feedback'>) =>
    eb.and([
      ...(q.site ? [eb('site_key', '=', q.site)] : []),
      ...(q.from ? [eb('created_at', '>=', q.from)] : []),
      // created_at is an ISO timestamp: everything on the `to` day sorts before the next day.
      ...(q.to ? [eb('created_at', '<', nextDay(q.to))] : []),
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
    const header = [
      'tracking_code',
      'site',
      'field',
      'status',
      'created_at',
      'due_on',
      'name',
      'email',
      'phone',
      'title',
      'question',
      'answer',
      'citations',
      'answered_by',
      'answered_at',
      'published',
      'consent_purposes',
      'notice_version',
      'consent_at',
      'page_url',
    ];
    const data = items.map((i) => [
      i.trackingCode,
      i.site,
      i.field,
      i.status,
      i.createdAt,
      i.dueOn,
      i.name,
      i.email,
      i.phone,
      i.title,
      i.content,
      i.answerHtml,
      i.citations.map((x) => `${x.number}${x.article ? ` ${x.article}` : ''}`).join('; '),
      i.answeredBy,
      i.answeredAt,
      i.published ? 'yes' : 'no',
      i.consent.purposes.join(' '),
      i.consent.noticeVersion,
      i.consent.givenAt,
      i.pageUrl,
    ]);
    return csvResponse(c, 'questions.csv', toCsv(header, data));
  });

  app.get(honoPath(routes.adminExportFeedback.path), guard('admin'), valid('query', routes.adminExportFeedback.query), async (c) => {
    const q = c.req.valid('query');
    const items = await feedbackView(await db.selectFrom('feedback').selectAll().where(exportRange(q)).orderBy('created_at').execute());
    await audit(db, staff(c), 'export', 'feedback.csv', { ...q, rows: items.length });
    const header = [
      'id',
      'site',
      'kind',
      'document',
      'rating',
      'message',
      'contact',
      'page_url',
      'status',
      'reply',
      'replied_by',
      'replied_at',
      'created_at',
      'consent_purposes',
      'notice_version',
      'consent_at',
    ];
    const data = items.map((i) => [
      i.id,
      i.site,
      i.kind,
      i.document,
      i.rating,
      i.message,
      i.contact,
      i.pageUrl,
      i.status,
      i.reply,
      i.repliedBy,
      i.repliedAt,
      i.createdAt,
      i.consent.purposes.join(' '),
      i.consent.noticeVersion,
      i.consent.givenAt,
    ]);
    return csvResponse(c, 'feedback.csv', toCsv(header, data));
  });

  app.get(honoPath(routes.adminSites.path), guard('editor'), async (c) => c.json({ items: await siteReports(db) }));

  app.put(
    honoPath(routes.adminPutSite.path),
    guard('admin'),
    valid('param', routes.adminPutSite.params),
    body,
    valid('json', routes.adminPutSite.body),
    async (c) => {
      const { key } = c.req.valid('param');
      const input = c.req.valid('json');
      if (input.key !== key) throw new InputError([{ path: 'key', code: 'mismatch', message: 'the key in the body differs from the one in the path' }]);
      const site = await putSite(db, input);
      sites.invalidate();
      await audit(db, staff(c), 'put-site', `site:${key}`, input);
      return c.json(site);
    },
  );

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

  app.get(honoPath(routes.adminAudit.path), guard('admin'), valid('query', routes.adminAudit.query), async (c) => {
    const q = c.req.valid('query');
    const skip = offset(q.cursor);
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .offset(skip)
      .execute();
    return c.json({ items: rows.slice(0, q.limit), nextCursor: rows.length > q.limit ? encodeOffsetCursor(skip + q.limit) : null });
  });

  return app;
}

const nextDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
