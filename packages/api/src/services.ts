import type { Db } from './db/database.js';
import { SuggestIndex } from './questions/suggest.js';
import { RateLimiter } from './security/rate-limit.js';
import { secret } from './security/secrets.js';
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
  },
};

export interface Services extends SubmissionDeps {
  sites: SiteDirectory;
  suggestions: SuggestIndex;
  usage: UsageCounter;
}

/** What the routes share: the site directory, the rate limiter, the suggestion index, the secrets. */
export function createServices(db: Db, config: SubmissionConfig = DEFAULT_SUBMISSION_CONFIG): Services {
  const sites = new SiteDirectory(db.kysely);
  let secrets: Promise<ServerSecrets> | undefined;
  return {
    db: db.kysely,
    config,
    limiter: new RateLimiter(),
    sites,
    suggestions: new SuggestIndex(db.kysely),
    usage: new UsageCounter(db.kysely, sites),
    secrets: () =>
      (secrets ??= Promise.all([secret(db.kysely, 'altcha-hmac'), secret(db.kysely, 'altcha-key'), secret(db.kysely, 'contact-hmac')]).then(
        ([hmacSecret, keySecret, contactSecret]) => ({ hmacSecret, keySecret, contactSecret }),
      )),
  };
}
