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

export function parseOrThrow<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) throw new InputError(result.error.issues.flatMap(describe));
  return result.data;
}

/** Query string as one value per key; a key given twice is an error rather than a silent pick. */
export function queryOf(c: Context): Record<string, string> {
  const all = c.req.queries();
  // No prototype: "__proto__" must stay a key (and so an unknown parameter), not vanish into a setter.
  const out: Record<string, string> = Object.create(null);
  const repeated: FieldError[] = [];
  for (const [key, values] of Object.entries(all)) {
    if (values.length > 1) repeated.push({ path: key, code: 'repeated', message: `"${key}" is given more than once` });
    out[key] = values[values.length - 1] ?? '';
  }
  if (repeated.length) throw new InputError(repeated);
  return out;
}
