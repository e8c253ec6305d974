import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { STAFF_PROBLEMS, routes, type RouteSpec } from '@pbgdpl/contract';
import { openSession, DEFAULT_STAFF_AUTH } from '../src/security/staff-sessions.js';
import { createStaffToken } from '../src/security/staff.js';
import { useStaffApp } from './support/staff-app.js';

/**
 * Generated from the contract: every route with `auth` refuses a request with no session, with an
 * ended session, with too low a role, and (for changes) a session cookie without its CSRF token.
 * Routes added later are covered by being in `routes`.
 */
const t = useStaffApp();

const guarded = Object.entries(routes as Record<string, RouteSpec>).filter(([, r]) => r.auth);
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

/** A value each path parameter accepts, so that the request gets as far as the staff check. */
const CANDIDATES = ['00000000-0000-4000-8000-000000000000', 'demo', 'dummy-0', 'x'.repeat(24)];
function pathOf(route: RouteSpec): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const schema = route.params?.shape[name] as z.ZodMiniType | undefined;
    const value = CANDIDATES.find((v) => !schema || z.safeParse(schema, v).success);
    if (!value) throw new Error(`no dummy value fits ${route.path} {${name}}`);
    return value;
  });
}

/** A session made straight in the database, `shift` ms in the past (to be past its idle timeout). */
async function session(role: 'editor' | 'admin', shift = 0) {
  const account = await t.account(`auth.${role}.${Math.random().toString(36).slice(2, 8)}`, role);
  const settings = { ...DEFAULT_STAFF_AUTH, now: () => new Date(t.clock.now.getTime() - shift) };
  const opened = await openSession(t.db.kysely, account.id, settings);
  return { cookie: opened.value, csrf: opened.csrfToken };
}

const send = (route: RouteSpec, s: { cookie: string | null; csrf?: string | null }, headers: Record<string, string> = {}) =>
  t.as(s, route.method.toUpperCase(), pathOf(route), UNSAFE.has(route.method) ? {} : undefined, headers);

describe('every staff route refuses', () => {
  it('the contract has staff routes of both roles', () => {
    expect(guarded.some(([, r]) => r.auth === 'admin')).toBe(true);
    expect(guarded.some(([, r]) => r.auth === 'editor')).toBe(true);
  });

  it.each(guarded)('%s: no session or token → 401', async (_, route) => {
    const res = await send(route, { cookie: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('Content-Type')).toMatch(/problem\+json/);
  });

  it.each(guarded)('%s: an ended session → 401 session-expired, cookie cleared', async (_, route) => {
    const idle = await session('admin', (DEFAULT_STAFF_AUTH.idleMinutes + 1) * 60_000);
    const res = await send(route, idle, { Origin: 'http://localhost' });
    expect(res.status).toBe(401);
    expect((await res.json()).type).toBe(STAFF_PROBLEMS.sessionExpired);
    expect(res.headers.get('Set-Cookie')).toMatch(/^__Host-pbgdpl-staff=; .*Max-Age=0$/);
  });

  it.each(guarded.filter(([, r]) => r.auth === 'admin'))('%s: an editor (session or token) → 403', async (_, route) => {
    const editor = await session('editor');
    expect((await send(route, editor)).status).toBe(403);
    const token = (await createStaffToken(t.db.kysely, 'Biên tập viên (kịch bản)', 'editor')).token;
    expect((await send(route, { cookie: null }, { Authorization: `Bearer ${token}` })).status).toBe(403);
  });

  it.each(guarded.filter(([, r]) => UNSAFE.has(r.method)))(
    '%s: a session cookie without its CSRF token, or from another origin → 403 csrf',
    async (_, route) => {
      const admin = await session('admin');
      const without = await send(route, { cookie: admin.cookie });
      expect(without.status).toBe(403);
      expect((await without.json()).type).toBe(STAFF_PROBLEMS.csrf);
      const foreign = await send(route, admin, { Origin: 'https://attacker.example' });
      expect(foreign.status).toBe(403);
      expect((await foreign.json()).type).toBe(STAFF_PROBLEMS.csrf);
    },
  );
});
