import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { STAFF_PROBLEMS } from '@pbgdpl/contract';
import { hashPassword, verifyPassword } from '../src/security/passwords.js';
import { lockAfter } from '../src/security/sign-in-throttle.js';
import { hashToken } from '../src/security/token-hash.js';
import { ORIGIN, PASSWORD, useStaffApp } from './support/staff-app.js';

/**
 * People's accounts: sign-in, lockout, two-step sign-in, session timeouts, CSRF, disabling,
 * invites, and the audit log of all of it. The clock is the app's own, moved by the tests.
 */
const t = useStaffApp();

const code = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
const MINUTE = 60_000;

async function auditFor(subject: string) {
  const res = await t.app.request(`/api/v1/admin/audit?limit=100&q=${encodeURIComponent(subject)}`, { headers: { Authorization: `Bearer ${t.adminToken}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { action: string; detail: string | null; actor: string }[] }).items;
}

describe('passwords', () => {
  it('scrypt with its parameters and salt; the same password hashes differently each time', async () => {
    const a = await hashPassword('một mật khẩu dài');
    const b = await hashPassword('một mật khẩu dài');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('một mật khẩu dài', a)).toBe(true);
    expect(await verifyPassword('một mật khẩu dài!', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('signing in', () => {
  it('the right password: the session view and a __Host- cookie with exactly these attributes; only its hash is stored', async () => {
    const me = await t.account('lan.nguyen', 'editor');
    const { res, body, cookie } = await t.signIn('Lan.Nguyen', me.password);
    expect(res.status).toBe(200);
    expect(res.headers.get('Set-Cookie')).toBe(`__Host-pbgdpl-staff=${cookie}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=43200`);
    expect(Buffer.from(cookie!, 'base64url')).toHaveLength(32);
    expect(body).toEqual({
      user: { id: me.id, username: 'lan.nguyen', name: 'Cán bộ lan.nguyen', role: 'editor', totp: false },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: new Date(t.clock.now.getTime() + 12 * 3_600_000).toISOString(),
      idleTimeoutSeconds: 1800,
    });
    const stored = await t.db.kysely.selectFrom('staff_sessions').select('id_hash').where('account_id', '=', me.id).execute();
    expect(stored.map((s) => s.id_hash)).toEqual([hashToken(cookie!)]);
    const session = await t.as({ cookie }, 'GET', '/api/v1/admin/session');
    expect(session.status).toBe(200);
    expect((await session.json()).user.username).toBe('lan.nguyen');
    const entries = await auditFor(`account:${me.id}`);
    expect(entries.map((e) => e.action)).toContain('sign-in');
    expect(JSON.stringify(entries)).not.toContain(me.password);
  });

  it('a wrong password and an unknown name get the same answer, and the audit log has both without the password', async () => {
    await t.account('hoa.tran');
    const wrong = await t.signIn('hoa.tran', 'sai-mat-khau-roi');
    const unknown = await t.signIn('khong.ai.ca', 'sai-mat-khau-roi');
    for (const r of [wrong, unknown]) {
      expect(r.res.status).toBe(401);
      expect(r.body.type).toBe(STAFF_PROBLEMS.badCredentials);
      expect(r.body.detail).toBe('wrong user name or password');
      expect(r.res.headers.get('Set-Cookie')).toBeNull();
    }
    const failed = [...(await auditFor('hoa.tran')), ...(await auditFor('khong.ai.ca'))].filter((e) => e.action === 'sign-in-failed');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(await auditFor(''))).not.toContain('sai-mat-khau-roi');
  });

  it('the lock doubles from 1 minute after the 5th failure up to 60', () => {
    expect([1, 4, 5, 6, 7, 10, 11, 30].map(lockAfter)).toEqual([0, 0, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it('after 5 failures: 429 with Retry-After and a problem type of its own, even with the right password; then doubling; success resets', async () => {
    const me = await t.account('minh.le');
    for (let i = 1; i <= 4; i++) expect((await t.signIn('minh.le', 'sai-mat-khau-' + i)).res.status).toBe(401);
    const fifth = await t.signIn('MINH.LE', 'sai-mat-khau-5');
    expect(fifth.res.status).toBe(429);
    expect(fifth.res.headers.get('Retry-After')).toBe('60');
    expect(fifth.body.type).toBe(STAFF_PROBLEMS.locked);
    // Locked: the right password does not open it either, and the wait counts down.
    t.clock.advance(20_000);
    const right = await t.signIn('minh.le', me.password);
    expect(right.res.status).toBe(429);
    expect(right.res.headers.get('Retry-After')).toBe('40');
    t.clock.advance(40_000);
    const sixth = await t.signIn('minh.le', 'sai-mat-khau-6');
    expect(sixth.res.status).toBe(429);
    expect(sixth.res.headers.get('Retry-After')).toBe('120');
    t.clock.advance(2 * MINUTE);
    expect((await t.signIn('minh.le', me.password)).res.status).toBe(200);
    // Reset: four more failures are free again.
    for (let i = 1; i <= 4; i++) expect((await t.signIn('minh.le', 'sai-lan-nua-' + i)).res.status).toBe(401);
  });

  it('unknown names are locked the same way, so a lock tells nothing', async () => {
    for (let i = 1; i <= 4; i++) await t.signIn('chua.co.ai', 'mat-khau-doan-' + i);
    const fifth = await t.signIn('chưa.có.ai', 'mat-khau-doan-5');
    expect(fifth.res.status).toBe(429);
    expect(fifth.body.type).toBe(STAFF_PROBLEMS.locked);
  });

  it('a page of another origin cannot sign a browser in', async () => {
    const me = await t.account('evil.target');
    const res = await t.app.request('/api/v1/admin/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://attacker.example' },
      body: JSON.stringify({ username: me.username, password: me.password }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('Set-Cookie')).toBeNull();
  });

  it('bad input is a 400 problem and stores nothing', async () => {
    const res = await t.app.request('/api/v1/admin/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":"a"}' });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/problem\+json/);
  });
});

describe('two-step sign-in (TOTP)', () => {
  it('enrol with a confirm code; then sign-in needs a code, refuses a wrong or reused one, accepts a fresh one; off with the password', async () => {
    const me = await t.account('tuan.pham');
    const s = await t.signIn('tuan.pham', me.password);
    const start = await t.as(s, 'POST', '/api/v1/admin/session/totp');
    expect(start.status).toBe(200);
    const enrol = await start.json();
    expect(enrol.uri).toMatch(/^otpauth:\/\/totp\/PBGDPL:tuan\.pham\?/);
    expect(enrol.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrol.qr.split(',')[1], 'base64').toString()).toContain('<svg');
    const wrong = await t.as(s, 'POST', '/api/v1/admin/session/totp/confirm', { code: '000000' === code(enrol.secret, t.clock.now) ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    const ok = await t.as(s, 'POST', '/api/v1/admin/session/totp/confirm', { code: code(enrol.secret, t.clock.now) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).user.totp).toBe(true);

    const without = await t.signIn('tuan.pham', me.password);
    expect(without.res.status).toBe(401);
    expect(without.body.type).toBe(STAFF_PROBLEMS.totpRequired);
    // The code used to confirm is spent.
    const reused = await t.signIn('tuan.pham', me.password, code(enrol.secret, t.clock.now));
    expect(reused.res.status).toBe(401);
    expect(reused.body.type).toBe(STAFF_PROBLEMS.totpInvalid);
    t.clock.advance(30_000);
    const fresh = await t.signIn('tuan.pham', me.password, code(enrol.secret, t.clock.now));
    expect(fresh.res.status).toBe(200);
    expect(fresh.body.user.totp).toBe(true);

    expect((await t.as(fresh, 'POST', '/api/v1/admin/session/totp/off', { password: 'khong-phai-mat-khau' })).status).toBe(422);
    const off = await t.as(fresh, 'POST', '/api/v1/admin/session/totp/off', { password: me.password });
    expect(off.status).toBe(200);
    expect((await off.json()).user.totp).toBe(false);
    expect((await t.signIn('tuan.pham', me.password)).res.status).toBe(200);
    const actions = (await auditFor(`account:${me.id}`)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['totp-start', 'totp-on', 'totp-off']));
  });
});

describe('session timeouts', () => {
  it('idle: alive at 29 minutes, touched at most once a minute, dead after 30 unused, with its own problem type and the cookie cleared', async () => {
    const me = await t.account('idle.user');
    const s = await t.signIn('idle.user', me.password);
    const lastSeen = async () =>
      (await t.db.kysely.selectFrom('staff_sessions').select('last_seen_at').where('id_hash', '=', hashToken(s.cookie!)).executeTakeFirst())?.last_seen_at;
    const signedInAt = await lastSeen();
    t.clock.advance(30_000);
    expect((await t.as(s, 'GET', '/api/v1/admin/session')).status).toBe(200);
    expect(await lastSeen()).toBe(signedInAt);
    t.clock.advance(29 * MINUTE);
    expect((await t.as(s, 'GET', '/api/v1/admin/session')).status).toBe(200);
    expect(await lastSeen()).toBe(t.clock.now.toISOString());
    t.clock.advance(30 * MINUTE);
    const dead = await t.as(s, 'GET', '/api/v1/admin/session');
    expect(dead.status).toBe(401);
    expect((await dead.json()).type).toBe(STAFF_PROBLEMS.sessionExpired);
    expect(dead.headers.get('Set-Cookie')).toBe('__Host-pbgdpl-staff=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0');
    expect(await lastSeen()).toBeUndefined();
  });

  it('absolute: ends 12 hours after sign-in however busy', async () => {
    const me = await t.account('busy.user');
    const s = await t.signIn('busy.user', me.password);
    for (let h = 0; h < 23; h++) {
      t.clock.advance(29 * MINUTE);
      expect((await t.as(s, 'GET', '/api/v1/admin/session')).status, `after ${(h + 1) * 29} minutes`).toBe(200);
    }
    t.clock.advance(53 * MINUTE);
    const dead = await t.as(s, 'GET', '/api/v1/admin/session');
    expect(dead.status).toBe(401);
    expect((await dead.json()).type).toBe(STAFF_PROBLEMS.sessionExpired);
  });

  it('sign out ends the session and clears the cookie', async () => {
    const me = await t.account('bye.user');
    const s = await t.signIn('bye.user', me.password);
    const out = await t.as(s, 'DELETE', '/api/v1/admin/session', undefined, { Origin: ORIGIN });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/^__Host-pbgdpl-staff=; .*Max-Age=0$/);
    expect((await t.as(s, 'GET', '/api/v1/admin/session')).status).toBe(401);
    expect((await auditFor(`account:${me.id}`)).map((e) => e.action)).toContain('sign-out');
  });
});

describe('CSRF', () => {
  it('a change through the cookie needs the session’s X-CSRF-Token and, when an Origin is sent, this origin; a bearer token needs neither', async () => {
    const me = await t.account('csrf.admin', 'admin');
    const s = await t.signIn('csrf.admin', me.password);
    const invite = { name: 'Người được mời', role: 'editor' };
    const missing = await t.as({ cookie: s.cookie }, 'POST', '/api/v1/admin/staff/invites', invite);
    expect(missing.status).toBe(403);
    expect((await missing.json()).type).toBe(STAFF_PROBLEMS.csrf);
    const wrongToken = await t.as({ cookie: s.cookie, csrf: `${s.csrf!.slice(0, -1)}x` }, 'POST', '/api/v1/admin/staff/invites', invite);
    expect(wrongToken.status).toBe(403);
    const foreign = await t.as(s, 'POST', '/api/v1/admin/staff/invites', invite, { Origin: 'https://attacker.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).type).toBe(STAFF_PROBLEMS.csrf);
    expect((await t.as(s, 'POST', '/api/v1/admin/staff/invites', invite, { Origin: ORIGIN })).status).toBe(201);
    expect((await t.as(s, 'POST', '/api/v1/admin/staff/invites', invite)).status).toBe(201);
    const bearer = await t.app.request('/api/v1/admin/staff/invites', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.adminToken}`, 'Content-Type': 'application/json', Origin: 'https://script.example' },
      body: JSON.stringify(invite),
    });
    expect(bearer.status).toBe(201);
    // Nothing was made by the refused requests.
    const made = await t.db.kysely.selectFrom('staff_invites').select('id').where('invited_by', 'in', [me.username, 'Cán bộ csrf.admin']).execute();
    expect(made).toHaveLength(2);
  });
});

describe('managing staff', () => {
  it('disabling ends that person’s sessions at once; nobody can disable or demote themselves; role changes take effect on the next request', async () => {
    const boss = await t.account('truong.phong', 'admin');
    const worker = await t.account('can.bo.a', 'editor');
    const b = await t.signIn('truong.phong', boss.password);
    const w = await t.signIn('can.bo.a', worker.password);
    expect((await t.as(w, 'GET', '/api/v1/admin/staff')).status).toBe(403);
    expect((await t.as(b, 'PATCH', `/api/v1/admin/staff/${boss.id}`, { disabled: true })).status).toBe(409);
    expect((await t.as(b, 'PATCH', `/api/v1/admin/staff/${boss.id}`, { role: 'editor' })).status).toBe(409);
    const promoted = await t.as(b, 'PATCH', `/api/v1/admin/staff/${worker.id}`, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect((await t.as(w, 'GET', '/api/v1/admin/staff')).status).toBe(200);
    const disabled = await t.as(b, 'PATCH', `/api/v1/admin/staff/${worker.id}`, { disabled: true });
    expect(await disabled.json()).toMatchObject({ state: 'disabled', role: 'admin' });
    const dead = await t.as(w, 'GET', '/api/v1/admin/session');
    expect(dead.status).toBe(401);
    expect((await dead.json()).type).toBe(STAFF_PROBLEMS.sessionExpired);
    expect((await t.signIn('can.bo.a', worker.password)).body.type).toBe(STAFF_PROBLEMS.badCredentials);
    expect((await t.as(b, 'PATCH', `/api/v1/admin/staff/${worker.id}`, { disabled: false })).status).toBe(200);
    expect((await t.signIn('can.bo.a', worker.password)).res.status).toBe(200);
    const actions = (await auditFor(`account:${worker.id}`)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['staff-role', 'staff-disable', 'staff-enable']));
  });

  it('the list searches names, filters role and state, pages with a total', async () => {
    const res = await t.app.request('/api/v1/admin/staff?role=admin&limit=1', { headers: { Authorization: `Bearer ${t.adminToken}` } });
    const page = await res.json();
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toBeTruthy();
    const found = await (await t.app.request('/api/v1/admin/staff?q=TRUONG', { headers: { Authorization: `Bearer ${t.adminToken}` } })).json();
    expect(found.items.map((m: { username: string }) => m.username)).toEqual(['truong.phong']);
    expect(JSON.stringify(found)).not.toMatch(/scrypt|password/);
  });

  it('changing one’s password needs the current one and signs the other sessions out', async () => {
    const me = await t.account('doi.mat.khau');
    const here = await t.signIn('doi.mat.khau', me.password);
    const there = await t.signIn('doi.mat.khau', me.password);
    expect((await t.as(here, 'POST', '/api/v1/admin/session/password', { current: 'khong-dung-dau', next: 'mat-khau-moi-2026' })).status).toBe(422);
    expect((await t.as(here, 'POST', '/api/v1/admin/session/password', { current: me.password, next: 'ngan' })).status).toBe(400);
    expect((await t.as(here, 'POST', '/api/v1/admin/session/password', { current: me.password, next: 'mat-khau-moi-2026' })).status).toBe(204);
    expect((await t.as(here, 'GET', '/api/v1/admin/session')).status).toBe(200);
    expect((await t.as(there, 'GET', '/api/v1/admin/session')).status).toBe(401);
    expect((await t.signIn('doi.mat.khau', 'mat-khau-moi-2026')).res.status).toBe(200);
  });
});

describe('invites', () => {
  const invite = async (name: string) => {
    const res = await t.app.request('/api/v1/admin/staff/invites', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, role: 'editor' }),
    });
    expect(res.status).toBe(201);
    return res.json() as Promise<{ id: string; link: string; expiresAt: string }>;
  };
  const tokenOf = (link: string) => link.replace('/admin/#/invite/', '');

  it('a one-time link, only its hash stored; accepted once, which signs the new account in', async () => {
    const made = await invite('Nguyễn Thị Mai');
    expect(made.link).toMatch(/^\/admin\/#\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(made.expiresAt).toBe(new Date(t.clock.now.getTime() + 7 * 86_400_000).toISOString());
    const token = tokenOf(made.link);
    const stored = await t.db.kysely.selectFrom('staff_invites').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const seen = await t.app.request(`/api/v1/admin/invites/${token}`);
    expect(await seen.json()).toMatchObject({ name: 'Nguyễn Thị Mai', role: 'editor' });
    const taken = await t.app.request(`/api/v1/admin/invites/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'TRUONG.PHONG', password: PASSWORD }),
    });
    expect(taken.status).toBe(409);
    expect((await taken.json()).errors[0].path).toBe('username');
    const accept = () =>
      t.app.request(`/api/v1/admin/invites/${token}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'mai.nguyen', password: PASSWORD }),
      });
    const [first, second] = await Promise.all([accept(), accept()]);
    expect([first.status, second.status].sort()).toEqual([201, 404]);
    const winner = first.status === 201 ? first : second;
    expect(winner.headers.get('Set-Cookie')).toMatch(/^__Host-pbgdpl-staff=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=43200$/);
    expect((await winner.json()).user).toMatchObject({ username: 'mai.nguyen', name: 'Nguyễn Thị Mai', role: 'editor' });
    expect((await t.app.request(`/api/v1/admin/invites/${token}`)).status).toBe(404);
    expect((await t.signIn('mai.nguyen', PASSWORD)).res.status).toBe(200);
    expect((await auditFor(`invite:${made.id}`)).map((e) => e.action).sort()).toEqual(['invite', 'invite-accept']);
  });

  it('an expired invite is refused with 410 and makes no account', async () => {
    const made = await invite('Người đến muộn');
    t.clock.advance(7 * 86_400_000 + 1000);
    const token = tokenOf(made.link);
    const seen = await t.app.request(`/api/v1/admin/invites/${token}`);
    expect(seen.status).toBe(410);
    expect((await seen.json()).type).toBe(STAFF_PROBLEMS.inviteExpired);
    const res = await t.app.request(`/api/v1/admin/invites/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'den.muon', password: PASSWORD }),
    });
    expect(res.status).toBe(410);
    expect(await t.db.kysely.selectFrom('staff_accounts').select('id').where('username_key', '=', 'den.muon').executeTakeFirst()).toBeUndefined();
  });
});

describe('the audit log', () => {
  it('filters by actor, action, subject and Vietnam days, with a total', async () => {
    const auth = { headers: { Authorization: `Bearer ${t.adminToken}` } };
    const all = await (await t.app.request('/api/v1/admin/audit?limit=5', auth)).json();
    expect(all.total).toBeGreaterThan(5);
    expect(all.items).toHaveLength(5);
    const signIns = await (await t.app.request('/api/v1/admin/audit?action=sign-in&limit=100', auth)).json();
    expect(signIns.items.every((e: { action: string }) => e.action === 'sign-in')).toBe(true);
    expect(signIns.total).toBe(signIns.items.length);
    const byActor = await (await t.app.request('/api/v1/admin/audit?actor=c%C3%A1n%20b%E1%BB%99%20truong&limit=100', auth)).json();
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e: { actor: string }) => e.actor.startsWith('Cán bộ truong.phong'))).toBe(true);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const dayAfter = new Date(Date.now() + 31 * 3_600_000).toISOString().slice(0, 10);
    expect((await (await t.app.request(`/api/v1/admin/audit?from=${today}&to=${today}`, auth)).json()).total).toBe(all.total);
    expect((await (await t.app.request(`/api/v1/admin/audit?from=${dayAfter}`, auth)).json()).total).toBe(0);
    const actions = await (await t.app.request('/api/v1/admin/audit/actions', auth)).json();
    expect(actions.items).toEqual(expect.arrayContaining(['sign-in', 'sign-in-failed', 'invite']));
    expect((await t.app.request('/api/v1/admin/audit?from=02/03/2026', auth)).status).toBe(400);
  });
});
