import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { NOTICES, QuestionInput, routes, type ContactRule, type QuestionReceipt } from '@pbgdpl/contract';
import { jsonBody } from '../http/json-body.js';
import { honoPath } from '../http/paths.js';
import { ProblemError, problem, type FieldError } from '../http/problem.js';
import { valid } from '../http/validate.js';
import { isBlank } from '../search/text-search.js';
import { clientIp } from '../security/client-ip.js';
import { fromRegisteredOrigin, submit, type SubmissionDeps, type SubmissionSpec } from '../submissions/pipeline.js';
import { dueDate } from './answer-deadline.js';
import { byRelevance, newestFirst } from './question-list.js';
import { insertConsent, questionSearchText, statusView } from './questions.queries.js';
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

  // Without q, the newest first; with q, by relevance (both answer how many there are in all).
  app.get(honoPath(routes.listQuestions.path), valid('query', routes.listQuestions.query), async (c) => {
    const { q, ...query } = c.req.valid('query');
    return c.json(isBlank(q) ? await newestFirst(db, query) : await byRelevance(db, deps.suggestions, q!, query));
  });

  app.get(honoPath(routes.suggestAnswers.path), valid('query', routes.suggestAnswers.query), async (c) => {
    const { text, field, lang } = c.req.valid('query');
    return c.json(await deps.suggestions.suggest(text, field, lang));
  });

  app.get(honoPath(routes.getQuestionStatus.path), valid('param', routes.getQuestionStatus.params), async (c) => {
    const { code } = c.req.valid('param');
    // Tracking codes are secrets of a kind: guessing them is rate-limited like a submission.
    const wait = limiter.take(`lookup:${clientIp(c, config.trustProxy)}`, config.limits.lookup);
    if (wait > 0)
      throw new ProblemError(429, `too many lookups; try again in ${wait} seconds`, undefined, { 'Retry-After': String(wait) }, '/problems/rate-limited');
    const lang = c.req.query('lang') === 'en' ? 'en' : 'vi';
    const view = await statusView(db, normaliseTrackingCode(code), lang);
    c.header('Cache-Control', 'no-store');
    return view ? c.json(view) : problem(c, 404, 'no question has this tracking code; check it and try again');
  });

  const spec: SubmissionSpec<QuestionInput> = {
    scope: 'POST /api/v1/questions',
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
      const dueOn = await dueDate(trx, now, site.answerDays);
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
          email_key: marks.keyOf(q.email),
          phone_key: marks.keyOf(q.phone),
        })
        .execute();
      await insertConsent(trx, 'question', id, q.consents, q.noticeVersion, now.toISOString());
      const body: QuestionReceipt = { trackingCode, status: 'new', dueOn };
      return { status: 201, body, location: `/api/v1/questions/${trackingCode}` };
    },
  };

  app.post(honoPath(routes.askQuestion.path), fromRegisteredOrigin(deps.sites), jsonBody(), valid('json', QuestionInput), (c) =>
    submit(c, deps, spec, c.req.valid('json')),
  );

  return app;
}
