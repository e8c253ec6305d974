import * as z from 'zod/mini';
import { Problem } from './common.js';
import { AdminFeedback, AdminQuestion } from './admin.js';
import { Law, LawAttachment, LawPage, LawSummary } from './laws.js';
import { AdminLaw, AdminLawPage, AdminLawSummary, LawInput, LawPatch } from './laws.admin.js';
import { Meta } from './meta.js';
import { PublicSite, Site } from './sites.js';
import { FeedbackInput, PublishedQuestion, QuestionInput, QuestionReceipt, QuestionStatusView, Suggestions } from './submissions.js';
import { routes, type RouteSpec } from './routes.js';

type JsonSchema = Record<string, unknown>;

const outputs: Record<string, z.ZodMiniType> = {
  LawSummary,
  Law,
  LawPage,
  LawAttachment,
  AdminLaw,
  AdminLawSummary,
  AdminLawPage,
  Meta,
  Problem,
  PublicSite,
  Site,
  QuestionReceipt,
  QuestionStatusView,
  PublishedQuestion,
  Suggestions,
  AdminQuestion,
  AdminFeedback,
};
/** Request bodies are described as the client writes them (before defaults and trimming). */
const inputs: Record<string, z.ZodMiniType> = { QuestionInput, FeedbackInput, LawInput, LawPatch };
const named = { ...outputs, ...inputs };

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function componentSchemas(): Record<string, JsonSchema> {
  const build = (set: Record<string, z.ZodMiniType>, io: 'input' | 'output') => {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of Object.entries(set)) registry.add(schema, { id });
    const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
    // Each comes with $schema and $id of its own; inside an OpenAPI document those are noise.
    return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest as JsonSchema]));
  };
  return { ...build(outputs, 'output'), ...build(inputs, 'input') };
}

function schemaRef(schema: z.ZodMiniType, io: 'input' | 'output' = 'output'): JsonSchema {
  const id = Object.entries(named).find(([, s]) => s === schema)?.[0];
  if (id) return { $ref: `#/components/schemas/${id}` };
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

function parameters_(route: RouteSpec) {
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
        required: where === 'path' || ((json.required ?? []).includes(name) && !('default' in prop)),
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
    const ok = String(route.status ?? 200);
    const responses: Record<string, unknown> = {
      [ok]:
        ok === '204'
          ? { description: 'No content' }
          : route.response
            ? { description: 'OK', content: { 'application/json': { schema: schemaRef(route.response) } } }
            : { description: 'OK', content: { [route.produces ?? 'application/octet-stream']: { schema: { type: 'string' } } } },
      '400': problemResponse('The request is malformed; `errors` says which parameter or field and why.'),
    };
    if (route.params) responses['404'] = problemResponse('No such resource.');
    if (route.cache === 'public') responses['304'] = { description: 'Not modified (If-None-Match matched the ETag).' };
    if (route.auth) {
      responses['401'] = problemResponse('No token, or a token that is unknown or revoked.');
      responses['403'] = problemResponse(`The token's role is below "${route.auth}".`);
    }
    if (route.submission) {
      responses['403'] = problemResponse('The page is not on an origin registered for the site.');
      responses['409'] = problemResponse('A request with this Idempotency-Key is still being processed; retry shortly.');
      responses['413'] = problemResponse('The body is larger than 16 KB.');
      responses['415'] = problemResponse('The body is not application/json.');
      responses['422'] = problemResponse('This Idempotency-Key was used with a different body.');
      responses['429'] = problemResponse('Too many submissions; `Retry-After` says when to try again.');
    }
    for (const [status, description] of Object.entries(route.problems ?? {})) responses[status] = problemResponse(description);
    const parameters = parameters_(route);
    if (route.submission) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'A fresh random value per submission (a UUID); a retry with the same key and body returns the first response.',
        schema: { type: 'string', maxLength: 100 },
      });
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId,
      summary: route.summary,
      tags: route.tags,
      parameters,
      // Either a script's bearer token, or a person's session cookie (changes then also carry X-CSRF-Token).
      ...(route.auth ? { security: [{ staffToken: [] }, { staffSession: [] }] } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { [route.consumes ?? 'application/json']: { schema: schemaRef(route.body, 'input') } } } }
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
        "Legal dissemination (phổ biến, giáo dục pháp luật) for the websites of a province: legal documents, online legal Q&A with automatic answers, citizens' feedback, and the moderation API of the Department of Justice.",
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        staffToken: { type: 'http', scheme: 'bearer', description: 'A staff token made with POST /api/v1/admin/tokens, for scripts.' },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-pbgdpl-staff',
          description: "The session cookie POST /api/v1/admin/session sets; a change also sends the header X-CSRF-Token with the session's csrfToken.",
        },
      },
    },
  };
}
