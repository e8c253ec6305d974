import { Hono } from 'hono';
import { routes } from '@pbgdpl/contract';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';
import { honoPath } from '../http/paths.js';
import { problem } from '../http/problem.js';
import { parseOrThrow } from '../http/validate.js';
import { getSite, toPublicSite } from './sites.queries.js';

export function siteRoutes(db: Kysely<Tables>) {
  const app = new Hono();
  app.get(honoPath(routes.getSite.path), async (c) => {
    const { key } = parseOrThrow(routes.getSite.params, c.req.param());
    const site = await getSite(db, key);
    return site ? c.json(toPublicSite(site, false)) : problem(c, 404, `no site "${key}" is registered`);
  });
  return app;
}
