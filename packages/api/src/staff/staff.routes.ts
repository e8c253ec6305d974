import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';
import type { StaffAuthSettings } from '../security/staff-sessions.js';
import type { StaffEnv } from '../security/staff.js';
import { auditRoutes } from './audit.routes.js';
import { peopleRoutes } from './people.routes.js';
import { sessionRoutes } from './session.routes.js';

export interface StaffRouteDeps {
  db: Kysely<Tables>;
  settings: StaffAuthSettings;
  /** TRUST_PROXY: which address a sign-in came from, for the audit log. */
  trustProxy: number;
}

/** Staff accounts: sessions, the staff list and invites, the audit log. */
export function staffRoutes(deps: StaffRouteDeps) {
  const app = new Hono<StaffEnv>();
  app.route('/', sessionRoutes(deps));
  app.route('/', peopleRoutes(deps));
  app.route('/', auditRoutes(deps.db));
  return app;
}
