import type { MiddlewareHandler } from 'hono';
import type { SiteDirectory } from '../sites/sites.queries.js';

const WRITE_HEADERS = 'Content-Type, Idempotency-Key';

/**
 * Reads are open to every origin. Writes answer CORS only to origins some site registered (the
 * route then checks the origin belongs to the site named in the body). No credentials, ever.
 */
export function cors(sites: SiteDirectory): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const preflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method');
    const wantsWrite = preflight ? !/^(GET|HEAD)$/i.test(preflight) : !/^(GET|HEAD|OPTIONS)$/.test(c.req.method);
    const allowed = !wantsWrite ? '*' : origin && (await sites.snapshot()).origins.has(origin) ? origin : null;

    if (preflight) {
      const headers: Record<string, string> = { Vary: 'Origin', 'Access-Control-Max-Age': '86400' };
      if (allowed) {
        headers['Access-Control-Allow-Origin'] = allowed;
        headers['Access-Control-Allow-Methods'] = wantsWrite ? 'POST' : 'GET, HEAD';
        headers['Access-Control-Allow-Headers'] = wantsWrite ? WRITE_HEADERS : 'Content-Type';
      }
      return c.body(null, 204, headers);
    }
    await next();
    if (allowed) c.res.headers.set('Access-Control-Allow-Origin', allowed);
    if (wantsWrite) c.res.headers.append('Vary', 'Origin');
    c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After, ETag');
  };
}
