import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { PASSWORD_MIN, WebOrigin } from '@pbgdpl/contract';
import { DEFAULT_RETENTION } from './privacy/retention.js';
import { DEFAULT_SUBMISSION_CONFIG } from './services.js';
import type { SubmissionConfig } from './submissions/pipeline.js';

const Count = (fallback: number, max = 10_000_000) => z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(max)), fallback);
/** Whole days, at least one (a purge the same day would erase what is still being handled), at most ten years. */
const RetentionDays = (fallback: number) =>
  z._default(z.coerce.number().check(z.int('retention is a whole number of days'), z.minimum(1), z.maximum(3650)), fallback);
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
  /** The first administrator's token, or a file holding it (otherwise one is made and written to DATA_DIR/admin-token). */
  ADMIN_TOKEN: z.optional(z.string().check(z.minLength(24, 'ADMIN_TOKEN must be at least 24 characters'))),
  ADMIN_TOKEN_FILE: z.optional(z.string()),
  /** The first staff account's password (user "admin"), or a file holding it (otherwise one is made and written to DATA_DIR/admin-password). */
  ADMIN_PASSWORD: z.optional(z.string().check(z.minLength(PASSWORD_MIN, `ADMIN_PASSWORD must be at least ${PASSWORD_MIN} characters`))),
  ADMIN_PASSWORD_FILE: z.optional(z.string()),
  /** Minutes a staff session may go unused, and hours it lasts at most after sign-in. */
  STAFF_IDLE_MINUTES: z._default(z.coerce.number().check(z.int('STAFF_IDLE_MINUTES must be a whole number'), z.minimum(1), z.maximum(24 * 60)), 30),
  STAFF_SESSION_HOURS: z._default(z.coerce.number().check(z.int('STAFF_SESSION_HOURS must be a whole number'), z.minimum(1), z.maximum(24 * 30)), 12),
  /** The origin people open the console at (https://pbgdpl.stp.example.gov.vn), when a proxy in front changes the Host the server sees. */
  PUBLIC_ORIGIN: z.optional(WebOrigin),
  /** A master secret the server's keys are derived from, or a file holding it (otherwise they are kept in the database). */
  PBGDPL_SECRET: z.optional(z.string().check(z.minLength(32, 'PBGDPL_SECRET must be at least 32 characters'))),
  PBGDPL_SECRET_FILE: z.optional(z.string()),
  /** Open connections one address may hold; 0 for no cap (behind a proxy, cap at the proxy). */
  MAX_CONNECTIONS_PER_ADDRESS: z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(100_000))),
  /** Seconds a client has to send the request headers, and the whole request with its body. */
  HEADERS_TIMEOUT_SECONDS: Count(10, 600),
  REQUEST_TIMEOUT_SECONDS: Count(30, 3600),
  KEEP_ALIVE_TIMEOUT_SECONDS: Count(5, 600),
  /** Largest file staff may attach to a legal document, in MB. */
  ATTACHMENT_MAX_MB: z._default(z.coerce.number().check(z.int('ATTACHMENT_MAX_MB must be a whole number'), z.minimum(1), z.maximum(1024)), 20),
  /** Largest spreadsheet staff may import documents from, in MB. */
  IMPORT_MAX_MB: z._default(z.coerce.number().check(z.int('IMPORT_MAX_MB must be a whole number'), z.minimum(1), z.maximum(200)), 10),
  /** Seconds a document feed has to answer in full; its largest size in MB; how often each instance looks for feeds that are due (0: never, run now only). */
  FEED_TIMEOUT_SECONDS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(300)), 20),
  FEED_MAX_MB: z._default(z.coerce.number().check(z.int('FEED_MAX_MB must be a whole number'), z.minimum(1), z.maximum(100)), 5),
  FEED_CHECK_SECONDS: Count(60, 86_400),
  /** Days personal data is kept for each purpose before the daily purge erases it (docs/privacy.md). */
  PRIVACY_QUESTION_RETENTION_DAYS: RetentionDays(DEFAULT_RETENTION.questionDays),
  PRIVACY_FEEDBACK_RETENTION_DAYS: RetentionDays(DEFAULT_RETENTION.feedbackDays),
  PRIVACY_MAIL_RETENTION_DAYS: RetentionDays(DEFAULT_RETENTION.mailDays),
  /** Seconds between writes of the usage counts (page views, reads) to the database. */
  USAGE_FLUSH_SECONDS: Count(30, 3600),
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
  RATE_LIMIT_VIEWS: RateLimit,
  /** The province's SMTP relay; without it no mail is sent and sites say answersByEmail: false. */
  SMTP_URL: z.optional(z.string().check(z.regex(/^smtps?:\/\/[^/?#\s]+/, 'SMTP_URL must be smtp://[user:pass@]host[:port] or smtps://…'))),
  /** The sender of those mails: "Name <address@domain>" or an address. */
  MAIL_FROM: z.optional(
    z.string().check(z.regex(/^[^@<>]*<[^@\s<>]+@[^@\s<>]+>$|^[^@\s<>]+@[^@\s<>]+$/, 'MAIL_FROM must be an address, or a name and <address>')),
  ),
  /** Seconds before the first retry of a mail the relay did not take; doubled each time, at most an hour. */
  MAIL_RETRY_SECONDS: Count(30, 3600),
});

export type Config = ReturnType<typeof loadConfig>;

/** A secret given directly or as a file (as container secrets and systemd credentials are). */
function fromFile(name: string, direct: string | undefined, file: string | undefined, minLength: number): string | undefined {
  if (direct || !file) return direct;
  const value = readFileSync(file, 'utf8').trim();
  if (value.length < minLength) throw new Error(`${name}_FILE: the secret in ${file} must be at least ${minLength} characters`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv, packageRoot: string) {
  const e = z.parse(Env, env);
  const demoOrigins = e.DEMO_SITE_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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
      views: parseLimit(e.RATE_LIMIT_VIEWS, d.limits.views),
    },
  };
  if (e.SMTP_URL && !e.MAIL_FROM) throw new Error('MAIL_FROM: set the sender of the answers sent by e-mail, e.g. "Sở Tư pháp <hoidap@stp.example.gov.vn>"');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || resolve(e.DATA_DIR, 'pbgdpl.sqlite'),
    databaseSchema: e.DATABASE_SCHEMA,
    embedDir: e.EMBED_DIR ?? resolve(packageRoot, '../loader/dist/v1'),
    demoDir: e.DEMO_DIR ?? resolve(packageRoot, 'demo'),
    adminDir: resolve(packageRoot, '../admin/dist'),
    fullTextUrl: e.FULLTEXT_URL,
    laws: {
      attachmentDir: resolve(e.DATA_DIR, 'attachments'),
      attachmentMaxBytes: e.ATTACHMENT_MAX_MB * 1024 * 1024,
      importMaxBytes: e.IMPORT_MAX_MB * 1024 * 1024,
    },
    feeds: { timeoutMs: e.FEED_TIMEOUT_SECONDS * 1000, maxBytes: e.FEED_MAX_MB * 1024 * 1024, checkEveryMs: e.FEED_CHECK_SECONDS * 1000 },
    retention: {
      questionDays: e.PRIVACY_QUESTION_RETENTION_DAYS,
      feedbackDays: e.PRIVACY_FEEDBACK_RETENTION_DAYS,
      mailDays: e.PRIVACY_MAIL_RETENTION_DAYS,
    },
    seed: e.SEED,
    dataDir: resolve(e.DATA_DIR),
    usageFlushMs: Math.max(1, e.USAGE_FLUSH_SECONDS) * 1000,
    adminToken: fromFile('ADMIN_TOKEN', e.ADMIN_TOKEN, e.ADMIN_TOKEN_FILE, 24),
    adminPassword: fromFile('ADMIN_PASSWORD', e.ADMIN_PASSWORD, e.ADMIN_PASSWORD_FILE, PASSWORD_MIN),
    staffAuth: { idleMinutes: e.STAFF_IDLE_MINUTES, sessionHours: e.STAFF_SESSION_HOURS, ...(e.PUBLIC_ORIGIN ? { publicOrigin: e.PUBLIC_ORIGIN } : {}) },
    masterSecret: fromFile('PBGDPL_SECRET', e.PBGDPL_SECRET, e.PBGDPL_SECRET_FILE, 32),
    connections: {
      // Behind a proxy every connection comes from the proxy's address: there the proxy caps them.
      maxPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS ?? (e.TRUST_PROXY > 0 ? 0 : 64),
      headersTimeoutMs: e.HEADERS_TIMEOUT_SECONDS * 1000,
      requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
      keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
    },
    demoOrigins,
    submission,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, retrySeconds: Math.max(1, e.MAIL_RETRY_SECONDS) } : null,
  };
}
