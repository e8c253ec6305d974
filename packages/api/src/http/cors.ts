import type { Context, MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import type { SiteDirectory } from '../sites/sites.queries.js';

const EXPOSE = ['Retry-After', 'ETag'];
const MAX_AGE = 86_400;

/** A write, or the preflight of one. */
function wantsWrite(c: Context): boolean {
  const preflight = c.req.method === 'OPTIONS' ? c.req.header('Access-Control-Request-Method') : undefined;
  return preflight ? !/^(GET|HEAD)$/i.test(preflight) : !/^(GET|HEAD|OPTIONS)$/.test(c.req.method);
}

/**
 * Reads are open to every origin and do not vary by it. Writes answer CORS only to origins some
 * site registered (the route then checks the origin belongs to the site named in the body, and
 * refuses any other before reading the body); a preflight from any other origin gets no
 * Access-Control-Allow-Origin. The page-view beacon is open to every origin. No credentials, ever.
 */
export function cors(sites: SiteDirectory): MiddlewareHandler {
  const reads = honoCors({ origin: '*', allowMethods: ['GET', 'HEAD'], allowHeaders: ['Content-Type'], exposeHeaders: EXPOSE, maxAge: MAX_AGE });
  // The loader's page-view report comes from any page, registered or not (those are counted apart), and carries nobody's data.
  const beacon = honoCors({ origin: '*', allowMethods: ['POST'], allowHeaders: ['Content-Type'], maxAge: MAX_AGE });
  const registered = async (origin: string) => ((await sites.knowsOrigin(origin)) ? origin : null);
  const writes = honoCors({
    origin: registered,
    allowMethods: async (origin) => ((await registered(origin)) ? ['POST'] : []),
    allowHeaders: ['Content-Type', 'Idempotency-Key'],
    exposeHeaders: EXPOSE,
    maxAge: MAX_AGE,
  });
  return (c, next) => (c.req.path === '/api/v1/views' ? beacon : wantsWrite(c) ? writes : reads)(c, next);
}
