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
  ip = ip.replace(/^::ffff:(?=\d+\.)/i, '');
  if (ip.includes(':')) ip = network64(ip) ?? ip;
  return ip || 'unknown';
}

/**
 * The /64 an IPv6 address belongs to, in one spelling: "2001:db8::1", "2001:DB8:0:0::2" and
 * "2001:0db8:0000:0000:1::3" are all "2001:db8:0:0::/64". Taking the first four colon-separated
 * parts of the text as written would put part of the interface id of a compressed address in the
 * key, so one /64 could rotate addresses past the per-address limit. Null when it is not IPv6.
 */
function network64(ip: string): string | null {
  let host: string;
  try {
    host = new URL(`http://[${ip.replace(/%.*$/, '')}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const [left = '', right] = host.split('::');
  const head = left ? left.split(':') : [];
  const tail = right ? right.split(':') : [];
  const groups = right === undefined ? head : [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail];
  // An IPv4 address in IPv6 clothing (::ffff:102:304, however written) is that IPv4 address.
  if (groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff') {
    const [hi, lo] = [parseInt(groups[6]!, 16), parseInt(groups[7]!, 16)];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}
