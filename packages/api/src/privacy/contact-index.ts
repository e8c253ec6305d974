import type { Kysely, Selectable } from 'kysely';
import type { ConsentTable, ConsentWithdrawalTable, FeedbackTable, MailOutboxTable, QuestionTable, Tables } from '../db/schema.js';
import { contactKey } from '../security/contact-key.js';

/** Rows of everything held about one person, as stored. */
export interface PersonRecords {
  /** contactKey() of the contact the person gave: how the rows were found. */
  key: string;
  questions: QuestionTable[];
  feedback: Selectable<FeedbackTable>[];
  consents: ConsentTable[];
  withdrawals: ConsentWithdrawalTable[];
  mail: MailOutboxTable[];
}

/** The pseudonymous name an audit line gives the person: a prefix of the HMAC, never the contact. */
export const auditSubject = (key: string) => `person:${key.slice(0, 16)}`;

/**
 * Everything held about the person whose contact is `contact`, found through the HMAC index
 * (questions.email_key / phone_key, feedback.contact_key): the contact is never compared in clear,
 * so "An.Nguyen@Example.com " and "+84 912 345 678" find what "an.nguyen@example.com" and
 * "0912345678" left. Consents and mails hang off the submissions found.
 */
export async function findPerson(db: Kysely<Tables>, secret: string, contact: string): Promise<PersonRecords> {
  const key = contactKey(secret, contact);
  const [questions, feedback] = await Promise.all([
    db
      .selectFrom('questions')
      .selectAll()
      .where((eb) => eb.or([eb('email_key', '=', key), eb('phone_key', '=', key)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('feedback').selectAll().where('contact_key', '=', key).orderBy('created_at').orderBy('id').execute(),
  ]);
  const questionIds = questions.map((q) => q.id);
  const feedbackIds = feedback.map((f) => f.id);
  const consents =
    questionIds.length || feedbackIds.length
      ? await db
          .selectFrom('consents')
          .selectAll()
          .where((eb) =>
            eb.or([
              ...(questionIds.length ? [eb.and([eb('subject_type', '=', 'question'), eb('subject_id', 'in', questionIds)])] : []),
              ...(feedbackIds.length ? [eb.and([eb('subject_type', '=', 'feedback'), eb('subject_id', 'in', feedbackIds)])] : []),
            ]),
          )
          .orderBy('given_at')
          .orderBy('id')
          .execute()
      : [];
  const consentIds = consents.map((c) => c.id);
  const [withdrawals, mail] = await Promise.all([
    consentIds.length
      ? db.selectFrom('consent_withdrawals').selectAll().where('consent_id', 'in', consentIds).orderBy('withdrawn_at').orderBy('id').execute()
      : [],
    questionIds.length
      ? db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'answer').where('subject_id', 'in', questionIds).orderBy('created_at').execute()
      : [],
  ]);
  return { key, questions, feedback, consents, withdrawals, mail };
}

const BATCH = 500;

/**
 * Gives rows stored before the contact index existed (migration 0010) their keys. This runs in the
 * server, not in the migration: the HMAC key is derived from PBGDPL_SECRET when the operator sets
 * one, and a migration sees only the database. New rows get their keys when they are stored, and an
 * erased row has no contact left, so after the first start this finds nothing to do.
 */
export async function backfillContactKeys(db: Kysely<Tables>, secret: string): Promise<number> {
  const key = (contact: string | null) => (contact ? contactKey(secret, contact) : null);
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom('questions')
      .select(['id', 'asker_email', 'asker_phone'])
      .where((eb) =>
        eb.or([
          eb.and([eb('asker_email', 'is not', null), eb('asker_email', '<>', ''), eb('email_key', 'is', null)]),
          eb.and([eb('asker_phone', 'is not', null), eb('asker_phone', '<>', ''), eb('phone_key', 'is', null)]),
        ]),
      )
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      await db
        .updateTable('questions')
        .set({ email_key: key(r.asker_email), phone_key: key(r.asker_phone) })
        .where('id', '=', r.id)
        .execute();
    }
    done += rows.length;
    if (rows.length < BATCH) break;
  }
  for (;;) {
    const rows = await db
      .selectFrom('feedback')
      .select(['id', 'contact'])
      .where('contact', 'is not', null)
      .where('contact', '<>', '')
      .where('contact_key', 'is', null)
      .limit(BATCH)
      .execute();
    for (const r of rows)
      await db
        .updateTable('feedback')
        .set({ contact_key: key(r.contact) })
        .where('id', '=', r.id)
        .execute();
    done += rows.length;
    if (rows.length < BATCH) break;
  }
  return done;
}
