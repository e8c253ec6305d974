import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { routes, STAFF_PROBLEMS } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { jsonBody } from '../http/json-body.js';
import { ProblemError } from '../http/problem.js';
import { valid } from '../http/validate.js';
import { clientIp } from '../security/client-ip.js';
import { hashPassword, verifyPassword } from '../security/passwords.js';
import { checkSignIn } from '../security/sign-in.js';
import { findAccount } from '../security/staff-accounts.js';
import { clearedSessionCookie, endSession, endSessionsOf, openSession, sessionView, type StaffAuthSettings } from '../security/staff-sessions.js';
import { audit, requireStaff, type Staff, type StaffEnv } from '../security/staff.js';
import { acceptTotp } from '../security/totp-check.js';
import { newTotpSecret, totpEnrolment } from '../security/totp.js';

export interface SessionDeps {
  db: Kysely<Tables>;
  settings: StaffAuthSettings;
  trustProxy: number;
}

type C = Context<StaffEnv>;

/** The signed-in person; a bearer token has no password, no TOTP and no session to show. */
function person(c: C): Staff & { account: NonNullable<Staff['account']> } {
  const staff = c.get('staff');
  if (!staff.account) throw new ProblemError(403, 'this needs a person signed in with the session cookie, not a staff token');
  return staff as Staff & { account: NonNullable<Staff['account']> };
}

const wrongPassword = (path: string) =>
  new ProblemError(422, 'the password is wrong', [{ path, code: 'wrong_password', message: 'the password is wrong' }], {}, STAFF_PROBLEMS.badCredentials);

/** Signing in and out, the session, one's own password and two-step sign-in. */
export function sessionRoutes({ db, settings, trustProxy }: SessionDeps) {
  const app = new Hono<StaffEnv>();
  const signedIn = requireStaff(db, 'editor');
  const body = jsonBody();

  /** The session as it is now in the database (after a TOTP change, say). */
  const currentView = async (c: C) => {
    const { account } = person(c);
    const row = await findAccount(db, account.id);
    if (!row) throw new ProblemError(401, 'the session ended; sign in again', undefined, {}, STAFF_PROBLEMS.sessionExpired);
    return sessionView(
      {
        csrfToken: account.csrfToken,
        expiresAt: account.expiresAt,
        account: { id: row.id, username: row.username, name: row.name, role: account.role, totp: row.totp_secret !== null },
      },
      settings,
    );
  };

  app.post(routes.signIn.path, body, valid('json', routes.signIn.body), async (c) => {
    // A page of another origin must not sign the browser into an account of its choosing.
    const origin = c.req.header('Origin');
    if (origin !== undefined && origin !== (settings.publicOrigin ?? new URL(c.req.url).origin)) {
      throw new ProblemError(403, 'sign in from the console’s own origin', undefined, {}, STAFF_PROBLEMS.csrf);
    }
    const input = c.req.valid('json');
    const now = settings.now();
    const account = await checkSignIn(db, { ...input, ip: clientIp(c, trustProxy) }, now);
    const opened = await openSession(db, account.id, settings);
    c.header('Set-Cookie', opened.cookie);
    c.header('Cache-Control', 'no-store');
    return c.json(
      sessionView(
        {
          csrfToken: opened.csrfToken,
          expiresAt: opened.expiresAt,
          account: { id: account.id, username: account.username, name: account.name, role: account.role as Staff['role'], totp: account.totp_secret !== null },
        },
        settings,
      ),
    );
  });

  app.get(routes.getSession.path, signedIn, async (c) => c.json(await currentView(c)));

  app.delete(routes.signOut.path, signedIn, async (c) => {
    const staff = person(c);
    await endSession(db, staff.account.sessionIdHash);
    await audit(db, staff, 'sign-out', `account:${staff.id}`);
    c.header('Set-Cookie', clearedSessionCookie());
    return c.body(null, 204);
  });

  app.post(routes.changePassword.path, signedIn, body, valid('json', routes.changePassword.body), async (c) => {
    const staff = person(c);
    const { current, next } = c.req.valid('json');
    const row = await findAccount(db, staff.id);
    if (!row || !(await verifyPassword(current, row.password_hash))) throw wrongPassword('current');
    await db
      .updateTable('staff_accounts')
      .set({ password_hash: await hashPassword(next) })
      .where('id', '=', staff.id)
      .execute();
    // Whoever knew the old password is signed out everywhere else.
    await endSessionsOf(db, staff.id, staff.account.sessionIdHash);
    await audit(db, staff, 'password-change', `account:${staff.id}`);
    return c.body(null, 204);
  });

  app.post(routes.startTotp.path, signedIn, async (c) => {
    const staff = person(c);
    const secret = newTotpSecret();
    await db.updateTable('staff_accounts').set({ totp_pending_secret: secret }).where('id', '=', staff.id).execute();
    await audit(db, staff, 'totp-start', `account:${staff.id}`);
    return c.json(await totpEnrolment(secret, staff.account.username));
  });

  app.post(routes.confirmTotp.path, signedIn, body, valid('json', routes.confirmTotp.body), async (c) => {
    const staff = person(c);
    const row = await findAccount(db, staff.id);
    const pending = row?.totp_pending_secret;
    if (!row || !pending) throw new ProblemError(409, 'start turning two-step sign-in on first');
    if (!(await acceptTotp(db, row, pending, c.req.valid('json').code, settings.now()))) {
      throw new ProblemError(422, 'the code is wrong', [{ path: 'code', code: 'totp_invalid', message: 'the code is wrong' }], {}, STAFF_PROBLEMS.totpInvalid);
    }
    await db.updateTable('staff_accounts').set({ totp_secret: pending, totp_pending_secret: null }).where('id', '=', staff.id).execute();
    await audit(db, staff, 'totp-on', `account:${staff.id}`);
    return c.json(await currentView(c));
  });

  app.post(routes.disableTotp.path, signedIn, body, valid('json', routes.disableTotp.body), async (c) => {
    const staff = person(c);
    const row = await findAccount(db, staff.id);
    if (!row || !(await verifyPassword(c.req.valid('json').password, row.password_hash))) throw wrongPassword('password');
    await db.updateTable('staff_accounts').set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null }).where('id', '=', staff.id).execute();
    await audit(db, staff, 'totp-off', `account:${staff.id}`);
    return c.json(await currentView(c));
  });

  return app;
}
