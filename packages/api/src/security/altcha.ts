import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

export interface AltchaSecrets {
  hmacSecret: string;
  keySecret: string;
}

export interface AltchaOptions {
  /** The solver counts up to a random number in [min, max]: the work a browser does, ~0.1–1 s on a cheap phone. */
  minCounter: number;
  maxCounter: number;
  /** Seconds a challenge stays valid. */
  ttlSeconds: number;
}

/** A challenge for one site's forms: its proof is good for that site only. */
export async function newChallenge(o: AltchaOptions & AltchaSecrets, site: string): Promise<Challenge> {
  const now = Math.floor(Date.now() / 1000);
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(o.minCounter, o.maxCounter),
    deriveKey,
    expiresAt: now + o.ttlSeconds,
    // Signed with the challenge: when it was issued (for the minimum fill time) and for which site.
    data: { issuedAt: now, site },
    hmacSignatureSecret: o.hmacSecret,
    hmacKeySignatureSecret: o.keySecret,
  });
}

export type AltchaCheck =
  { ok: true; signature: string; issuedAt: number; expiresAt: number } | { ok: false; reason: 'malformed' | 'expired' | 'forged' | 'wrong' | 'other_site' };

/** Checks a payload as the altcha widget sends it (base64 of { challenge, solution }) for a submission to `site`. */
export async function checkAltcha(o: AltchaSecrets, payload: string, site: string): Promise<AltchaCheck> {
  let parsed: { challenge?: Challenge; solution?: Solution };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof parsed;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const { challenge, solution } = parsed ?? {};
  if (!challenge?.parameters || typeof challenge.signature !== 'string' || !solution || typeof solution !== 'object') {
    return { ok: false, reason: 'malformed' };
  }
  let result;
  try {
    result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: o.hmacSecret, hmacKeySignatureSecret: o.keySecret });
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (result.expired) return { ok: false, reason: 'expired' };
  if (result.invalidSignature) return { ok: false, reason: 'forged' };
  if (!result.verified) return { ok: false, reason: 'wrong' };
  const issuedAt = Number(challenge.parameters.data?.issuedAt);
  // Every challenge this server signs says when it was issued; one that does not is not ours.
  if (!Number.isFinite(issuedAt)) return { ok: false, reason: 'forged' };
  if (challenge.parameters.data?.site !== site) return { ok: false, reason: 'other_site' };
  return { ok: true, signature: challenge.signature, issuedAt, expiresAt: Number(challenge.parameters.expiresAt) };
}
