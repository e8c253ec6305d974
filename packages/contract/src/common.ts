import * as z from 'zod/mini';

/** Lower-case ASCII code of a listed value: a field, a type, an issuer. */
export const Code = z.string().check(z.maxLength(64), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case code such as "dat-dai"'));

/** Calendar date as printed on a document, ISO 8601 (YYYY-MM-DD). */
export const IsoDate = z.iso.date();

export const Lang = z.enum(['vi', 'en']);
export type Lang = z.infer<typeof Lang>;

/** A value with its label in the language asked for. */
export const Labelled = z.object({ code: Code, label: z.string() });
export type Labelled = z.infer<typeof Labelled>;

/** RFC 9457 problem details; `errors` lists each field that failed, for forms to point at. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ path: z.string(), code: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;
