/**
 * The rate limiter under a flood of keys: nanoseconds per take() with 10³, 10⁵ and 10⁶ live buckets.
 * The limiter used to scan every bucket on every take past 10⁵ keys (3× slower lookups, and
 * other buckets reset early); now a take costs the same however many keys there are.
 */
import { RateLimiter } from '../src/security/rate-limit.js';

const limit = { burst: 30, perSeconds: 6 };
const rows: string[] = [];
for (const keys of [1_000, 100_000, 1_000_000]) {
  let now = 0;
  const limiter = new RateLimiter({ now: () => now, maxKeys: 2_000_000 });
  for (let i = 0; i < keys; i++) limiter.take(`lookup:${i}`, limit);
  const takes = 200_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < takes; i++) {
    now += 0.05; // 20,000 takes per simulated second; a sweep is due every 10 s
    limiter.take(`lookup:${i % keys}`, limit);
  }
  const ns = Number(process.hrtime.bigint() - started) / takes;
  rows.push(`  ${String(keys).padStart(9)} keys: ${ns.toFixed(0).padStart(5)} ns per take (${limiter.size} buckets kept)`);
}
console.log('rate limiter, ns per take() by live buckets:');
console.log(rows.join('\n'));
