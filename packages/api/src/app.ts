import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { openApiDocument } from '@pbgdpl/contract/openapi';
import type { Db } from './db/database.js';
import { publicCache } from './http/cache.js';
import { compress } from './http/compress.js';
import { problem } from './http/problem.js';
import { AssetFolder } from './http/static.js';
import { InputError } from './http/validate.js';
import { lawRoutes } from './laws/laws.routes.js';
import { demoRoutes } from './demo/demo.routes.js';

export interface AppOptions {
  db: Db;
  version: string;
  /** The built embed bundle (loader.js and chunks), served under /embed/v1/. */
  embedDir?: string;
  /** Demo host pages, served at /. */
  demoDir?: string;
  log?: (message: string, error?: unknown) => void;
}

export const LOADER_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
export const CHUNK_CACHE = 'public, max-age=31536000, immutable';

export function createApp(options: AppOptions) {
  const { db, version } = options;
  const log = options.log ?? ((m, e) => console.error(`[pbgdpl-api] ${m}`, e ?? ''));
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  app.use('/api/*', compress());
  app.use('/api/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86400 }));
  app.use('/api/*', etag({ weak: true }));
  app.on(['GET', 'HEAD'], '/api/*', publicCache());

  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocument({ version, serverUrl: new URL(c.req.url).origin })));
  app.route('/', lawRoutes(db));
  app.all('/api/*', (c) => problem(c, 404, `no route ${c.req.method} ${c.req.path}; see /api/v1/openapi.json`));

  if (options.embedDir) {
    const embed = new AssetFolder(options.embedDir);
    if (embed.size === 0) log(`no embed bundle in ${options.embedDir}; run "pnpm build" first`);
    app.on(['GET', 'HEAD'], '/embed/v1/*', (c) => {
      const path = c.req.path.slice('/embed/v1'.length);
      const res = embed.serve(c, path, path.startsWith('/chunks/') ? CHUNK_CACHE : LOADER_CACHE);
      if (!res) return c.text('not found', 404);
      // Module chunks are fetched in CORS mode from the host page's origin.
      res.headers.set('Access-Control-Allow-Origin', '*');
      res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
      return res;
    });
  }
  if (options.demoDir) app.route('/', demoRoutes(new AssetFolder(options.demoDir)));

  app.get('/healthz', (c) => c.json({ ok: true, version, engine: db.engine }));

  app.onError((err, c) => {
    if (err instanceof InputError) return problem(c, 400, err.message, err.errors);
    if (err instanceof HTTPException && err.status < 500) return problem(c, err.status, err.message);
    log(`${c.req.method} ${c.req.path} failed`, err);
    return problem(c, 500, 'the server failed; the error is logged');
  });
  app.notFound((c) => c.text('not found', 404));
  return app;
}
