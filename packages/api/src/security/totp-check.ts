import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';
import { totpStep } from './totp.js';

/**
 * A code for `secret` that is valid now and newer than the last one the account used; its step
 * is stored in the same statement that checks it, so two instances cannot both accept one code.
 */
export async function acceptTotp(db: Kysely<Tables>, account: { id: string; username: string }, secret: string, code: string, now: Date): Promise<boolean> {
  const step = totpStep(secret, account.username, code, now);
  if (step === null) return false;
  const done = await db
    .updateTable('staff_accounts')
    .set({ totp_last_step: step })
    .where('id', '=', account.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}
