import * as z from 'zod/mini';
import { Problem } from './common.js';
import { Law, LawPage, LawSummary } from './laws.js';
import { Meta } from './meta.js';
import { routes, type RouteSpec } from './routes.js';

type JsonSchema = Record<string, unknown>;

const named: Record<string, z.ZodMiniType> = { LawSummary, Law, LawPage, Meta, Problem };

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  return out.schemas as Record<string, JsonSchema>;
}

function schemaRef(schema: z.ZodMiniType): JsonSchema {
  const id = Object.entries(named).find(([, s]) => s === schema)?.[0];
  if (id) return { $ref: `#/components/schemas/${id}` };
  return z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
}

function parameters(route: RouteSpec) {
  const list: JsonSchema[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodMiniType | undefined) => {
    if (!schema) return;
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = prop;
      list.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name) && !('default' in prop),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  };
  add('path', route.params);
  add('query', route.query);
  return list;
}

/** The OpenAPI 3.1 document, built from the same schemas the server validates with. */
export function openApiDocument(info: { version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(routes as Record<string, RouteSpec>)) {
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: {
        description: 'OK',
        content: { 'application/json': { schema: schemaRef(route.response) } },
      },
      '400': problemResponse('The request is malformed; `errors` says which parameter and why.'),
    };
    if (route.params) responses['404'] = problemResponse('No such resource.');
    if (route.cache === 'public') responses['304'] = { description: 'Not modified (If-None-Match matched the ETag).' };
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId,
      summary: route.summary,
      tags: route.tags,
      parameters: parameters(route),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaRef(route.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'PBGDPL provincial API',
      version: info.version,
      description:
        'Legal dissemination (phổ biến, giáo dục pháp luật) content for the websites of a province: legal documents, and the lists to filter them by.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: { schemas: componentSchemas() },
  };
}
