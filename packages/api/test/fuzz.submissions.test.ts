import fc from 'fast-check';
import { LIMITS } from '@pbgdpl/contract';
import { describe, expect, it } from 'vitest';
import { newChallenge } from '../src/security/altcha.js';
import { malformed, Tally, type FuzzCase } from './support/fuzz.js';
import { ENGINE as ENGINE_NAME } from './support/app.js';
import { EASY, ORIGIN, SITE, counts, feedback, newKey, question, solve, useSubmitApp, type Counts } from './support/submit.js';

/**
 * Thousands of malformed citizen submissions: the server answers each with a 4xx (never a 5xx)
 * and stores nothing for it; the few that happen to be valid are stored whole (row + consent +
 * used proof + idempotency record), nothing more. Counted in every table before and after.
 */
const t = useSubmitApp();
const PLACEHOLDER = 'ALTCHA_PLACEHOLDER_0123456789';
const RUNS = { questions: Number(process.env.FUZZ_RUNS_QUESTIONS ?? 1500), feedback: Number(process.env.FUZZ_RUNS_FEEDBACK ?? 1000) };

async function freshAltcha() {
  return solve(await newChallenge({ ...EASY.altcha, ...(await t.services.secrets()) }, SITE));
}

function withAltcha(body: Uint8Array, altcha: string): Uint8Array {
  const buf = Buffer.from(body);
  const at = buf.indexOf(PLACEHOLDER);
  if (at < 0) return body;
  return new Uint8Array(Buffer.concat([buf.subarray(0, at), Buffer.from(altcha), buf.subarray(at + PLACEHOLDER.length)]));
}

const keyHeader = fc.oneof(
  { arbitrary: fc.constant('fresh'), weight: 8 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.constantFrom('short', 'has spaces in it!', 'x'.repeat(101), '../../../etc', '%00%00%00%00'), weight: 1 },
);

function diff(before: Counts, after: Counts) {
  return Object.fromEntries(
    Object.keys(after)
      .map((k) => [k, after[k as keyof Counts] - before[k as keyof Counts]])
      .filter(([, d]) => d !== 0),
  );
}

async function fuzz(path: string, table: 'questions' | 'feedback', valid: Record<string, unknown>, paths: string[], runs: number) {
  const tally = new Tally();
  await fc.assert(
    fc.asyncProperty(malformed({ valid: { ...valid, altcha: PLACEHOLDER }, paths, limit: LIMITS.body }), keyHeader, async (c: FuzzCase, keyKind) => {
      const key = keyKind === 'fresh' ? newKey() : keyKind;
      const headers: Record<string, string> = { Origin: ORIGIN };
      if (c.contentType !== null) headers['Content-Type'] = c.contentType;
      if (key !== null) headers['Idempotency-Key'] = key;
      const before = await counts(t.db);
      const res = await t.request(path, { method: 'POST', headers, body: withAltcha(c.body, await freshAltcha()) as BodyInit });
      const text = await res.text();
      tally.add(c.kind, res.status);
      const what = `${c.kind}: ${c.label} → ${res.status} ${text.slice(0, 300)}`;
      if (res.status >= 500) throw new Error(`5xx for ${what}`);
      const delta = diff(before, await counts(t.db));
      if (res.status === 201) {
        const expected: Record<string, number> = { [table]: 1, consents: 1, altcha_used: 1, ...(key !== null ? { idempotency: 1 } : {}) };
        const sorted = (o: Record<string, unknown>) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
        if (sorted(delta) !== sorted(expected)) {
          throw new Error(`accepted ${what}, but the rows stored were ${JSON.stringify(delta)}, not ${JSON.stringify(expected)}`);
        }
      } else {
        if (Object.keys(delta).length) throw new Error(`refused ${what}, yet rows changed: ${JSON.stringify(delta)}`);
        if (!/^application\/problem\+json/.test(res.headers.get('Content-Type') ?? '')) throw new Error(`refusal is not problem+json: ${what}`);
      }
    }),
    { numRuns: runs, endOnFailure: false },
  );
  return tally;
}

describe(`fuzzing the citizens' write routes (${ENGINE_NAME})`, () => {
  it(`POST /api/v1/questions: ${RUNS.questions} malformed bodies, never a 5xx, nothing stored from a refusal`, async () => {
    const tally = await fuzz(
      '/api/v1/questions',
      'questions',
      question({
        email: 'fuzz@example.com',
        phone: '0912 345 678',
        pageUrl: 'https://xa-thu.example.gov.vn/hoi-dap',
        consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'],
      }),
      ['site', 'field', 'title', 'content', 'name', 'email', 'phone', 'website', 'pageUrl', 'noticeVersion', 'consents', 'consents.0', 'consents.1', 'altcha'],
      RUNS.questions,
    );
    console.log(`fuzz POST /api/v1/questions on ${ENGINE_NAME}: ${tally}`);
    expect(tally.total).toBeGreaterThanOrEqual(RUNS.questions);
  }, 300_000);

  it(`POST /api/v1/feedback: ${RUNS.feedback} malformed bodies, never a 5xx, nothing stored from a refusal`, async () => {
    const tally = await fuzz(
      '/api/v1/feedback',
      'feedback',
      feedback({ contact: 'fuzz@example.com', pageUrl: 'https://xa-thu.example.gov.vn/van-ban', consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'] }),
      ['site', 'kind', 'document', 'rating', 'message', 'contact', 'website', 'pageUrl', 'noticeVersion', 'consents', 'consents.0', 'altcha'],
      RUNS.feedback,
    );
    console.log(`fuzz POST /api/v1/feedback on ${ENGINE_NAME}: ${tally}`);
    expect(tally.total).toBeGreaterThanOrEqual(RUNS.feedback);
  }, 300_000);
});

describe('U+0000', () => {
  // PostgreSQL cannot store it (the insert fails: a 500 there, a stored NUL on SQLite): refused on both.
  it.each([
    ['question title', '/api/v1/questions', () => question({ title: 'Thủ tục\u0000 cấp sổ đỏ lần đầu' })],
    ['question content', '/api/v1/questions', () => question({ content: '\u0000'.repeat(30) })],
    ['question name', '/api/v1/questions', () => question({ name: 'Nguyễn\u0000' })],
    ['feedback message', '/api/v1/feedback', () => feedback({ message: 'Góp ý\u0000' })],
    ['an unknown key', '/api/v1/feedback', () => ({ ...feedback(), 'k\u0000': 1 })],
  ])('in the %s is a 400 and stores nothing', async (_where, path, body) => {
    const before = await counts(t.db);
    const res = await t.request(path, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
      body: JSON.stringify({ ...body(), altcha: await freshAltcha() }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toMatch(/U\+0000/);
    expect(await counts(t.db)).toEqual(before);
  });

  it('in a staff body is a 400 too', async () => {
    const res = await t.staff('PUT', '/api/v1/admin/sites/xa-nul', { key: 'xa-nul', name: 'Xã\u0000', kind: 'ubnd-xa', origins: [] });
    expect(res.status).toBe(400);
    expect((await t.staff('PUT', '/api/v1/admin/sites/xa-nul', { key: 'xa-nul', name: 'Xã Không NUL', kind: 'ubnd-xa', origins: [] })).status).toBe(200);
  });

  it('an escaped backslash before "u0000" is not a NUL and is accepted', async () => {
    const res = await t.request('/api/v1/questions', {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
      body: JSON.stringify({ ...question({ content: 'Đường dẫn C:\\u0000\\tệp trong câu hỏi của tôi' }), altcha: await freshAltcha() }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });
});

describe('prototype keys', () => {
  const send = async (path: string, text: string) =>
    t.request(path, { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'application/json', 'Idempotency-Key': newKey() }, body: text });
  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])(
    '"%s" as a key, top-level or nested, is an unknown parameter (400), not a property that sticks',
    async (key) => {
      for (const [path, base] of [
        ['/api/v1/questions', question()],
        ['/api/v1/feedback', feedback()],
      ] as const) {
        const valid = JSON.stringify({ ...base, altcha: await freshAltcha() });
        const before = await counts(t.db);
        const top = await send(path, `${valid.slice(0, -1)},${JSON.stringify(key)}:{"isAdmin":true,"status":"answered"}}`);
        expect(top.status).toBe(400);
        expect((await top.json()).errors.map((e: any) => e.path)).toContain(key);
        const nested = await send(path, valid.replace('"consents":[', `"consents":[{${JSON.stringify(key)}:{"polluted":true}},`));
        expect(nested.status).toBe(400);
        expect(await counts(t.db)).toEqual(before);
      }
      expect(({} as any).isAdmin).toBeUndefined();
      expect(({} as any).polluted).toBeUndefined();
    },
  );
});
