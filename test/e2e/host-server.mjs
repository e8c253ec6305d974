// A department's own website on another origin: serves the demo pages with the snippet pointing
// at the kit's API origin, under a strict Content-Security-Policy that allows only what
// docs/embedding.md tells hosts to allow.
// Usage: node test/e2e/host-server.mjs PORT API_ORIGIN
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const [port = '8792', apiOrigin = 'http://127.0.0.1:8791'] = process.argv.slice(2);
const root = fileURLToPath(new URL('../../packages/api/demo/', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

export const hostCsp = (api) =>
  [
    `default-src 'self'`,
    `script-src 'self' ${api}`,
    `connect-src 'self' ${api}`,
    // The forms' proof of work (ALTCHA) runs in workers it creates from blobs.
    `worker-src blob:`,
    `style-src 'self'`,
    `img-src 'self' data: ${api}`,
  ].join('; ');

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://host');
  const path = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(/^(\.\.[/\\])+/, '');
  try {
    let body = await readFile(join(root, path));
    if (path.endsWith('.html')) body = Buffer.from(body.toString('utf8').replaceAll('{{API_ORIGIN}}', apiOrigin));
    res.writeHead(200, {
      'Content-Type': types[extname(path)] ?? 'application/octet-stream',
      'Content-Security-Policy': hostCsp(apiOrigin),
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`host site on http://127.0.0.1:${port} (API ${apiOrigin})`));
