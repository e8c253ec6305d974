import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Db } from '../../src/db/database.js';
import { createAccount } from '../../src/security/staff-accounts.js';
import { SESSION_COOKIE } from '../../src/security/staff-sessions.js';
import { createStaffToken } from '../../src/security/staff.js';
import type { Role } from '@pbgdpl/contract';
import { scratchDatabase, type App, type Scratch } from './app.js';

/** The origin app.request() gives requests: what the server takes as its own. */
export const ORIGIN = 'http://localhost';

export interface StaffTestApp {
  app: App;
  db: Db;
  /** The server's clock: tests move it instead of sleeping. */
  clock: { now: Date; advance(ms: number): void };
  adminToken: string;
  account(username: string, role?: Role, password?: string): Promise<{ id: string; username: string; password: string }>;
  /** POST /api/v1/admin/session; `cookie` is the session's cookie value when it succeeded. */
  signIn(username: string, password: string, totp?: string): Promise<{ res: Response; body: any; cookie: string | null; csrf: string | null }>;
  /** A request carrying the session cookie (and the CSRF token when given). */
  as(
    session: { cookie: string | null; csrf?: string | null },
    method: string,
    path: string,
    json?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

export const PASSWORD = 'mat-khau-du-dai-2026';

export function useStaffApp(): StaffTestApp {
  let scratch: Scratch | undefined;
  const t = {} as StaffTestApp;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    const clock = { now: new Date('2026-03-02T02:00:00.000Z'), advance: (ms: number) => void (clock.now = new Date(clock.now.getTime() + ms)) };
    const app = createApp({
      db: scratch.db,
      version: 'test',
      staffAuth: { now: () => clock.now },
      log: (message, error) => console.error(`[api under test] ${message}`, error ?? ''),
    });
    const token = (await createStaffToken(scratch.db.kysely, 'Kịch bản', 'admin')).token;
    const as: StaffTestApp['as'] = (session, method, path, json, headers = {}) =>
      Promise.resolve(
        app.request(path, {
          method,
          headers: {
            ...(session.cookie ? { Cookie: `${SESSION_COOKIE}=${session.cookie}` } : {}),
            ...(session.csrf ? { 'X-CSRF-Token': session.csrf } : {}),
            ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...headers,
          },
          ...(json === undefined ? {} : { body: JSON.stringify(json) }),
        }),
      );
    Object.assign(t, {
      app,
      db: scratch.db,
      clock,
      adminToken: token,
      async account(username: string, role: Role = 'editor', password = PASSWORD) {
        const row = await createAccount(scratch!.db.kysely, { username, name: `Cán bộ ${username}`, role, password });
        return { id: row.id, username, password };
      },
      async signIn(username: string, password: string, totp?: string) {
        const res = await app.request('/api/v1/admin/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
          body: JSON.stringify({ username, password, ...(totp ? { totp } : {}) }),
        });
        const body = await res.json();
        const cookie = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get('Set-Cookie') ?? '')?.[1] ?? null;
        return { res, body, cookie, csrf: res.ok ? body.csrfToken : null };
      },
      as,
    } satisfies StaffTestApp);
  });
  afterAll(async () => {
    await scratch?.drop();
  });
  return t;
}
