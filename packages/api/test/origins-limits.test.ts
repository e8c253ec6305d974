import { afterAll, describe, expect, it } from 'vitest';
import { listen } from './support/ports.js';
import { ORIGIN, OTHER_ORIGIN, OTHER_SITE, counts, easy, feedback, newKey, question, useSubmitApp, type SubmitApp } from './support/submit.js';

/**
 * Who may submit: only pages of the site's registered origins (CORS answers only them), and no one
 * faster than the limits per address, per site and per contact allow; X-Forwarded-For is believed
 * only as far as TRUST_PROXY says.
 */
const t = useSubmitApp();

async function expectNothingStored(app: SubmitApp, send: () => Promise<Response>, status: number) {
  const before = await counts(app.db);
  const res = await send();
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(await counts(app.db)).toEqual(before);
  return res;
}

async function expect429(res: Response) {
  const text = await res.text();
  expect(res.status, text).toBe(429);
  expect(res.headers.get('Retry-After')).toMatch(/^[1-9]\d*$/);
  expect(JSON.parse(text).type).toBe('/problems/rate-limited');
}

describe('origins', () => {
  it.each([
    ['an unregistered origin', 'https://evil.example'],
    ['another registered site’s origin', OTHER_ORIGIN],
    ['the origin over http instead of https', ORIGIN.replace('https:', 'http:')],
    ['the origin with another port', `${ORIGIN}:8443`],
    ['the origin with a trailing slash', `${ORIGIN}/`],
    ['the origin in upper case', ORIGIN.toUpperCase()],
    ['a sandboxed page ("null")', 'null'],
  ])('a question from %s gets 403 and stores nothing', async (_what, origin) => {
    await expectNothingStored(t, async () => t.post('/api/v1/questions', question({ altcha: await t.altcha() }), { origin }), 403);
  });

  it('a question or feedback with no Origin header gets 403 and stores nothing', async () => {
    await expectNothingStored(t, async () => t.post('/api/v1/questions', question({ altcha: await t.altcha() }), { origin: null }), 403);
    await expectNothingStored(t, async () => t.post('/api/v1/feedback', feedback({ altcha: await t.altcha() }), { origin: null }), 403);
  });

  it('the other site’s origin is good for the other site', async () => {
    const res = await t.post('/api/v1/questions', question({ site: OTHER_SITE, altcha: await t.altcha(OTHER_SITE) }), { origin: OTHER_ORIGIN });
    expect(res.status).toBe(201);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(OTHER_ORIGIN);
  });

  it('CORS preflight for a write from an unregistered origin carries no Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example', 'null', `${ORIGIN}.evil.example`]) {
      const res = await t.request('/api/v1/questions', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
      });
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
      expect(res.headers.get('Access-Control-Allow-Methods')).toBeNull();
    }
  });

  it('CORS preflight from a registered origin allows POST with Content-Type and Idempotency-Key, for that origin only', async () => {
    const res = await t.request('/api/v1/feedback', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(res.headers.get('Access-Control-Allow-Methods')).toMatch(/POST/);
    expect(res.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toMatch(/idempotency-key/);
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expect(res.headers.get('Vary')).toMatch(/Origin/);
  });

  it('the answer to a POST from an unregistered origin carries no Access-Control-Allow-Origin either', async () => {
    const res = await t.post('/api/v1/questions', question({ altcha: await t.altcha() }), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('reads stay open to every origin', async () => {
    const res = await t.request('/api/v1/questions', { headers: { Origin: 'https://anyone.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});

describe('rate limits over real sockets (X-Forwarded-For and TRUST_PROXY)', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  async function serve(trustProxy: number, burst = 3) {
    const app = t.withConfig(easy({ trustProxy, limits: { ip: { burst, perSeconds: 3600 } } }));
    const server = await listen(app.app.fetch);
    servers.push(server);
    const post = async (xff: string | null, body?: Record<string, unknown>) =>
      fetch(`${server.url}/api/v1/questions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'Idempotency-Key': newKey(), ...(xff === null ? {} : { 'X-Forwarded-For': xff }) },
        body: JSON.stringify(body ?? question({ altcha: await app.altcha() })),
      });
    return { app, post };
  }

  const spoof = () =>
    `${1 + Math.floor(Math.random() * 223)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

  it('TRUST_PROXY=0: a different made-up X-Forwarded-For on every request does not escape the per-IP limit', async () => {
    const { app, post } = await serve(0);
    for (let i = 0; i < 3; i++) expect((await post(spoof())).status).toBe(201);
    for (let i = 0; i < 5; i++) {
      const before = await counts(app.db);
      await expect429(await post(`${spoof()}, ${spoof()}`));
      expect(await counts(app.db)).toEqual(before);
    }
  });

  it('TRUST_PROXY=1: only the last hop counts; made-up entries before it do not help', async () => {
    const { post } = await serve(1);
    const client = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect((await post(`${spoof()}, ${client}`)).status).toBe(201);
    for (let i = 0; i < 5; i++) await expect429(await post(`${spoof()}, ${spoof()}, ${client}`));
    // The last hop is believed: another client behind the proxy has its own allowance.
    expect((await post(`${client}, 198.51.100.9`)).status).toBe(201);
    // And without the header, the socket's own address is what counts.
    expect((await post(null)).status).toBe(201);
  });

  it('TRUST_PROXY=1: addresses of one IPv6 /64 share one allowance, however they are written', async () => {
    const { post } = await serve(1);
    const sameNetwork = ['2001:db8:1:2::1', '2001:db8:1:2:ffff::2', '2001:db8:1:2:0:0:0:3', '2001:DB8:1:2::abcd'];
    for (let i = 0; i < 3; i++) expect((await post(`${sameNetwork[i]}`)).status).toBe(201);
    await expect429(await post(sameNetwork[3]!));
    // A network with zeros inside its /64 prefix, written compressed: still one network.
    const zeros = ['2001:db8::1', '2001:db8::2', '2001:db8:0:0:1::3', '2001:0db8:0000:0000::4'];
    for (let i = 0; i < 3; i++) expect((await post(zeros[i]!)).status, zeros[i]).toBe(201);
    await expect429(await post(zeros[3]!));
    // Another /64 is another client.
    expect((await post('2001:db8:1:3::1')).status).toBe(201);
  });

  it('TRUST_PROXY=1: an IPv4 address written as IPv4-mapped IPv6 is the same client', async () => {
    const { post } = await serve(1);
    for (const a of ['198.51.100.20', '::ffff:198.51.100.20', '::ffff:c633:6414']) expect((await post(a)).status, a).toBe(201);
    await expect429(await post('0:0:0:0:0:FFFF:198.51.100.20'));
  });
});

describe('limits per site, counts per contact, and limits on tracking-code lookups', () => {
  it('per site: past the burst the site gets 429 with Retry-After; another site is not affected', async () => {
    const app = t.withConfig(easy({ limits: { site: { burst: 2, perSeconds: 600 } } }));
    for (let i = 0; i < 2; i++) expect((await app.post('/api/v1/questions', question({ altcha: await app.altcha() }))).status).toBe(201);
    const before = await counts(app.db);
    await expect429(await app.post('/api/v1/questions', question({ altcha: await app.altcha() })));
    await expect429(await app.post('/api/v1/feedback', feedback({ altcha: await app.altcha() })));
    expect(await counts(app.db)).toEqual(before);
    expect((await app.post('/api/v1/questions', question({ site: OTHER_SITE, altcha: await app.altcha(OTHER_SITE) }), { origin: OTHER_ORIGIN })).status).toBe(
      201,
    );
  });

  /** Stored, and whether it was marked as over the per-contact limit. */
  async function overLimit(app: SubmitApp, res: Response, table: 'questions' | 'feedback' = 'questions') {
    const text = await res.text();
    expect(res.status, text).toBe(201);
    const body = JSON.parse(text);
    const row = await app.db.kysely
      .selectFrom(table)
      .select('contact_over_limit')
      .where(table === 'questions' ? 'tracking_code' : 'id', '=', table === 'questions' ? body.trackingCode : body.id)
      .executeTakeFirstOrThrow();
    return Number(row.contact_over_limit) === 1;
  }

  it('per contact: past the limit a question is still stored, marked; the same e-mail in another case is the same contact', async () => {
    const app = t.withConfig(easy({ limits: { contact: { burst: 2, perSeconds: 1800 } } }));
    const send = async (email: string) => app.post('/api/v1/questions', question({ email, altcha: await app.altcha() }));
    expect(await overLimit(app, await send('chi.tran@example.com'))).toBe(false);
    expect(await overLimit(app, await send('Chi.Tran@Example.COM'))).toBe(false);
    expect(await overLimit(app, await send('CHI.TRAN@EXAMPLE.COM'))).toBe(true);
    // The same address as feedback's contact is the same person too.
    const fb = await app.post(
      '/api/v1/feedback',
      feedback({ contact: 'chi.TRAN@example.com', consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'], altcha: await app.altcha() }),
    );
    expect(await overLimit(app, fb, 'feedback')).toBe(true);
    expect(await overLimit(app, await send('someone.else@example.com'))).toBe(false);
  });

  it('per contact: the same phone written 0912 345 678, +84912345678 or 0912.345.678 is the same contact', async () => {
    const app = t.withConfig(easy({ limits: { contact: { burst: 2, perSeconds: 1800 } } }));
    const send = async (phone: string) => app.post('/api/v1/questions', question({ email: '', phone, altcha: await app.altcha() }));
    expect(await overLimit(app, await send('0912 345 678'))).toBe(false);
    expect(await overLimit(app, await send('+84912345678'))).toBe(false);
    expect(await overLimit(app, await send('0912.345.678'))).toBe(true);
    expect(await overLimit(app, await send('+84 912 345 678'))).toBe(true);
    expect(await overLimit(app, await send('0987 654 321'))).toBe(false);
  });

  it('a question with an e-mail and a phone counts against both', async () => {
    const app = t.withConfig(easy({ limits: { contact: { burst: 1, perSeconds: 1800 } } }));
    expect(
      await overLimit(app, await app.post('/api/v1/questions', question({ email: 'both@example.com', phone: '0911 111 111', altcha: await app.altcha() }))),
    ).toBe(false);
    expect(
      await overLimit(app, await app.post('/api/v1/questions', question({ email: 'other@example.com', phone: '+84911111111', altcha: await app.altcha() }))),
    ).toBe(true);
  });

  it('tracking-code lookups are rate-limited per address, found or not', async () => {
    const app = t.withConfig(easy({ limits: { lookup: { burst: 3, perSeconds: 600 } } }));
    const asked = await app.post('/api/v1/questions', question({ altcha: await app.altcha() }));
    const { trackingCode } = await asked.json();
    expect((await app.request(`/api/v1/questions/${trackingCode}`)).status).toBe(200);
    expect((await app.request('/api/v1/questions/HD-00000-00000')).status).toBe(404);
    expect((await app.request('/api/v1/questions/HD-11111-11111')).status).toBe(404);
    await expect429(await app.request(`/api/v1/questions/${trackingCode}`));
    await expect429(await app.request('/api/v1/questions/HD-22222-22222'));
  });
});
