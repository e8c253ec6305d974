import * as z from 'zod/mini';
import { AdminFeedback } from './admin.js';
import { Code, IsoDate } from './common.js';
import { fromNotAfterTo, QUERY_MAX } from './laws.query.js';
import { FeedbackKind } from './submissions.js';
import { SATISFACTION_TARGET } from './constants.js';

export const FEEDBACK_STATUSES = ['new', 'replied'] as const;
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

const Cursor = z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/, 'cursor is malformed')));
const Limit = z._default(
  z.coerce
    .number()
    .check(z.int('limit must be a whole number'), z.minimum(1, 'limit must be between 1 and 100'), z.maximum(100, 'limit must be between 1 and 100')),
  20,
);

/** Query of GET /api/v1/admin/feedback; every value arrives as a string. Days are the province's (Asia/Ho_Chi_Minh). */
export const AdminFeedbackQuery = z
  .strictObject({
    /** Words of the message, the contact or the reply; diacritics optional. */
    q: z.optional(z.string().check(z.maxLength(QUERY_MAX, `q must be at most ${QUERY_MAX} characters`))),
    status: z.optional(FeedbackStatus),
    site: z.optional(Code),
    kind: z.optional(FeedbackKind),
    rating: z.optional(z.coerce.number().check(z.int('rating must be 1 to 5'), z.minimum(1, 'rating must be 1 to 5'), z.maximum(5, 'rating must be 1 to 5'))),
    /** Received on or after this day. */
    from: z.optional(IsoDate),
    /** Received on or before this day. */
    to: z.optional(IsoDate),
    limit: Limit,
    cursor: Cursor,
  })
  .check(fromNotAfterTo);
export type AdminFeedbackQuery = z.input<typeof AdminFeedbackQuery>;

export const AdminFeedbackPage = z.object({
  items: z.array(AdminFeedback),
  /** How many match, all pages together. */
  total: z.number(),
  nextCursor: z.nullable(z.string()),
});
export type AdminFeedbackPage = z.infer<typeof AdminFeedbackPage>;

/** A calendar month, YYYY-MM. */
export const IsoMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, such as 2026-03'));

/** The most months one series covers. */
export const SATISFACTION_MAX_MONTHS = 36;

/** Query of GET /api/v1/admin/feedback/satisfaction: one site or all of them, by default the last 12 months. */
export const SatisfactionQuery = z
  .strictObject({
    site: z.optional(Code),
    from: z.optional(IsoMonth),
    to: z.optional(IsoMonth),
  })
  .check(fromNotAfterTo);
export type SatisfactionQuery = z.input<typeof SatisfactionQuery>;

/** Ratings of one month: `satisfied` are those of 4 or 5 (of 5). */
export const SatisfactionMonth = z.object({
  month: z.string(),
  ratings: z.number(),
  satisfied: z.number(),
  /** satisfied / ratings as a percentage with one decimal; null in a month without ratings. */
  percent: z.nullable(z.number()),
});
export type SatisfactionMonth = z.infer<typeof SatisfactionMonth>;

export const Satisfaction = z.object({
  /** The site, or null for every site of the province. */
  site: z.nullable(Code),
  /** The province's target, as a percentage (90 unless an administrator set another). */
  target: z.number(),
  /** Every month from `from` to `to`, months without ratings included. */
  months: z.array(SatisfactionMonth),
  /** The whole period. */
  overall: z.object({ ratings: z.number(), satisfied: z.number(), percent: z.nullable(z.number()) }),
});
export type Satisfaction = z.infer<typeof Satisfaction>;

export const SatisfactionTargetInput = z.strictObject({
  target: z
    .number()
    .check(
      z.minimum(SATISFACTION_TARGET.min, `target must be between ${SATISFACTION_TARGET.min} and ${SATISFACTION_TARGET.max}`),
      z.maximum(SATISFACTION_TARGET.max, `target must be between ${SATISFACTION_TARGET.min} and ${SATISFACTION_TARGET.max}`),
    ),
});

export const SatisfactionTarget = z.object({
  target: z.number(),
  /** When and by whom it was last set; null while it is the default. */
  updatedAt: z.nullable(z.string()),
  updatedBy: z.nullable(z.string()),
});
export type SatisfactionTarget = z.infer<typeof SatisfactionTarget>;
