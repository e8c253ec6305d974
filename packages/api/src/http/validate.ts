import { sValidator } from '@hono/standard-validator';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type * as z from 'zod/mini';
import type { FieldError } from './problem.js';

export class InputError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '));
  }
}

/** zod's issues arrive through Standard Schema whole (code, keys, bounds); another library's would carry a message only. */
const isZodIssue = (issue: StandardSchemaV1.Issue): issue is StandardSchemaV1.Issue & z.core.$ZodIssue =>
  typeof (issue as { code?: unknown }).code === 'string';

const pathOf = (issue: StandardSchemaV1.Issue) => (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');

function describe(issue: StandardSchemaV1.Issue): FieldError[] {
  const path = pathOf(issue);
  if (!isZodIssue(issue)) return [{ path, code: 'invalid', message: issue.message }];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [path, key].filter(Boolean).join('.'),
      code: 'unknown_key',
      message: `unknown parameter "${key}"`,
    }));
  }
  let message = issue.message;
  // zod/mini carries no message texts: a check without its own message says only "Invalid input".
  if (message.startsWith('Invalid input') || message.startsWith('Invalid option')) message = plainMessage(issue) ?? message;
  return [{ path, code: issue.code, message }];
}

function plainMessage(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.expected === 'number' ? 'must be a number written in digits, such as 10' : `must be a ${issue.expected}`;
    case 'invalid_format':
      return issue.format === 'date' ? 'must be a real calendar date written YYYY-MM-DD, such as 2025-07-01' : `is not a valid ${issue.format}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}`;
    default:
      return undefined;
  }
}

/** hono's query target gives a key sent twice as an array: an error rather than a silent pick. */
function repeatedKeys(value: unknown): FieldError[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value)
    .filter(([, v]) => Array.isArray(v))
    .map(([key]) => ({ path: key, code: 'repeated', message: `"${key}" is given more than once` }));
}

type Target = 'query' | 'param' | 'json' | 'form';

/**
 * @hono/standard-validator with this API's refusals: a 400 problem+json (rendered by app.onError
 * from InputError) naming each field, with zod's code and a message a person can read; a query
 * parameter given twice is refused before anything else is said about it. Handlers read the
 * result with `c.req.valid(target)`. JSON bodies reach it through http/json-body.ts, which has
 * already refused a wrong type, an oversized body, bad JSON and U+0000.
 */
export const valid = <T extends Target, S extends StandardSchemaV1>(target: T, schema: S) =>
  sValidator(target, schema, (result) => {
    if (target === 'query') {
      const repeated = repeatedKeys(result.data);
      if (repeated.length) throw new InputError(repeated);
    }
    if (!result.success) throw new InputError(result.error.flatMap(describe));
  });

/** The same check outside a route's middleware (a body hono's json target does not read: a beacon's text/plain). */
export async function validOrThrow<S extends StandardSchemaV1>(schema: S, value: unknown): Promise<StandardSchemaV1.InferOutput<S>> {
  const result = await schema['~standard'].validate(value);
  if (result.issues) throw new InputError(result.issues.flatMap(describe));
  return result.value;
}
