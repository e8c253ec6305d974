import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { routes } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../admin/offset-cursor.js';
import { siteReports } from '../admin/site-reports.js';
import { jsonBody } from '../http/json-body.js';
import { honoPath } from '../http/paths.js';
import { ProblemError } from '../http/problem.js';
import { InputError, valid } from '../http/validate.js';
import { audit, requireStaff, type StaffEnv } from '../security/staff.js';
import { siteActivity } from './site-activity.js';
import { findSites } from './site-list.js';
import { freeKey, getSite, putSite, registerSite, type SiteDirectory } from './sites.queries.js';

/** The staff body limit (admin.routes.ts): a site's fields and up to 20 origins fit in far less. */
const SITE_BODY = 64 * 1024;

/**
 * The registry of the sites that carry the module. Registering or changing a site reaches the site
 * directory at once, so its origins may submit questions and feedback from the next request on.
 */
export function siteAdminRoutes(db: Kysely<Tables>, directory: SiteDirectory) {
  const app = new Hono<StaffEnv>();
  const editor = requireStaff(db, 'editor');
  // Origins decide who may send citizens' data in a site's name: administrators only.
  const admin = requireStaff(db, 'admin');
  const body = jsonBody(SITE_BODY);
  for (const path of ['/api/v1/admin/sites', '/api/v1/admin/sites/*']) {
    app.use(path, async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    });
  }
  const load = async (key: string) => {
    const site = await getSite(db, key);
    if (!site) throw new ProblemError(404, `no site "${key}" is registered`);
    return site;
  };

  app.get(honoPath(routes.adminSites.path), editor, valid('query', routes.adminSites.query), async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    const skip = cursor ? decodeOffsetCursor(cursor) : 0;
    if (skip === null) throw new InputError([{ path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed; pass back nextCursor as it came' }]);
    const { sites, more, total } = await findSites(db, filter, { skip, limit });
    return c.json({ items: await siteReports(db, sites), total, nextCursor: more ? encodeOffsetCursor(skip + limit) : null });
  });

  app.post(honoPath(routes.adminRegisterSite.path), admin, body, valid('json', routes.adminRegisterSite.body), async (c) => {
    const input = c.req.valid('json');
    const site = await registerSite(db, { ...input, key: input.key ?? (await freeKey(db, input.name)) });
    directory.invalidate();
    await audit(db, c.get('staff'), 'register-site', `site:${site.key}`, input);
    return c.json(site, 201);
  });

  app.get(honoPath(routes.adminGetSite.path), editor, valid('param', routes.adminGetSite.params), async (c) => c.json(await load(c.req.valid('param').key)));

  app.put(honoPath(routes.adminPutSite.path), admin, valid('param', routes.adminPutSite.params), body, valid('json', routes.adminPutSite.body), async (c) => {
    const { key } = c.req.valid('param');
    const input = c.req.valid('json');
    if (input.key !== undefined && input.key !== key) {
      throw new InputError([{ path: 'key', code: 'mismatch', message: 'the key in the body differs from the one in the path; a key cannot be changed' }]);
    }
    const site = await putSite(db, { ...input, key });
    directory.invalidate();
    await audit(db, c.get('staff'), 'put-site', `site:${key}`, input);
    return c.json(site);
  });

  app.get(honoPath(routes.adminSiteActivity.path), editor, valid('param', routes.adminSiteActivity.params), async (c) => {
    const { key } = c.req.valid('param');
    await load(key);
    return c.json(await siteActivity(db, key));
  });

  return app;
}
