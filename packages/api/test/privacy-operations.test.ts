import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { backfillContactKeys } from '../src/privacy/contact-index.js';
import { RetentionPurge } from '../src/privacy/purge.js';
import { WITHDRAWN_REASON } from '../src/privacy/withdraw.js';
import { createServices } from '../src/services.js';
import { ENGINE, TEST_DATABASE_URL } from './support/app.js';
import { EASY, ask, sendFeedback, useSubmitApp } from './support/submit.js';

/**
 * Privacy requests (Law 91/2025/QH15, Decree 356/2025/NĐ-CP), on both engines: what is held is
 * found by the contact however it is written, through its HMAC; the person gets a labelled copy;
 * each purpose's withdrawal stops what it allowed; erasure removes the identity and keeps the
 * published answer; the retention purge erases what is past retention, once a day across instances.
 */
const t = useSubmitApp();

const mailSettings = { smtpUrl: 'smtp://127.0.0.1:9', from: 'Sở Tư pháp <hoidap@stp.example.gov.vn>', retrySeconds: 30 };
const held = async (contact: string, token?: string) =>
  t.staff('GET', `/api/v1/admin/privacy/subjects?contact=${encodeURIComponent(contact)}`, undefined, token);
const heldJson = async (contact: string) => {
  const res = await held(contact);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};
const withdraw = (body: Record<string, unknown>) => t.staff('POST', '/api/v1/admin/privacy/withdrawals', body);
const erase = (body: Record<string, unknown>) => t.staff('POST', '/api/v1/admin/privacy/erasures', body);
const auditLines = (action: string) => t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
const publicIds = async () => ((await (await t.request('/api/v1/questions?limit=20')).json()).items as { id: string }[]).map((i) => i.id);

/** Asks, answers and publishes through the API, as a citizen and staff would. */
async function answered(over: Record<string, unknown>, publish = true, app = t) {
  const q = await ask(t, over);
  const res = await app.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>Hồ sơ nộp tại UBND xã.</p>', publish });
  expect(res.status, await res.clone().text()).toBe(200);
  return q;
}

describe(`finding what is held about a person (${ENGINE})`, () => {
  const email = 'Mai.Tran.Privacy@Example.com';
  let questionId = '';
  let feedbackId = '';

  beforeAll(async () => {
    questionId = (await ask(t, { name: 'Trần Thị Mai', email, phone: '+84 912 345 678', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] })).id;
    feedbackId = (await sendFeedback(t, { contact: '0912.345.678', consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'] })).id;
    await ask(t, { name: 'Người Khác', email: 'nguoi.khac@example.com', phone: '' });
  });

  it('stores the HMAC of each contact on new rows, never the same as the contact', async () => {
    const q = await t.db.kysely.selectFrom('questions').selectAll().where('id', '=', questionId).executeTakeFirstOrThrow();
    expect(q.email_key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.phone_key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const f = await t.db.kysely.selectFrom('feedback').selectAll().where('id', '=', feedbackId).executeTakeFirstOrThrow();
    // The same phone written two ways has one key.
    expect(f.contact_key).toBe(q.phone_key);
  });

  it('finds by the e-mail in another case and with spaces, and by the phone as +84 or 0', async () => {
    const byEmail = await heldJson(`  ${email.toUpperCase()} `);
    expect(byEmail.questions.map((q: any) => q.id)).toEqual([questionId]);
    expect(byEmail.feedback).toEqual([]);
    expect(byEmail.questions[0]).toMatchObject({ name: 'Trần Thị Mai', email, phone: '+84 912 345 678', erasedAt: null });
    expect(byEmail.consents).toHaveLength(1);
    expect(byEmail.consents[0]).toMatchObject({
      subject: { type: 'question', id: questionId },
      purposes: ['cong-khai-hoi-dap', 'xu-ly-cau-hoi'],
      withdrawn: [],
    });

    for (const phone of ['0912345678', '+84912345678', '0912 345 678', '+84 912.345.678']) {
      const byPhone = await heldJson(phone);
      expect(
        byPhone.questions.map((q: any) => q.id),
        phone,
      ).toEqual([questionId]);
      expect(
        byPhone.feedback.map((f: any) => f.id),
        phone,
      ).toEqual([feedbackId]);
      expect(byPhone.consents, phone).toHaveLength(2);
    }
    expect(await heldJson('ai.do@example.com')).toEqual({ questions: [], feedback: [], consents: [], mail: [] });
  });

  it('rows stored before the index get their keys at start-up', async () => {
    await t.db.kysely.updateTable('questions').set({ email_key: null, phone_key: null }).where('id', '=', questionId).execute();
    expect((await heldJson(email)).questions).toEqual([]);
    expect(await backfillContactKeys(t.db.kysely, (await t.services.secrets()).contactSecret)).toBeGreaterThanOrEqual(1);
    expect((await heldJson(email)).questions.map((q: any) => q.id)).toEqual([questionId]);
    expect(await backfillContactKeys(t.db.kysely, (await t.services.secrets()).contactSecret)).toBe(0);
  });

  it('is for administrators: an editor is refused, a stranger asked for a token, a contact that is neither is a problem', async () => {
    expect((await held(email, t.editor)).status).toBe(403);
    expect((await t.request(`/api/v1/admin/privacy/subjects?contact=${encodeURIComponent(email)}`)).status).toBe(401);
    for (const path of ['/api/v1/admin/privacy/withdrawals', '/api/v1/admin/privacy/erasures', '/api/v1/admin/privacy/purge-runs']) {
      expect((await t.staff('POST', path, { contact: email, purpose: 'cong-khai-hoi-dap' }, t.editor)).status, path).toBe(403);
    }
    expect((await t.staff('GET', '/api/v1/admin/privacy/purge-runs', undefined, t.editor)).status).toBe(403);
    expect((await t.staff('GET', `/api/v1/admin/privacy/export?contact=${encodeURIComponent(email)}`, undefined, t.editor)).status).toBe(403);
    const bad = await held('not a contact');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await bad.json()).errors[0].path).toBe('contact');
  });

  it('audits each search with a pseudonym of the person, never the contact', async () => {
    const lines = await auditLines('privacy-find');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.at(-1)!.subject).toMatch(/^person:[A-Za-z0-9_-]{16}$/);
    const all = JSON.stringify(await t.db.kysely.selectFrom('audit_log').selectAll().execute()).toLowerCase();
    for (const trace of ['mai.tran.privacy', '912345678', '912 345 678', '912.345.678']) expect(all).not.toContain(trace);
  });

  it('exports everything as a JSON download with labels and Vietnamese dates', async () => {
    const res = await t.staff('GET', `/api/v1/admin/privacy/export?contact=${encodeURIComponent('0912345678')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.format).toBe('pbgdpl-personal-data/1');
    expect(body.questions).toHaveLength(1);
    const q = body.questions[0];
    expect(q).toMatchObject({ id: questionId, name: 'Trần Thị Mai', email, phone: '+84 912 345 678', status: { code: 'new', label: 'Mới nhận' } });
    expect(q.field).toEqual({ code: 'dat-dai', label: expect.stringMatching(/Đất đai/) });
    expect(q.site.label).toBe('UBND xã Thử');
    expect(q.content).toMatch(/giấy chứng nhận/);
    expect(q.askedAt.text).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(body.feedback[0]).toMatchObject({ id: feedbackId, contact: '0912.345.678', kind: { code: 'document', label: 'Góp ý về văn bản' } });
    const labels = body.consents.flatMap((c: any) => c.purposesInForce.map((p: any) => p.label));
    expect(labels).toEqual(expect.arrayContaining(['Xử lý câu hỏi', 'Công khai câu hỏi và trả lời', 'Xử lý góp ý', 'Liên hệ để phản hồi']));
    const line = (await auditLines('privacy-export')).at(-1)!;
    expect(JSON.parse(line.detail!)).toEqual({ questions: [questionId], feedback: [feedbackId] });
  });
});

describe('withdrawing consent for one purpose stops what it allowed', () => {
  it('publication: the published answer is taken off the sites, and cannot be published again', async () => {
    const q = await answered({ email: 'cong.khai@example.com', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    expect(await publicIds()).toContain(q.id);
    const res = await withdraw({ contact: 'Cong.Khai@example.com', purpose: 'cong-khai-hoi-dap' });
    expect(res.status, await res.clone().text()).toBe(200);
    const out = await res.json();
    expect(out.effects).toMatchObject({ consents: 1, unpublished: 1 });
    expect(out.held.questions[0].published).toBe(false);
    expect(out.held.consents[0].purposes).toEqual(['xu-ly-cau-hoi']);
    expect(out.held.consents[0].withdrawn).toEqual([{ purpose: 'cong-khai-hoi-dap', at: expect.any(String), by: 'Trần Quản Trị' }]);
    expect(await publicIds()).not.toContain(q.id);
    expect((await t.staff('POST', `/api/v1/admin/questions/${q.id}/publish`, { published: true })).status).toBe(409);
    // The citizen still reads the answer by the tracking code.
    expect((await (await t.request(`/api/v1/questions/${q.trackingCode}`)).json()).answer.html).toMatch(/UBND xã/);
    // Withdrawn already: nothing left to withdraw.
    expect((await withdraw({ contact: 'cong.khai@example.com', purpose: 'cong-khai-hoi-dap' })).status).toBe(404);
    const line = (await auditLines('privacy-withdraw')).at(-1)!;
    expect(JSON.parse(line.detail!)).toMatchObject({ purpose: 'cong-khai-hoi-dap', subject: 'all', effects: { unpublished: 1 } });
  });

  it('the answer by e-mail: the pending mail is cancelled and its address dropped; a new answer queues none', async () => {
    const mailing = t.withConfig(EASY, mailSettings);
    const q = await answered({ email: 'thu.dien.tu@example.com', consents: ['xu-ly-cau-hoi', 'nhan-tra-loi-qua-email'] }, false, mailing);
    const before = await heldJson('thu.dien.tu@example.com');
    expect(before.mail).toEqual([expect.objectContaining({ subjectId: q.id, state: 'pending', holdsAddress: true })]);
    const out = await (
      await withdraw({ contact: 'thu.dien.tu@example.com', purpose: 'nhan-tra-loi-qua-email', subject: { type: 'question', id: q.id } })
    ).json();
    expect(out.effects).toMatchObject({ consents: 1, mailCancelled: 1 });
    expect(out.held.mail).toEqual([expect.objectContaining({ state: 'cancelled', holdsAddress: false })]);
    const again = await mailing.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>Trả lời sửa lại.</p>' });
    expect(again.status).toBe(200);
    const rows = await t.db.kysely.selectFrom('mail_outbox').select(['state', 'recipient']).where('subject_id', '=', q.id).execute();
    expect(rows).toEqual([{ state: 'cancelled', recipient: null }]);
  });

  it('handling the question: it leaves the queue, closed as withdrawn, and staff still see it', async () => {
    const q = await ask(t, { email: 'rut.lai@example.com', consents: ['xu-ly-cau-hoi'] });
    const out = await (await withdraw({ contact: 'rut.lai@example.com', purpose: 'xu-ly-cau-hoi' })).json();
    expect(out.effects).toMatchObject({ consents: 1, closed: 1 });
    expect(out.held.consents[0]).toMatchObject({ purposes: [], withdrawnAt: expect.any(String) });
    const staffView = await (await t.staff('GET', `/api/v1/admin/questions/${q.id}`)).json();
    expect(staffView).toMatchObject({ status: 'rejected', rejectedReason: WITHDRAWN_REASON });
    const open = await (await t.staff('GET', '/api/v1/admin/questions?status=new&limit=100')).json();
    expect(open.items.map((i: any) => i.id)).not.toContain(q.id);
    // Answering it is refused: nobody handles it any more.
    expect((await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>x</p>' })).status).toBe(409);
  });

  it('being contacted about feedback: the contact is removed; handling the feedback: the message goes too', async () => {
    const a = await sendFeedback(t, {
      contact: 'gop.y.mot@example.com',
      message: 'Trang khó đọc trên điện thoại.',
      consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'],
    });
    const out = await (await withdraw({ contact: 'gop.y.mot@example.com', purpose: 'lien-he-phan-hoi' })).json();
    expect(out.effects).toMatchObject({ consents: 1, contactsRemoved: 1 });
    // Found by its contact no more: the contact, and its key, are gone.
    expect(out.held.feedback).toEqual([]);
    const row = await t.db.kysely.selectFrom('feedback').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ contact: null, contact_key: null, message: 'Trang khó đọc trên điện thoại.' });
    expect(row.search_text).not.toMatch(/gop/);

    const b = await sendFeedback(t, { contact: '0987 654 321', message: 'Văn bản này cần giải thích thêm.', consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'] });
    const out2 = await (await withdraw({ contact: '+84987654321', purpose: 'xu-ly-gop-y' })).json();
    expect(out2.effects).toMatchObject({ consents: 1, feedbackErased: 1 });
    const row2 = await t.db.kysely.selectFrom('feedback').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(row2).toMatchObject({ contact: null, message: '', rating: 4 });
  });

  it('a submission that is not the person’s is refused, and nothing changes', async () => {
    const mine = await ask(t, { email: 'cua.toi@example.com', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    const other = await ask(t, { email: 'cua.nguoi.khac@example.com', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    const res = await withdraw({ contact: 'cua.toi@example.com', purpose: 'cong-khai-hoi-dap', subject: { type: 'question', id: other.id } });
    expect(res.status).toBe(404);
    expect((await erase({ contact: 'cua.toi@example.com', subject: { type: 'question', id: other.id } })).status).toBe(404);
    expect((await heldJson('cua.nguoi.khac@example.com')).consents[0].purposes).toEqual(['cong-khai-hoi-dap', 'xu-ly-cau-hoi']);
    expect((await heldJson('cua.toi@example.com')).questions.map((q: any) => q.id)).toEqual([mine.id]);
    expect((await withdraw({ contact: 'cua.toi@example.com', purpose: 'not-a-purpose' })).status).toBe(400);
  });
});

describe('erasure', () => {
  it('removes the identity in one go; the published answer stays without it; mail cancelled; consents kept as proof', async () => {
    const mailing = t.withConfig(EASY, mailSettings);
    const person = { name: 'Đỗ Văn Xoá', email: 'xoa.du.lieu@example.com', phone: '0933 111 222' };
    const q = await answered(
      {
        ...person,
        pageUrl: 'https://xa-thu.example.gov.vn/hoi-dap?ma=12345&email=xoa.du.lieu@example.com#form',
        consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap', 'nhan-tra-loi-qua-email'],
      },
      true,
      mailing,
    );
    const f = await sendFeedback(t, { contact: person.email, consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'] });
    const res = await erase({ contact: 'XOA.DU.LIEU@example.com' });
    expect(res.status, await res.clone().text()).toBe(200);
    const out = await res.json();
    expect(out.erased).toEqual({ questions: 1, feedback: 1, mailCancelled: 1, consentsKept: 2, stillPublished: 1 });
    expect(out.held).toEqual({ questions: [], feedback: [], consents: [], mail: [] });

    const row = await t.db.kysely.selectFrom('questions').selectAll().where('id', '=', q.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ asker_name: null, asker_email: null, asker_phone: null, email_key: null, phone_key: null, published: 1 });
    expect(row.page_url).toBe('https://xa-thu.example.gov.vn/hoi-dap');
    expect(row.erased_at).not.toBeNull();
    const fb = await t.db.kysely.selectFrom('feedback').selectAll().where('id', '=', f.id).executeTakeFirstOrThrow();
    expect(fb).toMatchObject({ contact: null, contact_key: null });
    expect(await publicIds()).toContain(q.id);
    const tracking = await (await t.request(`/api/v1/questions/${q.trackingCode}`)).text();
    expect(JSON.parse(tracking).answer.html).toMatch(/UBND xã/);
    const staffView = await (await t.staff('GET', `/api/v1/admin/questions/${q.id}`)).text();
    for (const trace of [person.name, person.email, '0933 111 222']) {
      expect(tracking).not.toContain(trace);
      expect(staffView).not.toContain(trace);
    }
    const mail = await t.db.kysely.selectFrom('mail_outbox').select(['state', 'recipient']).where('subject_id', '=', q.id).execute();
    expect(mail).toEqual([{ state: 'cancelled', recipient: null }]);
    const consents = await t.db.kysely.selectFrom('consents').selectAll().where('subject_id', 'in', [q.id, f.id]).execute();
    expect(consents).toHaveLength(2);
    expect(JSON.parse(consents.find((c) => c.subject_id === q.id)!.purposes)).toContain('cong-khai-hoi-dap');
    const line = (await auditLines('privacy-erase')).at(-1)!;
    expect(JSON.parse(line.detail!)).toMatchObject({ questions: [q.id], feedback: [f.id], counts: { questions: 1 } });
    expect(line.detail).not.toContain('xoa.du.lieu');
    // Nothing is held any more: a second request finds nothing to erase.
    expect((await erase({ contact: person.email })).status).toBe(404);
  });
});

describe('erasure is all or nothing', () => {
  it('a failure while erasing leaves every record as it was', async () => {
    const q = await ask(t, { name: 'Lò Văn Nguyên', email: 'nguyen.ven@example.com', consents: ['xu-ly-cau-hoi'] });
    const f = await sendFeedback(t, { contact: 'nguyen.ven@example.com', consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'] });
    const k = t.db.kysely;
    // The audit line is the last write of the erasure: it fails, so everything before it must go back.
    const schema = ENGINE === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(k)).rows[0]!.s : '';
    const create =
      ENGINE === 'postgres'
        ? [
            `create function ${schema}.fail_erase_audit() returns trigger language plpgsql as $$ begin if new.action = 'privacy-erase' then raise exception 'disk full'; end if; return new; end $$`,
            `create trigger fail_erase_audit before insert on ${schema}.audit_log for each row execute function ${schema}.fail_erase_audit()`,
          ]
        : [`create trigger fail_erase_audit before insert on audit_log when new.action = 'privacy-erase' begin select raise(abort, 'disk full'); end`];
    for (const s of create) await sql.raw(s).execute(k);
    try {
      const res = await erase({ contact: 'nguyen.ven@example.com' });
      expect(res.status).toBe(500);
    } finally {
      await sql.raw('drop trigger fail_erase_audit' + (ENGINE === 'postgres' ? ` on ${schema}.audit_log` : '')).execute(k);
    }
    const still = await heldJson('nguyen.ven@example.com');
    expect(still.questions).toEqual([expect.objectContaining({ id: q.id, name: 'Lò Văn Nguyên', email: 'nguyen.ven@example.com', erasedAt: null })]);
    expect(still.feedback).toEqual([expect.objectContaining({ id: f.id, contact: 'nguyen.ven@example.com' })]);
  });
});

describe(`the retention purge (${ENGINE})`, () => {
  const retention = { questionDays: 30, feedbackDays: 60, mailDays: 10 };
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  let second: Db;

  beforeAll(async () => {
    // A second instance has its own connection to the same database.
    if (ENGINE === 'postgres') {
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db.kysely);
      second = openDatabase({ url: TEST_DATABASE_URL, pgSchema: rows[0]!.schema });
    } else {
      const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(t.db.kysely);
      second = openDatabase({ url: rows[0]!.file });
    }
  });
  afterAll(async () => {
    await second?.close();
  });

  it('erases only what is past retention, keeps open questions, and deletes finished mails', async () => {
    const old = await answered({ email: 'cu.qua@example.com', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    const recent = await answered({ email: 'moi.day@example.com', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    const open = await ask(t, { email: 'van.mo@example.com' });
    const oldFeedback = await sendFeedback(t, { contact: 'gop.y.cu@example.com', consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'] });
    const youngFeedback = await sendFeedback(t, { contact: 'gop.y.moi@example.com', consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'] });
    const k = t.db.kysely;
    await k
      .updateTable('questions')
      .set({ answered_at: daysAgo(31), created_at: daysAgo(40) })
      .where('id', '=', old.id)
      .execute();
    await k
      .updateTable('questions')
      .set({ answered_at: daysAgo(29), created_at: daysAgo(40) })
      .where('id', '=', recent.id)
      .execute();
    await k
      .updateTable('questions')
      .set({ created_at: daysAgo(400) })
      .where('id', '=', open.id)
      .execute();
    await k
      .updateTable('feedback')
      .set({ created_at: daysAgo(61) })
      .where('id', '=', oldFeedback.id)
      .execute();
    await k
      .updateTable('feedback')
      .set({ created_at: daysAgo(59) })
      .where('id', '=', youngFeedback.id)
      .execute();
    const mail = (at: string, state: string, subject: string) => ({
      id: `m-${subject}`,
      kind: 'answer',
      subject_id: subject,
      recipient: null,
      subject: 's',
      text_body: 't',
      html_body: 'h',
      state,
      attempts: 1,
      next_attempt_at: at,
      locked_until: null,
      created_at: at,
      sent_at: state === 'sent' ? at : null,
      last_error: null,
    });
    await k
      .insertInto('mail_outbox')
      .values([mail(daysAgo(11), 'sent', 'purge-old'), mail(daysAgo(9), 'sent', 'purge-young'), mail(daysAgo(20), 'pending', 'purge-pending')])
      .execute();

    const res = await t.staff('POST', '/api/v1/admin/privacy/purge-runs');
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()).state).toBe('done');
    // The app's purge keeps the default retention (a year): none of these is that old.
    const purge = new RetentionPurge(k, retention);
    const run = await purge.runNow({ id: 'test', name: 'Trần Quản Trị', role: 'admin' });
    expect(run).toMatchObject({ trigger: 'manual', state: 'done', counts: { questions: 1, feedback: 1, mail: 1 } });

    const identity = async (id: string) =>
      (await k.selectFrom('questions').select(['asker_email', 'erased_at']).where('id', '=', id).executeTakeFirstOrThrow()).asker_email;
    expect(await identity(old.id)).toBeNull();
    expect(await identity(recent.id)).toBe('moi.day@example.com');
    expect(await identity(open.id)).toBe('van.mo@example.com');
    expect(await publicIds()).toContain(old.id);
    const contacts = await k.selectFrom('feedback').select(['id', 'contact']).where('id', 'in', [oldFeedback.id, youngFeedback.id]).execute();
    expect(Object.fromEntries(contacts.map((c) => [c.id, c.contact]))).toEqual({ [oldFeedback.id]: null, [youngFeedback.id]: 'gop.y.moi@example.com' });
    const mails = await k.selectFrom('mail_outbox').select('subject_id').where('subject_id', 'like', 'purge-%').orderBy('subject_id').execute();
    expect(mails.map((m) => m.subject_id)).toEqual(['purge-pending', 'purge-young']);

    // Run again: nothing more to do.
    expect((await purge.runNow({ id: 'test', name: 'Trần Quản Trị', role: 'admin' })).counts).toEqual({ questions: 0, feedback: 0, mail: 0 });
    expect((await auditLines('privacy-purge')).length).toBeGreaterThanOrEqual(3);
  });

  it('the daily run happens once across two app instances on one database', async () => {
    const day = new Date('2031-05-04T03:00:00Z');
    const instances = [t.db, second].map((db) => createServices(db, EASY, undefined, null, undefined, {}, { retention, now: () => day }));
    const apps = instances.map((s, i) => createApp({ db: i === 0 ? t.db : second, version: 'test', services: s }));
    expect(apps).toHaveLength(2);
    const runs = await Promise.all(instances.flatMap((s) => [s.purge.runDaily(), s.purge.runDaily()]));
    const made = runs.filter((r) => r !== null);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ trigger: 'daily', state: 'done', startedBy: 'Lịch xoá dữ liệu hết hạn' });
    expect(await instances[1]!.purge.runDaily()).toBeNull();
    const rows = await t.db.kysely.selectFrom('privacy_purge_runs').select('run_key').where('run_key', '=', 'daily:2031-05-04').execute();
    expect(rows).toHaveLength(1);

    const page = await (await t.staff('GET', '/api/v1/admin/privacy/purge-runs?limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.nextCursor).not.toBeNull();
    expect(page.retention).toEqual({ questionDays: 365, feedbackDays: 365, mailDays: 30 });
    const next = await (await t.staff('GET', `/api/v1/admin/privacy/purge-runs?limit=2&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((r: any) => r.id)).not.toContain(page.items[0].id);
  });
});
