import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { STAFF_PROBLEMS, type Role } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { problem } from '../http/problem.js';
import { DEFAULT_STAFF_AUTH, clearedSessionCookie, findSession, sessionCookieValue, type SessionAccount, type StaffAuthSettings } from './staff-sessions.js';
import { hashToken } from './token-hash.js';

export { hashToken };

export interface Staff {
  id: string;
  name: string;
  role: Role;
  /** Set when a person signed in (session cookie); absent for a bearer token. */
  account?: SessionAccount & { sessionIdHash: string; csrfToken: string; expiresAt: string };
}

export type StaffEnv = { Variables: { staff: Staff; staffAuth: StaffAuthSettings } };

const RANK: Record<Role, number> = { editor: 1, admin: 2 };

export const newTokenSecret = () => `pbgdpl_${randomBytes(32).toString('base64url')}`;

export async function createStaffToken(db: Kysely<Tables>, name: string, role: Role, token = newTokenSecret()) {
  const row = { id: randomUUID(), name, role, token_hash: hashToken(token), created_at: new Date().toISOString(), revoked_at: null };
  await db.insertInto('staff_tokens').values(row).execute();
  return { ...row, token };
}

/**
 * The first administrator: ADMIN_TOKEN when given (tests, scripted installs), otherwise a fresh
 * token printed once. Nothing happens when any token exists.
 */
export async function bootstrapAdmin(db: Kysely<Tables>, token: string | undefined): Promise<string | null> {
  const any = await db.selectFrom('staff_tokens').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const made = await createStaffToken(db, 'Quản trị viên', 'admin', token || undefined);
  return made.token;
}

/** app.ts hands the session settings (timeouts, clock, origin) to every route through the context. */
export const staffAuthSettings =
  (settings: StaffAuthSettings): MiddlewareHandler<StaffEnv> =>
  async (c, next) => {
    c.set('staffAuth', settings);
    await next();
  };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function ownOrigin(c: Context, settings: StaffAuthSettings) {
  return settings.publicOrigin ?? new URL(c.req.url).origin;
}

/**
 * Staff authentication with a minimum role: a bearer token (scripts) or a person's session
 * cookie. A change made through the cookie must carry the session's X-CSRF-Token and, when the
 * browser names an Origin, come from this server's own; a bearer token needs neither (no browser
 * sends one by itself).
 */
export function requireStaff(db: Kysely<Tables>, min: Role): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    const cookie = sessionCookieValue(c);
    if (header !== undefined || !cookie) {
      const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
      if (!token) {
        c.header('WWW-Authenticate', 'Bearer');
        return problem(c, 401, 'sign in, or send a staff token: Authorization: Bearer <token>');
      }
      const row = await db
        .selectFrom('staff_tokens')
        .select(['id', 'name', 'role'])
        .where('token_hash', '=', hashToken(token))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row) {
        c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        return problem(c, 401, 'the token is unknown or revoked');
      }
      if (RANK[row.role as Role] < RANK[min]) return problem(c, 403, `this needs the ${min} role; the token is ${row.role}`);
      c.set('staff', { id: row.id, name: row.name, role: row.role as Role });
      return next();
    }

    const settings = c.get('staffAuth') ?? DEFAULT_STAFF_AUTH;
    const found = await findSession(db, cookie, settings);
    if (!found.ok) {
      c.header('Set-Cookie', clearedSessionCookie());
      return problem(c, 401, 'the session ended; sign in again', undefined, STAFF_PROBLEMS.sessionExpired);
    }
    const { session } = found;
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('Origin');
      if (origin !== undefined && origin !== ownOrigin(c, settings)) {
        return problem(c, 403, 'a change through the session cookie must come from the console’s own origin', undefined, STAFF_PROBLEMS.csrf);
      }
      const sent = c.req.header('X-CSRF-Token');
      if (!sent || !sameText(sent, session.csrfToken)) {
        return problem(c, 403, 'send the session’s csrfToken as X-CSRF-Token', undefined, STAFF_PROBLEMS.csrf);
      }
    }
    const { account } = session;
    if (RANK[account.role] < RANK[min]) return problem(c, 403, `this needs the ${min} role; the account is ${account.role}`);
    c.set('staff', {
      id: account.id,
      name: account.name,
      role: account.role,
      account: { ...account, sessionIdHash: session.idHash, csrfToken: session.csrfToken, expiresAt: session.expiresAt },
    });
    return next();
  };
}

/** Every read or export of personal data, and every change staff make, leaves a line here. */
export async function audit(db: Kysely<Tables>, staff: Staff, action: string, subject: string, detail?: unknown) {
  await auditAs(db, `${staff.name} (${staff.id})`, action, subject, detail);
}

/** The same line for an actor who is not signed in (a failed sign-in, an invite being accepted). */
export async function auditAs(db: Kysely<Tables>, actor: string, action: string, subject: string, detail?: unknown) {
  await db
    .insertInto('audit_log')
    .values({ id: randomUUID(), at: new Date().toISOString(), actor, action, subject, detail: detail === undefined ? null : JSON.stringify(detail) })
    .execute();
}
