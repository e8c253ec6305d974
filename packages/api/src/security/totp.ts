import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 codes as authenticator apps make them: SHA-1, 6 digits, 30 seconds. */
const ISSUER = 'PBGDPL';
const PERIOD = 30;

const totpOf = (secret: string, username: string) =>
  new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export async function totpEnrolment(secret: string, username: string) {
  const uri = totpOf(secret, username).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { secret, uri, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * The time step of a valid code (a step either side allowed for clock drift), or null. The caller
 * refuses a step not newer than the last one accepted, so that a code works once.
 */
export function totpStep(secret: string, username: string, code: string, now: Date): number | null {
  const delta = totpOf(secret, username).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}
