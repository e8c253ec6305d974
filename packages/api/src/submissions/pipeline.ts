import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { Notice, Site } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { claimKey, completeKey, releaseKey, requestHash } from '../http/idempotency.js';
import { ProblemError, type FieldError } from '../http/problem.js';
import { checkAltcha, type AltchaOptions, type AltchaSecrets } from '../security/altcha.js';
import { clientIp } from '../security/client-ip.js';
import { contactKey } from '../security/contact-key.js';
import type { Limit, RateLimiter } from '../security/rate-limit.js';
import { getSite, type SiteDirectory } from '../sites/sites.queries.js';

export interface SubmissionConfig {
  altcha: AltchaOptions;
  /** A form sent sooner than this after its challenge was issued is a script, not a person. */
  minFillSeconds: number;
  /** How many proxies in front may be believed about X-Forwarded-For. */
  trustProxy: number;
  limits: { ip: Limit; site: Limit; contact: Limit; lookup: Limit; views: Limit };
}

export interface ServerSecrets extends AltchaSecrets {
  contactSecret: string;
}

export interface SubmissionDeps {
  db: Kysely<Tables>;
  limiter: RateLimiter;
  sites: SiteDirectory;
  config: SubmissionConfig;
  secrets: () => Promise<ServerSecrets>;
}

interface Guarded {
  site: string;
  altcha: string;
  website?: string | undefined;
  consents: string[];
  noticeVersion: string;
}

/** What the pipeline learnt about a submission that the stored row must say. */
export interface SubmissionMarks {
  /** Its contact was given more often than the per-contact limit allows (it is stored all the same). */
  contactOverLimit: boolean;
  /** contactKey() of a contact with the server's secret, null for none: stored so a privacy request finds the row. */
  keyOf(contact: string | null | undefined): string | null;
}

export interface SubmissionSpec<I extends Guarded> {
  scope: string;
  notice: Notice;
  /** Contacts in the submission, to count by (as HMACs). */
  contacts(input: I): string[];
  /** Rules of the site the form is on (which contacts are required, …). */
  siteRules?(input: I, site: Site): FieldError[];
  /** Rules that need the database (the field exists, the document exists). */
  exists?(db: Kysely<Tables>, input: I): Promise<FieldError[]>;
  /** Writes the submission inside the transaction; returns the response to give (and to replay). */
  store(trx: Transaction<Tables>, input: I, site: Site, now: Date, marks: SubmissionMarks): Promise<{ status: 201; body: unknown; location?: string }>;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

// Always with its code, path or not: the widgets' sender tells "too_fast" (wait, send again) from the rest by it.
const refused = (detail: string, path = '', code = 'refused') => new ProblemError(400, detail, [{ path, code, message: detail }]);

const PROOF_REFUSALS = {
  malformed: 'the anti-spam check is malformed',
  expired: 'the anti-spam check expired; send again',
  forged: 'the anti-spam check was not issued by this server',
  wrong: 'the anti-spam check failed',
  other_site: 'the anti-spam check was issued for another site; send again',
} as const;

const tooMany = (wait: number) =>
  new ProblemError(429, `too many submissions; try again in ${wait} seconds`, undefined, { 'Retry-After': String(wait) }, '/problems/rate-limited');

/**
 * The first handler of a submission route: a page of no registered origin is refused before its
 * body is read or validated (jsonBody and valid('json', …) come after it).
 */
export const fromRegisteredOrigin =
  (sites: SiteDirectory): MiddlewareHandler =>
  async (c, next) => {
    const origin = c.req.header('Origin') ?? '';
    if (!(await sites.knowsOrigin(origin))) throw notFromSite(origin);
    await next();
  };

/**
 * The one path from a citizen's form to a database row. Cheap checks come before anything that
 * costs a budget: the page's origin (fromRegisteredOrigin, before the body is read), the body
 * (jsonBody, then valid('json', …), which hand over `input`), the site, then the ALTCHA
 * proof (signature, expiry, site, fill time, not used before); only a request that carries a valid
 * proof spends from the per-address and per-site allowances. The Idempotency-Key makes it
 * exactly-once; the proof is spent and everything written in one transaction, and 201 is answered
 * only after it has committed. The per-contact count never refuses: whoever knows a citizen's
 * e-mail could otherwise lock that citizen out. A contact over its limit is stored marked instead.
 */
export async function submit<I extends Guarded>(c: Context, deps: SubmissionDeps, spec: SubmissionSpec<I>, input: I): Promise<Response> {
  const { db, limiter, config } = deps;
  const origin = c.req.header('Origin') ?? '';

  const site = await getSite(db, input.site);
  if (!site) throw new ProblemError(400, `no site "${input.site}" is registered`, [{ path: 'site', code: 'unknown_site', message: 'unknown site key' }]);
  if (!site.origins.includes(origin)) throw notFromSite(origin, site.key);

  const key = c.req.header('Idempotency-Key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw refused('Idempotency-Key must be 8–100 letters, digits or - _ . :', 'Idempotency-Key', 'invalid_key');
  if (input.website) throw refused('the submission was refused', '', 'refused');

  const secrets = await deps.secrets();
  const proof = await checkAltcha(secrets, input.altcha, site.key);
  if (!proof.ok)
    throw new ProblemError(400, PROOF_REFUSALS[proof.reason], [{ path: 'altcha', code: `altcha_${proof.reason}`, message: PROOF_REFUSALS[proof.reason] }]);
  if (Date.now() / 1000 - proof.issuedAt < config.minFillSeconds) throw refused('the form was sent too quickly; wait a moment and send again', '', 'too_fast');

  const { notice } = spec;
  if (input.noticeVersion !== notice.version)
    throw refused(`the privacy notice changed; reload the page to see version ${notice.version}`, 'noticeVersion', 'stale_notice');
  const missing = notice.required.filter((p) => !input.consents.includes(p));
  const unknown = input.consents.filter((p) => !(notice.required as readonly string[]).includes(p) && !(notice.optional as readonly string[]).includes(p));
  if (missing.length || unknown.length) {
    throw new ProblemError(400, missing.length ? `consent is needed for: ${missing.join(', ')}` : `no such purpose here: ${unknown.join(', ')}`, [
      { path: 'consents', code: missing.length ? 'consent_required' : 'unknown_purpose', message: 'tick the consent box to send' },
    ]);
  }
  const ruleErrors = [...(spec.siteRules?.(input, site) ?? []), ...((await spec.exists?.(db, input)) ?? [])];
  if (ruleErrors.length) throw new ProblemError(400, ruleErrors.map((e) => `${e.path}: ${e.message}`).join('; '), ruleErrors);

  // The proof of work and the honeypot are not part of what was asked: a retry may carry a fresh proof.
  const { altcha: _a, website: _w, ...content } = input;
  if (key) {
    const claim = await claimKey(db, spec.scope, key, requestHash(content));
    if (claim.kind === 'replay') return replay(c, claim.response);
    if (claim.kind === 'in-flight')
      throw new ProblemError(409, 'this submission is still being processed; try again in a moment', undefined, { 'Retry-After': '2' }, '/problems/in-flight');
    if (claim.kind === 'mismatch')
      throw new ProblemError(422, 'this Idempotency-Key was already used for a different submission', undefined, {}, '/problems/key-reused');
  }

  try {
    // A resend of the very same bytes was replayed above; any other reuse of a proof stops here, before it spends anything.
    if (await db.selectFrom('altcha_used').select('signature').where('signature', '=', proof.signature).executeTakeFirst()) throw proofReplayed();
    const wait = limiter.takeAll([
      [`ip:${clientIp(c, config.trustProxy)}`, config.limits.ip],
      [`site:${site.key}`, config.limits.site],
    ]);
    if (wait > 0) throw tooMany(wait);
    const contacts = spec.contacts(input).filter(Boolean);
    const overLimit = contacts.map((ct) => limiter.take(`contact:${contactKey(secrets.contactSecret, ct)}`, config.limits.contact) > 0);
    const marks: SubmissionMarks = {
      contactOverLimit: overLimit.includes(true),
      keyOf: (ct) => (ct ? contactKey(secrets.contactSecret, ct) : null),
    };

    const now = new Date();
    const response = await db.transaction().execute(async (trx) => {
      const used = await trx
        .insertInto('altcha_used')
        .values({ signature: proof.signature, expires_at: proof.expiresAt })
        .onConflict((oc) => oc.column('signature').doNothing())
        .executeTakeFirst();
      if (Number(used.numInsertedOrUpdatedRows ?? 0) !== 1) throw proofReplayed();
      const stored = await spec.store(trx, input, site, now, marks);
      const body = JSON.stringify(stored.body);
      if (key) await completeKey(trx, spec.scope, key, { status: stored.status, body });
      return { status: stored.status, body, location: stored.location };
    });
    return respond(c, response.status, response.body, response.location);
  } catch (err) {
    if (key) await releaseKey(db, spec.scope, key).catch(() => {});
    throw err;
  }
}

function notFromSite(origin: string, site?: string) {
  const whose = site ? `"${site}"` : 'any registered site';
  return new ProblemError(403, `submissions for ${whose} are accepted only from its registered origins; ${origin || 'no Origin header'} is not one`);
}

const proofReplayed = () =>
  new ProblemError(400, 'this anti-spam check was already used; send again', [{ path: 'altcha', code: 'altcha_replayed', message: 'already used' }]);

function respond(c: Context, status: number, body: string, location?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (location) headers.Location = location;
  return c.body(body, status as 201, headers);
}

function replay(c: Context, stored: { status: number; body: string }) {
  c.header('Idempotent-Replayed', 'true');
  return respond(c, stored.status, stored.body);
}
