import type { MiddlewareHandler } from 'hono';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /^(application\/(json|problem\+json|javascript)|text\/|image\/svg)/;
const MIN_BYTES = 1024;

/**
 * Brotli (or gzip) for dynamic responses; small JSON bodies compress in well under a millisecond
 * at quality 5. Static embed files are precompressed at build time and skip this.
 */
export const compress = (): MiddlewareHandler => async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get('Content-Type') ?? '';
  if (!res.body || res.headers.has('Content-Encoding') || !COMPRESSIBLE.test(type) || c.req.method === 'HEAD') return;
  res.headers.append('Vary', 'Accept-Encoding');
  const accepted = acceptedEncodings(c.req.header('Accept-Encoding'));
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
  if (!encoding) return;
  const raw = Buffer.from(await res.arrayBuffer());
  if (raw.length < MIN_BYTES) {
    c.res = new Response(raw, res);
    return;
  }
  const body =
    encoding === 'br'
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : gzipSync(raw, { level: 6 });
  c.res = new Response(body, res);
  // Hono copies the old response's headers onto the new one, so set these after.
  c.res.headers.set('Content-Encoding', encoding);
  c.res.headers.set('Content-Length', String(body.length));
};

/** Encodings the client accepts, minus those it refuses with q=0. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name && (q === undefined || Number(q) > 0)) out.add(name.trim());
  }
  return out;
}
