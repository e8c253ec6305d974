import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Seconds a page token stays good: long enough for a slow page to render, too short to stockpile. */
export const VIEW_TOKEN_TTL_S = 600;

interface Claims {
  /** site key */
  s: string;
  /** nonce: each token counts one view */
  n: string;
  /** issued at, seconds */
  t: number;
  /** who asked for it: a keyed hash of the address, so a token counts only from where it was fetched */
  a: string;
}

export type ViewTokenCheck =
  { ok: true; site: string; nonce: string; expiresAt: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'other_address' };

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url');
const addressTag = (secret: string, address: string) => createHmac('sha256', secret).update(`address:${address}`).digest('base64url').slice(0, 16);

export function issueViewToken(secret: string, site: string, address: string, now = Date.now()) {
  const claims: Claims = { s: site, n: randomBytes(12).toString('base64url'), t: Math.floor(now / 1000), a: addressTag(secret, address) };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { token: `${body}.${sign(secret, body)}`, expiresAt: claims.t + VIEW_TOKEN_TTL_S };
}

export function checkViewToken(secret: string, token: string, address: string, now = Date.now()): ViewTokenCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const expiresAt = claims.t + VIEW_TOKEN_TTL_S;
  if (now / 1000 > expiresAt) return { ok: false, reason: 'expired' };
  if (claims.a !== addressTag(secret, address)) return { ok: false, reason: 'other_address' };
  return { ok: true, site: claims.s, nonce: claims.n, expiresAt };
}
