import type { ConsentPurposeCode, FeedbackKindCode } from './constants.js';

/**
 * Words for the kit's fixed codes, as staff and citizens read them: the console shows these, and
 * the API writes them into exports (CSV for staff, a person's own data). The province's own lists
 * (fields, types, issuers) carry their labels in the database instead.
 */
export interface Words {
  vi: string;
  en: string;
}

export const QUESTION_STATUS_WORDS: Record<'new' | 'classified' | 'in-progress' | 'answered' | 'rejected', Words> = {
  new: { vi: 'Mới nhận', en: 'New' },
  classified: { vi: 'Đã phân loại', en: 'Classified' },
  'in-progress': { vi: 'Đang xử lý', en: 'In progress' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
};

export const FEEDBACK_KIND_WORDS: Record<FeedbackKindCode, Words> = {
  page: { vi: 'Góp ý về trang', en: 'Page feedback' },
  document: { vi: 'Góp ý về văn bản', en: 'About a document' },
  draft: { vi: 'Góp ý dự thảo', en: 'Comment on a draft' },
};

export const FEEDBACK_STATUS_WORDS: Record<'new' | 'replied', Words> = {
  new: { vi: 'Mới nhận', en: 'New' },
  replied: { vi: 'Đã phản hồi', en: 'Replied' },
};

export const CONSENT_PURPOSE_WORDS: Record<ConsentPurposeCode, Words> = {
  'xu-ly-cau-hoi': { vi: 'Xử lý câu hỏi', en: 'Handling the question' },
  'cong-khai-hoi-dap': { vi: 'Công khai câu hỏi và trả lời', en: 'Publishing the question and answer' },
  'nhan-tra-loi-qua-email': { vi: 'Nhận trả lời qua thư điện tử', en: 'Answer by e-mail' },
  'xu-ly-gop-y': { vi: 'Xử lý góp ý', en: 'Handling the feedback' },
  'lien-he-phan-hoi': { vi: 'Liên hệ để phản hồi', en: 'Contact for a reply' },
};

export const SITE_KIND_WORDS: Record<'so-ban-nganh' | 'ubnd-xa' | 'mttq' | 'doan-the', Words> = {
  'so-ban-nganh': { vi: 'Sở, ban, ngành', en: 'Provincial department' },
  'ubnd-xa': { vi: 'UBND cấp xã', en: "Commune people's committee" },
  mttq: { vi: 'Mặt trận Tổ quốc (MTTQ)', en: 'Fatherland Front (MTTQ)' },
  'doan-the': { vi: 'Đoàn thể', en: 'Mass organisation' },
};

export const ROLE_WORDS: Record<'editor' | 'admin', Words> = {
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  admin: { vi: 'Quản trị viên', en: 'Administrator' },
};

export const MAIL_STATE_WORDS: Record<'pending' | 'sending' | 'sent' | 'failed' | 'cancelled', Words> = {
  pending: { vi: 'Chờ gửi', en: 'Waiting' },
  sending: { vi: 'Đang gửi', en: 'Sending' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  failed: { vi: 'Không gửi được', en: 'Failed' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
};

/** The word for a code in a language; the code itself when the table does not know it. */
export const wordFor = (table: Record<string, Words>, code: string | null | undefined, lang: 'vi' | 'en' = 'vi') => (code ? (table[code]?.[lang] ?? code) : '');
