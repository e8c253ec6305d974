import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Role, StaffSession } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { hashToken } from './token-hash.js';

/** The session cookie: `__Host-` binds it to this host, path / and Secure (loopback counts as secure). */
export const SESSION_COOKIE = '__Host-pbgdpl-staff';

export interface StaffAuthSettings {
  /** STAFF_IDLE_MINUTES: a session unused this long ends. */
  idleMinutes: number;
  /** STAFF_SESSION_HOURS: a session ends this long after sign-in, used or not. */
  sessionHours: number;
  /** The origin people open the console at when a proxy in front rewrites Host (PUBLIC_ORIGIN); else the request's own. */
  publicOrigin?: string;
  /** Tests move the clock instead of sleeping. */
  now: () => Date;
}

export const DEFAULT_STAFF_AUTH: StaffAuthSettings = { idleMinutes: 30, sessionHours: 12, now: () => new Date() };

/** last_seen_at is written at most this often, so that a busy console does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionAccount {
  id: string;
  username: string;
  name: string;
  role: Role;
  totp: boolean;
}

export interface OpenSession {
  idHash: string;
  csrfToken: string;
  expiresAt: string;
  account: SessionAccount;
}

export function sessionCookie(value: string, settings: StaffAuthSettings) {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${settings.sessionHours * 3600}`;
}
export const clearedSessionCookie = () => `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;

/** A new session for the account: the cookie's value is returned once, only its hash is stored. */
export async function openSession(db: Kysely<Tables>, accountId: string, settings: StaffAuthSettings) {
  const value = randomBytes(32).toString('base64url');
  const now = settings.now();
  const row = {
    id_hash: hashToken(value),
    account_id: accountId,
    csrf_token: randomBytes(32).toString('base64url'),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + settings.sessionHours * 3_600_000).toISOString(),
  };
  await db.insertInto('staff_sessions').values(row).execute();
  return { value, cookie: sessionCookie(value, settings), idHash: row.id_hash, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export type SessionLookup = { ok: true; session: OpenSession } | { ok: false; reason: 'unknown' | 'idle' | 'absolute' | 'disabled' };

/**
 * The session a cookie value opens, if it is still alive; a dead one is deleted. Touches
 * last_seen_at when the last touch is a minute old or more.
 */
export async function findSession(db: Kysely<Tables>, value: string, settings: StaffAuthSettings): Promise<SessionLookup> {
  const idHash = hashToken(value);
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_accounts as a', 'a.id', 's.account_id')
    .select(['s.csrf_token', 's.last_seen_at', 's.expires_at', 'a.id', 'a.username', 'a.name', 'a.role', 'a.totp_secret', 'a.disabled_at'])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  const now = settings.now().getTime();
  const reason =
    row.disabled_at !== null
      ? 'disabled'
      : Date.parse(row.expires_at) <= now
        ? 'absolute'
        : Date.parse(row.last_seen_at) + settings.idleMinutes * 60_000 <= now
          ? 'idle'
          : null;
  if (reason) {
    await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
    return { ok: false, reason };
  }
  if (now - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
    await db
      .updateTable('staff_sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return {
    ok: true,
    session: {
      idHash,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
      account: { id: row.id, username: row.username, name: row.name, role: row.role as Role, totp: row.totp_secret !== null },
    },
  };
}

export async function endSession(db: Kysely<Tables>, idHash: string) {
  await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
}

/** Every session of the account (disabled, password changed), but `keep`. */
export async function endSessionsOf(db: Kysely<Tables>, accountId: string, keep?: string) {
  let q = db.deleteFrom('staff_sessions').where('account_id', '=', accountId);
  if (keep) q = q.where('id_hash', '!=', keep);
  await q.execute();
}

export function sessionView(session: { csrfToken: string; expiresAt: string; account: SessionAccount }, settings: StaffAuthSettings): StaffSession {
  return { user: session.account, csrfToken: session.csrfToken, expiresAt: session.expiresAt, idleTimeoutSeconds: settings.idleMinutes * 60 };
}

/** The cookie's value, if the request sent one. */
export const sessionCookieValue = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE) || undefined;
