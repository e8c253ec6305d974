import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, StaffMember } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { hashPassword } from './passwords.js';

/** "Admin" and "admin" are one user name. */
export const usernameKey = (username: string) => username.trim().toLowerCase();

export async function createAccount(db: Kysely<Tables>, input: { username: string; name: string; role: Role; password: string }) {
  const row = {
    id: randomUUID(),
    username: input.username.trim(),
    username_key: usernameKey(input.username),
    name: input.name,
    role: input.role,
    password_hash: await hashPassword(input.password),
    totp_secret: null,
    totp_pending_secret: null,
    totp_last_step: null,
    disabled_at: null,
    created_at: new Date().toISOString(),
    last_sign_in_at: null,
  };
  await db.insertInto('staff_accounts').values(row).execute();
  return row;
}

export const findAccountByUsername = (db: Kysely<Tables>, username: string) =>
  db.selectFrom('staff_accounts').selectAll().where('username_key', '=', usernameKey(username)).executeTakeFirst();

export const findAccount = (db: Kysely<Tables>, id: string) => db.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst();

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export const memberView = (r: AccountRow): StaffMember => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role as Role,
  state: r.disabled_at ? 'disabled' : 'active',
  totp: r.totp_secret !== null,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
});

export const FIRST_USERNAME = 'admin';

/**
 * The first account, when there is none: user "admin", administrator, with ADMIN_PASSWORD when
 * given, otherwise a random password returned for main.ts to write to a private file.
 */
export async function bootstrapFirstAccount(db: Kysely<Tables>, password: string | undefined): Promise<{ password: string; generated: boolean } | null> {
  const any = await db.selectFrom('staff_accounts').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const chosen = password || randomBytes(18).toString('base64url');
  try {
    await createAccount(db, { username: FIRST_USERNAME, name: 'Quản trị viên', role: 'admin', password: chosen });
  } catch (error) {
    // Another instance starting at the same moment made it first.
    if (await findAccountByUsername(db, FIRST_USERNAME)) return null;
    throw error;
  }
  return { password: chosen, generated: !password };
}
