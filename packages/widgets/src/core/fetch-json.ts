import { conforms, type Shape } from '@pbgdpl/contract/shapes';
import type { Prefetch } from '../prefetch.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    /** Seconds, from a Retry-After header (409, 429, 503). */
    readonly retryAfter = 0,
  ) {
    super(`HTTP ${status}`);
  }
}

/** The request the loader may have started for this URL while the widget's code downloaded; taken once. */
function takePrefetched(url: string): Prefetch | undefined {
  const map = (globalThis as { PBGDPL?: { prefetched?: Map<string, Prefetch> } }).PBGDPL?.prefetched;
  const hit = map?.get(url);
  map?.delete(url);
  return hit;
}

/** The body of the loader's request for this URL if it has already arrived, successfully; else undefined. */
/** A response's JSON, or null when it has none (a proxy's HTML error page, an empty 502). */
export const readJson = (r: Response): Promise<unknown> => r.json().catch(() => null);

export function takeArrived(url: string): unknown {
  const map = (globalThis as { PBGDPL?: { prefetched?: Map<string, Prefetch> } }).PBGDPL?.prefetched;
  const result = map?.get(url)?.result;
  if (!result || result.status < 200 || result.status >= 300) return undefined;
  map.delete(url);
  return result.body;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason as Error)), { once: true });
  });

/**
 * GET JSON with a timeout and one retry on a network error or a 5xx (rural links drop packets).
 * A 4xx is the caller's mistake and is not retried.
 */
export async function fetchJson(url: string, signal: AbortSignal, timeoutMs = 10_000): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
    const abort = () => timeout.abort(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    try {
      const prefetched = attempt === 0 ? takePrefetched(url) : undefined;
      const { status, body } = prefetched
        ? await prefetched.promise
        : await fetch(url, { signal: timeout.signal, credentials: 'omit' }).then(async (r) => ({ status: r.status, body: await readJson(r) }));
      if (status < 200 || status >= 300) throw new HttpError(status, body);
      return body;
    } catch (err) {
      const retriable = !(err instanceof HttpError && err.status < 500);
      if (signal.aborted || !retriable || attempt >= 1) throw err;
      await sleep(800, signal);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    }
  }
}

/** The body, if it has the contract's shape; otherwise an error (shown as the error state, never half-rendered). */
export function checked<T>(shape: Shape, body: unknown): T {
  if (!conforms(shape, body)) throw new TypeError('response does not match the API contract');
  return body as T;
}
