import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Feed, FeedPage, FeedPreview, FeedRun, FeedRunPage } from '@pbgdpl/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createApp } from '../src/app.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { loadCatalog, seedIfEmpty } from '../src/db/seed.js';
import { createStaffToken } from '../src/security/staff.js';
import { createServices, type Services } from '../src/services.js';
import { CATALOG_PATH, ENGINE, packageRoot, scratchDatabase, TEST_DATABASE_URL, type App, type Scratch } from './support/app.js';
import { EASY } from './support/submit.js';

const FIXTURES = join(packageRoot, 'test/fixtures/feeds');
const MAX_BYTES = 64 * 1024;
const FEEDS = { maxBytes: MAX_BYTES, timeoutMs: 3_000, checkEveryMs: 0, log: () => {} };

/** The portal: fixture files by name, a feed larger than the cap (sent without a length), a slow one, a missing one. */
let portal: Server;
let base = '';
/** Served at /changing.xml: tests swap it between runs. */
let changing = '';
const hits = new Map<string, number>();

beforeAll(async () => {
  portal = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/huge.xml') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
      const item = `<item><title>Quyết định số 1/2025/QĐ-UBND ngày 01/01/2025</title><description>${'x'.repeat(1000)}</description></item>`;
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>');
      let sent = 0;
      const more = () => {
        while (sent < 400) {
          sent++;
          if (!res.write(item)) return void res.once('drain', more);
        }
        res.end('</channel></rss>');
      };
      more();
      res.on('error', () => {});
      return;
    }
    if (path === '/slow.xml') return void setTimeout(() => res.end(''), 10_000).unref();
    if (path === '/changing.xml') return void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(changing);
    try {
      const body = readFileSync(join(FIXTURES, path.slice(1)));
      res.writeHead(200, { 'Content-Type': path.endsWith('.json') ? 'application/feed+json' : 'application/xml; charset=utf-8' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => portal.close(() => resolve())));

let scratch: Scratch;
let app: App;
let services: Services;
let admin = '';
let editor = '';
/** A second instance's database: its own connection pool on PostgreSQL; SQLite serves one instance, so the same file handle. */
let otherDb: Db;

beforeAll(async () => {
  scratch = await scratchDatabase();
  await seedIfEmpty(scratch.db, await loadCatalog(CATALOG_PATH));
  admin = (await createStaffToken(scratch.db.kysely, 'Trần Quản Trị', 'admin')).token;
  editor = (await createStaffToken(scratch.db.kysely, 'Lê Biên Tập', 'editor')).token;
  services = createServices(scratch.db, EASY, undefined, null, undefined, FEEDS);
  app = createApp({ db: scratch.db, version: 'test', services, log: (m, e) => console.error(`[api under test] ${m}`, e ?? '') });
  otherDb = ENGINE === 'postgres' ? openDatabase({ url: TEST_DATABASE_URL, pgSchema: scratch.where }) : scratch.db;
});
afterAll(async () => {
  if (otherDb && otherDb !== scratch.db) await otherDb.close();
  await scratch?.drop();
});

const call = async (method: string, path: string, body?: unknown, token = admin) => {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { res, body: text ? JSON.parse(text) : null };
};
const feedInput = (file: string, over: Record<string, unknown> = {}) => ({
  name: `Cổng tỉnh – ${file}`,
  url: `${base}/${file}`,
  everyHours: 6,
  defaultIssuer: 'ubnd-tinh-bac-ninh',
  defaultField: 'pho-bien-giao-duc-phap-luat',
  ...over,
});
async function register(file: string, over: Record<string, unknown> = {}): Promise<Feed> {
  const { res, body } = await call('POST', '/api/v1/admin/feeds', feedInput(file, over));
  expect(res.status, JSON.stringify(body)).toBe(201);
  expect(z.safeParse(Feed, body).success).toBe(true);
  return body as Feed;
}
async function runNow(id: string): Promise<FeedRun> {
  const { res, body } = await call('POST', `/api/v1/admin/feeds/${id}/runs`);
  expect(res.status, JSON.stringify(body)).toBe(201);
  expect(z.safeParse(FeedRun, body).success).toBe(true);
  return body as FeedRun;
}
const lawCount = async () =>
  Number(
    (
      await scratch.db.kysely
        .selectFrom('laws')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const law = (id: string) => scratch.db.kysely.selectFrom('laws').selectAll().where('id', '=', id).executeTakeFirst();

describe(`document feeds (${ENGINE})`, () => {
  it('refuses bad input with problem+json and stores nothing; only administrators manage feeds', async () => {
    const bad = await call('POST', '/api/v1/admin/feeds', { ...feedInput('rss.xml'), url: 'file:///etc/passwd', everyHours: 0, defaultType: 'khong-co' });
    expect(bad.res.status).toBe(400);
    expect(bad.res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['everyHours', 'url']);
    const unknown = await call('POST', '/api/v1/admin/feeds', feedInput('rss.xml', { defaultType: 'khong-co', defaultField: 'khong-co-linh-vuc' }));
    expect(unknown.res.status).toBe(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['defaultField', 'defaultType']);
    expect((await call('POST', '/api/v1/admin/feeds', feedInput('rss.xml'), editor)).res.status).toBe(403);
    expect((await call('GET', '/api/v1/admin/feeds', undefined, editor)).res.status).toBe(403);
    expect((await call('GET', '/api/v1/admin/feeds')).body).toEqual({ items: [], total: 0 });
  });

  it('"try it" reports what a run would create and stores nothing', async () => {
    const before = await lawCount();
    const { res, body } = await call('POST', '/api/v1/admin/feeds/preview', {
      url: `${base}/rss.xml`,
      defaultIssuer: 'ubnd-tinh-bac-ninh',
      defaultField: 'tu-phap',
    });
    expect(res.status).toBe(200);
    expect(z.safeParse(FeedPreview, body).success).toBe(true);
    expect(body.counts).toEqual({ seen: 4, created: 3, duplicates: 0, refused: 1 });
    expect(await lawCount()).toBe(before);
    const broken = await call('POST', '/api/v1/admin/feeds/preview', { url: `${base}/broken.xml`, defaultField: 'tu-phap' });
    expect(broken.body.error).toMatch(/cannot be read/);
  });

  it('an RSS feed: number, type, issuer, date, abstract and link read from each item; an item without a number is refused with the reason', async () => {
    const feed = await register('rss.xml');
    expect(feed.nextRunAt).not.toBeNull();
    const run = await runNow(feed.id);
    expect(run).toMatchObject({ state: 'ok', trigger: 'manual', error: null, counts: { seen: 4, created: 3, duplicates: 0, refused: 1 } });
    const byNumber = new Map(run.items.map((i) => [i.number, i]));
    expect(run.items.find((i) => i.action === 'refused')).toMatchObject({
      number: null,
      reasonCode: 'no-number',
      reason: expect.stringMatching(/no document number/),
    });

    const qd = await law(byNumber.get('12/2025/QĐ-UBND')!.id!);
    expect(qd).toMatchObject({
      type_code: 'quyet-dinh',
      issuer_code: 'ubnd-tinh-bac-ninh',
      issued_on: '2025-11-03',
      url: 'https://bacninh.example.gov.vn/van-ban/12-2025-qd-ubnd',
      abstract: 'Ban hành Quy chế phối hợp trong công tác phổ biến, giáo dục pháp luật trên địa bàn tỉnh Bắc Ninh.',
      validity: 'con-hieu-luc',
    });
    // "ngày 15 tháng 12 năm 2025", "Ủy ban nhân dân tỉnh Bắc Ninh" written out, no description: the title is the abstract.
    const kh = await law(byNumber.get('205/KH-UBND')!.id!);
    expect(kh).toMatchObject({ id: '205-kh-ubnd-2025', type_code: 'ke-hoach', issuer_code: 'ubnd-tinh-bac-ninh', issued_on: '2025-12-15' });
    expect(kh!.abstract).toMatch(/^Kế hoạch số 205\/KH-UBND/);
    // No date in the title: the day it was posted, in Vietnam.
    expect(await law(byNumber.get('03/CT-UBND')!.id!)).toMatchObject({ type_code: 'chi-thi', issued_on: '2026-01-05' });
    const fields = await scratch.db.kysely.selectFrom('law_fields').select('field_code').where('law_id', '=', qd!.id).execute();
    expect(fields.map((f) => f.field_code)).toEqual(['pho-bien-giao-duc-phap-luat']);
    // Found by the public search at once, and audited under the feed's name.
    const found = await app.request('/api/v1/laws?q=quy che phoi hop');
    expect(((await found.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toContain(qd!.id);
    const audit = await scratch.db.kysely.selectFrom('audit_log').select(['actor']).where('subject', '=', `law:${qd!.id}`).executeTakeFirstOrThrow();
    expect(audit.actor).toContain('Nguồn tin: Cổng tỉnh – rss.xml');

    // Run again: every number exists now.
    const again = await runNow(feed.id);
    expect(again.counts).toEqual({ seen: 4, created: 0, duplicates: 3, refused: 1 });
    expect(again.items.filter((i) => i.action === 'duplicate').map((i) => i.id)).toEqual(run.items.filter((i) => i.action === 'create').map((i) => i.id));
  });

  it('Atom and JSON Feed; the issuer from the number when the title does not say; refused without an issuer to use', async () => {
    const atom = await runNow((await register('atom.xml', { defaultIssuer: null })).id);
    expect(atom.counts).toEqual({ seen: 2, created: 2, duplicates: 0, refused: 0 });
    expect(await law('15-2026-nd-cp')).toMatchObject({ type_code: 'nghi-dinh', issuer_code: 'chinh-phu', issued_on: '2026-01-08' });
    expect((await law('15-2026-nd-cp'))!.abstract).toBe('Quy định chi tiết một số điều của Luật Phổ biến, giáo dục pháp luật.');
    expect(await law('27-qd-ttg-2026')).toMatchObject({ type_code: 'quyet-dinh', issuer_code: 'thu-tuong-chinh-phu', issued_on: '2026-01-06' });

    const json = await runNow((await register('feed.json', { defaultIssuer: null })).id);
    expect(json.counts).toEqual({ seen: 2, created: 1, duplicates: 0, refused: 1 });
    expect(json.items[0]).toMatchObject({ number: '08/2025/NQ-HĐND', action: 'refused', reasonCode: 'no-issuer', reason: expect.stringMatching(/issuer/) });
    expect(await law('05-2026-tt-btp')).toMatchObject({ type_code: 'thong-tu', issuer_code: 'bo-tu-phap', issued_on: '2026-01-02' });
  });

  it('markup and scripts in titles and descriptions are stored as text, never as markup; a javascript: link is not kept', async () => {
    const run = await runNow((await register('injection.xml')).id);
    expect(run.counts.created).toBe(2);
    const first = await law(run.items[0]!.id!);
    expect(first!.abstract).toBe('Quy định quản lý cộng tác viên phổ biến pháp luật.');
    expect(run.items[0]!.title).toBe('Quyết định số 44/2025/QĐ-UBND ngày 20/11/2025 của UBND tỉnh Bắc Ninh về quản lý cộng tác viên');
    const second = await law(run.items[1]!.id!);
    expect(second!.url).toMatch(/^https:\/\/vbpl\.vn\//);
    const stored = JSON.stringify([first, second, run]);
    for (const bad of ['<', '>', 'script', 'onerror', 'javascript:', 'iframe', 'alert']) expect(stored).not.toContain(bad);
  });

  it('a number that exists is skipped, never duplicated: across feeds, within a feed, and whatever the seed or staff published', async () => {
    const before = await lawCount();
    const run = await runNow((await register('repeat.xml')).id);
    expect(run.counts).toEqual({ seen: 3, created: 0, duplicates: 3, refused: 0 });
    expect(run.items.map((i) => i.id)).toEqual(['91-2025-qh15', '12-2025-qd-ubnd', '12-2025-qd-ubnd']);
    expect(await lawCount()).toBe(before);
  });

  it('a feed that fails (broken, too large, slow, missing) records the error, writes nothing and keeps its earlier documents', async () => {
    const before = await lawCount();
    const cases: [string, string, RegExp][] = [
      ['broken.xml', 'unreadable', /cannot be read as RSS, Atom or JSON Feed/],
      ['huge.xml', 'too-large', /larger than 0\.1 MB/],
      ['slow.xml', 'timeout', /within 3 s/],
      ['missing.xml', 'http', /HTTP 404/],
    ];
    for (const [file, code, says] of cases) {
      const run = await runNow((await register(file)).id);
      expect(run, file).toMatchObject({ state: 'failed', counts: { seen: 0, created: 0 }, errorCode: code, error: expect.stringMatching(says) });
    }
    expect(await lawCount()).toBe(before);

    // A feed that worked, then broke: its documents stay, the error is on the run and on the list.
    changing = readFileSync(join(FIXTURES, 'atom.xml'), 'utf8').replace(/15\/2026\/NĐ-CP/g, '16/2026/NĐ-CP');
    const feed = await register('changing.xml');
    expect((await runNow(feed.id)).counts.created).toBe(1);
    changing = '<rss><channel><item><title>';
    const failed = await runNow(feed.id);
    expect(failed.state).toBe('failed');
    expect(await law('16-2026-nd-cp')).toBeDefined();
    const list = await call('GET', '/api/v1/admin/feeds?failing=true&limit=100');
    expect(z.safeParse(FeedPage, list.body).success).toBe(true);
    expect(list.body.items.map((f: Feed) => f.id)).toContain(feed.id);
    expect(list.body.items.find((f: Feed) => f.id === feed.id).lastRun).toMatchObject({ state: 'failed', id: failed.id });
  });

  it('nothing half-written: a storage failure in the middle of a run rolls back every document of it', async () => {
    changing = readFileSync(join(FIXTURES, 'rss.xml'), 'utf8')
      .replace(/12\/2025/g, '912/2025')
      .replace(/205\/KH/g, '9205/KH')
      .replace(/03\/CT/g, '903/CT');
    const feed = await register('changing.xml', { name: 'Cổng tỉnh – rollback' });
    const before = await lawCount();
    // The audit line of the second document fails: the first, written before it in the same transaction, goes too.
    const kysely = scratch.db.kysely;
    const trigger =
      ENGINE === 'postgres'
        ? [
            `create function ${scratch.where}.fail_audit() returns trigger language plpgsql as $$ begin if new.subject like 'law:9205%' then raise exception 'disk full'; end if; return new; end $$`,
            `create trigger fail_audit before insert on ${scratch.where}.audit_log for each row execute function ${scratch.where}.fail_audit()`,
          ]
        : [`create trigger fail_audit before insert on audit_log when new.subject like 'law:9205%' begin select raise(abort, 'disk full'); end`];
    const { sql } = await import('kysely');
    for (const s of trigger) await sql.raw(s).execute(kysely);
    try {
      const run = await runNow(feed.id);
      expect(run).toMatchObject({ state: 'failed', errorCode: 'storage', error: expect.stringMatching(/could not be stored, none was/) });
      expect(await lawCount()).toBe(before);
      expect(await law('912-2025-qd-ubnd')).toBeUndefined();
    } finally {
      await sql.raw('drop trigger fail_audit' + (ENGINE === 'postgres' ? ` on ${scratch.where}.audit_log` : '')).execute(kysely);
    }
    // Repaired: the next run writes them all.
    expect((await runNow(feed.id)).counts.created).toBe(3);
  });

  it('runs are listed newest first with paging and a state filter; feeds are searched, filtered, paged, changed and removed', async () => {
    const feed = await register('rss.xml', { name: 'Sở Tư pháp – lịch sử' });
    for (let i = 0; i < 3; i++) await runNow(feed.id);
    const page1 = await call('GET', `/api/v1/admin/feeds/${feed.id}/runs?limit=2`);
    expect(z.safeParse(FeedRunPage, page1.body).success).toBe(true);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await call('GET', `/api/v1/admin/feeds/${feed.id}/runs?limit=2&offset=2`);
    expect(page2.body.items).toHaveLength(1);
    const all = [...page1.body.items, ...page2.body.items] as FeedRun[];
    expect(all.map((r) => r.startedAt)).toEqual([...all.map((r) => r.startedAt)].sort().reverse());
    expect((await call('GET', `/api/v1/admin/feeds/${feed.id}/runs?state=failed`)).body.total).toBe(0);
    expect((await call('GET', `/api/v1/admin/feeds/${feed.id}/runs?limit=500`)).res.status).toBe(400);

    const found = await call('GET', '/api/v1/admin/feeds?q=so tu phap lich su');
    expect(found.body.items.map((f: Feed) => f.id)).toEqual([feed.id]);
    const patched = await call('PATCH', `/api/v1/admin/feeds/${feed.id}`, { enabled: false, everyHours: 12 });
    expect(patched.body).toMatchObject({ enabled: false, everyHours: 12, nextRunAt: null });
    expect((await call('GET', '/api/v1/admin/feeds?enabled=false')).body.items.map((f: Feed) => f.id)).toEqual([feed.id]);
    expect((await call('PATCH', `/api/v1/admin/feeds/${feed.id}`, {})).res.status).toBe(400);
    expect((await call('PATCH', `/api/v1/admin/feeds/${feed.id}`, { defaultIssuer: 'khong-co' })).res.status).toBe(400);

    const before = await lawCount();
    expect((await call('DELETE', `/api/v1/admin/feeds/${feed.id}`)).res.status).toBe(204);
    expect((await call('GET', `/api/v1/admin/feeds/${feed.id}/runs`)).res.status).toBe(404);
    expect(await scratch.db.kysely.selectFrom('law_feed_runs').select('id').where('feed_id', '=', feed.id).execute()).toEqual([]);
    expect(await lawCount()).toBe(before);
    expect((await call('POST', `/api/v1/admin/feeds/${feed.id}/runs`)).res.status).toBe(404);
  });

  it('two instances on one database run a due feed once; it is due again after its interval, and a run whose process died is taken over', async () => {
    // Every feed so far is due again only in hours: disable them, so the pass sees only the new one.
    await scratch.db.kysely.updateTable('law_feeds').set({ enabled: 0 }).execute();
    changing = readFileSync(join(FIXTURES, 'rss.xml'), 'utf8')
      .replace(/12\/2025/g, '812/2025')
      .replace(/205\/KH/g, '8205/KH')
      .replace(/03\/CT/g, '803/CT');
    const feed = await register('changing.xml', { name: 'Cổng tỉnh – two instances' });
    let clock = Date.now();
    const now = () => clock;
    const one = createServices(scratch.db, EASY, undefined, null, undefined, { ...FEEDS, now });
    const two = createServices(otherDb, EASY, undefined, null, undefined, { ...FEEDS, now });
    const before = await lawCount();
    hits.delete('/changing.xml');
    const [a, b] = await Promise.all([one.feeds.runDue(), two.feeds.runDue()]);
    expect([...a, ...b]).toHaveLength(1);
    expect(hits.get('/changing.xml')).toBe(1);
    expect([...a, ...b][0]).toMatchObject({ feedId: feed.id, trigger: 'schedule', state: 'ok', counts: { created: 3 } });
    expect(await lawCount()).toBe(before + 3);

    // Not due again before its six hours.
    clock += 5 * 3600_000;
    expect([...(await one.feeds.runDue()), ...(await two.feeds.runDue())]).toHaveLength(0);
    clock += 2 * 3600_000;
    const later = await Promise.all([two.feeds.runDue(), one.feeds.runDue()]);
    expect(later.flat()).toHaveLength(1);
    expect(later.flat()[0]!.counts).toMatchObject({ created: 0, duplicates: 3 });

    // A process died holding the lease: nobody runs it until the lease is past; then the old run is marked interrupted.
    const dead = { lease_until: new Date(clock + 60_000).toISOString(), lease_owner: 'dead', next_run_at: new Date(clock - 1).toISOString() };
    await scratch.db.kysely
      .insertInto('law_feed_runs')
      .values({
        id: 'dead-run',
        feed_id: feed.id,
        trigger: 'schedule',
        state: 'running',
        started_at: new Date(clock - 1000).toISOString(),
        finished_at: null,
        seen: 0,
        created: 0,
        duplicates: 0,
        refused: 0,
        error: null,
        error_code: null,
        items: '[]',
      })
      .execute();
    await scratch.db.kysely.updateTable('law_feeds').set(dead).where('id', '=', feed.id).execute();
    expect(await one.feeds.runDue()).toHaveLength(0);
    expect((await call('POST', `/api/v1/admin/feeds/${feed.id}/runs`)).res.status).toBe(409);
    clock += 2 * 60_000;
    expect(await two.feeds.runDue()).toHaveLength(1);
    const dead2 = await scratch.db.kysely.selectFrom('law_feed_runs').select('state').where('id', '=', 'dead-run').executeTakeFirstOrThrow();
    expect(dead2.state).toBe('interrupted');
    await Promise.all([one.feeds.stop(), two.feeds.stop()]);
  });
});
