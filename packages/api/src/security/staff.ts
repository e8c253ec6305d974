import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Role } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { problem } from '../http/problem.js';

export interface Staff {
  id: string;
  name: string;
  role: Role;
}

export type StaffEnv = { Variables: { staff: Staff } };

const RANK: Record<Role, number> = { editor: 1, admin: 2 };

/** Tokens are long random strings, so a fast hash is enough to keep them out of a database dump. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

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

/** Bearer-token authentication with a minimum role. */
export function requireStaff(db: Kysely<Tables>, min: Role): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer');
      return problem(c, 401, 'send a staff token: Authorization: Bearer <token>');
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
    await next();
  };
}

/** Every read or export of personal data, and every change staff make, leaves a line here. */
export async function audit(db: Kysely<Tables>, staff: Staff, action: string, subject: string, detail?: unknown) {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: new Date().toISOString(),
      actor: `${staff.name} (${staff.id})`,
      action,
      subject,
      detail: detail === undefined ? null : JSON.stringify(detail),
    })
    .execute();
}
