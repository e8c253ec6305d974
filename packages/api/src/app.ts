import { resolve } from 'node:path';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { openApiDocument } from '@pbgdpl/contract/openapi';
import type { Db } from './db/database.js';
import { isTransientDbError } from './db/transient.js';
import { publicCache } from './http/cache.js';
import { compress } from './http/compress.js';
import { cors } from './http/cors.js';
import { ProblemError, problem } from './http/problem.js';
import { AssetFolder } from './http/static.js';
import { InputError } from './http/validate.js';
import { lawRoutes } from './laws/laws.routes.js';
import { lawAdminRoutes } from './laws/laws.admin.routes.js';
import { IMPORT_MAX_ROWS, lawImportRoutes } from './laws/import/import.routes.js';
import { feedRoutes } from './laws/feeds/feeds.routes.js';
import { AttachmentStore } from './laws/attachment-store.js';
import { DEFAULT_FULLTEXT_URL } from './db/seed.js';
import { demoRoutes } from './demo/demo.routes.js';
import { adminRoutes } from './admin/admin.routes.js';
import { feedbackRoutes } from './feedback/feedback.routes.js';
import { feedbackAdminRoutes } from './feedback/feedback.admin.routes.js';
import { privacyRoutes } from './privacy/privacy.routes.js';
import { questionRoutes } from './questions/questions.routes.js';
import { questionAdminRoutes } from './questions/questions.admin.routes.js';
import { createServices, type Services } from './services.js';
import { siteRoutes } from './sites/sites.routes.js';
import { siteAdminRoutes } from './sites/sites.admin.routes.js';
import { challengeRoutes } from './submissions/challenge.routes.js';
import { viewRoutes } from './usage/views.routes.js';
import { DEFAULT_STAFF_AUTH, type StaffAuthSettings } from './security/staff-sessions.js';
import { staffAuthSettings } from './security/staff.js';
import { staffRoutes } from './staff/staff.routes.js';

export interface AppOptions {
  db: Db;
  version: string;
  /** The built embed bundle (loader.js and chunks), served under /embed/v1/. */
  embedDir?: string;
  /** Demo host pages, served at /. */
  demoDir?: string;
  /** The staff console (packages/admin/dist), served at /admin/. */
  adminDir?: string;
  /** Shared services; tests pass their own to tune limits and the proof-of-work cost. */
  services?: Services;
  log?: (message: string, error?: unknown) => void;
  /** Documents staff publish: where attachments are kept (in the data folder), how large they may be, the default full-text link. */
  laws?: { attachmentDir: string; attachmentMaxBytes: number; fullTextUrl?: string; importMaxBytes?: number; importMaxRows?: number };
  /** Staff sessions: idle and absolute timeouts, the public origin behind a proxy; tests move the clock. */
  staffAuth?: Partial<StaffAuthSettings>;
}

export const LOADER_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
export const CHUNK_CACHE = 'public, max-age=31536000, immutable';

export function createApp(options: AppOptions) {
  const { db, version } = options;
  const log = options.log ?? ((m, e) => console.error(`[pbgdpl-api] ${m}`, e ?? ''));
  const services = options.services ?? createServices(db);
  const app = new Hono();
  const laws = options.laws ?? { attachmentDir: resolve('.data', 'attachments'), attachmentMaxBytes: 20 * 1024 * 1024 };
  const files = new AttachmentStore(laws.attachmentDir);

  // Headers a route set itself win (overwrite: false): the embed bundle's cross-origin CORP, the staff pages' policies.
  app.use(
    '*',
    secureHeaders({
      overwrite: false,
      // Under no-referrer a page's no-cors POSTs say "Origin: null": the loader's page-view beacon on a demo page would count as from nowhere.
      referrerPolicy: false,
      // HTTPS for this host only: which of the province's other hosts speak HTTPS is not this server's to say.
      strictTransportSecurity: 'max-age=15552000',
      // Pages of other origins embed what this server serves (data, the bundle, posters): that is its job.
      crossOriginResourcePolicy: 'cross-origin',
    }),
  );

  app.use('/api/*', compress());
  app.use('/api/*', cors(services.sites));
  app.use('/api/*', etag({ weak: true }));
  app.on(['GET', 'HEAD'], '/api/*', publicCache());
  app.on(['GET', 'HEAD'], '/api/v1/*', services.usage.middleware());
  const staffAuth: StaffAuthSettings = { ...DEFAULT_STAFF_AUTH, ...options.staffAuth };
  // requireStaff reads the session settings from here, on every route that checks staff.
  app.use('/api/v1/admin/*', staffAuthSettings(staffAuth));

  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocument({ version, serverUrl: new URL(c.req.url).origin })));
  app.route('/', lawRoutes(db, files));
  app.route('/', siteRoutes(db.kysely, services.mail !== null));
  app.route('/', challengeRoutes(services));
  app.route('/', questionRoutes(services));
  app.route('/', feedbackRoutes(services));
  app.route('/', viewRoutes(services));
  app.route('/', adminRoutes(services));
  app.route('/', staffRoutes({ db: db.kysely, settings: staffAuth, trustProxy: services.config.trustProxy }));
  app.route('/', privacyRoutes(services));
  app.route('/', feedbackAdminRoutes(db.kysely));
  app.route('/', siteAdminRoutes(db.kysely, services.sites));
  app.route('/', questionAdminRoutes({ db: db.kysely, suggestions: services.suggestions, mail: services.mail }));
  app.route(
    '/',
    lawImportRoutes({
      db: db.kysely,
      suggestions: services.suggestions,
      maxBytes: laws.importMaxBytes ?? 10 * 1024 * 1024,
      maxRows: laws.importMaxRows ?? IMPORT_MAX_ROWS,
      fullTextUrl: laws.fullTextUrl ?? DEFAULT_FULLTEXT_URL,
    }),
  );
  app.route(
    '/',
    lawAdminRoutes({
      db: db.kysely,
      suggestions: services.suggestions,
      files,
      attachmentMaxBytes: laws.attachmentMaxBytes,
      fullTextUrl: laws.fullTextUrl ?? DEFAULT_FULLTEXT_URL,
      log,
    }),
  );
  app.route('/', feedRoutes(db.kysely, services.feeds));
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
  if (options.adminDir) {
    const pages = new AssetFolder(options.adminDir);
    if (pages.size === 0) log(`no staff console in ${options.adminDir}; run "pnpm build" first`);
    app.get('/admin', (c) => c.redirect('/admin/'));
    app.get('/admin/*', (c) => {
      const path = c.req.path === '/admin/' ? '/index.html' : c.req.path.slice('/admin'.length);
      // Built assets are named by their hash; the page that names them is revalidated.
      const res = pages.serve(c, path, path.startsWith('/assets/') ? CHUNK_CACHE : 'no-cache');
      if (!res) return c.text('not found', 404);
      // Staff pages show what anyone on the internet wrote: no inline script, no framing, no third parties.
      res.headers.set(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
      res.headers.set('Referrer-Policy', 'no-referrer');
      res.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
      return res;
    });
  }
  // Liveness: the process answers; it touches no database, so a database outage does not get the process restarted.
  app.get('/healthz', (c) => c.json({ ok: true, version, engine: db.engine }));
  // Readiness: a real round trip to the database (and, for SQLite, an intact file).
  app.get('/readyz', async (c) => {
    const ready = await db.ready();
    return ready.ok ? c.json({ ...ready, version, engine: db.engine }) : problem(c, 503, ready.detail);
  });
  if (options.demoDir) app.route('/', demoRoutes(new AssetFolder(options.demoDir)));

  app.onError((err, c) => {
    if (err instanceof InputError) return problem(c, 400, err.message, err.errors);
    if (err instanceof ProblemError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return problem(c, err.status, err.detail, err.errors, err.type);
    }
    if (err instanceof HTTPException && err.status < 500) return problem(c, err.status, err.message);
    log(`${c.req.method} ${c.req.path} failed`, err);
    if (isTransientDbError(err)) {
      c.header('Retry-After', '1');
      return problem(c, 503, 'the database is unavailable for a moment; try again');
    }
    return problem(c, 500, 'the server failed; the error is logged');
  });
  app.notFound((c) => c.text('not found', 404));
  return Object.assign(app, { services });
}
