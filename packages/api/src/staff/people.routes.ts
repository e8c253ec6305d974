import { randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import { STAFF_PROBLEMS, routes, type Role } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../admin/offset-cursor.js';
import { honoPath } from '../http/paths.js';
import { jsonBody } from '../http/json-body.js';
import { ProblemError } from '../http/problem.js';
import { InputError, valid } from '../http/validate.js';
import { createAccount, findAccount, findAccountByUsername, memberView } from '../security/staff-accounts.js';
import { endSessionsOf, openSession, sessionView, type StaffAuthSettings } from '../security/staff-sessions.js';
import { audit, auditAs, requireStaff, type StaffEnv } from '../security/staff.js';
import { hashToken } from '../security/token-hash.js';

export const INVITE_DAYS = 7;

export interface PeopleDeps {
  db: Kysely<Tables>;
  settings: StaffAuthSettings;
}

export const offsetOf = (cursor: string | undefined) => {
  if (!cursor) return 0;
  const n = decodeOffsetCursor(cursor);
  if (n === null) throw new InputError([{ path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed' }]);
  return n;
};

/** `%`, `_` and `\` typed into a search are letters, not patterns. */
export const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Administrators manage staff: the list, roles, disabling; invites and their acceptance. */
export function peopleRoutes({ db, settings }: PeopleDeps) {
  const app = new Hono<StaffEnv>();
  const admin = requireStaff(db, 'admin');
  const body = jsonBody();

  app.get(routes.adminListStaff.path, admin, valid('query', routes.adminListStaff.query), async (c) => {
    const q = c.req.valid('query');
    const skip = offsetOf(q.cursor);
    let base = db.selectFrom('staff_accounts');
    if (q.q) {
      const pattern = likePattern(q.q);
      base = base.where((eb) =>
        eb.or([eb(eb.fn('lower', ['name']), 'like', sql<string>`${pattern} escape '\\'`), eb('username_key', 'like', sql<string>`${pattern} escape '\\'`)]),
      );
    }
    if (q.role) base = base.where('role', '=', q.role);
    if (q.state) base = base.where('disabled_at', q.state === 'disabled' ? 'is not' : 'is', null);
    const [rows, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('name')
        .orderBy('id')
        .limit(q.limit + 1)
        .offset(skip)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return c.json({
      items: rows.slice(0, q.limit).map(memberView),
      total: Number(count.n),
      nextCursor: rows.length > q.limit ? encodeOffsetCursor(skip + q.limit) : null,
    });
  });

  app.patch(
    honoPath(routes.adminUpdateStaff.path),
    admin,
    valid('param', routes.adminUpdateStaff.params),
    body,
    valid('json', routes.adminUpdateStaff.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const staff = c.get('staff');
      const row = await findAccount(db, id);
      if (!row) throw new ProblemError(404, `no staff account with id "${id}"`);
      if (id === staff.id && (patch.disabled === true || (patch.role !== undefined && patch.role !== row.role))) {
        throw new ProblemError(409, 'nobody can disable or demote themselves; ask another administrator');
      }
      const now = settings.now().toISOString();
      const disabledAt = patch.disabled === undefined ? row.disabled_at : patch.disabled ? (row.disabled_at ?? now) : null;
      const role: Role = patch.role ?? (row.role as Role);
      await db.updateTable('staff_accounts').set({ role, disabled_at: disabledAt }).where('id', '=', id).execute();
      // A role change or a disabled account takes effect on the next request: sessions read both from the account.
      if (disabledAt && !row.disabled_at) {
        await endSessionsOf(db, id);
        await audit(db, staff, 'staff-disable', `account:${id}`, { username: row.username });
      }
      if (!disabledAt && row.disabled_at) await audit(db, staff, 'staff-enable', `account:${id}`, { username: row.username });
      if (role !== row.role) await audit(db, staff, 'staff-role', `account:${id}`, { username: row.username, from: row.role, to: role });
      return c.json(memberView({ ...row, role, disabled_at: disabledAt }));
    },
  );

  const pendingView = (r: Tables['staff_invites']) => ({
    id: r.id,
    name: r.name,
    role: r.role as Role,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    invitedBy: r.invited_by,
  });

  app.get(routes.adminListInvites.path, admin, async (c) => {
    const rows = await db
      .selectFrom('staff_invites')
      .selectAll()
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', settings.now().toISOString())
      .orderBy('created_at', 'desc')
      .execute();
    return c.json({ items: rows.map(pendingView) });
  });

  app.post(routes.adminInvite.path, admin, body, valid('json', routes.adminInvite.body), async (c) => {
    const { name, role } = c.req.valid('json');
    const staff = c.get('staff');
    const token = randomBytes(32).toString('base64url');
    const now = settings.now();
    const row = {
      id: randomUUID(),
      token_hash: hashToken(token),
      name,
      role,
      invited_by: staff.name,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString(),
      accepted_at: null,
      account_id: null,
    };
    await db.insertInto('staff_invites').values(row).execute();
    await audit(db, staff, 'invite', `invite:${row.id}`, { name, role });
    return c.json({ ...pendingView(row), link: `/admin/#/invite/${token}` }, 201);
  });

  /** The invite a link names, if it is still open; a used or unknown one is 404, an expired one 410. */
  const openInvite = async (token: string) => {
    const row = await db.selectFrom('staff_invites').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row || row.accepted_at) throw new ProblemError(404, 'no such invite, or it was already used');
    if (Date.parse(row.expires_at) <= settings.now().getTime()) {
      throw new ProblemError(410, 'the invite expired; ask an administrator for a new one', undefined, {}, STAFF_PROBLEMS.inviteExpired);
    }
    return row;
  };

  app.get(honoPath(routes.getInvite.path), valid('param', routes.getInvite.params), async (c) => {
    const row = await openInvite(c.req.valid('param').token);
    c.header('Cache-Control', 'no-store');
    return c.json({ name: row.name, role: row.role as Role, expiresAt: row.expires_at });
  });

  app.post(honoPath(routes.acceptInvite.path), valid('param', routes.acceptInvite.params), body, valid('json', routes.acceptInvite.body), async (c) => {
    const invite = await openInvite(c.req.valid('param').token);
    const { username, password } = c.req.valid('json');
    const taken = () =>
      new ProblemError(409, 'this user name is taken', [{ path: 'username', code: 'taken', message: 'this user name is taken; choose another' }]);
    if (await findAccountByUsername(db, username)) throw taken();
    const now = settings.now().toISOString();
    const account = await db
      .transaction()
      .execute(async (tx) => {
        // Only one acceptance wins, however many arrive at once.
        const claimed = await tx
          .updateTable('staff_invites')
          .set({ accepted_at: now })
          .where('id', '=', invite.id)
          .where('accepted_at', 'is', null)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) throw new ProblemError(404, 'no such invite, or it was already used');
        const made = await createAccount(tx, { username, name: invite.name, role: invite.role as Role, password });
        await tx.updateTable('staff_invites').set({ account_id: made.id }).where('id', '=', invite.id).execute();
        return made;
      })
      .catch(async (error: unknown) => {
        // Someone took the name between the check and the insert: the unique key refused it, the invite stays open.
        if (!(error instanceof ProblemError) && (await findAccountByUsername(db, username))) throw taken();
        throw error;
      });
    await auditAs(db, `${account.name} (${account.id})`, 'invite-accept', `invite:${invite.id}`, { username: account.username, role: account.role });
    const opened = await openSession(db, account.id, settings);
    c.header('Set-Cookie', opened.cookie);
    c.header('Cache-Control', 'no-store');
    return c.json(
      sessionView(
        {
          csrfToken: opened.csrfToken,
          expiresAt: opened.expiresAt,
          account: { id: account.id, username: account.username, name: account.name, role: account.role, totp: false },
        },
        settings,
      ),
      201,
    );
  });

  return app;
}
