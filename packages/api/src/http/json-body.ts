import type { Context } from 'hono';
import { LIMITS } from '@pbgdpl/contract';
import { HTTPException } from 'hono/http-exception';

const TYPES = {
  json: { pattern: /^application\/json\s*(;|$)/i, say: 'application/json' },
  /** A beacon's JSON goes as text/plain: a simple request, so the browser sends no preflight. */
  'json-as-text': { pattern: /^(application\/json|text\/plain)\s*(;|$)/i, say: 'text/plain or application/json' },
};

/**
 * The request body as JSON: 415 unless it says application/json (or, for beacons, text/plain),
 * 413 past the limit (counted while reading, so a lying Content-Length does not help), 400 when it
 * does not parse or holds U+0000.
 */
export async function jsonBody(c: Context, maxBytes = LIMITS.body, accept: keyof typeof TYPES = 'json'): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!TYPES[accept].pattern.test(type)) throw new HTTPException(415, { message: `send the body as ${TYPES[accept].say}` });
  const declared = Number(c.req.header('Content-Length') ?? 0);
  if (declared > maxBytes) throw new HTTPException(413, { message: `the body is larger than ${maxBytes} bytes` });
  const reader = c.req.raw.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new HTTPException(413, { message: `the body is larger than ${maxBytes} bytes` });
    }
    chunks.push(value);
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new HTTPException(400, { message: 'the body is not valid JSON (UTF-8)' });
  }
  // PostgreSQL cannot store U+0000 in text (the insert fails, a 500), and no form sends it.
  if (containsNul(value)) throw new HTTPException(400, { message: 'the body contains the character U+0000, which is not accepted' });
  return value;
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
