import { Hono } from 'hono';
import { routes } from '@pbgdpl/contract';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';
import { honoPath } from '../http/paths.js';
import { problem } from '../http/problem.js';
import { valid } from '../http/validate.js';
import { getSite, toPublicSite } from './sites.queries.js';

/** `answersByEmail`: this server has an SMTP relay (SMTP_URL), so answers reach citizens who asked for them by e-mail. */
export function siteRoutes(db: Kysely<Tables>, answersByEmail: boolean) {
  const app = new Hono();
  app.get(honoPath(routes.getSite.path), valid('param', routes.getSite.params), async (c) => {
    const { key } = c.req.valid('param');
    const site = await getSite(db, key);
    return site ? c.json(toPublicSite(site, answersByEmail)) : problem(c, 404, `no site "${key}" is registered`);
  });
  return app;
}
