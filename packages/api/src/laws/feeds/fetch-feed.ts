import { FeedError } from './parse-feed.js';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml, text/xml;q=0.9, */*;q=0.1';

/**
 * The feed's text, fetched with a deadline for the whole exchange (headers and body) and a size
 * cap counted while reading, so a portal that sends without end is cut off at the cap. Decoded by
 * the charset the response names (UTF-8 otherwise). Failures are FeedErrors a person can read.
 */
export async function fetchFeed(url: string, limits: FetchLimits): Promise<string> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const mb = `${Math.round((limits.maxBytes / 1024 / 1024) * 10) / 10} MB`;
  let res: Response;
  try {
    res = await fetch(url, { signal, redirect: 'follow', headers: { Accept: ACCEPT, 'User-Agent': 'pbgdpl-kit feed reader' } });
  } catch (error) {
    throw new FeedError(
      signal.aborted ? 'timeout' : 'unreachable',
      signal.aborted ? `no answer from ${url} within ${limits.timeoutMs / 1000} s` : `cannot reach ${url}: ${causeOf(error)}`,
    );
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw new FeedError('http', `${url} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  const declared = Number(res.headers.get('Content-Length') ?? NaN);
  if (declared > limits.maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new FeedError('too-large', `the feed is larger than ${mb} (FEED_MAX_MB)`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = res.body?.getReader();
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > limits.maxBytes) {
        await reader?.cancel().catch(() => {});
        throw new FeedError('too-large', `the feed is larger than ${mb} (FEED_MAX_MB)`);
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError(
      signal.aborted ? 'timeout' : 'unreachable',
      signal.aborted ? `${url} did not finish sending within ${limits.timeoutMs / 1000} s` : `reading ${url} failed: ${causeOf(error)}`,
    );
  }
  const charset = /charset=["']?([\w-]+)/i.exec(res.headers.get('Content-Type') ?? '')?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(Buffer.concat(chunks));
}

const causeOf = (error: unknown) => {
  const e = error as { cause?: { code?: string; message?: string }; message?: string };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
};
