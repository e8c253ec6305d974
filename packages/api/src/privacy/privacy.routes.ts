import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { routes, type ErasureCounts, type PrivacyRecordRef } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../admin/offset-cursor.js';
import { honoPath } from '../http/paths.js';
import { jsonBody } from '../http/json-body.js';
import { ProblemError } from '../http/problem.js';
import { InputError, valid } from '../http/validate.js';
import type { SuggestIndex } from '../questions/suggest.js';
import { audit, requireStaff, type StaffEnv } from '../security/staff.js';
import { auditSubject, findPerson, type PersonRecords } from './contact-index.js';
import { eraseFeedback, eraseQuestions } from './erase.js';
import { personExport } from './export.js';
import { heldView } from './held.js';
import { toPurgeRun, type RetentionPurge } from './purge.js';
import { withdrawPurpose } from './withdraw.js';

export interface PrivacyDeps {
  db: Kysely<Tables>;
  secrets: () => Promise<{ contactSecret: string }>;
  suggestions: SuggestIndex;
  purge: RetentionPurge;
}

type C = Context<StaffEnv>;

/** The person's records a request names: one of theirs, or all of them; one that is not theirs is a 404. */
function chosen(p: PersonRecords, subject: PrivacyRecordRef | undefined) {
  const questions = p.questions.filter((q) => !subject || (subject.type === 'question' && subject.id === q.id));
  const feedback = p.feedback.filter((f) => !subject || (subject.type === 'feedback' && subject.id === f.id));
  if (subject && !questions.length && !feedback.length) throw new ProblemError(404, `no ${subject.type} "${subject.id}" of this person is held`);
  const consents = p.consents.filter(
    (c) =>
      (c.subject_type === 'question' && questions.some((q) => q.id === c.subject_id)) ||
      (c.subject_type === 'feedback' && feedback.some((f) => f.id === c.subject_id)),
  );
  return { questions, feedback, consents };
}

/**
 * Privacy requests, for administrators: find what is held about a person by their contact, give
 * them a copy, withdraw a consent, erase; and the retention purge's runs. Every one is audited
 * with the person named by a prefix of their contact's HMAC, never by the contact.
 */
export function privacyRoutes({ db, secrets, suggestions, purge }: PrivacyDeps) {
  const app = new Hono<StaffEnv>();
  const admin = requireStaff(db, 'admin');
  const staff = (c: C) => c.get('staff');
  const person = async (contact: string) => findPerson(db, (await secrets()).contactSecret, contact);
  const ids = (p: PersonRecords) => ({ questions: p.questions.map((q) => q.id), feedback: p.feedback.map((f) => f.id) });

  app.get(honoPath(routes.adminPrivacySubject.path), admin, valid('query', routes.adminPrivacySubject.query), async (c) => {
    const p = await person(c.req.valid('query').contact);
    await audit(db, staff(c), 'privacy-find', auditSubject(p.key), ids(p));
    c.header('Cache-Control', 'no-store');
    return c.json(heldView(p));
  });

  app.get(honoPath(routes.adminPrivacyExport.path), admin, valid('query', routes.adminPrivacyExport.query), async (c) => {
    const p = await person(c.req.valid('query').contact);
    const now = new Date();
    const body = JSON.stringify(await personExport(db, p, now), null, 2);
    await audit(db, staff(c), 'privacy-export', auditSubject(p.key), ids(p));
    return c.body(body, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="du-lieu-ca-nhan-${now.toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.post(honoPath(routes.adminPrivacyWithdraw.path), admin, jsonBody(), valid('json', routes.adminPrivacyWithdraw.body), async (c) => {
    const { contact, purpose, subject } = c.req.valid('json');
    const p = await person(contact);
    const { consents } = chosen(p, subject);
    const now = new Date().toISOString();
    const effects = await db.transaction().execute(async (trx) => {
      const done = await withdrawPurpose(trx, purpose, consents, staff(c).name, now);
      if (done.consents === 0) throw new ProblemError(404, `no submission of this person holds consent to "${purpose}" in force`);
      await audit(trx, staff(c), 'privacy-withdraw', auditSubject(p.key), { purpose, subject: subject ?? 'all', effects: done });
      return done;
    });
    if (effects.unpublished) suggestions.invalidate();
    c.header('Cache-Control', 'no-store');
    return c.json({ purpose, effects, held: heldView(await person(contact)) });
  });

  app.post(honoPath(routes.adminPrivacyErase.path), admin, jsonBody(), valid('json', routes.adminPrivacyErase.body), async (c) => {
    const { contact, subject } = c.req.valid('json');
    const p = await person(contact);
    const { questions, feedback, consents } = chosen(p, subject);
    if (!questions.length && !feedback.length) throw new ProblemError(404, 'nothing is held about this contact');
    const now = new Date().toISOString();
    // One transaction: the identity goes from every record, or from none.
    const erased = await db.transaction().execute(async (trx): Promise<ErasureCounts> => {
      const q = await eraseQuestions(
        trx,
        questions.map((r) => r.id),
        now,
      );
      const f = await eraseFeedback(
        trx,
        feedback.map((r) => r.id),
        now,
      );
      const counts = {
        questions: q.questions,
        feedback: f,
        mailCancelled: q.mailCancelled,
        consentsKept: consents.length,
        stillPublished: questions.filter((r) => Number(r.published) === 1).length,
      };
      await audit(trx, staff(c), 'privacy-erase', auditSubject(p.key), {
        subject: subject ?? 'all',
        questions: questions.map((r) => r.id),
        feedback: feedback.map((r) => r.id),
        counts,
      });
      return counts;
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ erased, held: heldView(await person(contact)) });
  });

  app.get(honoPath(routes.adminPurgeRuns.path), admin, valid('query', routes.adminPurgeRuns.query), async (c) => {
    const q = c.req.valid('query');
    const skip = q.cursor ? decodeOffsetCursor(q.cursor) : 0;
    if (skip === null) throw new InputError([{ path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed' }]);
    const [rows, total] = await Promise.all([
      db
        .selectFrom('privacy_purge_runs')
        .selectAll()
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .offset(skip)
        .execute(),
      db
        .selectFrom('privacy_purge_runs')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return c.json({
      items: rows.slice(0, q.limit).map(toPurgeRun),
      total: Number(total.n),
      nextCursor: rows.length > q.limit ? encodeOffsetCursor(skip + q.limit) : null,
      retention: purge.retention,
    });
  });

  app.post(honoPath(routes.adminRunPurge.path), admin, async (c) => c.json(await purge.runNow(staff(c)), 201));

  return app;
}
