import { sql, type Kysely } from 'kysely';
import { foldVietnamese } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';

/**
 * Failed sign-ins per user name, in the database so that every API instance counts together.
 * Keyed by the folded name typed, whether an account has it or not: the answer never tells.
 */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

export const throttleKey = (username: string) => foldVietnamese(username).trim();

/** After the 5th failure 1 minute, then 2, 4, … up to 60. */
export const lockAfter = (failures: number) => (failures < FREE_FAILURES ? 0 : Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES)));

/** Seconds until the name may try again; 0 when it may now. */
export async function lockedFor(db: Kysely<Tables>, key: string, now: Date): Promise<number> {
  const row = await db.selectFrom('sign_in_failures').select('locked_until').where('username_key', '=', key).executeTakeFirst();
  if (!row?.locked_until) return 0;
  const ms = Date.parse(row.locked_until) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** Counts one failure (atomically, whichever instance saw it) and returns the lock it earned, in seconds. */
export async function recordFailure(db: Kysely<Tables>, key: string, now: Date): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto('sign_in_failures')
    .values({ username_key: key, failures: 1, locked_until: null, updated_at: at })
    .onConflict((oc) => oc.column('username_key').doUpdateSet({ failures: sql<number>`sign_in_failures.failures + 1`, updated_at: at }))
    .returning('failures')
    .executeTakeFirstOrThrow();
  const lock = lockAfter(Number(row.failures));
  if (lock > 0) {
    await db
      .updateTable('sign_in_failures')
      .set({ locked_until: new Date(now.getTime() + lock).toISOString() })
      .where('username_key', '=', key)
      .execute();
  }
  return lock / 1000;
}

export async function clearFailures(db: Kysely<Tables>, key: string) {
  await db.deleteFrom('sign_in_failures').where('username_key', '=', key).execute();
}
