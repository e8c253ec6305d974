import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O, U, so a code read aloud over the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "HD-7K3M9-QXP2A": 50 random bits, unguessable at the rate lookups are allowed. */
export function newTrackingCode(): string {
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  return `HD-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Accepts what a citizen types: lower case, O for 0, I/L for 1, spaces for dashes. */
export function normaliseTrackingCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s_]+/g, '-')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/^HD-?([0-9A-Z]{5})-?([0-9A-Z]{5})$/, 'HD-$1-$2');
}
