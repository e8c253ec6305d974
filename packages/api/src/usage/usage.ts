import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { routes, type RouteSpec } from '@pbgdpl/contract';
import { honoPath } from '../http/paths.js';
import type { Tables } from '../db/schema.js';
import type { SiteDirectory } from '../sites/sites.queries.js';

export interface PageView {
  site: string;
  origin: string;
  path: string;
  widgets: string[];
  /** The origin is registered for the site; other views are kept apart. */
  registered: boolean;
  /** The page token's nonce, so one token counts one view, across instances too. */
  nonce: string;
  expiresAt: number;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The content reads a widget makes (documents, Q&A, meta…), not challenges or page tokens. */
const CONTENT_READS = new Set(
  Object.values(routes as Record<string, RouteSpec>)
    .filter((r) => r.cache === 'public')
    .map((r) => honoPath(r.path)),
);

/**
 * Usage per registered site and day, without addresses or any personal data, so the Department of
 * Justice sees which sites carry the module. Two figures: page views the loader reported with a
 * page token (verified: see views.routes.ts), and API reads that name a site with `?site=` (anyone
 * can send those, so they are unverified). Both gather in memory and are written in one
 * transaction every 30 s, so reads never wait on a disk flush. Responses a browser or CDN served
 * from cache are not counted: the read figures are a floor.
 */
export class UsageCounter {
  private pending = new Map<string, number>();
  private views = new Map<string, { view: PageView; nonces: Map<string, number> }>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sites: SiteDirectory,
  ) {}

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      await next();
      const site = c.req.query('site');
      if (!site || c.res.status >= 400 || !CONTENT_READS.has(c.req.routePath)) return;
      if (!(await this.sites.snapshot()).keys.has(site)) return;
      const endpoint = c.req.routePath.replace(/^\/api\/v1\//, '') || c.req.path;
      const key = `${today()}|${site}|${endpoint}`;
      this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    };
  }

  recordView(view: PageView) {
    const widgets = [...new Set(view.widgets)].sort().join(',');
    const key = JSON.stringify([today(), view.site, view.origin, view.path, widgets, view.registered]);
    const group = this.views.get(key) ?? { view: { ...view, widgets: widgets.split(',') }, nonces: new Map() };
    group.nonces.set(view.nonce, view.expiresAt);
    this.views.set(key, group);
  }

  start(intervalMs = 30_000) {
    this.timer = setInterval(() => void this.flush().catch((e) => console.error('[pbgdpl-api] usage flush failed', e)), intervalMs);
    this.timer.unref();
  }

  async flush() {
    if (this.pending.size === 0 && this.views.size === 0) return;
    const reads = this.pending;
    const views = this.views;
    this.pending = new Map();
    this.views = new Map();
    await this.db.transaction().execute(async (trx) => {
      for (const [key, hits] of reads) {
        const [day, site_key, endpoint] = key.split('|') as [string, string, string];
        await trx
          .insertInto('usage_daily')
          .values({ day, site_key, endpoint, hits })
          .onConflict((oc) => oc.columns(['day', 'site_key', 'endpoint']).doUpdateSet((eb) => ({ hits: eb('usage_daily.hits', '+', hits) })))
          .execute();
      }
      for (const [key, { view, nonces }] of views) {
        const [day] = JSON.parse(key) as [string];
        // A token seen before (here or by another instance) counts nothing: only new nonces add views.
        let count = 0;
        const rows = [...nonces].map(([nonce, expires_at]) => ({ nonce, expires_at }));
        for (let i = 0; i < rows.length; i += 500) {
          const fresh = await trx
            .insertInto('view_tokens_used')
            .values(rows.slice(i, i + 500))
            .onConflict((oc) => oc.column('nonce').doNothing())
            .executeTakeFirst();
          count += Number(fresh.numInsertedOrUpdatedRows ?? 0);
        }
        if (!count) continue;
        const row = { day, site_key: view.site, origin: view.origin, path: view.path, widgets: view.widgets.join(','), registered: view.registered ? 1 : 0 };
        await trx
          .insertInto('page_views_daily')
          .values({ ...row, views: count })
          .onConflict((oc) =>
            oc
              .columns(['day', 'site_key', 'origin', 'path', 'widgets', 'registered'])
              .doUpdateSet((eb) => ({ views: eb('page_views_daily.views', '+', count) })),
          )
          .execute();
      }
      if (views.size)
        await trx
          .deleteFrom('view_tokens_used')
          .where('expires_at', '<', Math.floor(Date.now() / 1000))
          .execute();
    });
  }

  async stop() {
    clearInterval(this.timer);
    await this.flush();
  }
}
