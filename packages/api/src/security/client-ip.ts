import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The address to rate-limit by. X-Forwarded-For is believed only for the number of proxies the
 * operator says are in front (TRUST_PROXY): anyone can write that header, so with 0 it is ignored,
 * and with 1 only the entry the proxy itself appended counts. IPv6 addresses are limited per /64.
 */
export function clientIp(c: Context, trustedProxies: number): string {
  let ip = '';
  try {
    ip = getConnInfo(c).remote.address ?? '';
  } catch {
    ip = ''; // app.request() in tests has no socket
  }
  if (trustedProxies > 0) {
    const chain = (c.req.header('X-Forwarded-For') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const candidate = chain[chain.length - trustedProxies];
    if (candidate) ip = candidate;
  }
  ip = ip.replace(/^::ffff:/, '');
  if (ip.includes(':')) ip = ip.split(':').slice(0, 4).join(':') + '::/64';
  return ip || 'unknown';
}
