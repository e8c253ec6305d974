import * as z from 'zod/mini';
import { AdminQuestion, AnswerInput } from './admin.js';
import { Code, IsoDate } from './common.js';
import { ANSWER_DAYS } from './constants.js';
import { fromNotAfterTo, QUERY_MAX } from './laws.query.js';
import { Citation, QUESTION_STATUSES, QuestionStatus } from './submissions.js';

/** `due`: the queue, the earliest due date first; `newest`: the latest received first. */
export const QUEUE_SORTS = ['due', 'newest'] as const;
export const QueueSort = z.enum(QUEUE_SORTS);
export type QueueSort = z.infer<typeof QueueSort>;

const AnswerDays = z
  .number()
  .check(
    z.int('answerDays must be a whole number of working days'),
    z.minimum(ANSWER_DAYS.min, `answerDays must be between ${ANSWER_DAYS.min} and ${ANSWER_DAYS.max}`),
    z.maximum(ANSWER_DAYS.max, `answerDays must be between ${ANSWER_DAYS.min} and ${ANSWER_DAYS.max}`),
  );

/** Query of GET /api/v1/admin/questions: the moderation queue. Every value arrives as a string. */
export const QuestionQueueQuery = z
  .strictObject({
    /** Words of the title, the question or the answer; diacritics optional. */
    q: z.optional(z.string().check(z.maxLength(QUERY_MAX, `q must be at most ${QUERY_MAX} characters`))),
    status: z.optional(QuestionStatus),
    site: z.optional(Code),
    field: z.optional(Code),
    /** The handling unit, exactly as staff wrote it when classifying. */
    unit: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    /** true: only questions past their due date and not yet answered or rejected. */
    overdue: z.optional(z.stringbool()),
    /** Received on or after this day (Vietnam time). */
    from: z.optional(IsoDate),
    /** Received on or before this day (Vietnam time). */
    to: z.optional(IsoDate),
    sort: z._default(QueueSort, 'due'),
    limit: z._default(
      z.coerce
        .number()
        .check(z.int('limit must be a whole number'), z.minimum(1, 'limit must be between 1 and 100'), z.maximum(100, 'limit must be between 1 and 100')),
      20,
    ),
    cursor: z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/, 'cursor is malformed'))),
  })
  .check(fromNotAfterTo);
export type QuestionQueueQuery = z.input<typeof QuestionQueueQuery>;

/** How many questions each tab holds under the same search and filters (the status filter aside). */
export const QueueCounts = z.object({
  ...(Object.fromEntries(QUESTION_STATUSES.map((s) => [s, z.number()])) as Record<(typeof QUESTION_STATUSES)[number], z.ZodMiniNumber>),
  /** Of those, past their due date and neither answered nor rejected. */
  overdue: z.number(),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

export const QuestionQueuePage = z.object({
  items: z.array(AdminQuestion),
  /** How many questions match, all pages together. */
  total: z.number(),
  nextCursor: z.nullable(z.string()),
  counts: QueueCounts,
  /** Every handling unit staff have named, for the filter. */
  handlingUnits: z.array(z.string()),
});
export type QuestionQueuePage = z.infer<typeof QuestionQueuePage>;

/** The province's moderation rules. */
export const ModerationSettings = z.object({
  /** Working days for an answer; a site may promise fewer (its own answerDays), never more. */
  answerDays: z.number(),
  updatedAt: z.nullable(z.string()),
  updatedBy: z.nullable(z.string()),
});
export type ModerationSettings = z.infer<typeof ModerationSettings>;

export const ModerationSettingsInput = z.strictObject({ answerDays: AnswerDays });

/** POST /api/v1/admin/questions/preview: an answer as it would be stored, before it is. */
export const AnswerPreviewInput = z.strictObject({ html: AnswerInput.shape.html, citations: AnswerInput.shape.citations });

/** The answer after the server's sanitiser, and its citations linked as the citizen will see them. */
export const AnswerPreview = z.object({ html: z.string(), citations: z.array(Citation) });
export type AnswerPreview = z.infer<typeof AnswerPreview>;
