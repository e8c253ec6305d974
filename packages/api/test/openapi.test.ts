import { Law, LawPage, Meta, Problem, routes, type RouteSpec } from '@pbgdpl/contract';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { useTestApp } from './support/app.js';

const t = useTestApp();

const bodies: Record<string, z.ZodMiniType> = { listLaws: LawPage, getLaw: Law, getMeta: Meta };
const example: Record<string, string> = { id: '91-2025-qh15' };
const shapeKeys = (schema: z.ZodMiniType | undefined) => Object.keys((schema as z.ZodMiniObject | undefined)?.shape ?? {});

/** Every "$ref" in a JSON document, with where it was found. */
function refs(node: unknown, at = '#'): [string, string][] {
  if (Array.isArray(node)) return node.flatMap((n, i) => refs(n, `${at}/${i}`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [[at, v] as [string, string]] : refs(v, `${at}/${k}`)));
  }
  return [];
}

function resolve(doc: any, ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => (node == null ? undefined : node[key.replace(/~1/g, '/').replace(/~0/g, '~')]), doc);
}

describe('GET /api/v1/openapi.json', () => {
  const load = async () => {
    const { res, body } = await t.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    return body;
  };

  it('is an OpenAPI 3.1 document with info and a server', async () => {
    const doc = await load();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBe('test');
    expect(doc.servers?.[0]?.url).toMatch(/^https?:\/\/[^/]+$/);
    expect(Object.keys(doc.components.schemas).sort()).toEqual(expect.arrayContaining(['Law', 'LawPage', 'LawSummary', 'Meta', 'Problem']));
    for (const [id, schema] of Object.entries<any>(doc.components.schemas)) {
      expect(schema.type ?? schema.$ref ?? schema.anyOf, id).toBeTruthy();
    }
  });

  it.each(Object.entries(routes as Record<string, RouteSpec>))('has route %s with its parameters and responses', async (operationId, route) => {
    const doc = await load();
    const op = doc.paths[route.path]?.[route.method];
    expect(op, `${route.method} ${route.path}`).toBeTruthy();
    expect(op.operationId).toBe(operationId);
    expect(op.summary).toBe(route.summary);

    const params = op.parameters as { name: string; in: string; required: boolean; schema: unknown }[];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    expect(pathParams.map((p) => p.name).sort()).toEqual(shapeKeys(route.params).sort());
    expect(pathParams.map((p) => p.name).sort()).toEqual([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
    for (const p of pathParams) expect(p.required).toBe(true);
    expect(queryParams.map((p) => p.name).sort()).toEqual(shapeKeys(route.query).sort());
    for (const p of params) expect(p.schema, p.name).toBeTypeOf('object');
    // Required exactly when the schema will not do without it (neither optional nor defaulted).
    const shape = (route.query as z.ZodMiniObject | undefined)?.shape ?? {};
    for (const p of queryParams) expect(p.required, p.name).toBe(shape[p.name]!._zod.optin === undefined);
    if (operationId === 'listLaws') for (const p of queryParams) expect(p.required, p.name).toBe(false);

    const ok = op.responses[String(route.status ?? 200)];
    expect(ok, `${operationId}: success response`).toBeTruthy();
    if (route.response) {
      const schema = ok.content['application/json'].schema;
      expect(schema).toBeTypeOf('object');
      if (schema.$ref) expect(resolve(doc, schema.$ref), schema.$ref).toBeTypeOf('object');
      // The documents of this API are named components, not inline copies.
      if (operationId in bodies) expect(schema.$ref).toMatch(/^#\/components\/schemas\/\w+$/);
    } else if (route.status === 204) {
      expect(ok.content, `${operationId}: no content`).toBeUndefined();
    } else {
      expect(ok.content[route.produces ?? 'application/octet-stream'], `${operationId}: ${route.produces}`).toBeTruthy();
    }
    if (route.body) expect(op.requestBody?.content?.[route.consumes ?? 'application/json']?.schema, `${operationId}: request body`).toBeTypeOf('object');
    expect(op.responses['400'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    if (route.params) expect(op.responses['404'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    if (route.cache === 'public') expect(op.responses['304']).toBeTruthy();
  });

  it('describes the limits of listLaws as the server applies them', async () => {
    const doc = await load();
    const params = Object.fromEntries(doc.paths['/api/v1/laws'].get.parameters.map((p: any) => [p.name, p.schema]));
    expect(params.limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 50, default: 10 });
    expect(params.q).toMatchObject({ type: 'string', maxLength: 200 });
    expect(params.validity.enum).toContain('con-hieu-luc');
    expect(params.lang).toMatchObject({ enum: ['vi', 'en'], default: 'vi' });
  });

  it('every $ref resolves', async () => {
    const doc = await load();
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(5);
    for (const [at, ref] of all) expect(resolve(doc, ref), `${at} → ${ref}`).toBeTypeOf('object');
  });

  it('lists no route the contract does not have', async () => {
    const doc = await load();
    const documented = Object.entries<any>(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    const contract = Object.values(routes as Record<string, RouteSpec>).map((r) => `${r.method} ${r.path}`);
    expect(documented.sort()).toEqual(contract.sort());
  });

  it.each(Object.keys(bodies))('the live %s answers with a body its contract schema accepts', async (operationId) => {
    const route = (routes as Record<string, RouteSpec>)[operationId]!;
    expect(route.response).toBeDefined();
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => example[name]!);
    for (const lang of ['vi', 'en']) {
      const { res, body } = await t.get(`${path}?lang=${lang}`);
      expect(res.status).toBe(route.status ?? 200);
      const result = z.safeParse(bodies[operationId]!, body);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
      expect(z.safeParse(route.response!, body).success).toBe(true);
    }
  });

  it('a problem body validates against Problem', async () => {
    for (const path of ['/api/v1/laws?limit=0', '/api/v1/laws/nothing-here', '/api/v1/laws?feild=1']) {
      const { body } = await t.get(path);
      expect(z.safeParse(Problem, body).success, path).toBe(true);
    }
  });
});
