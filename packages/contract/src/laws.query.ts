import * as z from 'zod/mini';
import { Code, IsoDate, Lang } from './common.js';
import { Validity } from './laws.js';

export const LAW_LIMIT = { min: 1, max: 50, default: 10 } as const;
export const QUERY_MAX = 200;

/** The fields of GET /api/v1/laws's query; the staff list adds its own. */
export const lawQueryShape = {
  q: z.optional(z.string().check(z.maxLength(QUERY_MAX, `q must be at most ${QUERY_MAX} characters`))),
  field: z.optional(Code),
  type: z.optional(Code),
  issuer: z.optional(Code),
  validity: z.optional(Validity),
  from: z.optional(IsoDate),
  to: z.optional(IsoDate),
  limit: z._default(
    z.coerce
      .number()
      .check(
        z.int('limit must be a whole number'),
        z.minimum(LAW_LIMIT.min, `limit must be between ${LAW_LIMIT.min} and ${LAW_LIMIT.max}`),
        z.maximum(LAW_LIMIT.max, `limit must be between ${LAW_LIMIT.min} and ${LAW_LIMIT.max}`),
      ),
    LAW_LIMIT.default,
  ),
  cursor: z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/, 'cursor is malformed'))),
  lang: z._default(Lang, 'vi'),
  site: z.optional(Code),
};

export const fromNotAfterTo = z.refine<{ from?: string; to?: string }>((v) => !v.from || !v.to || v.from <= v.to, {
  message: 'from must not be after to',
  path: ['from'],
});

/** Query of GET /api/v1/laws. Every value arrives as a string. */
export const LawQuery = z.strictObject(lawQueryShape).check(fromNotAfterTo);
export type LawQuery = z.input<typeof LawQuery>;

export const LangQuery = z.strictObject({ lang: z._default(Lang, 'vi'), site: z.optional(Code) });
