import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ENGINE, useTestApp } from './support/app.js';

const t = useTestApp();

const PUBLIC_ROUTES = ['/api/v1/laws', '/api/v1/laws?field=dat-dai&lang=en', '/api/v1/laws/91-2025-qh15', '/api/v1/meta'];

describe('HTTP caching', () => {
  it.each(PUBLIC_ROUTES)('a 200 from %s carries a weak ETag and a public Cache-Control', async (path) => {
    const res = await t.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toMatch(/^W\/"[^"]+"$/);
    const cc = res.headers.get('Cache-Control') ?? '';
    expect(cc).toMatch(/(^|,\s*)public(,|$)/);
    expect(cc).toMatch(/(^|,\s*)stale-if-error=[1-9]\d*(,|$)/);
    expect(cc).not.toMatch(/no-store|private/);
  });

  it.each(PUBLIC_ROUTES.filter((p) => p.startsWith('/api/v1/laws')))('%s is revalidated on every use, so a new document shows at once', async (path) => {
    expect((await t.request(path)).headers.get('Cache-Control')).toBe('public, no-cache, stale-if-error=604800');
  });

  it('the lists a filter uses are reused for a minute, then revalidated behind', async () => {
    const cc = (await t.request('/api/v1/meta')).headers.get('Cache-Control') ?? '';
    expect(cc).toMatch(/(^|,\s*)max-age=[1-9]\d*(,|$)/);
    expect(cc).toMatch(/(^|,\s*)stale-while-revalidate=[1-9]\d*(,|$)/);
  });

  it.each(PUBLIC_ROUTES)('%s repeated with If-None-Match is a 304 with no body', async (path) => {
    const first = await t.request(path);
    const etag = first.headers.get('ETag')!;
    expect(etag).toBeTruthy();
    const again = await t.request(path, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    // A revalidated copy stays cacheable for as long again.
    expect(again.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'));
  });

  it('If-None-Match listing several tags, one of them current, is a 304', async () => {
    const etag = (await t.request('/api/v1/meta')).headers.get('ETag')!;
    const res = await t.request('/api/v1/meta', { headers: { 'If-None-Match': `W/"stale", ${etag}` } });
    expect(res.status).toBe(304);
  });

  it('a stale If-None-Match gets the full 200', async () => {
    const res = await t.request('/api/v1/laws', { headers: { 'If-None-Match': 'W/"not-the-current-one"' } });
    expect(res.status).toBe(200);
    expect((await res.json()).items).toHaveLength(10);
  });

  it('the ETag is stable for the same query and differs for a different one', async () => {
    const tag = async (path: string) => (await t.request(path)).headers.get('ETag');
    const base = await tag('/api/v1/laws?limit=5');
    expect(await tag('/api/v1/laws?limit=5')).toBe(base);
    const others = await Promise.all(
      ['/api/v1/laws?limit=6', '/api/v1/laws?limit=5&lang=en', '/api/v1/laws?limit=5&type=luat', '/api/v1/laws?limit=5&q=dat'].map(tag),
    );
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
    // And a 304 for one query is not granted to another.
    const res = await t.request('/api/v1/laws?limit=6', { headers: { 'If-None-Match': base! } });
    expect(res.status).toBe(200);
  });

  it.each([
    ['/api/v1/laws?limit=0', 400],
    ['/api/v1/laws?feild=x', 400],
    ['/api/v1/laws/no-such-law', 404],
    ['/api/v1/laws/BAD', 400],
    ['/api/v1/nothing', 404],
  ])('the problem response to %s is no-store', async (path, status) => {
    const res = await t.request(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('compression', () => {
  const path = '/api/v1/laws?limit=50';
  const plainJson = async () => {
    const res = await t.request(path);
    return res.json();
  };

  it('with Accept-Encoding: br a large list is brotli and decodes to the same JSON', async () => {
    const res = await t.request(path, { headers: { 'Accept-Encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Vary') ?? '').toMatch(/Accept-Encoding/i);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('Content-Length'))).toBe(bytes.length);
    const json = JSON.parse(brotliDecompressSync(bytes).toString('utf8'));
    expect(json).toEqual(await plainJson());
    expect(json.items).toHaveLength(50);
    expect(bytes.length).toBeLessThan(JSON.stringify(json).length / 3);
  });

  it('a browser offering gzip, deflate, br gets brotli', async () => {
    const res = await t.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(JSON.parse(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8'))).toEqual(await plainJson());
  });

  it('with gzip only, gzip', async () => {
    const res = await t.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary') ?? '').toMatch(/Accept-Encoding/i);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('Content-Length'))).toBe(bytes.length);
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(await plainJson());
  });

  it.each([undefined, 'identity', 'deflate'])('with Accept-Encoding %s, identity', async (accept) => {
    const res = await t.request(path, accept ? { headers: { 'Accept-Encoding': accept } } : {});
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Vary') ?? '').toMatch(/Accept-Encoding/i);
    const body = await res.json();
    expect(body.items).toHaveLength(50);
  });

  it('the ETag names the content whatever the encoding, and a 304 answers any of them', async () => {
    const plain = await t.request(path);
    const br = await t.request(path, { headers: { 'Accept-Encoding': 'br' } });
    expect(br.headers.get('ETag')).toBe(plain.headers.get('ETag'));
    const notModified = await t.request(path, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': plain.headers.get('ETag')! } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('Content-Encoding')).toBeNull();
    expect((await notModified.arrayBuffer()).byteLength).toBe(0);
  });

  it('Vary: Accept-Encoding is on problem responses too', async () => {
    const res = await t.request('/api/v1/laws?limit=0', { headers: { 'Accept-Encoding': 'br' } });
    expect(res.headers.get('Vary') ?? '').toMatch(/Accept-Encoding/i);
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = res.headers.get('Content-Encoding') === 'br' ? brotliDecompressSync(bytes).toString('utf8') : bytes.toString('utf8');
    expect(JSON.parse(text).status).toBe(400);
  });
});

describe('CORS', () => {
  it.each(['https://tuphap.bacninh.gov.vn', 'https://example.com', 'http://localhost:5173', 'null'])(
    'a GET with Origin %s gets Access-Control-Allow-Origin: *',
    async (origin) => {
      for (const path of PUBLIC_ROUTES) {
        const res = await t.request(path, { headers: { Origin: origin } });
        expect(res.status).toBe(200);
        expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      }
    },
  );

  it('errors are readable cross-origin too, so a widget can show them', async () => {
    const res = await t.request('/api/v1/laws?limit=0', { headers: { Origin: 'https://example.com' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('an OPTIONS preflight succeeds', async () => {
    const res = await t.request('/api/v1/laws?limit=5', {
      method: 'OPTIONS',
      headers: { Origin: 'https://tuphap.bacninh.gov.vn', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods') ?? '').toMatch(/\bGET\b/);
    expect(Number(res.headers.get('Access-Control-Max-Age'))).toBeGreaterThan(0);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('a preflight for a single document succeeds as well', async () => {
    const res = await t.request('/api/v1/laws/91-2025-qh15', {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.com', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.ok).toBe(true);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});

describe('other headers', () => {
  it('every API response says nosniff', async () => {
    for (const path of [...PUBLIC_ROUTES, '/api/v1/laws?limit=0']) {
      expect((await t.request(path)).headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });

  it('HEAD answers like GET without a body', async () => {
    const res = await t.request('/api/v1/laws', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('/healthz names the engine under test (so the PostgreSQL run is really on PostgreSQL)', async () => {
    const { body } = await t.get('/healthz');
    expect(body).toEqual({ ok: true, version: 'test', engine: ENGINE });
  });
});
