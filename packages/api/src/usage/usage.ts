import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';
import type { SiteDirectory } from '../sites/sites.queries.js';

/**
 * Counts reads per registered site, endpoint and day — no addresses, no personal data — so the
 * Department of Justice sees which sites carry the module. Counts gather in memory and are written
 * in one transaction every 30 s, so reads never wait on a disk flush. Responses a browser or CDN
 * served from cache are not counted: the figures are a floor.
 */
export class UsageCounter {
  private pending = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sites: SiteDirectory,
  ) {}

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      await next();
      const site = c.req.query('site');
      if (!site || c.res.status >= 400) return;
      if (!(await this.sites.snapshot()).keys.has(site)) return;
      const endpoint = c.req.routePath.replace(/^\/api\/v1\//, '') || c.req.path;
      const key = `${new Date().toISOString().slice(0, 10)}|${site}|${endpoint}`;
      this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    };
  }

  start(intervalMs = 30_000) {
    this.timer = setInterval(() => void this.flush().catch((e) => console.error('[pbgdpl-api] usage flush failed', e)), intervalMs);
    this.timer.unref();
  }

  async flush() {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    await this.db.transaction().execute(async (trx) => {
      for (const [key, hits] of batch) {
        const [day, site_key, endpoint] = key.split('|') as [string, string, string];
        await trx
          .insertInto('usage_daily')
          .values({ day, site_key, endpoint, hits })
          .onConflict((oc) => oc.columns(['day', 'site_key', 'endpoint']).doUpdateSet((eb) => ({ hits: eb('usage_daily.hits', '+', hits) })))
          .execute();
      }
    });
  }

  async stop() {
    clearInterval(this.timer);
    await this.flush();
  }
}
