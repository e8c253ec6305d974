import type { Kysely, Selectable } from 'kysely';
import type { AdminFeedback, ConsentPurpose } from '@pbgdpl/contract';
import type { FeedbackTable, Tables } from '../db/schema.js';

/** Feedback rows as staff see them, each with the consent it was sent under. */
export async function feedbackView(db: Kysely<Tables>, rows: Selectable<FeedbackTable>[]): Promise<AdminFeedback[]> {
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
}
