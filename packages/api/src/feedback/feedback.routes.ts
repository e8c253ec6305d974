import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { FeedbackInput, NOTICES, routes, type FeedbackReceipt } from '@pbgdpl/contract';
import { jsonBody } from '../http/json-body.js';
import { honoPath } from '../http/paths.js';
import { valid } from '../http/validate.js';
import { insertConsent } from '../questions/questions.queries.js';
import { feedbackSearchText } from './feedback.queries.js';
import { fromRegisteredOrigin, submit, type SubmissionDeps, type SubmissionSpec } from '../submissions/pipeline.js';

export function feedbackRoutes(deps: SubmissionDeps) {
  const app = new Hono();

  const spec: SubmissionSpec<FeedbackInput> = {
    scope: 'POST /api/v1/feedback',
    notice: NOTICES.feedback,
    contacts: (f) => [f.contact ?? ''],
    siteRules: (f) =>
      f.contact && !f.consents.includes('lien-he-phan-hoi')
        ? [{ path: 'consents', code: 'consent_required', message: 'tick "contact me" to leave a contact, or leave it empty' }]
        : [],
    exists: async (db, f) => {
      if (!f.document) return [];
      const law = await db.selectFrom('laws').select('id').where('id', '=', f.document).executeTakeFirst();
      return law ? [] : [{ path: 'document', code: 'unknown_value', message: `no legal document "${f.document}"` }];
    },
    store: async (trx, f, site, now, marks) => {
      const id = randomUUID();
      await trx
        .insertInto('feedback')
        .values({
          id,
          site_key: site.key,
          kind: f.kind,
          law_id: f.document ?? null,
          rating: f.rating,
          message: f.message,
          contact: f.contact || null,
          // The page it was sent from: what the form says, or else what the browser says.
          page_url: f.pageUrl ?? null,
          status: 'new',
          reply: null,
          replied_by: null,
          replied_at: null,
          created_at: now.toISOString(),
          contact_over_limit: marks.contactOverLimit ? 1 : 0,
          contact_key: marks.keyOf(f.contact),
          search_text: feedbackSearchText({ message: f.message, contact: f.contact || null, reply: null }),
        })
        .execute();
      await insertConsent(trx, 'feedback', id, f.consents, f.noticeVersion, now.toISOString());
      const body: FeedbackReceipt = { id, receivedAt: now.toISOString() };
      return { status: 201, body };
    },
  };

  app.post(honoPath(routes.sendFeedback.path), fromRegisteredOrigin(deps.sites), jsonBody(), valid('json', FeedbackInput), (c) =>
    submit(c, deps, spec, c.req.valid('json')),
  );

  return app;
}
