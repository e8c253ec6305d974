import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { LIMITS } from '@pbgdpl/contract';

const TYPES = {
  json: { pattern: /^application\/json\s*(;|$)/i, say: 'application/json' },
  /** A beacon's JSON goes as text/plain: a simple request, so the browser sends no preflight. */
  'json-as-text': { pattern: /^(application\/json|text\/plain)\s*(;|$)/i, say: 'text/plain or application/json' },
};

/**
 * A route's JSON body, checked before anything reads it: 415 unless it says application/json (or,
 * for beacons, text/plain); 413 past `maxBytes` (hono/body-limit: by Content-Length, which Node's
 * HTTP parser holds the body to, or counted while reading a chunked body); 400 when it is not
 * UTF-8 JSON or holds U+0000. The bytes stay in hono's body cache, so `valid('json', …)` and
 * `c.req.json()` after it read the same body. Errors are HTTPExceptions: app.onError renders them
 * as problem+json.
 */
export function jsonBody(maxBytes = LIMITS.body, accept: keyof typeof TYPES = 'json'): MiddlewareHandler {
  const tooLarge = () => {
    throw new HTTPException(413, { message: `the body is larger than ${maxBytes} bytes` });
  };
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    if (!TYPES[accept].pattern.test(c.req.header('Content-Type') ?? '')) throw new HTTPException(415, { message: `send the body as ${TYPES[accept].say}` });
    return limit(c, async () => {
      let value: unknown;
      try {
        value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer()));
      } catch {
        throw new HTTPException(400, { message: 'the body is not valid JSON (UTF-8)' });
      }
      // PostgreSQL cannot store U+0000 in text (the insert fails, a 500), and no form sends it.
      if (containsNul(value)) throw new HTTPException(400, { message: 'the body contains the character U+0000, which is not accepted' });
      await next();
    });
  };
}

/** Whether any string or key in a parsed JSON value holds U+0000; iterative, as bodies may nest deep. */
function containsNul(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (key.includes('\u0000')) return true;
        stack.push(item);
      }
    }
  }
  return false;
}
