import { VALIDITY } from '@pbgdpl/contract';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { byNumber, catalog, expected, label } from './support/catalog.js';

const t = useTestApp();

describe('GET /api/v1/laws/{id}', () => {
  it('returns 91/2025/QH15 in full', async () => {
    const { res, body } = await t.get('/api/v1/laws/91-2025-qh15');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      id: '91-2025-qh15',
      number: '91/2025/QH15',
      type: { code: 'luat', label: 'Luật' },
      issuer: { code: 'quoc-hoi', label: 'Quốc hội' },
      issuedOn: '2025-06-26',
      effectiveOn: '2026-01-01',
      expiresOn: null,
      validity: { code: 'con-hieu-luc', label: 'Còn hiệu lực' },
      abstract: 'Luật Bảo vệ dữ liệu cá nhân',
      normative: true,
      signer: { name: 'Trần Thanh Mẫn', title: 'Chủ tịch Quốc hội' },
      relations: [],
    });
    expect(body.fields.map((f: any) => f.code).sort()).toEqual(['cong-nghe-thong-tin', 'du-lieu-ca-nhan']);
    expect(Number.isNaN(Date.parse(body.updatedAt))).toBe(false);
  });

  it('names related documents and gives the id of those in the catalog', async () => {
    const { body } = await t.get('/api/v1/laws/356-2025-nd-cp');
    expect(body.relations).toEqual([
      { kind: 'guides', number: '91/2025/QH15', id: '91-2025-qh15' },
      { kind: 'replaces', number: '13/2023/NĐ-CP', id: '13-2023-nd-cp' },
    ]);
    // The ids lead somewhere.
    for (const r of body.relations) expect((await t.request(`/api/v1/laws/${r.id}`)).status).toBe(200);
  });

  it('gives a null id to a related document the catalog lacks', async () => {
    const { body } = await t.get('/api/v1/laws/45-2019-qh14');
    expect(body.relations).toEqual([{ kind: 'replaces', number: '10/2012/QH13', id: null }]);
  });

  it('marks plans as not normative and shows a missing signer as null', async () => {
    const plan = expected.find((l) => l.type === 'ke-hoach' && !l.signer) ?? expected.find((l) => l.type === 'ke-hoach')!;
    const { body } = await t.get(`/api/v1/laws/${plan.id}`);
    expect(body.normative).toBe(false);
    expect(body.signer).toEqual(plan.signer);
  });

  it('matches the catalog for every one of its documents', async () => {
    let withRelationIds = 0;
    for (const law of expected) {
      const { res, body } = await t.get(`/api/v1/laws/${law.id}`);
      expect(res.status, law.id).toBe(200);
      const type = catalog.types.find((x) => x.code === law.type)!;
      expect(body, law.number).toMatchObject({
        id: law.id,
        number: law.number,
        type: { code: law.type, label: type.vi },
        issuer: { code: law.issuer, label: label.issuer(law.issuer, 'vi') },
        issuedOn: law.issued,
        effectiveOn: law.effective,
        expiresOn: law.expires,
        validity: { code: law.validity },
        abstract: law.abstract,
        normative: type.normative,
        signer: law.signer,
      });
      expect(body.fields.map((f: any) => f.code).sort(), law.number).toEqual([...law.fields].sort());
      const relations = (law.relations ?? []).map((r) => ({ kind: r.kind, number: r.number, id: byNumber.get(r.number)?.id ?? null }));
      expect(body.relations, law.number).toEqual(relations);
      withRelationIds += relations.filter((r) => r.id).length;
    }
    expect(withRelationIds).toBeGreaterThan(10); // the catalog links documents to each other
  });

  it('lang=en labels the document in English', async () => {
    const { body } = await t.get('/api/v1/laws/45-2013-qh13?lang=en');
    expect(body.type).toEqual({ code: 'luat', label: 'Law' });
    expect(body.issuer).toEqual({ code: 'quoc-hoi', label: 'National Assembly' });
    expect(body.validity).toEqual({ code: 'het-hieu-luc-toan-bo', label: 'Expired' });
    expect(body.fields).toEqual([{ code: 'dat-dai', label: 'Land' }]);
  });

  it('the summary in the list and the full document agree', async () => {
    const { body: page } = await t.get('/api/v1/laws?limit=20');
    for (const item of page.items) {
      const { body } = await t.get(`/api/v1/laws/${item.id}`);
      expect(body).toMatchObject(item);
    }
  });
});

describe('GET /api/v1/meta', () => {
  it.each(['vi', 'en'] as const)('lists fields, types, issuers and validity with %s labels, in catalog order', async (lang) => {
    const { res, body } = await t.get(`/api/v1/meta${lang === 'vi' ? '' : '?lang=en'}`);
    expect(res.status).toBe(200);
    expect(body.fields).toEqual(catalog.fields.map((f) => ({ code: f.code, label: f[lang] })));
    expect(body.types).toEqual(catalog.types.map((f) => ({ code: f.code, label: f[lang], normative: f.normative })));
    expect(body.issuers).toEqual(catalog.issuers.map((f) => ({ code: f.code, label: f[lang] })));
    expect(body.validity.map((v: any) => v.code)).toEqual([...VALIDITY]);
    for (const v of body.validity) expect(v.label.length).toBeGreaterThan(2);
  });

  it('validity labels differ between the languages', async () => {
    const vi = (await t.get('/api/v1/meta')).body.validity;
    const en = (await t.get('/api/v1/meta?lang=en')).body.validity;
    expect(vi.find((v: any) => v.code === 'con-hieu-luc').label).toBe('Còn hiệu lực');
    expect(en.find((v: any) => v.code === 'con-hieu-luc').label).toBe('In force');
    for (let i = 0; i < vi.length; i++) expect(en[i].label).not.toBe(vi[i].label);
  });

  it('every code meta lists is accepted as a filter', async () => {
    const { body } = await t.get('/api/v1/meta');
    for (const [param, list] of [
      ['field', body.fields],
      ['type', body.types],
      ['issuer', body.issuers],
      ['validity', body.validity],
    ] as const) {
      for (const { code } of list) expect((await t.request(`/api/v1/laws?${param}=${code}&limit=1`)).status, `${param}=${code}`).toBe(200);
    }
  });
});
