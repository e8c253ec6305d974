import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Context } from 'hono';
import { acceptedEncodings } from './compress.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.vtt': 'text/vtt; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  body: Buffer;
  br?: Buffer;
  gz?: Buffer;
  type: string;
  etag: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/**
 * Files of a built folder, held in memory with their precompressed .br/.gz twins.
 * The embed bundle is a few dozen small files; reading them once keeps every request a lookup.
 */
export class AssetFolder {
  private readonly assets = new Map<string, Asset>();

  constructor(readonly dir: string) {
    if (!existsSync(dir)) return;
    for (const file of walk(dir)) {
      if (file.endsWith('.br') || file.endsWith('.gz')) continue;
      const body = readFileSync(file);
      const path = '/' + relative(dir, file).split(sep).join('/');
      this.assets.set(path, {
        body,
        br: existsSync(file + '.br') ? readFileSync(file + '.br') : undefined,
        gz: existsSync(file + '.gz') ? readFileSync(file + '.gz') : undefined,
        type: TYPES[extname(file)] ?? 'application/octet-stream',
        etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      });
    }
  }

  get size() {
    return this.assets.size;
  }

  /** Serves `path` with the given Cache-Control; null when there is no such file. */
  serve(c: Context, path: string, cacheControl: string): Response | null {
    const asset = this.assets.get(path);
    if (!asset) return null;
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': cacheControl,
      ETag: asset.etag,
      Vary: 'Accept-Encoding',
    };
    if (c.req.header('If-None-Match') === asset.etag) return new Response(null, { status: 304, headers });
    const accept = acceptedEncodings(c.req.header('Accept-Encoding'));
    let body = asset.body;
    if (asset.br && accept.has('br')) {
      body = asset.br;
      headers['Content-Encoding'] = 'br';
    } else if (asset.gz && accept.has('gzip')) {
      body = asset.gz;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  }

  /** Text of a file, for templated pages. */
  text(path: string): string | null {
    return this.assets.get(path)?.body.toString('utf8') ?? null;
  }
}
