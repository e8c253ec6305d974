/**
 * Plain values both sides need, without zod: the widgets import these at no cost in bytes.
 */

/**
 * Purposes a citizen consents to, one box each (Law 91/2025/QH15 and Decree 356/2025/NĐ-CP:
 * consent is a clear act, per purpose, informed, and provable). The notice version says which
 * text the citizen saw; the server keeps purposes, version and time with the submission.
 */
export const CONSENT_PURPOSES = ['xu-ly-cau-hoi', 'cong-khai-hoi-dap', 'nhan-tra-loi-qua-email', 'xu-ly-gop-y', 'lien-he-phan-hoi'] as const;
export type ConsentPurposeCode = (typeof CONSENT_PURPOSES)[number];

export interface Notice {
  version: string;
  /** Purposes a submission must include. */
  required: readonly ConsentPurposeCode[];
  /** Purposes the citizen may add. */
  optional: readonly ConsentPurposeCode[];
}

/** The notices in force; a submission naming another version is refused. */
export const NOTICES = {
  // 2026-12: the answer can be sent to the citizen's e-mail, with a box of its own (nhan-tra-loi-qua-email).
  question: { version: 'hoi-dap-2026-12', required: ['xu-ly-cau-hoi'], optional: ['cong-khai-hoi-dap', 'nhan-tra-loi-qua-email'] },
  feedback: { version: 'gop-y-2026-01', required: ['xu-ly-gop-y'], optional: ['lien-he-phan-hoi'] },
} as const satisfies Record<string, Notice>;

/** Limits a form shows and the server enforces. */
export const LIMITS = {
  name: { min: 2, max: 100 },
  title: { min: 10, max: 200 },
  content: { min: 20, max: 5000 },
  message: { min: 0, max: 3000 },
  contact: { max: 254 },
  /** Bytes of a request body; more is a 413. */
  body: 16 * 1024,
} as const;

export const FEEDBACK_KINDS = ['page', 'document', 'draft'] as const;
export type FeedbackKindCode = (typeof FEEDBACK_KINDS)[number];

/** Which contact a citizen must leave with a question; a setting of each site. */
export const CONTACT_RULES = ['none', 'email', 'phone', 'email-or-phone', 'email-and-phone'] as const;
export type ContactRuleCode = (typeof CONTACT_RULES)[number];

/** Problem `type`s a client tells apart (the console words each in its own language). */
export const STAFF_PROBLEMS = {
  badCredentials: '/problems/bad-credentials',
  totpRequired: '/problems/totp-required',
  totpInvalid: '/problems/totp-invalid',
  locked: '/problems/sign-in-locked',
  sessionExpired: '/problems/session-expired',
  csrf: '/problems/csrf',
  inviteExpired: '/problems/invite-expired',
} as const;

export const PASSWORD_MIN = 10;
/** scrypt reads the whole password: a cap keeps a huge one from costing the server. */
export const PASSWORD_MAX = 200;

/** Working days a question may wait for its answer: what the province allows. */
export const ANSWER_DAYS = { min: 1, max: 60, default: 10 } as const;

/** The share of satisfied citizens (%) the province aims at; Decision 766/QĐ-TTg sets 90. */
export const SATISFACTION_TARGET = { min: 1, max: 100, default: 90 } as const;
