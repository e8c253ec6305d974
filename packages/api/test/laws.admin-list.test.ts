import { AdminLawPage } from '@pbgdpl/contract';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ENGINE } from './support/app.js';
import { useSubmitApp } from './support/submit.js';

const t = useSubmitApp();

const json = async (res: Response) => JSON.parse(await res.text());
const page = async (query = '', token?: string) => {
  const res = await t.staff('GET', `/api/v1/admin/laws${query}`, undefined, token);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = await json(res);
  expect(z.safeParse(AdminLawPage, body).success).toBe(true);
  return body as AdminLawPage;
};

describe(`the staff list of documents (${ENGINE})`, () => {
  it('pages through every document with the total, and agrees with the public list on filters and search', async () => {
    const all = await page('?limit=50');
    const publicFirst = await json(await t.request('/api/v1/laws?limit=50'));
    expect(all.total).toBeGreaterThan(10);
    expect(all.items.map((i) => i.id)).toEqual(publicFirst.items.map((i: { id: string }) => i.id));
    expect(all.items.every((i) => i.withdrawnAt === null)).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const p: AdminLawPage = await page(`?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(p.total).toBe(all.total);
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
    }
    expect(seen).toHaveLength(all.total);
    expect(new Set(seen).size).toBe(all.total);

    const land = await page('?q=dat%20dai&limit=50');
    const publicLand = await json(await t.request('/api/v1/laws?q=dat%20dai&limit=50'));
    expect(land.items.map((i) => i.id)).toEqual(publicLand.items.map((i: { id: string }) => i.id));
    expect(land.total).toBe(land.items.length);
    expect(land.total).toBeGreaterThan(0);
    expect(land.total).toBeLessThan(all.total);
  });

  it('shows withdrawn documents to staff, marked, and filters by status', async () => {
    const before = await page('?limit=50');
    const id = before.items[0]!.id;
    expect((await t.staff('DELETE', `/api/v1/admin/laws/${id}`)).status).toBe(200);

    const after = await page('?limit=50');
    expect(after.total).toBe(before.total);
    expect(after.items.find((i) => i.id === id)!.withdrawnAt).toMatch(/^\d{4}-\d\d-\d\d/);

    const withdrawn = await page('?status=withdrawn');
    expect(withdrawn.items.map((i) => i.id)).toEqual([id]);
    expect(withdrawn.total).toBe(1);
    const published = await page('?status=published&limit=50');
    expect(published.total).toBe(before.total - 1);
    expect(published.items.map((i) => i.id)).not.toContain(id);
  });

  it('is for staff only, and refuses what the public list refuses', async () => {
    expect((await t.request('/api/v1/admin/laws')).status).toBe(401);
    await page('', t.editor);
    for (const [query, path] of [
      ['status=hidden', 'status'],
      ['from=2026-02-01&to=2026-01-01', 'from'],
      ['type=khong-co', 'type'],
    ]) {
      const bad = await t.staff('GET', `/api/v1/admin/laws?${query}`);
      expect(bad.status, query).toBe(400);
      expect(
        (await json(bad)).errors.map((e: { path: string }) => e.path),
        query,
      ).toEqual([path]);
    }
    expect((await t.staff('GET', '/api/v1/admin/laws?cursor=not-a-cursor')).status).toBe(400);
  });
});
