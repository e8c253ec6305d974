import type { Kysely } from 'kysely';
import {
  CONSENT_PURPOSE_WORDS,
  FEEDBACK_KIND_WORDS,
  FEEDBACK_STATUS_WORDS,
  MAIL_STATE_WORDS,
  QUESTION_STATUS_WORDS,
  wordFor,
  type Words,
} from '@pbgdpl/contract';
import { formatVietnamDate, formatVietnamDateTime } from '../calendar/vietnam-time.js';
import type { Tables } from '../db/schema.js';
import { htmlToText } from '../questions/answer-text.js';
import type { PersonRecords } from './contact-index.js';
import { heldConsent } from './held.js';

export const EXPORT_FORMAT = 'pbgdpl-personal-data/1';

const coded = (code: string, words: Record<string, Words>) => ({ code, label: wordFor(words, code) });
const named = (code: string, names: Record<string, string>) => ({ code, label: names[code] ?? code });
/** An instant both ways: ISO for programs, dd/mm/yyyy hh:mm (Vietnam time) for people. */
const when = (iso: string | null) => (iso ? { iso, text: formatVietnamDateTime(iso) } : null);

/**
 * Everything held about the person, for them (Law 91/2025/QH15: the right to obtain one's data):
 * stable English keys a program can read, every code beside its Vietnamese label, every date both
 * as ISO and as dd/mm/yyyy. What the person wrote is here as they wrote it; the answer too.
 */
export async function personExport(db: Kysely<Tables>, p: PersonRecords, exportedAt: Date) {
  const siteKeys = [...new Set([...p.questions.map((q) => q.site_key), ...p.feedback.map((f) => f.site_key)])];
  const fieldCodes = [...new Set(p.questions.map((q) => q.field_code))];
  const [sites, fields] = await Promise.all([
    siteKeys.length ? db.selectFrom('sites').select(['key', 'name']).where('key', 'in', siteKeys).execute() : [],
    fieldCodes.length ? db.selectFrom('fields').select(['code', 'name_vi']).where('code', 'in', fieldCodes).execute() : [],
  ]);
  const siteName = Object.fromEntries(sites.map((s) => [s.key, s.name]));
  const fieldName = Object.fromEntries(fields.map((f) => [f.code, f.name_vi]));
  return {
    format: EXPORT_FORMAT,
    title: 'Dữ liệu cá nhân của người hỏi, người góp ý đang được lưu giữ',
    note:
      'Bản sao dữ liệu cá nhân theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP. ' +
      'Mỗi mã đi kèm nhãn tiếng Việt; mỗi thời điểm có dạng ISO (iso) và dạng ngày/tháng/năm giờ Việt Nam (text).',
    exportedAt: when(exportedAt.toISOString()),
    questions: p.questions.map((q) => ({
      id: q.id,
      trackingCode: q.tracking_code,
      site: named(q.site_key, siteName),
      field: named(q.field_code, fieldName),
      title: q.title,
      content: q.content,
      name: q.asker_name,
      email: q.asker_email,
      phone: q.asker_phone,
      pageUrl: q.page_url,
      status: coded(q.status, QUESTION_STATUS_WORDS),
      rejectedReason: q.rejected_reason,
      askedAt: when(q.created_at),
      dueOn: { day: q.due_on, text: formatVietnamDate(q.due_on) },
      answer: q.answer_html ? { text: htmlToText(q.answer_html), html: q.answer_html, answeredAt: when(q.answered_at) } : null,
      published: Number(q.published) === 1,
      publishedAt: when(q.published_at),
      erasedAt: when(q.erased_at),
    })),
    feedback: p.feedback.map((f) => ({
      id: f.id,
      site: named(f.site_key, siteName),
      kind: coded(f.kind, FEEDBACK_KIND_WORDS),
      document: f.law_id,
      rating: f.rating,
      message: f.message,
      contact: f.contact,
      pageUrl: f.page_url,
      status: coded(f.status, FEEDBACK_STATUS_WORDS),
      reply: f.reply,
      receivedAt: when(f.created_at),
      repliedAt: when(f.replied_at),
      erasedAt: when(f.erased_at),
    })),
    consents: p.consents.map((c) => {
      const h = heldConsent(c, p.withdrawals);
      return {
        id: h.id,
        subject: h.subject,
        purposesInForce: h.purposes.map((x) => coded(x, CONSENT_PURPOSE_WORDS)),
        withdrawn: h.withdrawn.map((w) => ({ purpose: coded(w.purpose, CONSENT_PURPOSE_WORDS), at: when(w.at) })),
        noticeVersion: h.noticeVersion,
        givenAt: when(h.givenAt),
      };
    }),
    mail: p.mail.map((m) => ({
      id: m.id,
      about: { type: 'question', id: m.subject_id },
      subject: m.subject,
      state: coded(m.state, MAIL_STATE_WORDS),
      queuedAt: when(m.created_at),
      sentAt: when(m.sent_at),
    })),
  };
}
