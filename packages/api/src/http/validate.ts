import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { FieldError } from './problem.js';

export class InputError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '));
  }
}

function describe(issue: z.core.$ZodIssue): FieldError[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [path, key].filter(Boolean).join('.'),
      code: 'unknown_key',
      message: `unknown parameter "${key}"`,
    }));
  }
  let message = issue.message;
  if (message.startsWith('Invalid input') || message.startsWith('Invalid option')) {
    message = issue.code === 'invalid_value' ? `must be one of: ${issue.values.map(String).join(', ')}` : message;
  }
  return [{ path, code: issue.code, message }];
}

export function parseOrThrow<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) throw new InputError(result.error.issues.flatMap(describe));
  return result.data;
}

/** Query string as one value per key; a key given twice is an error rather than a silent pick. */
export function queryOf(c: Context): Record<string, string> {
  const all = c.req.queries();
  const out: Record<string, string> = {};
  const repeated: FieldError[] = [];
  for (const [key, values] of Object.entries(all)) {
    if (values.length > 1) repeated.push({ path: key, code: 'repeated', message: `"${key}" is given more than once` });
    out[key] = values[values.length - 1] ?? '';
  }
  if (repeated.length) throw new InputError(repeated);
  return out;
}
