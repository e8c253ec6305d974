import * as z from 'zod/mini';
import { Code } from './common.js';
import { ConsentPurpose } from './consent.js';
import { Citation, FeedbackKind, QuestionStatus } from './submissions.js';

export const ROLES = ['editor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

const Cursor = z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/, 'cursor is malformed')));
const Limit = z._default(
  z.coerce
    .number()
    .check(z.int('limit must be a whole number'), z.minimum(1, 'limit must be between 1 and 100'), z.maximum(100, 'limit must be between 1 and 100')),
  20,
);

export const ConsentRecord = z.object({ purposes: z.array(ConsentPurpose), noticeVersion: z.string(), givenAt: z.string() });

/** A question as staff see it: personal data included, so every read is written to the audit log. */
export const AdminQuestion = z.object({
  id: z.string(),
  trackingCode: z.string(),
  site: Code,
  field: Code,
  title: z.string(),
  content: z.string(),
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  status: QuestionStatus,
  handlingUnit: z.nullable(z.string()),
  createdAt: z.string(),
  dueOn: z.string(),
  /** Past its due date (Vietnam time) and neither answered nor rejected. */
  overdue: z.boolean(),
  answerHtml: z.nullable(z.string()),
  citations: z.array(Citation),
  answeredBy: z.nullable(z.string()),
  answeredAt: z.nullable(z.string()),
  published: z.boolean(),
  rejectedReason: z.nullable(z.string()),
  pageUrl: z.nullable(z.string()),
  /** Its e-mail or phone was given more often than the per-contact limit allows: check before writing to it. */
  contactOverLimit: z.boolean(),
  consent: ConsentRecord,
});
export type AdminQuestion = z.infer<typeof AdminQuestion>;

/** The staff list of questions, its query and its page: moderation.ts (QuestionQueueQuery, QuestionQueuePage). */

export const ClassifyInput = z.strictObject({
  field: z.optional(Code),
  status: z.optional(z.enum(['classified', 'in-progress'])),
  handlingUnit: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(200)))),
});

export const CitationInput = z.strictObject({
  number: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  article: z._default(z.nullable(z.string().check(z.trim(), z.maxLength(120))), null),
});

export const AnswerInput = z.strictObject({
  html: z.string().check(z.trim(), z.minLength(1, 'the answer is empty'), z.maxLength(50_000)),
  citations: z._default(z.array(CitationInput).check(z.maxLength(20)), []),
  /** Publish with the answer; allowed only when the citizen consented to publication. */
  publish: z._default(z.boolean(), false),
});

export const PublishInput = z.strictObject({ published: z.boolean() });
export const RejectInput = z.strictObject({ reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(1000)) });

export const AdminFeedback = z.object({
  id: z.string(),
  site: Code,
  kind: FeedbackKind,
  document: z.nullable(z.string()),
  rating: z.number(),
  message: z.string(),
  contact: z.nullable(z.string()),
  pageUrl: z.nullable(z.string()),
  status: z.enum(['new', 'replied']),
  reply: z.nullable(z.string()),
  repliedBy: z.nullable(z.string()),
  repliedAt: z.nullable(z.string()),
  createdAt: z.string(),
  /** Its contact was given more often than the per-contact limit allows: check before writing to it. */
  contactOverLimit: z.boolean(),
  consent: ConsentRecord,
});
export type AdminFeedback = z.infer<typeof AdminFeedback>;

export const ReplyInput = z.strictObject({ reply: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) });

export const ExportQuery = z.strictObject({
  site: z.optional(Code),
  from: z.optional(z.iso.date()),
  to: z.optional(z.iso.date()),
});

export const TokenInput = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)),
  role: Role,
});
export const StaffToken = z.object({ id: z.string(), name: z.string(), role: Role, createdAt: z.string(), revokedAt: z.nullable(z.string()) });
export const NewStaffToken = z.extend(StaffToken, { token: z.string() });

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  detail: z.nullable(z.string()),
});
export const AuditQuery = z.strictObject({ limit: Limit, cursor: Cursor });
export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.nullable(z.string()) });

export const SiteReport = z.object({
  key: Code,
  name: z.string(),
  kind: z.string(),
  /** tinh or xa. */
  level: z.string(),
  /** Last day the loader reported a page view, with a valid page token, from one of the site's origins. */
  lastSeen: z.nullable(z.string()),
  /** Such page views in the last 30 days. */
  views30d: z.number(),
  /** Page views reported in 30 days from origins the site did not register: kept apart, not counted above. */
  viewsOtherOrigins30d: z.number(),
  /** Last day an API read named the site with `?site=` (unverified: anyone can send one). */
  lastRequested: z.nullable(z.string()),
  /** Such reads in the last 30 days (unverified). */
  requests30d: z.number(),
  questions: z.number(),
  feedback: z.number(),
  ratings: z.number(),
  /** Share of ratings of 4 or 5 (of 5), as a percentage; null without ratings. The provinces aim at 90. */
  satisfaction: z.nullable(z.number()),
});
export type SiteReport = z.infer<typeof SiteReport>;
export const SiteReports = z.object({
  items: z.array(SiteReport),
  /** How many sites match, all pages together. */
  total: z.number(),
  nextCursor: z.nullable(z.string()),
});
