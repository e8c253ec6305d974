import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { WebOrigin } from '@pbgdpl/contract';
import { DEFAULT_SUBMISSION_CONFIG } from './services.js';
import type { SubmissionConfig } from './submissions/pipeline.js';

const Count = (fallback: number, max = 10_000_000) => z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(max)), fallback);
/** "10/60": a burst of 10, then one more every 60 seconds. */
const RateLimit = z.optional(z.string().check(z.regex(/^\d+\/\d+(\.\d+)?$/, 'write a rate limit as burst/seconds, e.g. 10/60')));
const parseLimit = (text: string | undefined, fallback: { burst: number; perSeconds: number }) => {
  if (!text) return fallback;
  const [burst, perSeconds] = text.split('/').map(Number) as [number, number];
  return { burst, perSeconds };
};

const Env = z.object({
  PORT: Count(8787, 65535),
  HOST: z._default(z.string(), '127.0.0.1'),
  /** postgres://… for PostgreSQL; otherwise the SQLite file. */
  DATABASE_URL: z.optional(z.string()),
  /** PostgreSQL schema to use (created if missing); the default is the connection's search_path. */
  DATABASE_SCHEMA: z.optional(z.string().check(z.regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_SCHEMA must be a lower-case SQL identifier'))),
  DATA_DIR: z._default(z.string(), '.data'),
  EMBED_DIR: z.optional(z.string()),
  DEMO_DIR: z.optional(z.string()),
  /** Template for full-text links of seeded documents; {number} is replaced. */
  FULLTEXT_URL: z.optional(z.string()),
  SEED: z._default(z.enum(['sample', 'none']), 'sample'),
  /** The first administrator's token (otherwise one is made and printed on first start). */
  ADMIN_TOKEN: z.optional(z.string().check(z.minLength(24, 'ADMIN_TOKEN must be at least 24 characters'))),
  /** Extra origins whose pages may submit as the "demo" site, comma-separated. */
  DEMO_SITE_ORIGINS: z._default(z.string(), ''),
  TRUST_PROXY: Count(DEFAULT_SUBMISSION_CONFIG.trustProxy, 10),
  MIN_FILL_SECONDS: Count(DEFAULT_SUBMISSION_CONFIG.minFillSeconds, 3600),
  ALTCHA_MIN_COUNTER: Count(DEFAULT_SUBMISSION_CONFIG.altcha.minCounter),
  ALTCHA_MAX_COUNTER: Count(DEFAULT_SUBMISSION_CONFIG.altcha.maxCounter),
  ALTCHA_TTL_SECONDS: Count(DEFAULT_SUBMISSION_CONFIG.altcha.ttlSeconds, 86_400),
  RATE_LIMIT_IP: RateLimit,
  RATE_LIMIT_SITE: RateLimit,
  RATE_LIMIT_CONTACT: RateLimit,
  RATE_LIMIT_LOOKUP: RateLimit,
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv, packageRoot: string) {
  const e = z.parse(Env, env);
  const demoOrigins = e.DEMO_SITE_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  for (const o of demoOrigins) z.parse(WebOrigin, o);
  const d = DEFAULT_SUBMISSION_CONFIG;
  const submission: SubmissionConfig = {
    altcha: { minCounter: Math.min(e.ALTCHA_MIN_COUNTER, e.ALTCHA_MAX_COUNTER), maxCounter: e.ALTCHA_MAX_COUNTER, ttlSeconds: e.ALTCHA_TTL_SECONDS },
    minFillSeconds: e.MIN_FILL_SECONDS,
    trustProxy: e.TRUST_PROXY,
    limits: {
      ip: parseLimit(e.RATE_LIMIT_IP, d.limits.ip),
      site: parseLimit(e.RATE_LIMIT_SITE, d.limits.site),
      contact: parseLimit(e.RATE_LIMIT_CONTACT, d.limits.contact),
      lookup: parseLimit(e.RATE_LIMIT_LOOKUP, d.limits.lookup),
    },
  };
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || resolve(e.DATA_DIR, 'pbgdpl.sqlite'),
    databaseSchema: e.DATABASE_SCHEMA,
    embedDir: e.EMBED_DIR ?? resolve(packageRoot, '../loader/dist/v1'),
    demoDir: e.DEMO_DIR ?? resolve(packageRoot, 'demo'),
    adminDir: resolve(packageRoot, 'admin-ui'),
    fullTextUrl: e.FULLTEXT_URL,
    seed: e.SEED,
    adminToken: e.ADMIN_TOKEN,
    demoOrigins,
    submission,
  };
}
