export interface Limit {
  /** Requests allowed in a burst. */
  burst: number;
  /** Seconds to earn back one request. */
  perSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** When this bucket is full again by its own limit: from then on it is the same as no bucket. */
  fullAt: number;
}

export interface RateLimiterOptions {
  now?: () => number;
  /** Buckets kept at most; past it, a key never seen before is refused until old ones refill. */
  maxKeys?: number;
  /** Refilled buckets are swept at most this often, so a flood of keys cannot make every request a full scan. */
  sweepEveryMs?: number;
}

/**
 * Token buckets in memory, one per key ("ip:…", "site:…", "contact:…"). Per process: behind several
 * instances, also limit at the proxy. A bucket is forgotten only once it has refilled by its own
 * limit, so no flood of other keys can reset a bucket that is still spent.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly maxKeys: number;
  private readonly sweepEveryMs: number;
  private sweptAt = 0;

  constructor({ now = Date.now, maxKeys = 1_000_000, sweepEveryMs = 10_000 }: RateLimiterOptions = {}) {
    this.now = now;
    this.maxKeys = maxKeys;
    this.sweepEveryMs = sweepEveryMs;
  }

  get size() {
    return this.buckets.size;
  }

  /** Takes one token from one bucket; 0 when allowed, else the seconds until a token is back. */
  take(key: string, limit: Limit): number {
    return this.takeAll([[key, limit]]);
  }

  /**
   * Takes one token from every bucket, or from none: a request refused by one limit spends
   * nothing from the others (a blocked address does not drain its site's allowance).
   * Returns 0 when allowed, else the seconds until every bucket has a token again.
   */
  takeAll(requests: readonly (readonly [string, Limit])[]): number {
    const now = this.now();
    if (now - this.sweptAt >= this.sweepEveryMs) this.sweep(now);
    let wait = 0;
    const current = requests.map(([key, limit]) => {
      const found = this.buckets.get(key);
      const tokens = found ? Math.min(limit.burst, found.tokens + (now - found.at) / 1000 / limit.perSeconds) : limit.burst;
      if (tokens < 1) wait = Math.max(wait, Math.ceil((1 - tokens) * limit.perSeconds));
      return { key, limit, tokens, known: Boolean(found) };
    });
    const unknown = current.filter((c) => !c.known).length;
    if (!wait && unknown && this.buckets.size + unknown > this.maxKeys) wait = Math.ceil(this.sweepEveryMs / 1000);
    if (wait) return wait;
    for (const { key, limit, tokens } of current) {
      const left = tokens - 1;
      this.buckets.set(key, { tokens: left, at: now, fullAt: now + (limit.burst - left) * limit.perSeconds * 1000 });
    }
    return 0;
  }

  private sweep(now: number) {
    this.sweptAt = now;
    for (const [key, b] of this.buckets) if (b.fullAt <= now) this.buckets.delete(key);
  }
}
