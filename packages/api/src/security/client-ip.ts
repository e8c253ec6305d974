import type { Context } from 'hono';
import { isIPv4, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The address to rate-limit by. X-Forwarded-For is believed only for the number of proxies the
 * operator says are in front (TRUST_PROXY): anyone can write that header, so with 0 it is ignored,
 * and with 1 only the entry the proxy itself appended counts. Every spelling of one address is one
 * key (ports, brackets, zone ids and IPv4-mapped IPv6 removed), and IPv6 addresses count per /64.
 */
export function clientIp(c: Context, trustedProxies: number): string {
  let socket = '';
  try {
    socket = getConnInfo(c).remote.address ?? '';
  } catch {
    socket = ''; // app.request() in tests has no socket
  }
  let ip = normaliseAddress(socket);
  if (trustedProxies > 0) {
    const chain = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const forwarded = normaliseAddress(chain[chain.length - trustedProxies] ?? '');
    if (forwarded) ip = forwarded;
  }
  if (ip && isIPv6(ip)) ip = network64(ip) ?? ip;
  return ip || 'unknown';
}

/**
 * One address as proxies and sockets write it, in one spelling, or '' when it is not an address:
 * "203.0.113.7:5123" → "203.0.113.7", "[2001:db8::1]:443" → "2001:db8::1", "::ffff:203.0.113.7" → "203.0.113.7".
 */
export function normaliseAddress(raw: string): string {
  let a = raw.trim().replace(/^"|"$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  a = a.replace(/%.*$/, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (isIPv4(a)) return a;
  if (!isIPv6(a)) return '';
  return a.toLowerCase();
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
    host = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
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
