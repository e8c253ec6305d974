import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';
import { feedbackSearchText } from '../feedback/feedback.queries.js';

type Db = Kysely<Tables>;

/**
 * The page a submission was sent from, without what may point at a person: the query and the
 * fragment (form prefills, tracking ids, session tokens) go; the site's own address and path stay.
 */
export function anonymousPageUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return null;
  }
}

/** Cancels the mails still waiting to go to the askers of these questions; one being handed to the relay right now is past stopping. */
export async function cancelPendingMail(trx: Db, questionIds: string[], why: string): Promise<number> {
  if (!questionIds.length) return 0;
  const res = await trx
    .updateTable('mail_outbox')
    .set({ state: 'cancelled', recipient: null, locked_until: null, last_error: why })
    .where('kind', '=', 'answer')
    .where('subject_id', 'in', questionIds)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Removes the askers' identity from these questions: name, e-mail, phone, their keys, and what the
 * page address may say of them. Title, question, answer and publication stay: a published answer
 * stays published, with nobody's name on it. Their pending answer mails are cancelled.
 */
export async function eraseQuestions(trx: Db, ids: string[], now: string): Promise<{ questions: number; mailCancelled: number }> {
  let questions = 0;
  for (const id of ids) {
    const row = await trx.selectFrom('questions').select('page_url').where('id', '=', id).executeTakeFirst();
    if (!row) continue;
    const res = await trx
      .updateTable('questions')
      .set({
        asker_name: null,
        asker_email: null,
        asker_phone: null,
        email_key: null,
        phone_key: null,
        page_url: anonymousPageUrl(row.page_url),
        erased_at: now,
      })
      .where('id', '=', id)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    questions += Number(res.numUpdatedRows);
  }
  const mailCancelled = await cancelPendingMail(trx, ids, 'cancelled: the asker’s personal data was erased');
  return { questions, mailCancelled };
}

/** Removes the contact (and its key, and what the page address may say) from these feedback rows; the message and rating stay. */
export async function eraseFeedback(trx: Db, ids: string[], now: string, alsoMessage = false): Promise<number> {
  let erased = 0;
  for (const id of ids) {
    const row = await trx.selectFrom('feedback').select(['message', 'reply', 'page_url']).where('id', '=', id).executeTakeFirst();
    if (!row) continue;
    const message = alsoMessage ? '' : row.message;
    let update = trx
      .updateTable('feedback')
      .set({
        contact: null,
        contact_key: null,
        page_url: anonymousPageUrl(row.page_url),
        message,
        // The search text held the contact: it is made again without it.
        search_text: feedbackSearchText({ message, contact: null, reply: row.reply }),
        erased_at: now,
      })
      .where('id', '=', id);
    // Erased once already, the contact is gone; removing the message too is still to do.
    if (!alsoMessage) update = update.where('erased_at', 'is', null);
    erased += Number((await update.executeTakeFirst()).numUpdatedRows);
  }
  return erased;
}
