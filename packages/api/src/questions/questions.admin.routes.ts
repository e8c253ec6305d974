import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { routes } from '@pbgdpl/contract';
import { decodeOffsetCursor, encodeOffsetCursor } from '../admin/offset-cursor.js';
import type { Tables } from '../db/schema.js';
import { honoPath } from '../http/paths.js';
import { ProblemError } from '../http/problem.js';
import { jsonBody } from '../http/json-body.js';
import { InputError, valid } from '../http/validate.js';
import { enqueueAnswerMail, type MailOutbox } from '../mail/outbox.js';
import { sanitizeAnswerHtml } from '../mail/sanitize-answer.js';
import { audit, requireStaff, type StaffEnv } from '../security/staff.js';
import { getSite } from '../sites/sites.queries.js';
import { htmlToText } from './answer-text.js';
import { dueDate, readModerationSettings, writeAnswerDays } from './answer-deadline.js';
import { queuePage } from './question-queue.js';
import { questionSearchText, resolveCitations, toAdmin, writeCitations } from './questions.queries.js';
import type { SuggestIndex } from './suggest.js';
import { vietnamDay } from '../calendar/vietnam-time.js';

export interface QuestionAdminDeps {
  db: Kysely<Tables>;
  suggestions: SuggestIndex;
  /** Sends answers by e-mail; null without SMTP_URL. */
  mail: MailOutbox | null;
}

/** Staff bodies are larger than a citizen's: an answer may be long HTML. */
const STAFF_BODY = 64 * 1024;

type C = Context<StaffEnv>;

/** What staff wrote, as it is stored and shown: through the server's sanitiser, and not empty after it. */
function safeAnswer(html: string): string {
  const safe = sanitizeAnswerHtml(html);
  if (htmlToText(safe) === '') throw new InputError([{ path: 'html', code: 'too_small', message: 'the answer is empty once unsafe markup is removed' }]);
  return safe;
}

/** Q&A moderation: the queue, classifying, answering with citations, publishing, rejecting; the deadline setting. */
export function questionAdminRoutes({ db, suggestions, mail }: QuestionAdminDeps) {
  const app = new Hono<StaffEnv>();
  const editor = requireStaff(db, 'editor');
  const admin = requireStaff(db, 'admin');
  const staff = (c: C) => c.get('staff');
  const body = jsonBody(STAFF_BODY);
  for (const path of ['/api/v1/admin/questions', '/api/v1/admin/questions/*', '/api/v1/admin/settings/moderation']) {
    app.use(path, async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    });
  }

  const loadQuestion = async (id: string) => {
    const row = await db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new ProblemError(404, `no question with id "${id}"`);
    return row;
  };
  const view = async (id: string) => (await toAdmin(db, [await loadQuestion(id)]))[0]!;

  app.get(honoPath(routes.adminListQuestions.path), editor, valid('query', routes.adminListQuestions.query), async (c) => {
    const { cursor, ...q } = c.req.valid('query');
    const offset = cursor ? decodeOffsetCursor(cursor) : 0;
    if (offset === null) throw new InputError([{ path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed; pass back nextCursor as it came' }]);
    const page = await queuePage(db, { ...q, offset }, vietnamDay(new Date()));
    const items = await toAdmin(db, page.rows);
    const { limit: _limit, ...filter } = q;
    await audit(db, staff(c), 'read', 'questions', { filter, ids: items.map((i) => i.id) });
    return c.json({
      items,
      total: page.total,
      nextCursor: page.more ? encodeOffsetCursor(offset + q.limit) : null,
      counts: page.counts,
      handlingUnits: page.handlingUnits,
    });
  });

  app.post(honoPath(routes.adminPreviewAnswer.path), editor, body, valid('json', routes.adminPreviewAnswer.body), async (c) => {
    const { html, citations } = c.req.valid('json');
    return c.json({ html: safeAnswer(html), citations: await resolveCitations(db, citations) });
  });

  app.get(honoPath(routes.adminGetQuestion.path), editor, valid('param', routes.adminGetQuestion.params), async (c) => {
    const { id } = c.req.valid('param');
    const item = await view(id);
    await audit(db, staff(c), 'read', `question:${id}`);
    return c.json(item);
  });

  app.patch(
    honoPath(routes.adminClassifyQuestion.path),
    editor,
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
      // The deadline in force now (the province's, or the site's when shorter), from the day it arrived.
      const site = await getSite(db, row.site_key);
      const dueOn = await dueDate(db, new Date(row.created_at), site?.answerDays ?? Number.POSITIVE_INFINITY);
      await db
        .updateTable('questions')
        .set({
          ...(input.field ? { field_code: input.field } : {}),
          ...(input.handlingUnit !== undefined ? { handling_unit: input.handlingUnit || null } : {}),
          status: input.status ?? (row.status === 'new' ? 'classified' : row.status),
          due_on: dueOn,
        })
        .where('id', '=', id)
        .execute();
      await audit(db, staff(c), 'classify', `question:${id}`, { ...input, dueOn });
      return c.json(await view(id));
    },
  );

  app.post(
    honoPath(routes.adminAnswerQuestion.path),
    editor,
    valid('param', routes.adminAnswerQuestion.params),
    body,
    valid('json', routes.adminAnswerQuestion.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const html = safeAnswer(input.html);
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
            answer_html: html,
            answered_by: staff(c).name,
            answered_at: now,
            search_text: questionSearchText({ title: row.title, content: row.content, answer_html: html }),
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
      return c.json(await view(id));
    },
  );

  app.post(
    honoPath(routes.adminPublishQuestion.path),
    editor,
    valid('param', routes.adminPublishQuestion.params),
    body,
    valid('json', routes.adminPublishQuestion.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const { published } = c.req.valid('json');
      const current = await view(id);
      if (published && current.status !== 'answered') throw new ProblemError(409, 'only an answered question can be published');
      if (published && !current.consent.purposes.includes('cong-khai-hoi-dap')) throw new ProblemError(409, 'the citizen did not consent to publication');
      await db
        .updateTable('questions')
        .set({ published: published ? 1 : 0, published_at: published ? new Date().toISOString() : null })
        .where('id', '=', id)
        .execute();
      suggestions.invalidate();
      await audit(db, staff(c), published ? 'publish' : 'unpublish', `question:${id}`);
      return c.json(await view(id));
    },
  );

  app.post(
    honoPath(routes.adminRejectQuestion.path),
    editor,
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
      return c.json(await view(id));
    },
  );

  app.get(honoPath(routes.adminGetModerationSettings.path), editor, async (c) => c.json(await readModerationSettings(db)));

  app.put(honoPath(routes.adminPutModerationSettings.path), admin, body, valid('json', routes.adminPutModerationSettings.body), async (c) => {
    const { answerDays } = c.req.valid('json');
    const before = await readModerationSettings(db);
    await writeAnswerDays(db, answerDays, staff(c).name);
    await audit(db, staff(c), 'put-settings', 'settings:moderation', { answerDays, before: before.answerDays });
    return c.json(await readModerationSettings(db));
  });

  return app;
}
