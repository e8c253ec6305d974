import { HttpError, readJson } from './fetch-json.js';

export interface PostResult<T> {
  status: number;
  body: T;
}

/**
 * POST JSON with an Idempotency-Key. Resolves on 2xx; an HTTP error rejects with HttpError (its
 * body is the problem+json, with `errors` for the form and Retry-After for 409/429); a network
 * failure rejects with the browser's TypeError, which callers treat as "send later".
 */
export async function postJson<T>(url: string, body: unknown, key: string, signal?: AbortSignal): Promise<PostResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
    signal,
  });
  const parsed = await readJson(res);
  if (!res.ok) throw new HttpError(res.status, parsed, Number(res.headers.get('Retry-After')) || 0);
  return { status: res.status, body: parsed as T };
}
