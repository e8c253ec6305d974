import type { Retention } from '@pbgdpl/contract';
import type { Db } from './db/database.js';
import { DEFAULT_FULLTEXT_URL } from './db/seed.js';
import { FeedScheduler, type FeedSettings } from './laws/feeds/feed-scheduler.js';
import { MailOutbox, type MailSettings, type MailTransport } from './mail/outbox.js';
import { RetentionPurge, type PurgeOptions } from './privacy/purge.js';
import { DEFAULT_RETENTION } from './privacy/retention.js';
import { SuggestIndex } from './questions/suggest.js';
import { RateLimiter } from './security/rate-limit.js';
import { secretSource } from './security/secrets.js';
import { SiteDirectory } from './sites/sites.queries.js';
import type { ServerSecrets, SubmissionConfig, SubmissionDeps } from './submissions/pipeline.js';
import { UsageCounter } from './usage/usage.js';

/** Defaults for a real deployment; config.ts reads overrides from the environment. */
export const DEFAULT_SUBMISSION_CONFIG: SubmissionConfig = {
  altcha: { minCounter: 5_000, maxCounter: 50_000, ttlSeconds: 600 },
  minFillSeconds: 3,
  trustProxy: 0,
  limits: {
    ip: { burst: 10, perSeconds: 60 },
    site: { burst: 300, perSeconds: 12 },
    contact: { burst: 5, perSeconds: 1800 },
    lookup: { burst: 30, perSeconds: 6 },
    // Page tokens per address: a commune office or a carrier's shared address shows many pages.
    views: { burst: 120, perSeconds: 5 },
  },
};

/** Feeds: FEED_TIMEOUT_SECONDS, FEED_MAX_MB and FEED_CHECK_SECONDS override these. */
export const DEFAULT_FEED_SETTINGS: FeedSettings = {
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  fullTextUrl: DEFAULT_FULLTEXT_URL,
  checkEveryMs: 60_000,
};

export interface Services extends SubmissionDeps {
  sites: SiteDirectory;
  /** Answers by e-mail, when the operator gave an SMTP relay; null otherwise. */
  mail: MailOutbox | null;
  suggestions: SuggestIndex;
  /** Document feeds read on a schedule; main.ts starts it. */
  feeds: FeedScheduler;
  /** The daily retention purge of personal data; main.ts starts it. */
  purge: RetentionPurge;
  usage: UsageCounter;
  viewSecret: () => Promise<string>;
}

/**
 * What the routes share: the site directory, the rate limiter, the suggestion index, the secrets
 * (derived from `masterSecret` when the operator gives one, else kept in the database), and the
 * mail outbox when `mail` names a relay (tests may pass their own `transport`).
 */
export function createServices(
  db: Db,
  config: SubmissionConfig = DEFAULT_SUBMISSION_CONFIG,
  masterSecret?: string,
  mail?: MailSettings | null,
  transport?: MailTransport,
  feeds: Partial<FeedSettings> = {},
  privacy: { retention?: Retention } & PurgeOptions = {},
): Services {
  const sites = new SiteDirectory(db.kysely);
  const suggestions = new SuggestIndex(db.kysely);
  const secret = secretSource(db.kysely, masterSecret);
  const secrets = once(async (): Promise<ServerSecrets> => {
    const [hmacSecret, keySecret, contactSecret] = await Promise.all([secret('altcha-hmac'), secret('altcha-key'), secret('contact-hmac')]);
    return { hmacSecret, keySecret, contactSecret };
  });
  return {
    db: db.kysely,
    config,
    limiter: new RateLimiter(),
    sites,
    mail: mail ? new MailOutbox(db.kysely, mail, transport) : null,
    suggestions,
    feeds: new FeedScheduler(db.kysely, suggestions, { ...DEFAULT_FEED_SETTINGS, ...feeds }),
    purge: new RetentionPurge(db.kysely, privacy.retention ?? DEFAULT_RETENTION, privacy),
    usage: new UsageCounter(db.kysely, sites),
    secrets,
    viewSecret: once(() => secret('view-token-hmac')),
  };
}

/** The first successful result of `load`, kept; a failure (the database was down) is tried again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () =>
    (kept ??= load().catch((error: unknown) => {
      kept = undefined;
      throw error;
    }));
}
