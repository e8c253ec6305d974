import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/security/rate-limit.js';
import { normaliseAddress } from '../src/security/client-ip.js';
import { OTHER_ORIGIN, OTHER_SITE, SITE, counts, easy, feedback, question, useSubmitApp, type SubmitApp } from './support/submit.js';

/**
 * Findings of an adversarial review of the write path, each as it was reproduced (the
 * reproductions fail on the code before the fix), with the guarantees around them. Both engines.
 */
const t = useSubmitApp();

const GARBAGE_PROOF = 'Z2FyYmFnZQ=='; // base64 of "garbage"
const address = (n: number) => `198.51.100.${n}`;

/** A question from `ip` (as the trusted proxy reports it) with this proof. */
const from = (app: SubmitApp, ip: string, body: Record<string, unknown>, path = '/api/v1/questions') =>
  app.post(path, body, { headers: { 'X-Forwarded-For': ip } });

describe('finding 2: nobody silences a site without doing the proof of work', () => {
  it('300 unproven posts from 30 addresses spend none of the site allowance; the next citizen is stored', async () => {
    const app = t.withConfig(easy({ trustProxy: 1, limits: { ip: { burst: 10, perSeconds: 60 }, site: { burst: 300, perSeconds: 12 } } }));
    const before = await counts(app.db);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const res = await from(app, address(1 + (i % 30)), question({ altcha: GARBAGE_PROOF }));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 400: 300 });
    expect(await counts(app.db)).toEqual(before);
    const citizen = await from(app, address(200), question({ altcha: await app.altcha() }));
    expect(citizen.status, await citizen.clone().text()).toBe(201);
  });

  it('an address over its own limit does not drain its site: the refusal spends from neither', async () => {
    const app = t.withConfig(easy({ trustProxy: 1, limits: { ip: { burst: 2, perSeconds: 3600 }, site: { burst: 3, perSeconds: 3600 } } }));
    for (let i = 0; i < 2; i++) expect((await from(app, address(7), question({ altcha: await app.altcha() }))).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await from(app, address(7), question({ altcha: await app.altcha() }))).status).toBe(429);
    // The site had 3: two spent by the first address, one left for somebody else.
    expect((await from(app, address(8), question({ altcha: await app.altcha() }))).status).toBe(201);
    expect((await from(app, address(9), question({ altcha: await app.altcha() }))).status).toBe(429);
  });

  it('posts from an unregistered origin are refused before their body is even read', async () => {
    const before = await counts(t.db);
    // Not JSON, over the size limit, and no proof: an origin nobody registered gets 403 all the same.
    const res = await t.post('/api/v1/questions', 'x'.repeat(100_000), { origin: 'https://evil.example', headers: { 'Content-Type': 'text/plain' } });
    expect(res.status).toBe(403);
    expect(await counts(t.db)).toEqual(before);
  });
});

describe('finding 3: nobody locks a citizen out by using their e-mail or phone', () => {
  it('five unproven requests with case and spacing variants of a contact, on both forms, leave its owner free', async () => {
    const app = t.withConfig(easy({ limits: { contact: { burst: 5, perSeconds: 1800 } } }));
    const variants = ['chi.lan@example.com', ' Chi.Lan@Example.com', 'CHI.LAN@EXAMPLE.COM '];
    for (let i = 0; i < 5; i++) {
      const contact = variants[i % variants.length]!;
      expect((await app.post('/api/v1/questions', question({ email: contact, altcha: GARBAGE_PROOF }))).status).toBe(400);
      expect((await app.post('/api/v1/feedback', feedback({ contact, consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'], altcha: GARBAGE_PROOF }))).status).toBe(
        400,
      );
    }
    const res = await app.post('/api/v1/questions', question({ email: 'chi.lan@example.com', altcha: await app.altcha() }));
    expect(res.status, await res.clone().text()).toBe(201);
    const { trackingCode } = await res.json();
    const row = await app.db.kysely.selectFrom('questions').select('contact_over_limit').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow();
    expect(Number(row.contact_over_limit)).toBe(0);
  });

  it('even after five proven submissions with her address, the owner still gets 201 (the row is marked for staff), and her lookups work', async () => {
    const app = t.withConfig(easy({ limits: { contact: { burst: 5, perSeconds: 1800 } } }));
    for (let i = 0; i < 5; i++)
      expect((await app.post('/api/v1/questions', question({ email: 'nan.nhan@example.com', altcha: await app.altcha() }))).status).toBe(201);
    const res = await app.post('/api/v1/questions', question({ email: 'Nan.Nhan@example.com', altcha: await app.altcha() }));
    expect(res.status).toBe(201);
    const { trackingCode } = await res.json();
    const row = await app.db.kysely.selectFrom('questions').select('contact_over_limit').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow();
    expect(Number(row.contact_over_limit)).toBe(1);
    expect((await app.request(`/api/v1/questions/${trackingCode}`)).status).toBe(200);
  });
});

describe('finding 4: the limiter forgets a bucket only when that bucket has refilled', () => {
  it('10⁵ other keys with short limits do not free a locked contact', () => {
    let now = 0;
    const limiter = new RateLimiter({ now: () => now, maxKeys: 150_000, sweepEveryMs: 1000 });
    const contact = { burst: 5, perSeconds: 1800 };
    for (let i = 0; i < 5; i++) expect(limiter.take('contact:victim', contact)).toBe(0);
    expect(limiter.take('contact:victim', contact)).toBeGreaterThan(0);
    const lookup = { burst: 30, perSeconds: 6 };
    for (let i = 0; i < 100_001; i++) {
      now += 2.4; // 10⁵ keys over 4 minutes
      limiter.take(`lookup:${i}`, lookup);
    }
    expect(now).toBeGreaterThan(4 * 60_000);
    expect(limiter.take('contact:victim', contact)).toBeGreaterThan(0);
    // …and it is back when its own limit says so: one token per 1800 s.
    now += 1800 * 1000;
    expect(limiter.take('contact:victim', contact)).toBe(0);
  });

  it('refilled buckets are swept, by their own limits, at most once per sweep interval', () => {
    let now = 0;
    const limiter = new RateLimiter({ now: () => now, sweepEveryMs: 10_000 });
    for (let i = 0; i < 1000; i++) limiter.take(`short:${i}`, { burst: 1, perSeconds: 1 });
    limiter.take('long', { burst: 1, perSeconds: 3600 });
    now += 5_000;
    limiter.take('probe', { burst: 1, perSeconds: 1 });
    expect(limiter.size).toBe(1002); // no sweep yet: the interval has not passed
    now += 6_000;
    limiter.take('probe', { burst: 1, perSeconds: 1 });
    expect(limiter.size).toBe(2); // the short ones refilled and went; "long" and "probe" stay
  });

  it('past the key cap, a new key waits instead of evicting a spent bucket', () => {
    const now = 0;
    const limiter = new RateLimiter({ now: () => now, maxKeys: 10, sweepEveryMs: 60_000 });
    for (let i = 0; i < 10; i++) expect(limiter.take(`k:${i}`, { burst: 1, perSeconds: 3600 })).toBe(0);
    expect(limiter.take('k:new', { burst: 1, perSeconds: 3600 })).toBeGreaterThan(0);
    expect(limiter.take('k:0', { burst: 1, perSeconds: 3600 })).toBeGreaterThan(0); // still spent
  });
});

describe('finding 5: one address is one address, however a proxy writes it', () => {
  it.each([
    ['203.0.113.7:5123', '203.0.113.7'],
    ['203.0.113.7', '203.0.113.7'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['[2001:DB8::1]', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['"203.0.113.7"', '203.0.113.7'],
    ['unknown', ''],
    ['203.0.113.7:abc', ''],
    ['', ''],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it('TRUST_PROXY=1: ports and brackets in X-Forwarded-For do not make new addresses', async () => {
    const app = t.withConfig(easy({ trustProxy: 1, limits: { ip: { burst: 3, perSeconds: 3600 } } }));
    const spellings = ['203.0.113.50:1001', '203.0.113.50:1002', '203.0.113.50', '203.0.113.50:1004'];
    for (const ip of spellings.slice(0, 3)) expect((await from(app, ip, question({ altcha: await app.altcha() }))).status, ip).toBe(201);
    expect((await from(app, spellings[3]!, question({ altcha: await app.altcha() }))).status).toBe(429);
    const v6 = ['[2001:db8:5:6::1]:1001', '[2001:db8:5:6::2]:1002', '2001:db8:5:6::3', '[2001:db8:5:6::4]'];
    for (const ip of v6.slice(0, 3)) expect((await from(app, ip, question({ altcha: await app.altcha() }))).status, ip).toBe(201);
    expect((await from(app, v6[3]!, question({ altcha: await app.altcha() }))).status).toBe(429);
  });
});

describe('finding 6: a proof of work is good for the site it was issued for only', () => {
  it('a challenge issued for one site is refused on another, and costs it nothing', async () => {
    const before = await counts(t.db);
    const res = await t.post('/api/v1/questions', question({ site: OTHER_SITE, altcha: await t.altcha(SITE) }), { origin: OTHER_ORIGIN });
    const problem = await res.json();
    expect(res.status).toBe(400);
    expect(problem.errors.map((e: { code: string }) => e.code)).toContain('altcha_other_site');
    expect(await counts(t.db)).toEqual(before);
  });

  it('a challenge names its site: none is issued without one, or for a site nobody registered', async () => {
    expect((await t.request('/api/v1/challenge')).status).toBe(400);
    expect((await t.request('/api/v1/challenge?site=khong-co-trang-nay')).status).toBe(400);
    expect((await t.request(`/api/v1/challenge?site=${SITE}`)).status).toBe(200);
  });
});

describe('finding 9: nobody inflates a site’s figures cheaply', () => {
  const report = async (app: SubmitApp) => (await (await app.staff('GET', '/api/v1/admin/sites')).json()).items.find((s: { key: string }) => s.key === SITE);
  const token = async (app: SubmitApp, ip = address(60)) =>
    (await (await app.request(`/api/v1/views/token?site=${SITE}`, { headers: { 'X-Forwarded-For': ip } })).json()) as {
      token: string;
      registered: boolean | null;
    };
  const beacon = (app: SubmitApp, body: unknown, ip = address(60), origin = 'https://xa-thu.example.gov.vn') =>
    app.request('/api/v1/views', {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8', 'X-Forwarded-For': ip },
      body: JSON.stringify(body),
    });

  it('a thousand reads with ?site= add no verified page view', async () => {
    const app = t.withConfig(easy({ trustProxy: 1 }));
    const before = await report(app);
    for (let i = 0; i < 1000; i++) await app.request(`/api/v1/laws?site=${SITE}&limit=1`);
    await app.services.usage.flush();
    const after = await report(app);
    expect(after.views30d).toBe(before.views30d);
    expect(after.lastSeen).toBe(before.lastSeen);
    expect(after.requests30d - before.requests30d).toBe(1000); // counted apart, as unverified
  });

  it('a page token counts one view, once, from the address that fetched it; forged, replayed or moved ones count nothing', async () => {
    const app = t.withConfig(easy({ trustProxy: 1 }));
    const before = await report(app);
    const good = await token(app);
    expect(good.registered).toBeNull(); // no Origin on that request
    const body = { token: good.token, path: '/van-ban', widgets: ['latest-laws', 'qa-box'] };
    expect((await beacon(app, body)).status).toBe(204);
    expect((await beacon(app, body)).status).toBe(204); // the same token again: accepted, not counted
    const moved = await token(app);
    expect((await beacon(app, { ...body, token: moved.token }, address(61))).status).toBe(400);
    const [claims, signature] = good.token.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), n: 'other' })).toString('base64url')}.${signature}`;
    expect((await beacon(app, { ...body, token: forged })).status).toBe(400);
    expect((await beacon(app, { ...body, path: '/?q=1' })).status).toBe(400);
    await app.services.usage.flush();
    const after = await report(app);
    expect(after.views30d - before.views30d).toBe(1);
    expect(after.lastSeen).toBe(new Date().toISOString().slice(0, 10));
  });

  it('a view reported from an origin the site did not register is kept apart', async () => {
    const app = t.withConfig(easy({ trustProxy: 1 }));
    const before = await report(app);
    const { token: tok, registered } = (await (
      await app.request(`/api/v1/views/token?site=${SITE}`, { headers: { Origin: 'https://copy.example', 'X-Forwarded-For': address(62) } })
    ).json()) as { token: string; registered: boolean };
    expect(registered).toBe(false);
    const res = await beacon(app, { token: tok, path: '/', widgets: ['qa-box'] }, address(62), 'https://copy.example');
    expect(res.status).toBe(204);
    // Readable by any page, so the browser logs no CORS error on a page that is not registered yet.
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    await app.services.usage.flush();
    const after = await report(app);
    expect(after.views30d).toBe(before.views30d);
    expect(after.viewsOtherOrigins30d - before.viewsOtherOrigins30d).toBe(1);
  });

  it('an address gets a bounded number of page tokens', async () => {
    const app = t.withConfig(easy({ trustProxy: 1, limits: { views: { burst: 3, perSeconds: 3600 } } }));
    for (let i = 0; i < 3; i++)
      expect((await app.request(`/api/v1/views/token?site=${SITE}`, { headers: { 'X-Forwarded-For': address(63) } })).status).toBe(200);
    const res = await app.request(`/api/v1/views/token?site=${SITE}`, { headers: { 'X-Forwarded-For': address(63) } });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toMatch(/^\d+$/);
  });
});
