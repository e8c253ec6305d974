import type { Kysely } from 'kysely';
import { STAFF_PROBLEMS } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { ProblemError } from '../http/problem.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { clearFailures, lockedFor, recordFailure, throttleKey } from './sign-in-throttle.js';
import { auditAs } from './staff.js';
import { findAccountByUsername, type AccountRow } from './staff-accounts.js';
import { acceptTotp } from './totp-check.js';

export interface SignInAttempt {
  username: string;
  password: string;
  totp?: string | undefined;
  /** For the audit line. */
  ip: string;
}

const locked = (seconds: number) =>
  new ProblemError(
    429,
    `too many failed sign-ins for this user name; try again in ${seconds} seconds`,
    undefined,
    { 'Retry-After': String(seconds) },
    STAFF_PROBLEMS.locked,
  );

/**
 * Checks a sign-in and returns the account, or throws the problem to answer: one answer for an
 * unknown name, a disabled account and a wrong password (bad-credentials), so that nobody learns
 * which names exist; totp-required / totp-invalid only once the password was right; locked after
 * too many failures for the name. Every outcome is written to the audit log, without the password.
 */
export async function checkSignIn(db: Kysely<Tables>, attempt: SignInAttempt, now: Date): Promise<AccountRow> {
  const key = throttleKey(attempt.username);
  const actor = `sign-in: ${attempt.username.slice(0, 100)}`;
  const wait = await lockedFor(db, key, now);
  if (wait > 0) {
    await auditAs(db, actor, 'sign-in-locked', `username:${key}`, { ip: attempt.ip, retryAfter: wait });
    throw locked(wait);
  }
  const account = await findAccountByUsername(db, attempt.username);
  const fail = async (reason: string, type: string, detail: string): Promise<never> => {
    const lock = await recordFailure(db, key, now);
    await auditAs(db, actor, 'sign-in-failed', account ? `account:${account.id}` : `username:${key}`, { ip: attempt.ip, reason });
    if (lock > 0) throw locked(lock);
    throw new ProblemError(401, detail, undefined, {}, type);
  };
  const passwordOk = await verifyPassword(attempt.password, account?.password_hash ?? (await decoyHash()));
  if (!account || !passwordOk || account.disabled_at !== null) {
    return fail(account?.disabled_at ? 'disabled' : 'bad-credentials', STAFF_PROBLEMS.badCredentials, 'wrong user name or password');
  }
  if (account.totp_secret !== null) {
    if (!attempt.totp) throw new ProblemError(401, 'enter the code from the authenticator app', undefined, {}, STAFF_PROBLEMS.totpRequired);
    if (!(await acceptTotp(db, account, account.totp_secret, attempt.totp, now))) {
      return fail('totp-invalid', STAFF_PROBLEMS.totpInvalid, 'the code is wrong or was already used');
    }
  }
  await clearFailures(db, key);
  await db.updateTable('staff_accounts').set({ last_sign_in_at: now.toISOString() }).where('id', '=', account.id).execute();
  await auditAs(db, `${account.name} (${account.id})`, 'sign-in', `account:${account.id}`, { ip: attempt.ip, totp: account.totp_secret !== null });
  return account;
}
