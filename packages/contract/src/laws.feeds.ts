import * as z from 'zod/mini';
import { Code } from './common.js';

const Text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/** A portal's feed is fetched by the server: http(s) only. */
const FeedUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https address' }).check(z.maxLength(2000));

const Page = {
  limit: z._default(
    z.coerce
      .number()
      .check(z.int('limit must be a whole number'), z.minimum(1, 'limit must be between 1 and 100'), z.maximum(100, 'limit must be between 1 and 100')),
    20,
  ),
  offset: z._default(z.coerce.number().check(z.int('offset must be a whole number'), z.minimum(0), z.maximum(1_000_000)), 0),
};

/** What an item does not say, the feed says: the codes are those of GET /api/v1/meta. */
const defaults = {
  /** Used when neither the title nor the number's suffix names the type. */
  defaultType: z.optional(z.nullable(Code)),
  /** Used when the title names no known issuer. */
  defaultIssuer: z.optional(z.nullable(Code)),
  /** Items name no field: every document a feed adds is filed under this one. */
  defaultField: Code,
};

/** POST /api/v1/admin/feeds: an RSS 2.0, Atom or JSON Feed of a portal, read every `everyHours` hours. */
export const FeedInput = z.strictObject({
  name: Text(2, 120),
  url: FeedUrl,
  everyHours: z.number().check(z.int('a whole number of hours'), z.minimum(1, 'at least every hour'), z.maximum(24, 'at least once a day')),
  ...defaults,
  enabled: z.optional(z.boolean()),
});
export type FeedInput = z.output<typeof FeedInput>;

/** PATCH /api/v1/admin/feeds/{id}: only what changes. */
export const FeedPatch = z.partial(FeedInput).check(z.refine((v) => Object.keys(v).length > 0, 'the body changes nothing; send at least one field'));
export type FeedPatch = z.output<typeof FeedPatch>;

/** POST /api/v1/admin/feeds/preview: "try it" before saving; nothing is stored. */
export const FeedPreviewInput = z.strictObject({ url: FeedUrl, ...defaults });
export type FeedPreviewInput = z.output<typeof FeedPreviewInput>;

export const FEED_ITEM_ACTIONS = ['create', 'duplicate', 'refused'] as const;

/** Why an item was refused (or skipped), for the console to say in its language; `reason` says it in English. */
export const FEED_ITEM_REASONS = ['no-number', 'no-type', 'no-issuer', 'no-date', 'invalid', 'same-in-feed'] as const;

/** Why a run failed: the address cannot be reached, answered late or with an error, sent too much, sent no feed, or the database refused. */
export const FEED_ERRORS = ['unreachable', 'timeout', 'http', 'too-large', 'unreadable', 'storage'] as const;
export const FeedErrorCode = z.enum(FEED_ERRORS);
export type FeedErrorCode = z.infer<typeof FeedErrorCode>;

/** What a run did with one item of the feed. */
export const FeedRunItem = z.object({
  title: z.string(),
  link: z.nullable(z.string()),
  /** The document number read from the item; null when none was recognised. */
  number: z.nullable(z.string()),
  /** create: a new document (`id`); duplicate: a document with this number exists (`id`), skipped; refused: `reason`. */
  action: z.enum(FEED_ITEM_ACTIONS),
  id: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  reasonCode: z.nullable(z.enum(FEED_ITEM_REASONS)),
});
export type FeedRunItem = z.infer<typeof FeedRunItem>;

export const FeedCounts = z.object({ seen: z.number(), created: z.number(), duplicates: z.number(), refused: z.number() });
export type FeedCounts = z.infer<typeof FeedCounts>;

export const FEED_RUN_STATES = ['running', 'ok', 'failed', 'interrupted'] as const;
export const FeedRunState = z.enum(FEED_RUN_STATES);
export type FeedRunState = z.infer<typeof FeedRunState>;

/** One reading of a feed: documents it created, skipped and refused, or why it failed (then it wrote nothing). */
export const FeedRun = z.object({
  id: z.string(),
  feedId: z.string(),
  /** schedule: the scheduler; manual: an administrator's "run now". */
  trigger: z.enum(['schedule', 'manual']),
  /** running; ok (read, whatever each item became); failed (fetch, parse or storage error: nothing written); interrupted (its process stopped). */
  state: FeedRunState,
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
  counts: FeedCounts,
  error: z.nullable(z.string()),
  errorCode: z.nullable(FeedErrorCode),
  items: z.array(FeedRunItem),
});
export type FeedRun = z.infer<typeof FeedRun>;

export const Feed = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  everyHours: z.number(),
  defaultType: z.nullable(z.string()),
  defaultIssuer: z.nullable(z.string()),
  defaultField: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the scheduler reads it next (ISO time); null while disabled. */
  nextRunAt: z.nullable(z.string()),
  /** The last run, without its items. */
  lastRun: z.nullable(z.omit(FeedRun, { items: true })),
});
export type Feed = z.infer<typeof Feed>;

/** GET /api/v1/admin/feeds. */
export const FeedQuery = z.strictObject({
  /** Part of the name or the address (diacritics optional). */
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  enabled: z.optional(z.enum(['true', 'false'])),
  /** Feeds whose last run failed (or was interrupted). */
  failing: z.optional(z.enum(['true', 'false'])),
  ...Page,
});
export type FeedQuery = z.input<typeof FeedQuery>;

export const FeedPage = z.object({ items: z.array(Feed), total: z.number() });
export type FeedPage = z.infer<typeof FeedPage>;

/** GET /api/v1/admin/feeds/{id}/runs: newest first. */
export const FeedRunQuery = z.strictObject({ state: z.optional(FeedRunState), ...Page });
export type FeedRunQuery = z.input<typeof FeedRunQuery>;

export const FeedRunPage = z.object({ items: z.array(FeedRun), total: z.number() });
export type FeedRunPage = z.infer<typeof FeedRunPage>;

/** What the next run would do, read now and stored nowhere; `error` when the feed cannot be read. */
export const FeedPreview = z.object({ counts: FeedCounts, error: z.nullable(z.string()), errorCode: z.nullable(FeedErrorCode), items: z.array(FeedRunItem) });
export type FeedPreview = z.infer<typeof FeedPreview>;
