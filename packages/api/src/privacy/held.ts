import type { ConsentPurpose, HeldConsent, PrivacyRecordType, PrivacySubject } from '@pbgdpl/contract';
import type { ConsentTable, ConsentWithdrawalTable } from '../db/schema.js';
import type { PersonRecords } from './contact-index.js';

export const purposesOf = (c: Pick<ConsentTable, 'purposes'>) => JSON.parse(c.purposes) as ConsentPurpose[];

export function heldConsent(c: ConsentTable, withdrawals: ConsentWithdrawalTable[]): HeldConsent {
  return {
    id: c.id,
    subject: { type: c.subject_type as PrivacyRecordType, id: c.subject_id },
    purposes: purposesOf(c),
    withdrawn: withdrawals.filter((w) => w.consent_id === c.id).map((w) => ({ purpose: w.purpose as ConsentPurpose, at: w.withdrawn_at, by: w.withdrawn_by })),
    noticeVersion: c.notice_version,
    givenAt: c.given_at,
    withdrawnAt: c.withdrawn_at,
  };
}

/** What staff see of a person's records: each submission with its personal fields, consents, mails (without the address). */
export function heldView(p: PersonRecords): PrivacySubject {
  return {
    questions: p.questions.map((q) => ({
      id: q.id,
      trackingCode: q.tracking_code,
      site: q.site_key,
      field: q.field_code,
      title: q.title,
      status: q.status,
      createdAt: q.created_at,
      answeredAt: q.answered_at,
      published: Number(q.published) === 1,
      name: q.asker_name,
      email: q.asker_email,
      phone: q.asker_phone,
      pageUrl: q.page_url,
      erasedAt: q.erased_at,
    })),
    feedback: p.feedback.map((f) => ({
      id: f.id,
      site: f.site_key,
      kind: f.kind,
      rating: Number(f.rating),
      message: f.message,
      contact: f.contact,
      pageUrl: f.page_url,
      status: f.status,
      createdAt: f.created_at,
      erasedAt: f.erased_at,
    })),
    consents: p.consents.map((c) => heldConsent(c, p.withdrawals)),
    mail: p.mail.map((m) => ({
      id: m.id,
      kind: m.kind,
      subjectId: m.subject_id,
      state: m.state,
      holdsAddress: m.recipient !== null,
      createdAt: m.created_at,
      sentAt: m.sent_at,
    })),
  };
}
