import { randomUUID } from 'node:crypto';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { NOTICES } from '@pbgdpl/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type AppOptions } from '../../src/app.js';
import type { Db } from '../../src/db/database.js';
import type { MailSettings } from '../../src/mail/outbox.js';
import { loadCatalog, seedIfEmpty } from '../../src/db/seed.js';
import { createStaffToken } from '../../src/security/staff.js';
import { createServices, type Services } from '../../src/services.js';
import { putSite } from '../../src/sites/sites.queries.js';
import type { SubmissionConfig } from '../../src/submissions/pipeline.js';
import { CATALOG_PATH, scratchDatabase, type App, type Scratch } from './app.js';

/** The department site the tests submit from, and its page's origin. */
export const SITE = 'xa-thu';
export const ORIGIN = 'https://xa-thu.example.gov.vn';
/** Another registered site, with its own origin: its origin is not good for SITE. */
export const OTHER_SITE = 'so-tu-phap';
export const OTHER_ORIGIN = 'https://stp.example.gov.vn';
export const FIELD = 'dat-dai';
/** A document the seed catalog has (91/2025/QH15), for feedback on a document. */
export const LAW_ID = '91-2025-qh15';
export const LAW_NUMBER = '91/2025/QH15';

/** A cheap proof of work, no fill time and limits nobody reaches: what tests not about them use. */
export const EASY: SubmissionConfig = {
  altcha: { minCounter: 1, maxCounter: 50, ttlSeconds: 600 },
  minFillSeconds: 0,
  trustProxy: 0,
  limits: {
    ip: { burst: 1_000_000, perSeconds: 1 },
    site: { burst: 1_000_000, perSeconds: 1 },
    contact: { burst: 1_000_000, perSeconds: 1 },
    lookup: { burst: 1_000_000, perSeconds: 1 },
    views: { burst: 1_000_000, perSeconds: 1 },
  },
};

export const easy = (
  over: Partial<Omit<SubmissionConfig, 'limits' | 'altcha'>> & {
    limits?: Partial<SubmissionConfig['limits']>;
    altcha?: Partial<SubmissionConfig['altcha']>;
  } = {},
): SubmissionConfig => ({
  ...EASY,
  ...over,
  altcha: { ...EASY.altcha, ...over.altcha },
  limits: { ...EASY.limits, ...over.limits },
});

/** Solves a challenge as the widget's worker would, and encodes the payload the form sends. */
export async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the challenge');
  return Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString('base64');
}

export interface SubmitApp {
  app: App;
  db: Db;
  services: Services;
  admin: string;
  editor: string;
  request(url: string, init?: RequestInit): Promise<Response>;
  /** A fresh challenge from GET /api/v1/challenge for `site` (SITE by default), solved. */
  altcha(site?: string): Promise<string>;
  /** POST a JSON body as a page of ORIGIN would (override the origin, key and headers in `opts`). */
  post(path: string, body: unknown, opts?: PostOptions): Promise<Response>;
  /** A staff request with a token (admin by default). */
  staff(method: string, path: string, body?: unknown, token?: string): Promise<Response>;
  /** Another app over the same database with its own services (config, rate limiter, and a mail outbox with `mail`). */
  withConfig(config: SubmissionConfig, mail?: MailSettings): SubmitApp;
}

export interface PostOptions {
  origin?: string | null;
  key?: string | null;
  headers?: Record<string, string>;
}

export const newKey = () => `k-${randomUUID()}`;

export async function registerTestSites(db: Db) {
  const base = { kind: 'ubnd-xa' as const, contactRule: 'email-or-phone' as const, requireName: true, answerDays: 10, contact: null };
  await putSite(db.kysely, { ...base, key: SITE, name: 'UBND xã Thử', origins: [ORIGIN] });
  await putSite(db.kysely, { ...base, key: OTHER_SITE, name: 'Sở Tư pháp', kind: 'so-ban-nganh', origins: [OTHER_ORIGIN] });
}

function wrap(app: App, db: Db, services: Services, tokens: { admin: string; editor: string }, laws?: AppOptions['laws']): SubmitApp {
  const request = (url: string, init?: RequestInit) => Promise.resolve(app.request(url, init));
  const self: SubmitApp = {
    app,
    db,
    services,
    ...tokens,
    request,
    async altcha(site = SITE) {
      const res = await request(`/api/v1/challenge?site=${site}`);
      if (res.status !== 200) throw new Error(`challenge: ${res.status} ${await res.text()}`);
      return solve((await res.json()) as Challenge);
    },
    post(path, body, opts = {}) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...opts.headers };
      const origin = opts.origin === undefined ? ORIGIN : opts.origin;
      if (origin !== null) headers.Origin = origin;
      const key = opts.key === undefined ? newKey() : opts.key;
      if (key !== null) headers['Idempotency-Key'] = key;
      return request(path, {
        method: 'POST',
        headers,
        body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
      });
    },
    staff(method, path, body, token = tokens.admin) {
      const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      return request(path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    },
    withConfig(config, mail) {
      const s = createServices(db, config, undefined, mail);
      const a = createApp({ db, version: 'test', services: s, laws, log: (m, e) => console.error(`[api under test] ${m}`, e ?? '') });
      return wrap(a, db, s, tokens, laws);
    },
  };
  return self;
}

/**
 * A fresh database of the engine under test (seeded with the real catalog, two registered test
 * sites and an admin and an editor token) and an app over it whose submissions use `config`
 * (and whose published documents' attachments go where `laws` says).
 * Call at the top of a test file; the object is filled in by beforeAll and dropped afterAll.
 */
export function useSubmitApp(config: SubmissionConfig = EASY, laws?: AppOptions['laws']): SubmitApp {
  let scratch: Scratch | undefined;
  const t = {} as SubmitApp;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    await seedIfEmpty(scratch.db, await loadCatalog(CATALOG_PATH));
    await registerTestSites(scratch.db);
    const admin = (await createStaffToken(scratch.db.kysely, 'Trần Quản Trị', 'admin')).token;
    const editor = (await createStaffToken(scratch.db.kysely, 'Lê Biên Tập', 'editor')).token;
    const services = createServices(scratch.db, config);
    const app = createApp({ db: scratch.db, version: 'test', services, laws, log: (m, e) => console.error(`[api under test] ${m}`, e ?? '') });
    Object.assign(t, wrap(app, scratch.db, services, { admin, editor }, laws));
  });
  afterAll(async () => {
    await scratch?.drop();
  });
  return t;
}

/** A question a citizen could send from SITE (altcha to be filled in). */
export function question(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    site: SITE,
    field: FIELD,
    title: 'Thủ tục cấp sổ đỏ lần đầu',
    content: 'Gia đình tôi sử dụng đất từ năm 1990, nay muốn làm thủ tục cấp giấy chứng nhận thì cần giấy tờ gì?',
    name: 'Nguyễn Văn An',
    email: 'an.nguyen@example.com',
    phone: '',
    noticeVersion: NOTICES.question.version,
    consents: ['xu-ly-cau-hoi'],
    website: '',
    altcha: 'to-be-solved',
    ...over,
  };
}

/** Feedback on a document from SITE. */
export function feedback(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    site: SITE,
    kind: 'document',
    document: LAW_ID,
    rating: 4,
    message: 'Văn bản rõ ràng, dễ hiểu.',
    contact: '',
    noticeVersion: NOTICES.feedback.version,
    consents: ['xu-ly-gop-y'],
    altcha: 'to-be-solved',
    ...over,
  };
}

/** Rows in every table a submission writes to, in one round trip. */
export const COUNTED = ['questions', 'feedback', 'consents', 'question_citations', 'idempotency', 'altcha_used', 'audit_log', 'sites'] as const;
export type Counts = Record<(typeof COUNTED)[number], number>;

export async function counts(db: Db): Promise<Counts> {
  const parts = COUNTED.map((t) => sql`(select count(*) from ${sql.table(t)}) as ${sql.ref(t)}`);
  const { rows } = await sql<Record<string, string | number>>`select ${sql.join(parts)}`.execute(db.kysely);
  const row = rows[0]!;
  return Object.fromEntries(COUNTED.map((t) => [t, Number(row[t])])) as Counts;
}

/** A question sent and answered 201; returns its receipt and its id. */
export async function ask(t: SubmitApp, over: Record<string, unknown> = {}) {
  const res = await t.post('/api/v1/questions', question({ altcha: await t.altcha(), ...over }));
  const text = await res.text();
  if (res.status !== 201) throw new Error(`ask: ${res.status} ${text}`);
  const receipt = JSON.parse(text) as { trackingCode: string; status: string; dueOn: string };
  const row = await t.db.kysely.selectFrom('questions').select('id').where('tracking_code', '=', receipt.trackingCode).executeTakeFirstOrThrow();
  return { ...receipt, id: row.id };
}

export async function sendFeedback(t: SubmitApp, over: Record<string, unknown> = {}) {
  const res = await t.post('/api/v1/feedback', feedback({ altcha: await t.altcha(), ...over }));
  const text = await res.text();
  if (res.status !== 201) throw new Error(`feedback: ${res.status} ${text}`);
  return JSON.parse(text) as { id: string; receivedAt: string };
}
