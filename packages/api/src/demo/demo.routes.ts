import { Hono } from 'hono';
import type { AssetFolder } from '../http/static.js';

/**
 * Demo host pages. `{{API_ORIGIN}}` in a page becomes this server's origin, so the same file
 * works when the e2e tests serve it from a second origin pointing back here.
 */
export function demoRoutes(pages: AssetFolder) {
  const app = new Hono();
  app.get('/*', (c) => {
    const path = c.req.path === '/' ? '/index.html' : c.req.path;
    if (path.endsWith('.html')) {
      const text = pages.text(path);
      if (text === null) return c.notFound();
      c.header('Cache-Control', 'no-cache');
      return c.html(text.replaceAll('{{API_ORIGIN}}', new URL(c.req.url).origin));
    }
    return pages.serve(c, path, 'no-cache') ?? c.notFound();
  });
  return app;
}
