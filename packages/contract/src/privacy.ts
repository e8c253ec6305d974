import * as z from 'zod/mini';
import { Code } from './common.js';
import { ConsentPurpose } from './consent.js';
import { isContact } from './rules.js';

/**
 * Privacy requests (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): what is held about a person, found
 * by the contact they gave; an export for them; a consent withdrawn for one purpose; erasure; and
 * the retention purge.
 */

/** The e-mail address or phone number the person gave, written any way (case, spaces, +84 or 0). */
export const PrivacyContact = z
  .string()
  .check(
    z.trim(),
    z.maxLength(254, 'contact must be at most 254 characters'),
    z.refine(isContact, 'write the e-mail address or the Vietnamese phone number the person gave'),
  );

export const PrivacySubjectQuery = z.strictObject({ contact: PrivacyContact });
export type PrivacySubjectQuery = z.input<typeof PrivacySubjectQuery>;

export const PRIVACY_RECORD_TYPES = ['question', 'feedback'] as const;
export const PrivacyRecordType = z.enum(PRIVACY_RECORD_TYPES);
export type PrivacyRecordType = z.infer<typeof PrivacyRecordType>;

/** One submission of the person's: a question or a feedback, by id. */
export const PrivacyRecordRef = z.strictObject({
  type: PrivacyRecordType,
  id: z.string().check(z.maxLength(64), z.regex(/^[A-Za-z0-9-]+$/, 'not an id')),
});
export type PrivacyRecordRef = z.infer<typeof PrivacyRecordRef>;

export const HeldQuestion = z.object({
  id: z.string(),
  trackingCode: z.string(),
  site: Code,
  field: Code,
  title: z.string(),
  status: z.string(),
  createdAt: z.string(),
  answeredAt: z.nullable(z.string()),
  published: z.boolean(),
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  pageUrl: z.nullable(z.string()),
  erasedAt: z.nullable(z.string()),
});
export type HeldQuestion = z.infer<typeof HeldQuestion>;

export const HeldFeedback = z.object({
  id: z.string(),
  site: Code,
  kind: z.string(),
  rating: z.number(),
  message: z.string(),
  contact: z.nullable(z.string()),
  pageUrl: z.nullable(z.string()),
  status: z.string(),
  createdAt: z.string(),
  erasedAt: z.nullable(z.string()),
});
export type HeldFeedback = z.infer<typeof HeldFeedback>;

export const ConsentWithdrawal = z.object({ purpose: ConsentPurpose, at: z.string(), by: z.string() });
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawal>;

export const HeldConsent = z.object({
  id: z.string(),
  subject: z.object({ type: PrivacyRecordType, id: z.string() }),
  /** The purposes still in force. */
  purposes: z.array(ConsentPurpose),
  /** The purposes withdrawn, when and recorded by whom. */
  withdrawn: z.array(ConsentWithdrawal),
  noticeVersion: z.string(),
  givenAt: z.string(),
  /** Set when no purpose is left in force. */
  withdrawnAt: z.nullable(z.string()),
});
export type HeldConsent = z.infer<typeof HeldConsent>;

/** A mail of the outbox about one of the person's questions; the address itself is not shown. */
export const HeldMail = z.object({
  id: z.string(),
  kind: z.string(),
  subjectId: z.string(),
  /** pending, sending, sent, failed, cancelled. */
  state: z.string(),
  /** The outbox still holds the address (until the mail is sent, given up or cancelled). */
  holdsAddress: z.boolean(),
  createdAt: z.string(),
  sentAt: z.nullable(z.string()),
});
export type HeldMail = z.infer<typeof HeldMail>;

/** Everything held about the person whose contact was given. */
export const PrivacySubject = z.object({
  questions: z.array(HeldQuestion),
  feedback: z.array(HeldFeedback),
  consents: z.array(HeldConsent),
  mail: z.array(HeldMail),
});
export type PrivacySubject = z.infer<typeof PrivacySubject>;

export const WithdrawConsentInput = z.strictObject({
  contact: PrivacyContact,
  purpose: ConsentPurpose,
  /** One submission; without it, every submission of the person's that has the purpose in force. */
  subject: z.optional(PrivacyRecordRef),
});
export type WithdrawConsentInput = z.input<typeof WithdrawConsentInput>;

/** What withdrawing changed. */
export const WithdrawalEffects = z.object({
  /** Consents the purpose was withdrawn from. */
  consents: z.number(),
  /** Published questions and answers taken off the sites. */
  unpublished: z.number(),
  /** Pending mails cancelled. */
  mailCancelled: z.number(),
  /** Questions taken out of the queue (closed as withdrawn). */
  closed: z.number(),
  /** Contacts removed from feedback (the person no longer wants a reply). */
  contactsRemoved: z.number(),
  /** Feedback whose message and contact were removed (the person withdrew consent to handling it). */
  feedbackErased: z.number(),
});
export type WithdrawalEffects = z.infer<typeof WithdrawalEffects>;

export const WithdrawalResult = z.object({ purpose: ConsentPurpose, effects: WithdrawalEffects, held: PrivacySubject });
export type WithdrawalResult = z.infer<typeof WithdrawalResult>;

export const EraseInput = z.strictObject({
  contact: PrivacyContact,
  /** One submission; without it, everything held about the person. */
  subject: z.optional(PrivacyRecordRef),
});
export type EraseInput = z.input<typeof EraseInput>;

export const ErasureCounts = z.object({
  questions: z.number(),
  feedback: z.number(),
  mailCancelled: z.number(),
  /** Consents kept as proof, now pointing at submissions without identity. */
  consentsKept: z.number(),
  /** Of the questions, those whose answer stays published (without the asker's identity). */
  stillPublished: z.number(),
});
export type ErasureCounts = z.infer<typeof ErasureCounts>;

export const ErasureResult = z.object({ erased: ErasureCounts, held: PrivacySubject });
export type ErasureResult = z.infer<typeof ErasureResult>;

/** How long personal data is kept for each purpose, in days (set by the operator: docs/privacy.md). */
export const Retention = z.object({
  /** After a question is answered or rejected: then the asker's name and contacts are erased. */
  questionDays: z.number(),
  /** After feedback arrived: then its contact is erased. */
  feedbackDays: z.number(),
  /** After a mail was sent, given up or cancelled: then the outbox row is deleted. */
  mailDays: z.number(),
});
export type Retention = z.infer<typeof Retention>;

export const PurgeCounts = z.object({ questions: z.number(), feedback: z.number(), mail: z.number() });
export type PurgeCounts = z.infer<typeof PurgeCounts>;

export const PURGE_TRIGGERS = ['daily', 'manual'] as const;
export const PURGE_STATES = ['running', 'done', 'failed', 'interrupted'] as const;

export const PurgeRun = z.object({
  id: z.string(),
  trigger: z.enum(PURGE_TRIGGERS),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
  state: z.enum(PURGE_STATES),
  counts: z.nullable(PurgeCounts),
  error: z.nullable(z.string()),
});
export type PurgeRun = z.infer<typeof PurgeRun>;

export const PurgeRunQuery = z.strictObject({
  limit: z._default(
    z.coerce
      .number()
      .check(z.int('limit must be a whole number'), z.minimum(1, 'limit must be between 1 and 100'), z.maximum(100, 'limit must be between 1 and 100')),
    20,
  ),
  cursor: z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/, 'cursor is malformed'))),
});
export type PurgeRunQuery = z.input<typeof PurgeRunQuery>;

export const PurgeRunPage = z.object({
  items: z.array(PurgeRun),
  total: z.number(),
  nextCursor: z.nullable(z.string()),
  retention: Retention,
});
export type PurgeRunPage = z.infer<typeof PurgeRunPage>;
