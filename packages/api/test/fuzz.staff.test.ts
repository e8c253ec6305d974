import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from './support/app.js';
import { malformed, Tally, type FuzzCase } from './support/fuzz.js';
import { LAW_NUMBER, ask, counts, sendFeedback, useSubmitApp } from './support/submit.js';

/**
 * The staff bodies (answer, classify, reply, put-site), malformed every way the citizens' are:
 * never a 5xx; a refused request changes nothing: not the question, the feedback or the site it
 * names, no citation, no audit line.
 */
const t = useSubmitApp();
const RUNS = Number(process.env.FUZZ_RUNS_STAFF ?? 300);
const ADMIN_LIMIT = 64 * 1024;

let answerTarget = '';
let classifyTarget = '';
let replyTarget = '';
const SITE_KEY = 'xa-fuzz';

beforeAll(async () => {
  answerTarget = (await ask(t, { consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] })).id;
  classifyTarget = (await ask(t)).id;
  replyTarget = (await sendFeedback(t)).id;
  const put = await t.staff('PUT', `/api/v1/admin/sites/${SITE_KEY}`, {
    key: SITE_KEY,
    name: 'Xã Thử Nghiệm',
    kind: 'ubnd-xa',
    origins: ['https://fuzz.example.gov.vn'],
  });
  expect(put.status).toBe(200);
});

/** Everything a refused staff request must leave as it was. */
async function snapshot() {
  const db = t.db.kysely;
  return JSON.stringify({
    counts: await counts(t.db),
    questions: await db.selectFrom('questions').selectAll().where('id', 'in', [answerTarget, classifyTarget]).orderBy('id').execute(),
    citations: await db.selectFrom('question_citations').selectAll().orderBy('question_id').orderBy('position').execute(),
    feedback: await db.selectFrom('feedback').selectAll().where('id', '=', replyTarget).execute(),
    site: await db.selectFrom('sites').selectAll().where('key', '=', SITE_KEY).execute(),
  });
}

async function fuzz(method: string, path: () => string, valid: Record<string, unknown>, paths: string[]) {
  const tally = new Tally();
  await fc.assert(
    fc.asyncProperty(malformed({ valid, paths, limit: ADMIN_LIMIT }), fc.constantFrom('admin', 'admin', 'admin', 'editor'), async (c: FuzzCase, who) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${who === 'admin' ? t.admin : t.editor}` };
      if (c.contentType !== null) headers['Content-Type'] = c.contentType;
      const before = await snapshot();
      const res = await t.request(path(), { method, headers, body: c.body as BodyInit });
      const text = await res.text();
      tally.add(c.kind, res.status);
      const what = `${c.kind}: ${c.label} → ${res.status} ${text.slice(0, 300)}`;
      if (res.status >= 500) throw new Error(`5xx for ${what}`);
      if (res.status >= 400) {
        if (!/^application\/problem\+json/.test(res.headers.get('Content-Type') ?? '')) throw new Error(`refusal is not problem+json: ${what}`);
        const after = await snapshot();
        if (after !== before) throw new Error(`refused ${what}, yet the data changed:\n${before}\n${after}`);
      }
    }),
    { numRuns: RUNS, endOnFailure: false },
  );
  return tally;
}

describe(`fuzzing the staff bodies (${ENGINE})`, () => {
  it(`POST /admin/questions/{id}/answer: ${RUNS} malformed bodies`, async () => {
    const tally = await fuzz(
      'POST',
      () => `/api/v1/admin/questions/${answerTarget}/answer`,
      {
        html: '<p>Theo quy định, người sử dụng đất được cấp giấy chứng nhận.</p>',
        citations: [
          { number: LAW_NUMBER, article: 'Điều 3' },
          { number: '52/2014/QH13', article: null },
        ],
        publish: false,
      },
      ['html', 'citations', 'citations.0', 'citations.0.number', 'citations.0.article', 'citations.1.article', 'publish'],
    );
    console.log(`fuzz answer on ${ENGINE}: ${tally}`);
  }, 300_000);

  it(`PATCH /admin/questions/{id} (classify): ${RUNS} malformed bodies`, async () => {
    const tally = await fuzz(
      'PATCH',
      () => `/api/v1/admin/questions/${classifyTarget}`,
      { field: 'dat-dai', status: 'in-progress', handlingUnit: 'Phòng Phổ biến, giáo dục pháp luật' },
      ['field', 'status', 'handlingUnit'],
    );
    console.log(`fuzz classify on ${ENGINE}: ${tally}`);
  }, 300_000);

  it(`POST /admin/feedback/{id}/reply: ${RUNS} malformed bodies`, async () => {
    const tally = await fuzz('POST', () => `/api/v1/admin/feedback/${replyTarget}/reply`, { reply: 'Cảm ơn ông/bà đã góp ý; Sở đã tiếp thu.' }, ['reply']);
    console.log(`fuzz reply on ${ENGINE}: ${tally}`);
  }, 300_000);

  it(`PUT /admin/sites/{key}: ${RUNS} malformed bodies`, async () => {
    const tally = await fuzz(
      'PUT',
      () => `/api/v1/admin/sites/${SITE_KEY}`,
      {
        key: SITE_KEY,
        name: 'Xã Thử Nghiệm',
        kind: 'ubnd-xa',
        origins: ['https://fuzz.example.gov.vn', 'http://localhost:8080'],
        contactRule: 'email-or-phone',
        requireName: true,
        answerDays: 10,
        contact: 'Văn phòng UBND xã, 0222 3 123 456',
      },
      ['key', 'name', 'kind', 'origins', 'origins.0', 'origins.1', 'contactRule', 'requireName', 'answerDays', 'contact'],
    );
    console.log(`fuzz put-site on ${ENGINE}: ${tally}`);
  }, 300_000);
});
