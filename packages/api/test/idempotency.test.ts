import { QuestionInput, FeedbackInput } from '@pbgdpl/contract';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { LEASE_MS, claimKey, releaseKey, requestHash } from '../src/http/idempotency.js';
import { counts, feedback, newKey, question, useSubmitApp } from './support/submit.js';

/**
 * Exactly-once submissions with Idempotency-Key: a flood of the same request stores one row, the
 * others get the first response replayed or a 409 while it is in flight; a reused key with another
 * body is a 422; a claim whose process died is taken over after the lease.
 */
const t = useSubmitApp();
const QUESTIONS = 'POST /api/v1/questions';
const FEEDBACK = 'POST /api/v1/feedback';

/** The hash the pipeline keeps for a body: the validated input without the proof and the honeypot. */
function hashOf(schema: z.ZodMiniType, body: Record<string, unknown>) {
  const { altcha: _a, website: _w, ...content } = z.parse(schema, body) as Record<string, unknown>;
  return requestHash(content);
}

const rowsWithTitle = async (title: string) =>
  Number(
    (
      await t.db.kysely
        .selectFrom('questions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Idempotency-Key', () => {
  it('200 concurrent requests with one key and one body store exactly one question; the rest replay it or get 409', async () => {
    const key = newKey();
    const title = `Một câu hỏi gửi 200 lần ${key.slice(-8)}`;
    const body = question({ title, altcha: await t.altcha() });
    const before = await counts(t.db);
    const send = () =>
      t.post('/api/v1/questions', body, { key }).then(async (res) => ({
        status: res.status,
        replayed: res.headers.get('Idempotent-Replayed'),
        retryAfter: res.headers.get('Retry-After'),
        text: await res.text(),
      }));
    // Two waves. The first hundred at once race for the claim; the losers find it in flight (409)
    // or, where the engine serialises them (SQLite's one connection), committed. The second hundred
    // once every one of the first is answered, so after the commit: each must be a replay.
    const firstWave = await Promise.all(Array.from({ length: 100 }, send));
    const secondWave = await Promise.all(Array.from({ length: 100 }, send));
    expect(
      secondWave.every((r) => r.status === 201 && r.replayed === 'true'),
      JSON.stringify(secondWave.find((r) => r.replayed !== 'true')),
    ).toBe(true);
    const responses = [...firstWave, ...secondWave];
    const after = await counts(t.db);
    expect(await rowsWithTitle(title)).toBe(1);
    expect(after.questions - before.questions).toBe(1);
    expect(after.consents - before.consents).toBe(1);
    expect(after.idempotency - before.idempotency).toBe(1);
    expect(after.altcha_used - before.altcha_used).toBe(1);

    const firsts = responses.filter((r) => r.status === 201 && r.replayed === null);
    expect(firsts).toHaveLength(1);
    const first = firsts[0]!;
    const others = responses.filter((r) => r !== first);
    const tally: Record<string, number> = {};
    for (const r of others) {
      const kind = r.status === 201 ? 'replayed' : String(r.status);
      tally[kind] = (tally[kind] ?? 0) + 1;
      if (r.status === 201) {
        expect(r.replayed).toBe('true');
        expect(r.text).toBe(first.text);
      } else {
        expect(r.status, r.text).toBe(409);
        expect(r.retryAfter).toMatch(/^\d+$/);
        expect(JSON.parse(r.text).type).toBe('/problems/in-flight');
      }
    }
    console.log(`200 concurrent requests, one key: 1 stored, ${JSON.stringify(tally)}`);

    // Once settled, the same request, even with a fresh proof of work, is the first response again.
    const again = await t.post('/api/v1/questions', { ...body, altcha: await t.altcha() }, { key });
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.text()).toBe(first.text);
    expect(await rowsWithTitle(title)).toBe(1);
  });

  it('200 concurrent feedback requests with one key store exactly one feedback', async () => {
    const key = newKey();
    const message = `Góp ý gửi 200 lần ${key}`;
    const body = feedback({ message, altcha: await t.altcha() });
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        t
          .post('/api/v1/feedback', body, { key })
          .then(async (r) => ({ status: r.status, replayed: r.headers.get('Idempotent-Replayed'), text: await r.text() })),
      ),
    );
    const stored = await t.db.kysely.selectFrom('feedback').select('id').where('message', '=', message).execute();
    expect(stored).toHaveLength(1);
    const first = responses.filter((r) => r.status === 201 && !r.replayed);
    expect(first).toHaveLength(1);
    expect(JSON.parse(first[0]!.text).id).toBe(stored[0]!.id);
    for (const r of responses)
      if (r !== first[0]) expect(r.status === 409 || (r.status === 201 && r.replayed === 'true' && r.text === first[0]!.text), JSON.stringify(r)).toBe(true);
  });

  it('the same key with a different body gets 422 and stores nothing; key order and whitespace do not make a body different', async () => {
    const key = newKey();
    const body = question({ altcha: await t.altcha() });
    const first = await t.post('/api/v1/questions', body, { key });
    expect(first.status).toBe(201);
    const before = await counts(t.db);
    const other = await t.post('/api/v1/questions', { ...body, altcha: await t.altcha(), content: `${String(body.content)} Xin cảm ơn.` }, { key });
    expect(other.status).toBe(422);
    expect((await other.json()).type).toBe('/problems/key-reused');
    expect(await counts(t.db)).toEqual(before);
    // The same fields in another order, with spaces the form trims: the same submission.
    const reordered = Object.fromEntries(Object.entries({ ...body, title: `  ${String(body.title)} ` }).reverse());
    const same = await t.post('/api/v1/questions', reordered, { key });
    expect(same.status).toBe(201);
    expect(same.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await counts(t.db)).toEqual(before);
  });

  it('keys are per endpoint: the key of a question does not replay as feedback', async () => {
    const key = newKey();
    expect((await t.post('/api/v1/questions', question({ altcha: await t.altcha() }), { key })).status).toBe(201);
    const res = await t.post('/api/v1/feedback', feedback({ altcha: await t.altcha() }), { key });
    expect(res.status).toBe(201);
    expect(res.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('a key whose request is still in flight gets 409 with Retry-After, stores nothing and does not burn the proof', async () => {
    const key = newKey();
    const body = question({ altcha: await t.altcha() });
    // Another request holds the key: claimed exactly as the pipeline claims it, never completed.
    expect(await claimKey(t.db.kysely, QUESTIONS, key, hashOf(QuestionInput, body))).toEqual({ kind: 'claimed' });
    const before = await counts(t.db);
    const res = await t.post('/api/v1/questions', body, { key });
    expect(res.status).toBe(409);
    expect(res.headers.get('Retry-After')).toBe('2');
    expect((await res.json()).type).toBe('/problems/in-flight');
    expect(await counts(t.db)).toEqual(before);
    // A different body under the held key is still a different submission.
    expect((await t.post('/api/v1/questions', { ...body, title: 'Câu hỏi khác dưới cùng khoá' }, { key })).status).toBe(422);
    // The holder gives up (its request was refused): the retry goes through, with the same proof.
    await releaseKey(t.db.kysely, QUESTIONS, key);
    const retry = await t.post('/api/v1/questions', body, { key });
    expect(retry.status, await retry.clone().text()).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('a claim younger than the lease is respected; one older than LEASE_MS (its process died) is taken over, once', async () => {
    const key = newKey();
    const title = `Câu hỏi của một tiến trình đã chết ${key.slice(-8)}`;
    const body = question({ title, altcha: await t.altcha() });
    expect(await claimKey(t.db.kysely, QUESTIONS, key, hashOf(QuestionInput, body))).toEqual({ kind: 'claimed' });
    const age = (ms: number) =>
      t.db.kysely
        .updateTable('idempotency')
        .set({ locked_at: new Date(Date.now() - ms).toISOString() })
        .where('scope', '=', QUESTIONS)
        .where('key', '=', key)
        .execute();

    await age(LEASE_MS - 5_000);
    expect((await t.post('/api/v1/questions', body, { key })).status).toBe(409);

    await age(LEASE_MS + 1_000);
    const responses = await Promise.all(Array.from({ length: 20 }, () => t.post('/api/v1/questions', body, { key })));
    const statuses = responses.map((r) => r.status);
    const fresh = responses.filter((r) => r.status === 201 && !r.headers.get('Idempotent-Replayed'));
    expect(fresh, statuses.join(',')).toHaveLength(1);
    for (const r of responses) expect([201, 409]).toContain(r.status);
    expect(await rowsWithTitle(title)).toBe(1);
    const row = await t.db.kysely.selectFrom('idempotency').selectAll().where('scope', '=', QUESTIONS).where('key', '=', key).executeTakeFirstOrThrow();
    expect(row.state).toBe('done');
    expect(Number(row.response_status)).toBe(201);
  });

  it('a crashed claim on feedback is taken over too', async () => {
    const key = newKey();
    const body = feedback({ message: `Góp ý sau sự cố ${key}`, altcha: await t.altcha() });
    await claimKey(t.db.kysely, FEEDBACK, key, hashOf(FeedbackInput, body));
    await t.db.kysely
      .updateTable('idempotency')
      .set({ locked_at: new Date(Date.now() - LEASE_MS - 1).toISOString() })
      .where('scope', '=', FEEDBACK)
      .where('key', '=', key)
      .execute();
    const res = await t.post('/api/v1/feedback', body, { key });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('a refusal after the claim (a bad proof) frees the key for the corrected retry', async () => {
    const key = newKey();
    const body = question({ altcha: await t.altcha() });
    const before = await counts(t.db);
    const bad = await t.post('/api/v1/questions', { ...body, altcha: Buffer.from('{"challenge":1}').toString('base64') }, { key });
    expect(bad.status).toBe(400);
    expect(await counts(t.db)).toEqual(before);
    const good = await t.post('/api/v1/questions', body, { key });
    expect(good.status).toBe(201);
    expect(good.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it.each(['short', 'has space in it', 'x'.repeat(101), 'ümlaut-key-123', 'semi;colon;key'])(
    'a malformed Idempotency-Key (%s) is a 400 and stores nothing',
    async (key) => {
      const before = await counts(t.db);
      // Header values must be bytes; encode what fetch would refuse as Latin-1.
      const res = await t.post('/api/v1/questions', question({ altcha: await t.altcha() }), { key: Buffer.from(key, 'utf8').toString('latin1') });
      expect(res.status).toBe(400);
      expect(await counts(t.db)).toEqual(before);
    },
  );

  it('without a key, two identical submissions are two questions (the key is what makes a retry a retry)', async () => {
    const title = `Câu hỏi không có khoá ${Date.now()}`;
    for (let i = 0; i < 2; i++) expect((await t.post('/api/v1/questions', question({ title, altcha: await t.altcha() }), { key: null })).status).toBe(201);
    expect(await rowsWithTitle(title)).toBe(2);
  });
});
