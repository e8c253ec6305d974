import { createHmac } from 'node:crypto';

/**
 * The key a contact is rate-limited by: an HMAC of the normalised e-mail or phone number, so the
 * limiter never holds the contact itself and the key is useless without the server's secret.
 */
export function contactKey(secret: string, contact: string): string {
  const normalised = contact.includes('@') ? contact.trim().toLowerCase() : contact.replace(/\D/g, '').replace(/^84/, '0');
  return createHmac('sha256', secret).update(normalised).digest('base64url');
}
