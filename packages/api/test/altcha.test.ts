import { createChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newChallenge } from '../src/security/altcha.js';
import { SITE, counts, easy, feedback, question, solve, useSubmitApp, type SubmitApp } from './support/submit.js';

/**
 * The anti-abuse checks of the write path: the ALTCHA proof (used once, not expired, issued by this
 * server for this very challenge), the minimum fill time and the honeypot. Each refusal stores nothing.
 */
const t = useSubmitApp();

const secretsOf = (app: SubmitApp) => app.services.secrets();

/**
 * Moves the clock the server reads (Date.now) on by `ms`, at once: a wait without waiting. Only
 * Date is faked; timers, sockets and the database run as ever.
 */
function later(ms: number) {
  const now = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now + ms);
}
afterEach(() => {
  vi.useRealTimers();
});

/** A challenge the way this server makes them, but with the given secrets, times and counter. */
async function challengeWith(o: {
  hmacSecret: string;
  keySecret: string;
  issuedAt?: number;
  expiresAt?: number;
  counter?: number;
  site?: string;
}): Promise<Challenge> {
  const now = Math.floor(Date.now() / 1000);
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: o.counter ?? 7,
    deriveKey,
    expiresAt: o.expiresAt ?? now + 600,
    data: { issuedAt: o.issuedAt ?? now, site: o.site ?? SITE },
    hmacSignatureSecret: o.hmacSecret,
    hmacKeySignatureSecret: o.keySecret,
  });
}

const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

/** Sends a question with this altcha (and the rest of the body); expects `status` and no new row when refused. */
async function expectRefused(app: SubmitApp, body: Record<string, unknown>, code: RegExp | string, path = '/api/v1/questions') {
  const before = await counts(app.db);
  const res = await app.post(path, body);
  const text = await res.text();
  expect(res.status, text).toBe(400);
  const problem = JSON.parse(text);
  const codes = (problem.errors ?? []).map((e: any) => e.code).join(' ');
  if (typeof code === 'string') expect(codes).toContain(code);
  else expect(`${codes} ${problem.detail}`).toMatch(code);
  expect(await counts(app.db)).toEqual(before);
  return problem;
}

describe('ALTCHA proof of work', () => {
  it('a solved, fresh challenge is accepted (the baseline the refusals below differ from)', async () => {
    const res = await t.post('/api/v1/questions', question({ altcha: await t.altcha() }));
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('a payload used once is refused the second time, even with another Idempotency-Key and another body', async () => {
    const altcha = await t.altcha();
    expect((await t.post('/api/v1/questions', question({ altcha }))).status).toBe(201);
    await expectRefused(t, question({ altcha, title: 'Một câu hỏi khác hẳn câu trước' }), 'altcha_replayed');
    // …and on the other form too: one proof, one submission, whatever it is.
    await expectRefused(t, feedback({ altcha }), 'altcha_replayed', '/api/v1/feedback');
  });

  it('a payload refused for another reason is not burnt: the corrected submission goes through with it', async () => {
    const altcha = await t.altcha();
    const bad = await t.post('/api/v1/questions', question({ altcha, field: 'khong-co-linh-vuc-nay' }));
    expect(bad.status).toBe(400);
    expect((await t.post('/api/v1/questions', question({ altcha }))).status).toBe(201);
  });

  it('a challenge whose expiresAt has passed is refused as expired', async () => {
    const s = await secretsOf(t);
    const now = Math.floor(Date.now() / 1000);
    const altcha = await solve(await challengeWith({ ...s, issuedAt: now - 700, expiresAt: now - 100 }));
    await expectRefused(t, question({ altcha }), 'altcha_expired');
  });

  it('with ALTCHA_TTL_SECONDS=1 a challenge solved and sent 2 s later is refused', async () => {
    const short = t.withConfig(easy({ altcha: { ttlSeconds: 1 } }));
    // Sent at once, one of its challenges is good: what is refused below is the 2 s.
    expect((await short.post('/api/v1/questions', question({ altcha: await short.altcha() }))).status).toBe(201);
    const altcha = await short.altcha();
    later(2100);
    await expectRefused(short, question({ altcha }), 'altcha_expired');
  });

  it('a tampered signature is refused as forged', async () => {
    const p = decode(await t.altcha());
    const sig: string = p.challenge.signature;
    p.challenge.signature = (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1);
    await expectRefused(t, question({ altcha: encode(p) }), 'altcha_forged');
  });

  it('a signature in upper case is not a new signature (the replay store is not side-stepped)', async () => {
    const altcha = await t.altcha();
    expect((await t.post('/api/v1/questions', question({ altcha }))).status).toBe(201);
    const p = decode(altcha);
    p.challenge.signature = p.challenge.signature.toUpperCase();
    await expectRefused(t, question({ altcha: encode(p) }), /altcha_(forged|replayed)/);
  });

  it.each([
    ['expiresAt pushed a day later', (p: any) => (p.challenge.parameters.expiresAt += 86_400)],
    ['issuedAt moved back an hour', (p: any) => (p.challenge.parameters.data.issuedAt -= 3600)],
    ['keyPrefix shortened', (p: any) => (p.challenge.parameters.keyPrefix = '00')],
    ['keySignature replaced', (p: any) => (p.challenge.parameters.keySignature = '00'.repeat(32))],
    ['expiresAt removed', (p: any) => delete p.challenge.parameters.expiresAt],
    ['signature removed', (p: any) => delete p.challenge.signature],
  ])('tampered parameters (%s) are refused', async (_what, tamper) => {
    const p = decode(await t.altcha());
    tamper(p);
    await expectRefused(t, question({ altcha: encode(p) }), /altcha_(forged|malformed)/);
  });

  it('the solution of another challenge is refused', async () => {
    const a = decode(await t.altcha());
    const b = decode(await t.altcha());
    await expectRefused(t, question({ altcha: encode({ challenge: a.challenge, solution: b.solution }) }), 'altcha_wrong');
    // A made-up solution with the right shape, too.
    await expectRefused(t, question({ altcha: encode({ challenge: a.challenge, solution: { counter: 3, derivedKey: 'ab'.repeat(32) } }) }), 'altcha_wrong');
  });

  it('a challenge signed with another secret is refused as forged', async () => {
    const other = { hmacSecret: 'another-server-secret-0123456789', keySecret: 'another-key-secret-0123456789' };
    await expectRefused(t, question({ altcha: await solve(await challengeWith(other)) }), 'altcha_forged');
    // The right key secret does not help without the right challenge secret.
    const s = await secretsOf(t);
    await expectRefused(t, question({ altcha: await solve(await challengeWith({ ...other, keySecret: s.keySecret })) }), 'altcha_forged');
    // Nor does an unsigned challenge.
    const unsigned = await createChallenge({ algorithm: 'SHA-256', cost: 1, counter: 5, deriveKey, expiresAt: Math.floor(Date.now() / 1000) + 600 });
    await expectRefused(t, question({ altcha: await solve(unsigned) }), /altcha_(forged|malformed)/);
  });

  it.each([
    ['not base64 at all', '%%%% not base64 ####'],
    ['base64 of plain text', Buffer.from('hello').toString('base64')],
    ['base64 of a JSON string', encode('just a string')],
    ['base64 of null', encode(null)],
    ['base64 of an array', encode([1, 2, 3])],
    ['no solution', encode({ challenge: { parameters: { algorithm: 'SHA-256' }, signature: 'x' } })],
    ['parameters of the wrong type', encode({ challenge: { parameters: 'x', signature: 'y' }, solution: { counter: 1, derivedKey: 'aa' } })],
    ['a number as the signature', encode({ challenge: { parameters: { a: 1 }, signature: 12 }, solution: {} })],
    ['a V1 payload', encode({ algorithm: 'SHA-256', challenge: 'abc', number: 1, salt: 'x', signature: 'y', took: 1 })],
  ])('garbage (%s) is refused', async (_what, altcha) => {
    await expectRefused(t, question({ altcha }), /altcha_/);
  });

  it('a solution with a counter out of range or a non-hex key is refused, never a 500', async () => {
    const p = decode(await t.altcha());
    for (const solution of [
      { counter: -1, derivedKey: p.solution.derivedKey },
      { counter: 2 ** 40, derivedKey: p.solution.derivedKey },
      { counter: 'x', derivedKey: 'zz' },
      { counter: p.solution.counter, derivedKey: p.solution.derivedKey.toUpperCase() },
    ]) {
      await expectRefused(t, question({ altcha: encode({ challenge: p.challenge, solution }) }), /altcha_/);
    }
  });
});

describe('minimum fill time', () => {
  it('a form sent sooner than MIN_FILL_SECONDS after its challenge was issued is refused; later it is accepted', async () => {
    const slow = t.withConfig(easy({ minFillSeconds: 5 }));
    await expectRefused(slow, question({ altcha: await slow.altcha() }), /too quickly/);
    await expectRefused(slow, feedback({ altcha: await slow.altcha() }), /too quickly/, '/api/v1/feedback');
    // The same secrets, a challenge issued 10 s ago: a person who took their time.
    const s = await secretsOf(slow);
    const altcha = await solve(await challengeWith({ ...s, issuedAt: Math.floor(Date.now() / 1000) - 10 }));
    const res = await slow.post('/api/v1/questions', question({ altcha }));
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('the proof of a too-fast form is not burnt: after the wait, the same payload is accepted', async () => {
    const s = await secretsOf(t);
    const slow = t.withConfig(easy({ minFillSeconds: 2 }));
    const altcha = await solve(await newChallenge({ ...easy().altcha, ...s }, SITE));
    await expectRefused(slow, question({ altcha }), /too quickly/);
    later(2100);
    expect((await slow.post('/api/v1/questions', question({ altcha }))).status).toBe(201);
  });
});

describe('honeypot', () => {
  it('a question with the hidden "website" field filled is refused and stores nothing', async () => {
    await expectRefused(t, question({ altcha: await t.altcha(), website: 'http://spam.example' }), /refused/);
  });

  it('feedback with the honeypot filled is refused and stores nothing', async () => {
    await expectRefused(t, feedback({ altcha: await t.altcha(), website: 'x' }), /refused/, '/api/v1/feedback');
  });

  it('the honeypot filled with spaces only is still a bot (nobody types spaces in a field they cannot see)', async () => {
    await expectRefused(t, question({ altcha: await t.altcha(), website: ' ' }), /refused/);
  });
});
