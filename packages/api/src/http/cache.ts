import type { MiddlewareHandler } from 'hono';

/**
 * Public reads: a browser or CDN may reuse a response for a minute, then serve it stale while it
 * revalidates (a 304 when the ETag still matches), and keep serving it while the API is down.
 */
export const PUBLIC_READ = 'public, max-age=60, stale-while-revalidate=86400, stale-if-error=604800';

/**
 * Legal documents change when staff publish: every use revalidates (a 304 while the ETag, made from
 * the body, still matches), so a new document shows at once; a stored copy still serves for a week
 * while the API is down.
 */
export const FRESH_READ = 'public, no-cache, stale-if-error=604800';

export const publicCache = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (c.res.ok && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', PUBLIC_READ);
};
