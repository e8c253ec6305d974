import * as z from 'zod/mini';
import { Code } from './common.js';
import { ConsentPurpose } from './consent.js';
import { FEEDBACK_KINDS, LIMITS } from './constants.js';
import { EMAIL_PATTERN, PHONE_MAX, PHONE_PATTERN, isEmail, isPhone, textProblem, type TextField } from './rules.js';

/** A rule from rules.ts as a zod check, failing with the code and format z.email() and z.regex() give. */
const follows = (rule: (v: string) => boolean, format: string, message: string) =>
  z.check<string>((ctx) => {
    if (!rule(ctx.value)) ctx.issues.push({ code: 'invalid_format', format, input: ctx.value, message });
  });

/** A free-text field, trimmed, within LIMITS (rules.ts textProblem); `optional`: may be left empty. */
const text = (field: TextField, what: string, optional = false) => {
  const { min, max } = LIMITS[field];
  return z.string().check(
    z.trim(),
    z.check((ctx) => {
      const problem = textProblem(field, ctx.value, optional);
      if (problem === 'too_small')
        ctx.issues.push({
          code: 'too_small',
          origin: 'string',
          minimum: min,
          inclusive: true,
          input: ctx.value,
          message: `${what} must be at least ${min} characters`,
        });
      if (problem === 'too_big')
        ctx.issues.push({
          code: 'too_big',
          origin: 'string',
          maximum: max,
          inclusive: true,
          input: ctx.value,
          message: `${what} must be at most ${max} characters`,
        });
    }),
    // The OpenAPI document still says what the check does.
    z.meta(optional || !min ? { maxLength: max } : { minLength: min, maxLength: max }),
  );
};

export const Email = z
  .string()
  .check(
    follows(isEmail, 'email', 'must be an e-mail address such as ten@example.com'),
    z.meta({ format: 'email', pattern: EMAIL_PATTERN.source, maxLength: LIMITS.contact.max }),
  );
/** A Vietnamese phone number: 0 or +84, then 9–11 more digits; spaces and dots allowed (rules.ts isPhone). */
export const Phone = z
  .string()
  .check(follows(isPhone, 'regex', 'must be a Vietnamese phone number such as 0912 345 678'), z.meta({ pattern: PHONE_PATTERN.source, maxLength: PHONE_MAX }));

/**
 * What the anti-abuse checks need, on every submission: the ALTCHA proof of work, a honeypot
 * field that people never see (so it stays empty), and the page it was sent from.
 */
const Guard = {
  altcha: z.string().check(z.minLength(1, 'the anti-spam check did not run; reload the page'), z.maxLength(4096)),
  website: z.optional(z.string().check(z.maxLength(200))),
  pageUrl: z.optional(z.url().check(z.maxLength(2000))),
  noticeVersion: z.string().check(z.maxLength(40)),
  consents: z.array(ConsentPurpose).check(z.maxLength(8)),
};

export const QuestionInput = z.strictObject({
  site: Code,
  field: Code,
  title: text('title', 'title'),
  content: text('content', 'question'),
  name: z.optional(text('name', 'name', true)),
  email: z.optional(z.union([Email, z.literal('')])),
  phone: z.optional(z.union([Phone, z.literal('')])),
  ...Guard,
});
export type QuestionInput = z.infer<typeof QuestionInput>;

export const FeedbackKind = z.enum(FEEDBACK_KINDS);

export const FeedbackInput = z
  .strictObject({
    site: Code,
    kind: FeedbackKind,
    /** The legal document (or draft) it concerns, by id; required unless kind is "page". */
    document: z.optional(Code),
    rating: z.number().check(z.int('rating must be 1 to 5'), z.minimum(1, 'rating must be 1 to 5'), z.maximum(5, 'rating must be 1 to 5')),
    message: z._default(text('message', 'message', true), ''),
    contact: z.optional(z.union([Email, Phone, z.literal('')])),
    ...Guard,
  })
  .check(
    z.refine((f) => f.kind === 'page' || Boolean(f.document), {
      message: 'say which document the feedback is about',
      path: ['document'],
    }),
  );
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export const QUESTION_STATUSES = ['new', 'classified', 'in-progress', 'answered', 'rejected'] as const;
export const QuestionStatus = z.enum(QUESTION_STATUSES);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

/** Document number and article an answer relies on: "Điều 8 khoản 1" of 52/2014/QH13. */
export const Citation = z.object({
  number: z.string(),
  article: z.nullable(z.string()),
  lawId: z.nullable(Code),
  url: z.nullable(z.string()),
});
export type Citation = z.infer<typeof Citation>;

/** What a citizen gets back: the code to follow the question with. */
export const QuestionReceipt = z.object({
  trackingCode: z.string(),
  status: QuestionStatus,
  dueOn: z.string(),
});
export type QuestionReceipt = z.infer<typeof QuestionReceipt>;

/** A question seen through its tracking code: no name, no contact. */
export const QuestionStatusView = z.object({
  trackingCode: z.string(),
  status: QuestionStatus,
  title: z.string(),
  field: z.object({ code: Code, label: z.string() }),
  askedOn: z.string(),
  dueOn: z.string(),
  answer: z.nullable(z.object({ html: z.string(), citations: z.array(Citation), answeredOn: z.string() })),
  rejectedReason: z.nullable(z.string()),
});
export type QuestionStatusView = z.infer<typeof QuestionStatusView>;

export const PublishedQuestion = z.object({
  id: z.string(),
  title: z.string(),
  content: z.string(),
  field: z.object({ code: Code, label: z.string() }),
  askedOn: z.string(),
  answeredOn: z.string(),
  answerHtml: z.string(),
  citations: z.array(Citation),
});
export type PublishedQuestion = z.infer<typeof PublishedQuestion>;

/** `total`: how many questions the query finds, on every page (not only this one). */
export const QuestionPage = z.object({ items: z.array(PublishedQuestion), nextCursor: z.nullable(z.string()), total: z.number().check(z.int(), z.minimum(0)) });
export type QuestionPage = z.infer<typeof QuestionPage>;

export const QuestionQuery = z.strictObject({
  q: z.optional(z.string().check(z.maxLength(200, 'q must be at most 200 characters'))),
  field: z.optional(Code),
  limit: z._default(
    z.coerce
      .number()
      .check(z.int('limit must be a whole number'), z.minimum(1, 'limit must be between 1 and 20'), z.maximum(20, 'limit must be between 1 and 20')),
    5,
  ),
  cursor: z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/, 'cursor is malformed'))),
  lang: z._default(z.enum(['vi', 'en']), 'vi'),
  site: z.optional(Code),
});

/** The automatic answer while a citizen types: closest published answers and the most relevant documents. */
export const SuggestQuery = z.strictObject({
  text: z.string().check(z.trim(), z.minLength(3, 'text must be at least 3 characters'), z.maxLength(1000, 'text must be at most 1000 characters')),
  field: z.optional(Code),
  lang: z._default(z.enum(['vi', 'en']), 'vi'),
  site: z.optional(Code),
});

export const Suggestions = z.object({
  answers: z.array(
    z.object({ id: z.string(), title: z.string(), excerpt: z.string(), answerHtml: z.string(), citations: z.array(Citation), score: z.number() }),
  ),
  laws: z.array(
    z.object({ id: Code, number: z.string(), type: z.string(), abstract: z.string(), url: z.string(), articles: z.array(z.string()), score: z.number() }),
  ),
});
export type Suggestions = z.infer<typeof Suggestions>;

export const FeedbackReceipt = z.object({ id: z.string(), receivedAt: z.string() });
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>;

/** The ALTCHA challenge a form solves before sending. */
export const ChallengeQuery = z.strictObject({ site: Code });
