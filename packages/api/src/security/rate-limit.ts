export interface Limit {
  /** Requests allowed in a burst. */
  burst: number;
  /** Seconds to earn back one request. */
  perSeconds: number;
}

/**
 * Token buckets in memory, one per key ("ip:…", "site:…", "contact:…"). Per process: behind several
 * instances, also limit at the proxy. Old buckets are swept so a flood of keys cannot grow it forever.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes one token; returns 0 when allowed, else the seconds until a token is back. */
  take(key: string, limit: Limit): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    b.tokens = Math.min(limit.burst, b.tokens + (now - b.at) / 1000 / limit.perSeconds);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 100_000) this.sweep(limit);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) * limit.perSeconds);
  }

  private sweep(limit: Limit) {
    const full = this.now() - limit.burst * limit.perSeconds * 1000;
    for (const [key, b] of this.buckets) if (b.at < full) this.buckets.delete(key);
  }
}
