import { LAW_LIMIT, LawPage, Problem, QUERY_MAX } from '@pbgdpl/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { useTestApp } from './support/app.js';

const t = useTestApp();
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
/** String.prototype.toWellFormed (ES2024): lone surrogates become U+FFFD, so encodeURIComponent accepts the text. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Asserts a problem+json answer with `status`, naming `param` in errors[], and returns its body. */
async function expectProblem(path: string, status: number, param?: string) {
  const res = await t.request(path);
  const text = await res.text();
  expect(res.status, `${path} → ${text.slice(0, 300)}`).toBe(status);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json\b/);
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  const body = JSON.parse(text);
  const parsed = z.safeParse(Problem, body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  expect(typeof body.detail).toBe('string');
  // A person reads `detail`: it names the parameter and says more than zod's bare "Invalid input".
  expect(body.detail).not.toMatch(/invalid input/i);
  expect(body.detail.length).toBeGreaterThan(10);
  if (param !== undefined) {
    expect(body.detail).toContain(param);
    expect(body.errors?.map((e: any) => e.path)).toContain(param);
    for (const e of body.errors) {
      expect(e.message, JSON.stringify(e)).not.toMatch(/^invalid input$/i);
      expect(e.code).toBeTruthy();
    }
  }
  return body;
}

describe('400 problem+json for each bad parameter', () => {
  it.each([
    ['0', /between 1 and 50/],
    ['-1', /between 1 and 50/],
    ['51', /between 1 and 50/],
    ['1000000', /between 1 and 50/],
    ['1e400', /number/],
    ['abc', /number/],
    ['', /between 1 and 50|number/],
    ['2.5', /whole number/],
    ['NaN', /number/],
    ['Infinity', /number/],
  ])('limit=%s', async (value, message) => {
    const body = await expectProblem(`/api/v1/laws?limit=${encodeURIComponent(value)}`, 400, 'limit');
    expect(body.errors.find((e: any) => e.path === 'limit').message).toMatch(message);
  });

  it('limit bounds come from the contract', async () => {
    for (const ok of [LAW_LIMIT.min, LAW_LIMIT.max]) expect((await t.request(`/api/v1/laws?limit=${ok}`)).status).toBe(200);
    await expectProblem(`/api/v1/laws?limit=${LAW_LIMIT.max + 1}`, 400, 'limit');
  });

  it.each([
    ['field', 'khong-co'],
    ['type', 'xyz'],
    ['issuer', 'nobody'],
  ])('unknown %s=%s names the value and where the known ones are', async (param, value) => {
    const body = await expectProblem(`/api/v1/laws?${param}=${value}`, 400, param);
    expect(body.detail).toContain(value);
    expect(body.detail).toContain('/api/v1/meta');
    expect(body.errors[0].code).toBe('unknown_value');
  });

  it('several unknown values are all reported at once', async () => {
    const body = await expectProblem('/api/v1/laws?field=khong-co&type=xyz&issuer=nobody', 400);
    expect(body.errors.map((e: any) => e.path).sort()).toEqual(['field', 'issuer', 'type']);
  });

  it('validity=maybe lists the values it may take', async () => {
    const body = await expectProblem('/api/v1/laws?validity=maybe', 400, 'validity');
    expect(body.detail).toContain('con-hieu-luc');
    expect(body.detail).toContain('ngung-hieu-luc');
  });

  it.each([
    ['field', 'Đất'],
    ['field', 'Dat-Dai'],
    ['field', 'dat dai'],
    ['type', '--'],
    ['issuer', 'a'.repeat(65)],
    ['site', 'My Site'],
  ])('malformed code %s=%s', async (param, value) => {
    const body = await expectProblem(`/api/v1/laws?${param}=${encodeURIComponent(value)}`, 400, param);
    expect(body.detail).toMatch(/lower-case code|at most 64/);
  });

  it.each([
    ['from', '2025-13-01'],
    ['from', '2025-02-30'],
    ['from', '2023-02-29'],
    ['to', 'yesterday'],
    ['to', '2025-1-5'],
    ['to', '20250105'],
    ['from', '2025-01-01T00:00:00Z'],
  ])('malformed date %s=%s', async (param, value) => {
    const body = await expectProblem(`/api/v1/laws?${param}=${encodeURIComponent(value)}`, 400, param);
    expect(body.detail).toMatch(/YYYY-MM-DD/);
  });

  it('a real leap day is a date', async () => {
    expect((await t.request('/api/v1/laws?from=2024-02-29')).status).toBe(200);
  });

  it('from after to', async () => {
    const body = await expectProblem('/api/v1/laws?from=2025-03-01&to=2025-01-01', 400, 'from');
    expect(body.detail).toMatch(/from must not be after to/);
  });

  it(`q longer than ${QUERY_MAX} characters`, async () => {
    expect((await t.request(`/api/v1/laws?q=${'a'.repeat(QUERY_MAX)}`)).status).toBe(200);
    const body = await expectProblem(`/api/v1/laws?q=${'a'.repeat(QUERY_MAX + 1)}`, 400, 'q');
    expect(body.detail).toMatch(/at most 200 characters/);
    // Counted in characters, not bytes: 200 Vietnamese letters are fine.
    expect((await t.request(`/api/v1/laws?q=${encodeURIComponent('đ'.repeat(QUERY_MAX))}`)).status).toBe(200);
  });

  it.each([
    ['garbage', '!!!not a cursor!!!'],
    ['base64url of garbage', b64('garbage')],
    ['base64url of garbage 2', b64('\u0000\u0001\u0002')],
    ['a cursor with SQL in it', b64("2025-01-01~x' or '1'='1")],
    ['a cursor with SQL in its date', b64("2025-01-01' or 1=1 --~91-2025-qh15")],
    ['a cursor with a date that is not there', b64('2025~91-2025-qh15')],
    ['a cursor with upper case', b64('2025-01-01~ABC')],
    ['a cursor too long', 'A'.repeat(201)],
    ['an empty cursor', ''],
    ['standard base64 with padding', Buffer.from('2025-01-01~91-2025-qh15').toString('base64') + '=='],
  ])('a malformed cursor (%s)', async (_, cursor) => {
    const body = await expectProblem(`/api/v1/laws?cursor=${encodeURIComponent(cursor)}`, 400, 'cursor');
    expect(body.detail).toMatch(/cursor/);
  });

  it('a cursor the server made keeps working', async () => {
    const { body } = await t.get('/api/v1/laws?limit=2');
    expect((await t.request(`/api/v1/laws?limit=2&cursor=${body.nextCursor}`)).status).toBe(200);
  });

  it.each(['feild', 'page', 'offset', 'Limit', 'q ', '__proto__', 'constructor', 'toString'])('an unknown parameter (%s)', async (key) => {
    const body = await expectProblem(`/api/v1/laws?${encodeURIComponent(key)}=x`, 400, key);
    expect(body.detail).toMatch(/unknown parameter/);
  });

  it.each(['limit=5&limit=6', 'q=a&q=a', 'field=dat-dai&field=dan-su', 'lang=vi&lang=en'])('a parameter given twice (%s)', async (qs) => {
    const param = qs.split('=')[0]!;
    const body = await expectProblem(`/api/v1/laws?${qs}`, 400, param);
    expect(body.detail).toMatch(/more than once/);
  });

  it('bad parameters of the other routes', async () => {
    await expectProblem('/api/v1/meta?lang=fr', 400, 'lang');
    await expectProblem('/api/v1/meta?feild=x', 400, 'feild');
    await expectProblem('/api/v1/laws/91-2025-qh15?lang=de', 400, 'lang');
    await expectProblem('/api/v1/laws/91-2025-qh15?limit=5', 400, 'limit');
    await expectProblem('/api/v1/laws?lang=EN', 400, 'lang');
  });
});

describe('GET /api/v1/laws/{id} errors', () => {
  it('an unknown id is a 404 problem', async () => {
    const body = await expectProblem('/api/v1/laws/khong-co-van-ban-nay', 404);
    expect(body.detail).toContain('khong-co-van-ban-nay');
    expect(body.title).toBe('Not found');
  });

  it.each(['ABC', '91%2F2025%2FQH15', 'a%20b', '%C4%91', 'a--b', '-a', "x'%20or%201=1", 'a'.repeat(65), '%00'])(
    'an id with bad characters (%s) is a 400 naming id',
    async (id) => {
      await expectProblem(`/api/v1/laws/${id}`, 400, 'id');
    },
  );

  it('an unknown route under /api is a 404 problem', async () => {
    await expectProblem('/api/v1/nothing-here', 404);
    await expectProblem('/api/v2/laws', 404);
  });
});

describe('never a 500', () => {
  const KNOWN = ['q', 'field', 'type', 'issuer', 'validity', 'from', 'to', 'limit', 'cursor', 'lang', 'site'];
  const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 20 });
  const value = fc.oneof(
    fc.constantFrom('', 'dat-dai', 'luat', 'quoc-hoi', 'con-hieu-luc', '2025-01-01', '10', '50', 'en', 'vi', 'MjAyNS0wMS0wMX45MS0yMDI1LXFoMTU'),
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ minLength: 150, maxLength: 2000 }),
    controlChars,
    fc.integer().map(String),
    fc.double().map(String),
    fc.stringMatching(/^[%_\\'";-]{1,20}$/),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  );
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KNOWN) }, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));
  /** Well-formed percent-encoding, or the raw text with only the URL's own delimiters escaped. */
  const encode = fc.constantFrom(
    (s: string) => encodeURIComponent(wellFormed(s)),
    (s: string) => s.replace(/[%&#=+\s]/g, (c) => encodeURIComponent(c)).replace(/[\uD800-\uDFFF]/g, '%ED%A0%80'),
    (s: string) => s.replace(/[&#]/g, (c) => encodeURIComponent(c)).replace(/[\s\uD800-\uDFFF]/g, '%zz'),
  );

  it('random query strings answer 200 or 400, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value, encode), { maxLength: 6 }), async (pairs) => {
        const qs = pairs.map(([k, v, enc]) => `${enc(k)}=${enc(v)}`).join('&');
        const res = await t.request(`/api/v1/laws?${qs}`);
        const text = await res.text();
        if (res.status !== 200 && res.status !== 400) throw new Error(`${res.status} for ?${qs}: ${text}`);
        if (res.status === 400) {
          expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
          expect(z.safeParse(Problem, JSON.parse(text)).success).toBe(true);
        } else {
          expect(z.safeParse(LawPage, JSON.parse(text)).success).toBe(true);
        }
        // A key that is not a parameter is always refused, whatever else is wrong or right.
        const keys = new URLSearchParams(qs);
        const unknown = [...keys.keys()].some((k) => k !== '' && !KNOWN.includes(k));
        if (unknown && !qs.includes('%zz') && !qs.includes('%ED%A0%80')) expect(res.status, `?${qs}`).toBe(400);
      }),
      { numRuns: 3000 },
    );
  }, 300_000);

  it('random ids answer 200, 400 or 404, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 80 }), fc.stringMatching(/^[a-z0-9-]{1,70}$/)), async (id) => {
        const res = await t.request(`/api/v1/laws/${encodeURIComponent(wellFormed(id))}`);
        await res.arrayBuffer();
        expect([200, 400, 404], `${res.status} for ${JSON.stringify(id)}`).toContain(res.status);
      }),
      { numRuns: 1000 },
    );
  }, 300_000);
});
