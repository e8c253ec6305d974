import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { NOTICES, QuestionInput, routes, type ContactRule, type QuestionReceipt } from '@pbgdpl/contract';
import { honoPath } from '../http/paths.js';
import { ProblemError, problem, type FieldError } from '../http/problem.js';
import { InputError, parseOrThrow, queryOf } from '../http/validate.js';
import { clientIp } from '../security/client-ip.js';
import { submit, type SubmissionDeps } from '../submissions/pipeline.js';
import { addWorkingDays } from './due-date.js';
import { insertConsent, publishedQuestions, questionSearchText, statusView, toPublished } from './questions.queries.js';
import { decodeQuestionCursor, encodeQuestionCursor } from './question-cursor.js';
import { isBlank, matchesWords, searchTerms } from '../search/text-search.js';
import { sql } from 'kysely';
import type { SuggestIndex } from './suggest.js';
import { newTrackingCode, normaliseTrackingCode } from './tracking-code.js';

/** Which contacts a site requires, as errors to show beside the fields. */
export function contactErrors(rule: ContactRule, email: string, phone: string): FieldError[] {
  const need = (path: string, message: string): FieldError => ({ path, code: 'required', message });
  switch (rule) {
    case 'email':
      return email ? [] : [need('email', 'this site needs an e-mail address to send the answer to')];
    case 'phone':
      return phone ? [] : [need('phone', 'this site needs a phone number')];
    case 'email-or-phone':
      return email || phone ? [] : [need('email', 'leave an e-mail address or a phone number'), need('phone', 'leave an e-mail address or a phone number')];
    case 'email-and-phone':
      return [...(email ? [] : [need('email', 'this site needs an e-mail address')]), ...(phone ? [] : [need('phone', 'this site needs a phone number')])];
    default:
      return [];
  }
}

export function questionRoutes(deps: SubmissionDeps & { suggestions: SuggestIndex }) {
  const { db, limiter, config } = deps;
  const app = new Hono();

  app.get(honoPath(routes.listQuestions.path), async (c) => {
    const query = parseOrThrow(routes.listQuestions.query, queryOf(c));
    const cursor = query.cursor ? decodeQuestionCursor(query.cursor) : undefined;
    if (cursor === null) throw new InputError([{ path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed; pass back nextCursor as it came' }]);
    let q = (await publishedQuestions(db, query.lang)).orderBy('q.published_at', 'desc').orderBy('q.id', 'desc').limit(query.limit + 1);
    if (query.field) q = q.where('q.field_code', '=', query.field);
    if (!isBlank(query.q)) {
      const terms = searchTerms(query.q);
      q = terms.length ? q.where((eb) => eb.and(matchesWords('q.search_text', terms))) : q.where(sql<boolean>`1 = 0`);
    }
    if (cursor) {
      q = q.where((eb) => eb.or([eb('q.published_at', '<', cursor.at), eb.and([eb('q.published_at', '=', cursor.at), eb('q.id', '<', cursor.id)])]));
    }
    const rows = await q.execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return c.json({
      items: await toPublished(db, page),
      nextCursor: rows.length > query.limit && last ? encodeQuestionCursor({ at: last.published_at ?? '', id: last.id }) : null,
    });
  });

  app.get(honoPath(routes.suggestAnswers.path), async (c) => {
    const { text, field, lang } = parseOrThrow(routes.suggestAnswers.query, queryOf(c));
    return c.json(await deps.suggestions.suggest(text, field, lang));
  });

  app.get(honoPath(routes.getQuestionStatus.path), async (c) => {
    const { code } = parseOrThrow(routes.getQuestionStatus.params, c.req.param());
    // Tracking codes are secrets of a kind: guessing them is rate-limited like a submission.
    const wait = limiter.take(`lookup:${clientIp(c, config.trustProxy)}`, config.limits.lookup);
    if (wait > 0) throw new ProblemError(429, `too many lookups; try again in ${wait} seconds`, undefined, { 'Retry-After': String(wait) }, '/problems/rate-limited');
    const lang = c.req.query('lang') === 'en' ? 'en' : 'vi';
    const view = await statusView(db, normaliseTrackingCode(code), lang);
    c.header('Cache-Control', 'no-store');
    return view ? c.json(view) : problem(c, 404, 'no question has this tracking code; check it and try again');
  });

  app.post(honoPath(routes.askQuestion.path), (c) =>
    submit(c, deps, {
      scope: 'POST /api/v1/questions',
      schema: QuestionInput,
      notice: NOTICES.question,
      contacts: (q) => [q.email ?? '', q.phone ?? ''],
      siteRules: (q, site) => [
        ...contactErrors(site.contactRule, q.email ?? '', q.phone ?? ''),
        ...(site.requireName && !(q.name ?? '').trim() ? [{ path: 'name', code: 'required', message: 'write your name' }] : []),
      ],
      exists: async (database, q) => {
        const field = await database.selectFrom('fields').select('code').where('code', '=', q.field).executeTakeFirst();
        return field ? [] : [{ path: 'field', code: 'unknown_value', message: `unknown field "${q.field}"` }];
      },
      store: async (trx, q, site, now, marks) => {
        const id = randomUUID();
        const trackingCode = newTrackingCode();
        const dueOn = addWorkingDays(now, site.answerDays);
        await trx
          .insertInto('questions')
          .values({
            id,
            tracking_code: trackingCode,
            site_key: site.key,
            field_code: q.field,
            title: q.title,
            content: q.content,
            asker_name: q.name?.trim() || null,
            asker_email: q.email || null,
            asker_phone: q.phone || null,
            status: 'new',
            handling_unit: null,
            created_at: now.toISOString(),
            due_on: dueOn,
            answer_html: null,
            answered_by: null,
            answered_at: null,
            published: 0,
            published_at: null,
            rejected_reason: null,
            page_url: q.pageUrl ?? null,
            search_text: questionSearchText({ title: q.title, content: q.content }),
            contact_over_limit: marks.contactOverLimit ? 1 : 0,
          })
          .execute();
        await insertConsent(trx, 'question', id, q.consents, q.noticeVersion, now.toISOString());
        const body: QuestionReceipt = { trackingCode, status: 'new', dueOn };
        return { status: 201, body, location: `/api/v1/questions/${trackingCode}` };
      },
    }),
  );

  return app;
}
