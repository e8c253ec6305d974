import { apiUrl } from '../core/api-url.js';
import { resolveLang } from '../core/lang.js';

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;

export interface LatestLawsRequest {
  api: string;
  site?: string | null;
  lang?: string | null;
  limit?: string | number | null;
  field?: string | null;
  type?: string | null;
  issuer?: string | null;
  validity?: string | null;
  q?: string | null;
  cursor?: string | null;
}

export const clampLimit = (limit: unknown) => {
  const n = Math.trunc(Number(limit));
  return n >= 1 ? Math.min(n, MAX_LIMIT) : DEFAULT_LIMIT;
};

/**
 * The list URL for a widget's attributes. The loader calls this too, to start the request
 * while the widget's code downloads; the widget then finds it by the same URL.
 */
export function latestLawsUrl(r: LatestLawsRequest) {
  return apiUrl(r.api, '/api/v1/laws', {
    q: r.q?.trim(),
    field: r.field,
    type: r.type,
    issuer: r.issuer,
    validity: r.validity,
    limit: clampLimit(r.limit ?? DEFAULT_LIMIT),
    cursor: r.cursor,
    lang: resolveLang(r.lang),
    site: r.site,
  });
}
