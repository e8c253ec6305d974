import { apiUrl } from '../core/api-url.js';
import { resolveLang } from '../core/lang.js';

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 20;

export interface QaListRequest {
  api: string;
  site?: string | null;
  lang?: string | null;
  limit?: string | number | null;
  field?: string | null;
  q?: string | null;
  cursor?: string | null;
}

export const clampLimit = (limit: unknown) => {
  const n = Math.trunc(Number(limit));
  return n >= 1 ? Math.min(n, MAX_LIMIT) : DEFAULT_LIMIT;
};

/**
 * The published Q&A list URL for a widget's attributes. The loader calls this too, to start the
 * request while the widget's code downloads; the widget then finds it by the same URL.
 */
export function qaListUrl(r: QaListRequest) {
  return apiUrl(r.api, '/api/v1/questions', {
    q: r.q?.trim(),
    field: r.field,
    limit: clampLimit(r.limit ?? DEFAULT_LIMIT),
    cursor: r.cursor,
    lang: resolveLang(r.lang),
    site: r.site,
  });
}
