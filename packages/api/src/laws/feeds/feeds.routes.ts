import { randomUUID } from 'node:crypto';
import { routes, type FeedPatch } from '@pbgdpl/contract';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.js';
import { jsonBody } from '../../http/json-body.js';
import { honoPath } from '../../http/paths.js';
import { ProblemError } from '../../http/problem.js';
import { InputError, valid } from '../../http/validate.js';
import { audit, requireStaff, type StaffEnv } from '../../security/staff.js';
import { unknownCodes } from '../laws.queries.js';
import type { FeedScheduler } from './feed-scheduler.js';
import { insertFeed, listFeeds, listRuns, patchFeed, readFeed } from './feeds.queries.js';

const FEED_BODY = 16 * 1024;

/** The defaults must be codes of GET /api/v1/meta: 400 naming each one that is not. */
async function checkDefaults(db: Kysely<Tables>, f: Pick<FeedPatch, 'defaultType' | 'defaultIssuer' | 'defaultField'>) {
  const unknown = await unknownCodes(db, { type: f.defaultType ?? undefined, issuer: f.defaultIssuer ?? undefined, field: f.defaultField });
  const name = { type: 'defaultType', issuer: 'defaultIssuer', field: 'defaultField' } as const;
  if (unknown.length) {
    throw new InputError(
      unknown.map(({ path, value }) => ({
        path: name[path as keyof typeof name],
        code: 'unknown_value',
        message: `unknown ${path} "${value}"; GET /api/v1/meta lists the known values`,
      })),
    );
  }
}

/** Administrators register feeds, run them, and read their runs. */
export function feedRoutes(db: Kysely<Tables>, feeds: FeedScheduler) {
  const app = new Hono<StaffEnv>();
  const admin = requireStaff(db, 'admin');
  const body = jsonBody(FEED_BODY);
  for (const path of ['/api/v1/admin/feeds', '/api/v1/admin/feeds/*']) {
    app.use(path, async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    });
  }
  const found = async (id: string) => {
    const feed = await readFeed(db, id);
    if (!feed) throw new ProblemError(404, `no feed with id "${id}"`);
    return feed;
  };

  app.get(honoPath(routes.adminListFeeds.path), admin, valid('query', routes.adminListFeeds.query), async (c) =>
    c.json(await listFeeds(db, c.req.valid('query'))),
  );

  app.post(honoPath(routes.adminCreateFeed.path), admin, body, valid('json', routes.adminCreateFeed.body), async (c) => {
    const input = c.req.valid('json');
    await checkDefaults(db, input);
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await insertFeed(trx, id, input, new Date().toISOString());
      await audit(trx, c.get('staff'), 'create-feed', `feed:${id}`, input);
    });
    return c.json(await found(id), 201);
  });

  app.post(honoPath(routes.adminPreviewFeed.path), admin, body, valid('json', routes.adminPreviewFeed.body), async (c) => {
    const input = c.req.valid('json');
    await checkDefaults(db, input);
    return c.json(await feeds.preview(input));
  });

  app.patch(
    honoPath(routes.adminUpdateFeed.path),
    admin,
    valid('param', routes.adminUpdateFeed.params),
    body,
    valid('json', routes.adminUpdateFeed.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      await found(id);
      await checkDefaults(db, patch);
      await db.transaction().execute(async (trx) => {
        await patchFeed(trx, id, patch, new Date().toISOString());
        await audit(trx, c.get('staff'), 'update-feed', `feed:${id}`, patch);
      });
      return c.json(await found(id));
    },
  );

  app.delete(honoPath(routes.adminDeleteFeed.path), admin, valid('param', routes.adminDeleteFeed.params), async (c) => {
    const { id } = c.req.valid('param');
    const feed = await found(id);
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const gone = await trx
        .deleteFrom('law_feeds')
        .where('id', '=', id)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) !== 1) throw new ProblemError(409, 'a run of this feed is under way; remove it when the run has finished');
      await trx.deleteFrom('law_feed_runs').where('feed_id', '=', id).execute();
      await audit(trx, c.get('staff'), 'delete-feed', `feed:${id}`, { name: feed.name, url: feed.url });
    });
    return c.body(null, 204);
  });

  app.post(honoPath(routes.adminRunFeed.path), admin, valid('param', routes.adminRunFeed.params), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await feeds.runNow(id, c.get('staff')), 201);
  });

  app.get(
    honoPath(routes.adminListFeedRuns.path),
    admin,
    valid('param', routes.adminListFeedRuns.params),
    valid('query', routes.adminListFeedRuns.query),
    async (c) => {
      const { id } = c.req.valid('param');
      await found(id);
      return c.json(await listRuns(db, id, c.req.valid('query')));
    },
  );
  return app;
}
