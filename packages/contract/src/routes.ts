import * as z from 'zod/mini';
import { Code } from './common.js';
import { Law, LawPage } from './laws.js';
import { LangQuery, LawQuery } from './laws.query.js';
import { Meta } from './meta.js';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: /api/v1/laws/{id} */
  path: string;
  summary: string;
  tags: string[];
  params?: z.ZodMiniObject;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** Status of a success; 200 unless said. */
  status?: number;
  /** Public reads are cacheable and CORS-open. */
  cache?: 'public' | 'none';
}

/** Every route of the public API. The server validates with these and OpenAPI is generated from them. */
export const routes = {
  listLaws: {
    method: 'get',
    path: '/api/v1/laws',
    summary: 'Newest legal documents first, filtered and searched (diacritics optional).',
    tags: ['laws'],
    query: LawQuery,
    response: LawPage,
    cache: 'public',
  },
  getLaw: {
    method: 'get',
    path: '/api/v1/laws/{id}',
    summary: 'One legal document in full.',
    tags: ['laws'],
    params: z.strictObject({ id: Code }),
    query: LangQuery,
    response: Law,
    cache: 'public',
  },
  getMeta: {
    method: 'get',
    path: '/api/v1/meta',
    summary: 'The lists a filter may use: fields, types, issuers, validity, with labels.',
    tags: ['laws'],
    query: LangQuery,
    response: Meta,
    cache: 'public',
  },
} satisfies Record<string, RouteSpec>;

export type Routes = typeof routes;
