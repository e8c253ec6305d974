import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ConsentPurpose, PrivacyRecordRef, WithdrawalEffects } from '@pbgdpl/contract';
import type { ConsentTable, Tables } from '../db/schema.js';
import { cancelPendingMail, eraseFeedback } from './erase.js';
import { purposesOf } from './held.js';

type Db = Kysely<Tables>;

/**
 * The reason a question closed by a withdrawal shows, to staff in the queue and to the citizen on
 * the tracking page. The contract has no "withdrawn" status yet, so such a question is closed as
 * rejected with this reason: out of the queue, never overdue, and plainly not refused by staff.
 */
export const WITHDRAWN_REASON = 'Người hỏi đã rút lại sự đồng ý cho xử lý câu hỏi (rút đồng ý).';

const OPEN = ['new', 'classified', 'in-progress'];

export const noEffects = (): WithdrawalEffects => ({ consents: 0, unpublished: 0, mailCancelled: 0, closed: 0, contactsRemoved: 0, feedbackErased: 0 });

/**
 * What stops when a purpose is withdrawn (NOTICES in contract/constants.ts says which form asks for which):
 * - cong-khai-hoi-dap (publish the question and answer): a published answer is unpublished; it cannot be published again.
 * - nhan-tra-loi-qua-email (the answer by e-mail): a pending answer mail is cancelled; none is queued later.
 * - xu-ly-cau-hoi (handle the question): an open question leaves the queue (closed with WITHDRAWN_REASON) and
 *   its pending mail is cancelled; an answered one keeps its answer, and its publication follows its own purpose.
 * - lien-he-phan-hoi (be contacted about feedback): the contact, its only use, is removed.
 * - xu-ly-gop-y (handle the feedback): the message and the contact are removed; the anonymous rating stays in the figures.
 * Withdrawal does not undo what was done lawfully before it; it is recorded per purpose, when and by whom.
 */
export async function withdrawPurpose(trx: Db, purpose: ConsentPurpose, consents: ConsentTable[], by: string, now: string): Promise<WithdrawalEffects> {
  const effects = noEffects();
  const affected: PrivacyRecordRef[] = [];
  for (const c of consents) {
    const purposes = purposesOf(c);
    if (c.withdrawn_at || !purposes.includes(purpose)) continue;
    const left = purposes.filter((p) => p !== purpose);
    await trx
      .updateTable('consents')
      .set({ purposes: JSON.stringify(left), withdrawn_at: left.length ? null : now })
      .where('id', '=', c.id)
      .execute();
    await trx.insertInto('consent_withdrawals').values({ id: randomUUID(), consent_id: c.id, purpose, withdrawn_at: now, withdrawn_by: by }).execute();
    effects.consents++;
    affected.push({ type: c.subject_type as PrivacyRecordRef['type'], id: c.subject_id });
  }
  const questions = affected.filter((r) => r.type === 'question').map((r) => r.id);
  const feedback = affected.filter((r) => r.type === 'feedback').map((r) => r.id);

  if (purpose === 'cong-khai-hoi-dap' && questions.length) {
    const res = await trx
      .updateTable('questions')
      .set({ published: 0, published_at: null })
      .where('id', 'in', questions)
      .where('published', '=', 1)
      .executeTakeFirst();
    effects.unpublished = Number(res.numUpdatedRows);
  }
  if (purpose === 'nhan-tra-loi-qua-email')
    effects.mailCancelled = await cancelPendingMail(trx, questions, 'cancelled: the asker withdrew consent to the answer by e-mail');
  if (purpose === 'xu-ly-cau-hoi' && questions.length) {
    effects.mailCancelled = await cancelPendingMail(trx, questions, 'cancelled: the asker withdrew consent to handling the question');
    const res = await trx
      .updateTable('questions')
      .set({ status: 'rejected', rejected_reason: WITHDRAWN_REASON })
      .where('id', 'in', questions)
      .where('status', 'in', OPEN)
      .executeTakeFirst();
    effects.closed = Number(res.numUpdatedRows);
  }
  if (purpose === 'lien-he-phan-hoi' && feedback.length) {
    for (const id of feedback) {
      const row = await trx.selectFrom('feedback').select(['contact']).where('id', '=', id).executeTakeFirst();
      if (row?.contact) effects.contactsRemoved += await eraseFeedback(trx, [id], now);
    }
  }
  if (purpose === 'xu-ly-gop-y' && feedback.length) effects.feedbackErased = await eraseFeedback(trx, feedback, now, true);
  return effects;
}
