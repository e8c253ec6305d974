import { AdminLaw, Law, LawPage } from '@pbgdpl/contract';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ENGINE } from './support/app.js';
import { useSubmitApp } from './support/submit.js';

const t = useSubmitApp();

/** A plan of a commune, the kind of document a site posts itself. */
const plan = (over: Record<string, unknown> = {}) => ({
  number: '27/KH-UBND',
  type: 'ke-hoach',
  issuer: 'ubnd-tinh-bac-ninh',
  signer: { name: 'Nguyễn Thị Hồng Vân', title: 'Phó Chủ tịch' },
  issuedOn: '2026-11-20',
  effectiveOn: '2026-11-20',
  validity: 'con-hieu-luc',
  fields: ['tu-phap', 'dat-dai'],
  abstract: 'Tuyên truyền pháp luật về đất đai tại thôn Đông Xuyên năm 2027',
  url: 'https://bacninh.gov.vn/van-ban/27-kh-ubnd',
  ...over,
});

const json = async (res: Response) => JSON.parse(await res.text());
const create = async (body: unknown, token?: string) => t.staff('POST', '/api/v1/admin/laws', body, token);
const list = async (query = '') => json(await t.request(`/api/v1/laws${query}`));
const lawRow = (id: string) => t.db.kysely.selectFrom('laws').selectAll().where('id', '=', id).executeTakeFirst();
const lawCount = async () => (await t.db.kysely.selectFrom('laws').select('id').execute()).length;
const auditOf = (subject: string) => t.db.kysely.selectFrom('audit_log').selectAll().where('subject', '=', subject).orderBy('at').execute();

describe(`publishing legal documents (${ENGINE})`, () => {
  it('a new document is first in the list at once, and found with and without diacritics', async () => {
    const before = await t.request('/api/v1/laws?limit=5');
    const oldTag = before.headers.get('ETag')!;
    expect(oldTag).toBeTruthy();

    const res = await create(plan(), t.editor);
    expect(res.status).toBe(201);
    const law = await json(res);
    expect(z.safeParse(AdminLaw, law).success).toBe(true);
    expect(law).toMatchObject({
      id: '27-kh-ubnd-2026',
      number: '27/KH-UBND',
      type: { code: 'ke-hoach', label: 'Kế hoạch' },
      normative: false,
      signer: { name: 'Nguyễn Thị Hồng Vân', title: 'Phó Chủ tịch' },
      expiresOn: null,
      relations: [],
      attachments: [],
      withdrawnAt: null,
    });

    const page = await list('?limit=5');
    expect(z.safeParse(LawPage, page).success).toBe(true);
    expect(page.items[0].id).toBe('27-kh-ubnd-2026');
    for (const q of ['đông xuyên', 'dong xuyen', 'DONG XUY'])
      expect(
        (await list(`?q=${encodeURIComponent(q)}`)).items.map((i: any) => i.id),
        q,
      ).toEqual([law.id]);

    // The old tag no longer matches: a revalidating widget gets the new list, not a 304.
    const again = await t.request('/api/v1/laws?limit=5', { headers: { 'If-None-Match': oldTag } });
    expect(again.status).toBe(200);
    expect(again.headers.get('ETag')).not.toBe(oldTag);
    expect(again.headers.get('Cache-Control')).toBe('public, no-cache, stale-if-error=604800');

    const detail = await t.request(`/api/v1/laws/${law.id}`);
    expect(detail.status).toBe(200);
    const body = await json(detail);
    expect(z.safeParse(Law, body).success).toBe(true);
    expect(body).not.toHaveProperty('withdrawnAt');
    expect((await auditOf(`law:${law.id}`)).map((a) => [a.action, a.actor])).toEqual([['create-law', expect.stringContaining('Lê Biên Tập')]]);
  });

  it('without a link, the full text points at the national database; relations link to documents in the list', async () => {
    const res = await create(
      plan({
        number: '15/2026/NĐ-CP',
        type: 'nghi-dinh',
        issuer: 'chinh-phu',
        url: undefined,
        relations: [
          { kind: 'guides', number: '91/2025/QH15' },
          { kind: 'repeals', number: '1/1999/NĐ-CP' },
        ],
      }),
    );
    expect(res.status).toBe(201);
    const law = await json(res);
    expect(law.normative).toBe(true);
    expect(law.url).toBe(`https://vbpl.vn/pages/vbpq-timkiem.aspx?Keyword=${encodeURIComponent('15/2026/NĐ-CP')}`);
    expect(law.relations).toEqual([
      { kind: 'guides', number: '91/2025/QH15', id: '91-2025-qh15' },
      { kind: 'repeals', number: '1/1999/NĐ-CP', id: null },
    ]);
  });

  it('PATCH changes what it names and keeps the rest, search included', async () => {
    const id = (await json(await create(plan({ number: '31/KH-UBND', abstract: 'Ngày Pháp luật tại xã Phù Lãng' })))).id;
    const before = await json(await t.request(`/api/v1/laws/${id}`));
    const res = await t.staff('PATCH', `/api/v1/admin/laws/${id}`, { abstract: 'Ngày Pháp luật tại xã Quế Tân' }, t.editor);
    expect(res.status).toBe(200);
    const after = await json(await t.request(`/api/v1/laws/${id}`));
    expect(after.abstract).toBe('Ngày Pháp luật tại xã Quế Tân');
    const { abstract: _a, updatedAt: _u, ...rest } = before;
    expect(after).toMatchObject(rest);
    expect((await list('?q=que%20tan')).items.map((i: any) => i.id)).toEqual([id]);
    expect((await list('?q=phu%20lang')).items).toEqual([]);

    // null clears; normative may be set against the type's habit; relations are replaced whole.
    const cleared = await json(
      await t.staff('PATCH', `/api/v1/admin/laws/${id}`, { signer: null, normative: true, relations: [{ kind: 'amends', number: '184/KH-UBND' }] }),
    );
    expect(cleared).toMatchObject({
      signer: null,
      normative: true,
      relations: [{ kind: 'amends', number: '184/KH-UBND' }],
      abstract: 'Ngày Pháp luật tại xã Quế Tân',
    });
    expect((await auditOf(`law:${id}`)).map((a) => a.action)).toEqual(['create-law', 'update-law', 'update-law']);
  });

  it('the same number again, whatever its case and spacing, is a 409 naming the document that has it', async () => {
    const n = await lawCount();
    for (const number of ['91/2025/QH15', '91/2025/qh15', '91 / 2025 / QH15', '91/2025/ QH15']) {
      const res = await create(plan({ number, type: 'luat', issuer: 'quoc-hoi' }));
      expect(res.status, number).toBe(409);
      expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      const problem = await json(res);
      expect(problem.detail).toContain('91-2025-qh15');
      expect(problem.detail).toContain('Bảo vệ dữ liệu cá nhân');
      expect(problem.errors).toEqual([expect.objectContaining({ path: 'number', code: 'duplicate' })]);
    }
    // A number without a year is the same document only in the same year.
    const other = await create(plan({ number: '184/kh-ubnd', issuedOn: '2025-12-27' }));
    expect(other.status).toBe(409);
    expect(await lawCount()).toBe(n);
    expect((await create(plan({ number: '184/KH-UBND', issuedOn: '2026-03-02', abstract: 'Một kế hoạch khác cùng số' }))).status).toBe(201);

    // Renumbering onto another document's number is refused too, and changes nothing.
    const id = (await json(await create(plan({ number: '40/KH-UBND' })))).id;
    const res = await t.staff('PATCH', `/api/v1/admin/laws/${id}`, { number: '64/2025/qh15' });
    expect(res.status).toBe(409);
    expect((await lawRow(id))!.number).toBe('40/KH-UBND');
  });

  it('unknown codes are a 400 naming each field, and nothing is stored', async () => {
    const n = await lawCount();
    const audits = (await t.db.kysely.selectFrom('audit_log').select('id').execute()).length;
    const res = await create(plan({ number: '50/KH-UBND', type: 'sac-lenh', issuer: 'ubnd-tinh-atlantis', fields: ['dat-dai', 'thien-van'] }));
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const problem = await json(res);
    expect(problem.errors.map((e: any) => e.path).sort()).toEqual(['fields.1', 'issuer', 'type']);
    expect(problem.errors.find((e: any) => e.path === 'fields.1').message).toContain('thien-van');
    expect(await lawCount()).toBe(n);
    expect((await t.db.kysely.selectFrom('audit_log').select('id').execute()).length).toBe(audits);

    const patch = await t.staff('PATCH', '/api/v1/admin/laws/91-2025-qh15', { fields: ['nope'] });
    expect(patch.status).toBe(400);
    expect((await json(patch)).errors.map((e: any) => e.path)).toEqual(['fields.0']);
  });

  it('missing or malformed fields are a 400 naming each', async () => {
    const empty = await json(await create({}));
    expect(empty.status).toBe(400);
    expect(empty.errors.map((e: any) => e.path).sort()).toEqual(['abstract', 'fields', 'issuedOn', 'issuer', 'number', 'type', 'validity']);

    const bad = await json(
      await create(plan({ number: '<script>', issuedOn: '2026-02-30', validity: 'maybe', url: 'javascript:alert(1)', fields: [], extra: 1, abstract: '   ' })),
    );
    expect(bad.errors.map((e: any) => e.path).sort()).toEqual(['abstract', 'extra', 'fields', 'issuedOn', 'number', 'url', 'validity']);

    const early = await json(await create(plan({ number: '60/KH-UBND', expiresOn: '2026-01-01' })));
    expect(early.errors).toEqual([expect.objectContaining({ path: 'expiresOn' })]);

    expect((await t.staff('PATCH', '/api/v1/admin/laws/91-2025-qh15', {})).status).toBe(400);
    expect((await t.staff('PATCH', '/api/v1/admin/laws/no-such-law', { abstract: 'x' })).status).toBe(404);
  });

  it('needs a staff token; withdrawal needs an administrator', async () => {
    const anonymous = await t.request('/api/v1/admin/laws', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(plan()) });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect((await create(plan({ number: '70/KH-UBND' }), 'pbgdpl_not-a-real-token')).status).toBe(401);
    expect((await t.request('/api/v1/admin/laws/91-2025-qh15', { method: 'PATCH' })).status).toBe(401);
    const forbidden = await t.staff('DELETE', '/api/v1/admin/laws/91-2025-qh15', undefined, t.editor);
    expect(forbidden.status).toBe(403);
    expect((await lawRow('91-2025-qh15'))!.withdrawn_at).toBeNull();
  });

  it('withdrawal keeps the row, hides the document from list, search and suggestions, and its detail says 410', async () => {
    const id = (await json(await create(plan({ number: '80/KH-UBND', abstract: 'Hòa giải ở cơ sở về tranh chấp ranh giới thửa đất liền kề' })))).id;
    const suggest = async () =>
      json(await t.request(`/api/v1/questions/suggest?${new URLSearchParams({ text: 'hòa giải tranh chấp ranh giới thửa đất liền kề' })}`));
    expect((await suggest()).laws.map((l: any) => l.id)).toContain(id);

    const res = await t.staff('DELETE', `/api/v1/admin/laws/${id}`);
    expect(res.status).toBe(200);
    const withdrawn = await json(res);
    expect(withdrawn.withdrawnBy).toBe('Trần Quản Trị');
    expect(Number.isNaN(Date.parse(withdrawn.withdrawnAt))).toBe(false);

    expect((await lawRow(id))!.withdrawn_at).toBe(withdrawn.withdrawnAt);
    expect((await list('?limit=50')).items.map((i: any) => i.id)).not.toContain(id);
    expect((await list('?q=ranh%20gioi%20thua')).items).toEqual([]);
    expect((await suggest()).laws.map((l: any) => l.id)).not.toContain(id);
    const gone = await t.request(`/api/v1/laws/${id}`);
    expect(gone.status).toBe(410);
    expect(gone.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect((await json(gone)).detail).toContain('withdrawn');

    // It can no longer be changed; withdrawing again changes nothing and leaves no second audit line.
    // Staff still open the record, with who withdrew it and when.
    const record = await t.staff('GET', `/api/v1/admin/laws/${id}`, undefined, t.editor);
    expect(record.status).toBe(200);
    expect(await json(record)).toMatchObject({ id, withdrawnAt: withdrawn.withdrawnAt, withdrawnBy: 'Trần Quản Trị' });
    expect((await t.staff('GET', '/api/v1/admin/laws/no-such-law')).status).toBe(404);
    expect((await t.staff('PATCH', `/api/v1/admin/laws/${id}`, { abstract: 'Sửa sau khi rút' })).status).toBe(409);
    expect((await json(await t.staff('DELETE', `/api/v1/admin/laws/${id}`))).withdrawnAt).toBe(withdrawn.withdrawnAt);
    expect((await auditOf(`law:${id}`)).map((a) => a.action)).toEqual(['create-law', 'withdraw-law']);
    // Its number stays taken, and the refusal says why.
    expect((await json(await create(plan({ number: '80/KH-UBND' })))).detail).toContain('withdrawn');
  });

  it('a failure half-way stores nothing: not the row, its fields or the audit line', async () => {
    const n = await lawCount();
    const audits = (await t.db.kysely.selectFrom('audit_log').select('id').execute()).length;
    await t.db.kysely.schema.alterTable('law_relations').renameTo('law_relations_away').execute();
    try {
      const res = await create(plan({ number: '90/KH-UBND', relations: [{ kind: 'amends', number: '27/KH-UBND' }] }));
      expect(res.status).toBe(500);
    } finally {
      await t.db.kysely.schema.alterTable('law_relations_away').renameTo('law_relations').execute();
    }
    expect(await lawCount()).toBe(n);
    expect(await t.db.kysely.selectFrom('law_fields').select('law_id').where('law_id', '=', '90-kh-ubnd-2026').execute()).toEqual([]);
    expect((await t.db.kysely.selectFrom('audit_log').select('id').execute()).length).toBe(audits);
    expect((await create(plan({ number: '90/KH-UBND' }))).status).toBe(201);
  });
});
