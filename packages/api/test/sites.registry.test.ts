import { describe, expect, it } from 'vitest';
import { counts, feedback, question, useSubmitApp } from './support/submit.js';

/**
 * The registry of the sites that carry the module: registering with validation and a key made
 * from the name, origins that may submit from the next request on, the list with search, filters,
 * total and paging, and a site's activity over time.
 */
const t = useSubmitApp();

const json = async (res: Response) => {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, res };
};

const register = (body: Record<string, unknown>, token = t.admin) => t.staff('POST', '/api/v1/admin/sites', body, token);

const list = async (query: string) => {
  const res = await json(await t.staff('GET', `/api/v1/admin/sites?${query}`, undefined, t.editor));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: any[]; total: number; nextCursor: string | null };
};

/** A page view the loader reports from `origin` for `site`, counted at once. */
async function pageView(site: string, origin: string) {
  const { token } = await (await t.request(`/api/v1/views/token?site=${site}`, { headers: { Origin: origin } })).json();
  const res = await t.request('/api/v1/views', {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ token, path: '/', widgets: ['feedback-form'] }),
  });
  expect(res.status, await res.text()).toBe(204);
  await t.services.usage.flush();
}

describe('registering a site', () => {
  it('makes the key from the name, without diacritics, and a free one when it is taken', async () => {
    const first = await json(await register({ name: 'UBND xã Tân Sơn', kind: 'ubnd-xa', origins: ['https://tanson.example.gov.vn'] }));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      key: 'ubnd-xa-tan-son',
      name: 'UBND xã Tân Sơn',
      kind: 'ubnd-xa',
      level: 'xa',
      origins: ['https://tanson.example.gov.vn'],
      contactRule: 'email-or-phone',
      requireName: true,
      answerDays: 10,
      webmaster: { name: null, phone: null, email: null },
    });
    const second = await json(await register({ name: 'UBND xã Tân Sơn', kind: 'ubnd-xa', origins: [] }));
    expect(second.body.key).toBe('ubnd-xa-tan-son-2');
    const third = await json(await register({ name: 'Ủy ban nhân dân xã Tân Sơn — Đức Giang', kind: 'ubnd-xa', origins: [] }));
    expect(third.body.key).toBe('uy-ban-nhan-dan-xa-tan-son-duc-giang');
  });

  it('stores the level, the webmaster and the rules given, and origins as browsers send them', async () => {
    const res = await json(
      await register({
        key: 'mttq-tinh',
        name: 'Ủy ban MTTQ Việt Nam tỉnh',
        kind: 'mttq',
        level: 'tinh',
        origins: ['HTTPS://MTTQ.Example.gov.vn/', 'https://www.mttq.example.gov.vn:443', 'http://127.0.0.1:8080'],
        contactRule: 'email',
        requireName: false,
        answerDays: 15,
        webmaster: { name: 'Phạm Thị Quản', phone: '0222 3822 123', email: 'quantri@mttq.example.gov.vn' },
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      key: 'mttq-tinh',
      level: 'tinh',
      origins: ['https://mttq.example.gov.vn', 'https://www.mttq.example.gov.vn', 'http://127.0.0.1:8080'],
      contactRule: 'email',
      requireName: false,
      answerDays: 15,
      webmaster: { name: 'Phạm Thị Quản', phone: '0222 3822 123', email: 'quantri@mttq.example.gov.vn' },
    });
    expect((await json(await t.staff('GET', '/api/v1/admin/sites/mttq-tinh', undefined, t.editor))).body).toEqual(res.body);
  });

  it('a key registered already is a 409, and the site is left as it was', async () => {
    await register({ key: 'doan-thanh-nien', name: 'Tỉnh đoàn', kind: 'doan-the', origins: ['https://tinhdoan.example.gov.vn'] });
    const before = await counts(t.db);
    const again = await json(await register({ key: 'doan-thanh-nien', name: 'Khác', kind: 'mttq', origins: [] }));
    expect(again.status).toBe(409);
    expect(again.res.headers.get('Content-Type')).toMatch(/problem\+json/);
    expect((await counts(t.db)).sites).toBe(before.sites);
    expect((await json(await t.staff('GET', '/api/v1/admin/sites/doan-thanh-nien'))).body).toMatchObject({ name: 'Tỉnh đoàn', kind: 'doan-the' });
  });

  it.each([
    [{ origins: ['ftp://xa.example.gov.vn'] }, 'origins.0'],
    [{ origins: ['https://xa.example.gov.vn/trang-chu'] }, 'origins.0'],
    [{ origins: ['xa.example.gov.vn'] }, 'origins.0'],
    [{ origins: ['javascript:alert(1)'] }, 'origins.0'],
    [{ origins: ['https://xa.example.gov.vn:99999'] }, 'origins.0'],
    [{ origins: ['https://-xa.example.gov.vn'] }, 'origins.0'],
    [{ origins: ['https://a.example.gov.vn', 'https://A.example.gov.vn/'] }, 'origins'],
    [{ origins: Array.from({ length: 21 }, (_, i) => `https://x${i}.example.gov.vn`) }, 'origins'],
    [{ key: 'Xa_Moi' }, 'key'],
    [{ name: 'x' }, 'name'],
    [{ kind: 'ubnd-huyen' }, 'kind'],
    [{ level: 'huyen' }, 'level'],
    [{ webmaster: { phone: 'gọi tôi' } }, 'webmaster.phone'],
    [{ webmaster: { email: 'khong-phai-thu' } }, 'webmaster.email'],
    [{ answerDays: 0 }, 'answerDays'],
    [{ secret: 1 }, 'secret'],
  ])('refuses %j (problem+json naming %s), storing nothing', async (over, path) => {
    const before = await counts(t.db);
    const res = await json(await register({ name: 'Xã Sai', kind: 'ubnd-xa', origins: [], ...over }));
    expect(res.status).toBe(400);
    expect(res.res.headers.get('Content-Type')).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: any) => e.path)).toContain(path);
    expect(await counts(t.db)).toEqual(before);
  });

  it('administrators only', async () => {
    expect((await register({ name: 'Xã Biên Tập', kind: 'ubnd-xa', origins: [] }, t.editor)).status).toBe(403);
    expect((await t.staff('PUT', '/api/v1/admin/sites/xa-bien-tap', { name: 'Xã Biên Tập', kind: 'ubnd-xa', origins: [] }, t.editor)).status).toBe(403);
  });
});

describe('origins take effect at once', () => {
  const origin = 'https://xa-ngay.example.gov.vn';

  it('a new site may send feedback and questions from its origin on the next request; a removed origin may not', async () => {
    // The directory is warm, and the origin is unknown: refused.
    await t.services.sites.snapshot();
    const before = await t.post('/api/v1/feedback', feedback({ site: 'xa-ngay', kind: 'page', document: undefined, altcha: 'x' }), { origin });
    expect(before.status).toBe(403);

    const made = await json(await register({ key: 'xa-ngay', name: 'Xã Ngay', kind: 'ubnd-xa', origins: [origin], contactRule: 'none', requireName: false }));
    expect(made.status).toBe(201);
    const sent = await t.post('/api/v1/feedback', feedback({ site: 'xa-ngay', kind: 'page', document: undefined, altcha: await t.altcha('xa-ngay') }), {
      origin,
    });
    expect(sent.status, await sent.clone().text()).toBe(201);
    const asked = await t.post('/api/v1/questions', question({ site: 'xa-ngay', name: '', email: '', altcha: await t.altcha('xa-ngay') }), { origin });
    expect(asked.status, await asked.clone().text()).toBe(201);

    const edited = await json(
      await t.staff('PUT', '/api/v1/admin/sites/xa-ngay', {
        name: 'Xã Ngay',
        kind: 'ubnd-xa',
        origins: ['https://moi.xa-ngay.example.gov.vn'],
        contactRule: 'none',
      }),
    );
    expect(edited.status).toBe(200);
    const after = await t.post('/api/v1/feedback', feedback({ site: 'xa-ngay', kind: 'page', document: undefined, altcha: await t.altcha('xa-ngay') }), {
      origin,
    });
    expect(after.status).toBe(403);
  });

  it('editing keeps the key; a different key in the body is refused', async () => {
    const res = await json(await t.staff('PUT', '/api/v1/admin/sites/xa-ngay', { key: 'xa-khac', name: 'Xã Ngay', kind: 'ubnd-xa', origins: [] }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('key');
    expect((await t.staff('GET', '/api/v1/admin/sites/khong-co', undefined, t.editor)).status).toBe(404);
  });
});

describe('the list of sites', () => {
  it('searches names without diacritics, filters by kind, level and module, with a total and pages', async () => {
    for (const [key, name, kind, level] of [
      ['so-nong-nghiep', 'Sở Nông nghiệp và Môi trường', 'so-ban-nganh', 'tinh'],
      ['hoi-nong-dan-xa-yen', 'Hội Nông dân xã Yên Trung', 'doan-the', 'xa'],
      ['xa-yen-trung', 'UBND xã Yên Trung', 'ubnd-xa', 'xa'],
    ] as const) {
      expect((await register({ key, name, kind, level, origins: [`https://${key}.example.gov.vn`] })).status).toBe(201);
    }
    await pageView('xa-yen-trung', 'https://xa-yen-trung.example.gov.vn');
    // A view from an origin the site did not register does not make it "carry the module".
    await pageView('hoi-nong-dan-xa-yen', 'https://ban-sao.example.com');

    const found = await list(`q=${encodeURIComponent('nong')}`);
    expect(found.items.map((s) => s.key)).toEqual(['hoi-nong-dan-xa-yen', 'so-nong-nghiep']);
    expect(found.total).toBe(2);
    expect((await list(`q=${encodeURIComponent('Yên trung')}`)).items.map((s) => s.key)).toEqual(['hoi-nong-dan-xa-yen', 'xa-yen-trung']);
    expect((await list('q=yen&kind=doan-the')).items.map((s) => s.key)).toEqual(['hoi-nong-dan-xa-yen']);
    expect((await list('q=nong&level=tinh')).items.map((s) => s.key)).toEqual(['so-nong-nghiep']);
    const carrying = await list('q=yen&module=yes');
    expect(carrying.items.map((s) => s.key)).toEqual(['xa-yen-trung']);
    expect(carrying.items[0]).toMatchObject({ level: 'xa', views30d: 1, lastSeen: new Date().toISOString().slice(0, 10) });
    expect((await list('q=yen&module=no')).items.map((s) => s.key)).toEqual(['hoi-nong-dan-xa-yen']);

    const all = await list('limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(all.total);
      seen.push(...page.items.map((s) => s.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((s) => s.key));
    expect(new Set(seen).size).toBe(all.total);
  });

  it.each(['kind=huyen', 'level=quan', 'module=maybe', 'limit=0', 'cursor=%21%21', 'sort=name'])('refuses %s (400)', async (query) => {
    const res = await t.staff('GET', `/api/v1/admin/sites?${query}`, undefined, t.editor);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/problem\+json/);
  });
});

describe("a site's activity", () => {
  it('page views per day and week, questions and feedback per month, every period listed', async () => {
    const key = 'xa-hoat-dong';
    const origin = 'https://xa-hoat-dong.example.gov.vn';
    expect((await register({ key, name: 'Xã Hoạt Động', kind: 'ubnd-xa', origins: [origin], contactRule: 'none', requireName: false })).status).toBe(201);
    await pageView(key, origin);
    await pageView(key, origin);
    const sent = await t.post('/api/v1/feedback', feedback({ site: key, kind: 'page', document: undefined, altcha: await t.altcha(key) }), { origin });
    expect(sent.status).toBe(201);

    const res = await json(await t.staff('GET', `/api/v1/admin/sites/${key}/activity`, undefined, t.editor));
    expect(res.status).toBe(200);
    const a = res.body;
    expect(a.site).toBe(key);
    expect(a.days).toHaveLength(90);
    expect(a.days.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), views: 2 });
    expect(a.days.slice(0, -1).every((d: any) => d.views === 0)).toBe(true);
    expect(a.weeks).toHaveLength(26);
    expect(a.weeks.at(-1).views).toBe(2);
    expect(new Date(`${a.weeks.at(-1).week}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(a.months).toHaveLength(12);
    expect(a.months.at(-1)).toEqual({ month: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7), questions: 0, feedback: 1 });
    expect((await t.staff('GET', '/api/v1/admin/sites/khong-co/activity', undefined, t.editor)).status).toBe(404);
  });
});
