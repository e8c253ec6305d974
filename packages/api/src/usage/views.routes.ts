import { Hono } from 'hono';
import { routes } from '@pbgdpl/contract';
import { jsonBody } from '../http/json-body.js';
import { honoPath } from '../http/paths.js';
import { ProblemError } from '../http/problem.js';
import { InputError, valid, validOrThrow } from '../http/validate.js';
import { clientIp } from '../security/client-ip.js';
import type { Limit, RateLimiter } from '../security/rate-limit.js';
import type { SiteDirectory } from '../sites/sites.queries.js';
import type { UsageCounter } from './usage.js';
import { checkViewToken, issueViewToken } from './view-token.js';

export interface ViewDeps {
  limiter: RateLimiter;
  sites: SiteDirectory;
  usage: UsageCounter;
  config: { trustProxy: number; limits: { views: Limit } };
  viewSecret: () => Promise<string>;
}

const REFUSALS = {
  malformed: 'the page token is malformed',
  forged: 'the page token was not issued by this server',
  expired: 'the page token expired',
  other_address: 'the page token was issued to another address',
} as const;

/**
 * Page views as the loader reports them: a token fetched after the widgets rendered, sent back
 * once with the page's path and those widgets. A token is signed, short-lived, bound to the
 * address that fetched it and counted once; each address gets a bounded number of tokens. So a
 * stranger cannot inflate a site's figures with `?site=…` (those reads are counted apart, as
 * unverified), and a view from an origin the site did not register is kept apart too.
 */
export function viewRoutes({ limiter, sites, usage, config, viewSecret }: ViewDeps) {
  const app = new Hono();

  app.get(honoPath(routes.getViewToken.path), valid('query', routes.getViewToken.query), async (c) => {
    const { site } = c.req.valid('query');
    if (!(await sites.knowsSite(site))) throw new InputError([{ path: 'site', code: 'unknown_site', message: `no site "${site}" is registered` }]);
    const address = clientIp(c, config.trustProxy);
    const wait = limiter.take(`views:${address}`, config.limits.views);
    if (wait > 0)
      throw new ProblemError(
        429,
        `too many page views from this address; try again in ${wait} seconds`,
        undefined,
        { 'Retry-After': String(wait) },
        '/problems/rate-limited',
      );
    const origin = c.req.header('Origin');
    const registered = origin ? await sites.originOf(site, origin) : null;
    c.header('Cache-Control', 'no-store');
    return c.json({ ...issueViewToken(await viewSecret(), site, address), registered });
  });

  // Sent as text/plain, which hono's json target does not read: checked here with the same refusals.
  app.post(honoPath(routes.reportView.path), jsonBody(2048, 'json-as-text'), async (c) => {
    const report = await validOrThrow(routes.reportView.body, await c.req.json());
    const check = checkViewToken(await viewSecret(), report.token, clientIp(c, config.trustProxy));
    if (!check.ok) throw new ProblemError(400, REFUSALS[check.reason], [{ path: 'token', code: `token_${check.reason}`, message: REFUSALS[check.reason] }]);
    const origin = c.req.header('Origin') ?? '';
    const registered = Boolean(origin) && (await sites.originOf(check.site, origin));
    usage.recordView({
      site: check.site,
      origin: origin || 'unknown',
      path: report.path,
      widgets: report.widgets,
      registered,
      nonce: check.nonce,
      expiresAt: check.expiresAt,
    });
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });

  return app;
}
