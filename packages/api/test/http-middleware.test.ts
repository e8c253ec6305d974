import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS, routes } from '@pbgdpl/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen } from './support/ports.js';
import { ORIGIN, ask, counts, feedback, newKey, question, useSubmitApp } from './support/submit.js';

/**
 * The HTTP layer as hono's own middleware does it: hono/cors (reads open, writes for registered
 * origins), hono/body-limit (413 problem+json), hono/secure-headers (without taking the embed
 * bundle's CORS and CORP or the staff pages' policies away).
 */
const t = useSubmitApp();
const folder = mkdtempSync(join(tmpdir(), 'pbgdpl-headers-'));
let app: ReturnType<typeof createApp>;
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  for (const dir of ['embed/chunks', 'admin', 'demo']) mkdirSync(join(folder, dir), { recursive: true });
  writeFileSync(join(folder, 'embed/loader.js'), 'console.log("loader")');
  writeFileSync(join(folder, 'embed/chunks/qa-box-abc123.js'), 'export {}');
  writeFileSync(join(folder, 'admin/index.html'), '<!doctype html><title>Kiểm duyệt</title>');
  writeFileSync(join(folder, 'demo/index.html'), '<!doctype html><title>Trang thử</title>');
  app = createApp({
    db: t.db,
    version: 'test',
    services: t.services,
    embedDir: join(folder, 'embed'),
    adminDir: join(folder, 'admin'),
    demoDir: join(folder, 'demo'),
    log: () => {},
  });
  server = await listen(app.fetch);
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A raw HTTP/1.1 request over a socket: the body as chunks (Transfer-Encoding: chunked), or with a Content-Length of our choosing. */
function raw(
  path: string,
  headers: Record<string, string>,
  chunks: Buffer[],
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method: 'POST', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('hono/body-limit', () => {
  const json = { 'Content-Type': 'application/json', Origin: ORIGIN };

  it('a chunked body that grows past the limit is a 413 problem+json, counted as it arrives, and nothing is stored', async () => {
    const before = await counts(t.db);
    const body = Buffer.from(JSON.stringify({ ...question(), content: 'đ'.repeat(LIMITS.body) }));
    const chunks = Array.from({ length: Math.ceil(body.length / 1000) }, (_, i) => body.subarray(i * 1000, (i + 1) * 1000));
    const res = await raw('/api/v1/questions', { ...json, 'Transfer-Encoding': 'chunked', 'Idempotency-Key': newKey() }, chunks);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, title: 'Payload too large', detail: `the body is larger than ${LIMITS.body} bytes` });
    expect(await counts(t.db)).toEqual(before);
  });

  it('a Content-Length over the limit is refused before the body is read', async () => {
    const res = await raw('/api/v1/feedback', { ...json, 'Content-Length': String(LIMITS.body + 1) }, [Buffer.alloc(LIMITS.body + 1, 0x20)]);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).status).toBe(413);
  });

  it('a Content-Length that says less than is sent is no way past the limit: the body is cut there, and refused', async () => {
    const before = await counts(t.db);
    const body = Buffer.from(JSON.stringify({ ...feedback(), message: 'x'.repeat(LIMITS.body) }));
    const res = await raw('/api/v1/feedback', { ...json, 'Content-Length': '100', Connection: 'close', 'Idempotency-Key': newKey() }, [body]);
    // Node's parser holds the body to 100 bytes (not JSON: 400) and refuses the bytes after it as a request (400 too).
    expect(res.status).toBe(400);
    expect(await counts(t.db)).toEqual(before);
  });

  it('the staff limit is the staff one: an answer of 20 KB passes where a citizen’s 20 KB would not', async () => {
    const res = await t.staff('PUT', '/api/v1/admin/sites/xa-lon', {
      key: 'xa-lon',
      name: 'Xã Lớn',
      kind: 'ubnd-xa',
      origins: [],
      contact: 'x'.repeat(20_000),
    });
    // Past the body limit it would be a 413; a 400 says the body was read and the schema spoke.
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain('contact');
  });
});

describe('hono/cors', () => {
  it('reads: any origin, no Vary: Origin (one cached copy serves every site), Retry-After and ETag exposed', async () => {
    const res = await app.request('/api/v1/laws?limit=1', { headers: { Origin: 'https://bat-ky.example' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Expose-Headers')?.split(/,\s*/)).toEqual(['Retry-After', 'ETag']);
    expect(res.headers.get('Vary') ?? '').not.toMatch(/Origin/);
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('writes: the registered origin back, with Vary: Origin and the exposed headers, never credentials', async () => {
    const res = await t.post('/api/v1/questions', question({ altcha: await t.altcha() }));
    expect(res.status).toBe(201);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(res.headers.get('Vary')).toMatch(/Origin/);
    expect(res.headers.get('Access-Control-Expose-Headers')?.split(/,\s*/)).toEqual(['Retry-After', 'ETag']);
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('a preflight for a read allows GET and HEAD with Content-Type only', async () => {
    const res = await app.request('/api/v1/questions', {
      method: 'OPTIONS',
      headers: { Origin: 'https://bat-ky.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Methods')).toMatch(/^GET,\s*HEAD$/);
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type');
  });
});

describe('hono/secure-headers', () => {
  const always = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'X-Permitted-Cross-Domain-Policies': 'none',
    'Origin-Agent-Cluster': '?1',
  };

  it('an API answer, an error and a demo page carry them', async () => {
    for (const path of ['/api/v1/laws?limit=1', '/api/v1/laws?limit=0', '/api/v1/nothing', '/']) {
      const res = await app.request(path);
      for (const [k, v] of Object.entries(always)) expect(res.headers.get(k), `${path} ${k}`).toBe(v);
      expect(res.headers.get('Strict-Transport-Security'), path).toBe('max-age=15552000');
      expect(res.headers.get('X-Powered-By')).toBeNull();
    }
  });

  it('a demo page sets no Referrer-Policy: under no-referrer the loader\'s no-cors page-view POST would say "Origin: null"', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Referrer-Policy')).toBeNull();
  });

  it('the embed bundle keeps its CORS and cross-origin resource policy', async () => {
    for (const path of ['/embed/v1/loader.js', '/embed/v1/chunks/qa-box-abc123.js']) {
      const res = await app.request(path, { headers: { Origin: 'https://xa-bat-ky.example.gov.vn' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });

  it('the staff pages keep their own policy, and are not framed', async () => {
    const res = await app.request('/admin/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toMatch(/^default-src 'self'; script-src 'self';.*frame-ancestors 'none'/);
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
  });
});

describe("@hono/standard-validator with this API's refusals", () => {
  it('every schema a route validates with implements Standard Schema (zod/mini does, as vendor "zod")', () => {
    const schemas = Object.values(routes).flatMap((r) => ['query', 'params', 'body'].map((k) => (r as Record<string, unknown>)[k]).filter(Boolean));
    expect(schemas.length).toBeGreaterThan(20);
    for (const s of schemas as { '~standard'?: { version: number; vendor: string; validate: unknown } }[]) {
      expect(s['~standard']).toMatchObject({ version: 1, vendor: 'zod', validate: expect.any(Function) });
    }
  });

  it("a body: each field by its path, with zod's code and a plain message; an unknown key by name", async () => {
    const q = await ask(t);
    const res = await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '', citations: [{ number: '', extra: 1 }], bogus: true });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'html', code: 'too_small', message: 'the answer is empty' },
        { path: 'citations.0.number', code: 'too_small', message: 'must be at least 1 characters' },
        { path: 'citations.0.extra', code: 'unknown_key', message: 'unknown parameter "extra"' },
        { path: 'bogus', code: 'unknown_key', message: 'unknown parameter "bogus"' },
      ]),
    );
    expect(body.detail).toContain('citations.0.number: must be at least 1 characters');
  });

  it('a query parameter given twice is refused as that alone; a bad path parameter names itself', async () => {
    const twice = await (await app.request('/api/v1/questions?limit=5&limit=6&q=dat')).json();
    expect(twice.errors).toEqual([{ path: 'limit', code: 'repeated', message: '"limit" is given more than once' }]);
    const site = await app.request('/api/v1/sites/Not%20A%20Key');
    expect(site.status).toBe(400);
    expect((await site.json()).errors.map((e: { path: string }) => e.path)).toEqual(['key']);
  });
});
