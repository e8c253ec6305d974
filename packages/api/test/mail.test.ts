import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { LEASE_MS, type MailSettings } from '../src/mail/outbox.js';
import { packageRoot } from './support/app.js';
import { freePort } from './support/ports.js';
import { RELAY_PASS, RELAY_USER, startRelay, type Relay } from './support/smtp.js';
import { SITE, ask, easy, EASY, useSubmitApp, type SubmitApp } from './support/submit.js';

/**
 * Answers by e-mail: staff answer a question, and a citizen who left an e-mail and ticked
 * "nhan-tra-loi-qua-email" gets one mail through the province's relay (a local smtp-server here):
 * the answer, its citations, the tracking code and the page, nothing else about them. The outbox
 * is written with the answer and survives the relay being down.
 */
const t = useSubmitApp();
const FROM = 'Sở Tư pháp thử <hoidap@stp.example.gov.vn>';
const EMAIL_CONSENT = ['xu-ly-cau-hoi', 'nhan-tra-loi-qua-email'];
const PAGE = 'https://xa-thu.example.gov.vn/hoi-dap/dat-dai';
const ANSWER = [
  '<p>Theo <strong>Luật Hôn nhân và gia đình năm 2014</strong>, nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi.</p>',
  '<ul><li>Hồ sơ nộp tại <a href="https://dichvucong.gov.vn">Cổng dịch vụ công</a></li><li>Lệ phí: 0 đồng</li></ul>',
  '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">bấm</a>',
].join('');

let relay: Relay;
let clockOffset = 0;
const settings = (over: Partial<MailSettings> = {}): MailSettings => ({
  smtpUrl: relay.url,
  from: FROM,
  retrySeconds: 30,
  now: () => Date.now() + clockOffset,
  log: () => {},
  ...over,
});
const apps: SubmitApp[] = [];
const mailApp = (over: Partial<MailSettings> = {}, config = EASY) => {
  const app = t.withConfig(config, settings(over));
  apps.push(app);
  return app;
};
const outbox = (app: SubmitApp) => app.services.mail!;

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay.close();
});
beforeEach(async () => {
  clockOffset = 0;
  relay.messages.length = 0;
  // Each test sees only its own mails: every outbox shares this file's database.
  await t.db.kysely.deleteFrom('mail_attempts').execute();
  await t.db.kysely.deleteFrom('mail_outbox').execute();
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.services.mail?.stop() ?? Promise.resolve()));
});

async function answer(app: SubmitApp, id: string, html = ANSWER, citations = [{ number: '52/2014/QH13', article: 'Điều 8' }]) {
  const res = await app.staff('POST', `/api/v1/admin/questions/${id}/answer`, { html, citations });
  expect(res.status, await res.clone().text()).toBe(200);
}

const outboxRows = (app: SubmitApp) => app.db.kysely.selectFrom('mail_outbox').selectAll().execute();
const attempts = (app: SubmitApp, mailId: string) =>
  app.db.kysely.selectFrom('mail_attempts').selectAll().where('mail_id', '=', mailId).orderBy('attempt').execute();
const addressOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;

describe('the mail that carries an answer', () => {
  it('an answered question with an e-mail and the consent gets exactly one mail: the answer, its citations, the tracking code and the page', async () => {
    const app = mailApp();
    const email = 'mai.le.4711@example.com';
    const q = await ask(app, { email, phone: '0912 345 678', pageUrl: PAGE, consents: EMAIL_CONSENT });
    await answer(app, q.id);
    expect(await outbox(app).drain()).toBe(1);
    const [mail] = await relay.received(1);

    expect(addressOf(mail!)).toBe(email);
    expect(mail!.from?.value[0]?.address).toBe('hoidap@stp.example.gov.vn');
    expect(mail!.subject).toBe(`Trả lời câu hỏi của bạn (mã tra cứu ${q.trackingCode})`);
    expect(relay.logins).toContain('pbgdpl-relay');

    const text = mail!.text ?? '';
    expect(text).toContain('Câu hỏi bạn gửi tới UBND xã Thử đã được trả lời.');
    expect(text).toContain(`Mã tra cứu: ${q.trackingCode}`);
    expect(text).toContain('Luật Hôn nhân và gia đình năm 2014, nam từ đủ 20 tuổi');
    expect(text).toContain('- Hồ sơ nộp tại Cổng dịch vụ công (https://dichvucong.gov.vn)');
    expect(text).toContain('- 52/2014/QH13, Điều 8');
    expect(text).toContain(PAGE);

    const html = String(mail!.html);
    expect(html).toContain('<strong>Luật Hôn nhân và gia đình năm 2014</strong>,');
    expect(html).toContain(`<strong>${q.trackingCode}</strong>`);
    expect(html).toContain(`<a href="${PAGE}">`);
    for (const unsafe of ['<script', 'alert(1)', 'onerror', 'javascript:', '<img']) expect(html).not.toContain(unsafe);

    // Nothing else about the citizen: no name, phone, the question's own words, nor the address in the body.
    for (const part of [text, html, mail!.subject ?? '']) {
      for (const personal of ['Nguyễn Văn An', '0912 345 678', 'Thủ tục cấp sổ đỏ', 'Gia đình tôi sử dụng đất', email]) expect(part).not.toContain(personal);
    }
    const [row] = await outboxRows(app);
    expect(row).toMatchObject({ state: 'sent', recipient: null, subject_id: q.id });
    expect(mail!.messageId).toBe(`<${row!.id}@stp.example.gov.vn>`);
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');
    const tries = await attempts(app, row!.id);
    expect(tries).toHaveLength(1);
    expect(tries[0]).toMatchObject({ attempt: 1, outcome: 'sent' });
    expect(tries[0]!.detail).toMatch(/^250\b/);

    // Answering again (a correction) sends nothing more: one mail per question.
    await answer(app, q.id, '<p>Câu trả lời đã sửa.</p>');
    expect(await outbox(app).drain()).toBe(0);
    expect(relay.messages).toHaveLength(1);
  });

  it('without the consent, or without an e-mail, or with a contact over its limit, no mail; the one that qualifies still gets its own', async () => {
    const app = mailApp({}, easy({ limits: { contact: { burst: 1, perSeconds: 3600 } } }));
    const wanted = await ask(app, { email: 'duoc.gui@example.com', consents: EMAIL_CONSENT });
    const noConsent = await ask(app, { email: 'khong.dong.y@example.com', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    const noEmail = await ask(app, { email: '', phone: '0987 654 321', consents: EMAIL_CONSENT });
    // The same address again, over the per-contact limit: anyone could have typed it.
    const overLimit = await ask(app, { email: 'Duoc.Gui@example.com', consents: EMAIL_CONSENT });
    const row = await app.db.kysely.selectFrom('questions').select('contact_over_limit').where('id', '=', overLimit.id).executeTakeFirstOrThrow();
    expect(Number(row.contact_over_limit)).toBe(1);
    for (const q of [wanted, noConsent, noEmail, overLimit]) await answer(app, q.id);

    expect(await outbox(app).drain()).toBe(1);
    expect(relay.messages).toHaveLength(1);
    expect(relay.messages[0]!.subject).toContain(wanted.trackingCode);
    expect((await outboxRows(app)).map((r) => r.subject_id)).toEqual([wanted.id]);
    const audit = await app.db.kysely.selectFrom('audit_log').select(['subject', 'detail']).where('action', '=', 'answer').execute();
    const said = (id: string) => JSON.parse(audit.find((a) => a.subject === `question:${id}`)!.detail!).mail;
    expect([wanted, noConsent, noEmail, overLimit].map((q) => said(q.id))).toEqual(['queued', 'not-asked', 'no-email', 'over-limit']);
  });

  it('without SMTP_URL nothing is queued and sites say answersByEmail: false; with it, true', async () => {
    const q = await ask(t, { email: 'khong.co.smtp@example.com', consents: EMAIL_CONSENT });
    await answer(t, q.id);
    expect(t.services.mail).toBeNull();
    expect(await outboxRows(t)).toEqual([]);
    expect((await (await t.request(`/api/v1/sites/${SITE}`)).json()).answersByEmail).toBe(false);
    expect((await (await mailApp().request(`/api/v1/sites/${SITE}`)).json()).answersByEmail).toBe(true);
  });
});

describe('the outbox', () => {
  it('the relay down at first: the attempt is recorded, retried after the wait, and the mail sent once the relay is back', async () => {
    const port = await freePort();
    const app = mailApp({ smtpUrl: `smtp://${RELAY_USER}:${RELAY_PASS}@127.0.0.1:${port}` });
    const q = await ask(app, { email: 'cho.relay@example.com', consents: EMAIL_CONSENT });
    await answer(app, q.id);

    expect(await outbox(app).drain()).toBe(0);
    const [pending] = await outboxRows(app);
    expect(pending).toMatchObject({ state: 'pending', attempts: 1, recipient: 'cho.relay@example.com' });
    expect((await attempts(app, pending!.id))[0]).toMatchObject({ outcome: 'retry', detail: expect.stringMatching(/ECONNREFUSED|ECONNECTION/) });
    // Not due again before its wait is over.
    clockOffset = 29_000;
    expect(await outbox(app).drain()).toBe(0);
    expect(await attempts(app, pending!.id)).toHaveLength(1);

    const back = await startRelay(port);
    try {
      clockOffset = 31_000;
      expect(await outbox(app).drain()).toBe(1);
      expect((await back.received(1))[0]!.subject).toContain(q.trackingCode);
      // The second failure would have waited twice as long; nothing is left to send.
      clockOffset = 10 * 60_000;
      expect(await outbox(app).drain()).toBe(0);
      expect(back.messages).toHaveLength(1);
      expect((await attempts(app, pending!.id)).map((a) => a.outcome)).toEqual(['retry', 'sent']);
    } finally {
      await back.close();
    }
  });

  it('the loop sends a queued mail by itself, at once after the answer', async () => {
    const app = mailApp();
    outbox(app).start(60_000);
    const q = await ask(app, { email: 'tu.dong@example.com', consents: EMAIL_CONSENT });
    await answer(app, q.id);
    // The next pass of the loop is a minute away: only the wake-up after the answer can send it in time.
    expect((await relay.received(1, 10_000))[0]!.subject).toContain(q.trackingCode);
  });

  it('a recipient the relay refuses for good is given up at once, and the address is not kept', async () => {
    const refusing = await startRelay(0, ['khong.ton.tai@example.com']);
    try {
      const app = mailApp({ smtpUrl: refusing.url });
      const q = await ask(app, { email: 'khong.ton.tai@example.com', consents: EMAIL_CONSENT });
      await answer(app, q.id);
      expect(await outbox(app).drain()).toBe(0);
      const [row] = await outboxRows(app);
      expect(row).toMatchObject({ state: 'failed', recipient: null, attempts: 1 });
      expect(row!.last_error).toMatch(/550/);
      // The relay's refusal quotes the address; what is kept of it does not.
      const [tried] = await attempts(app, row!.id);
      for (const kept of [row!.last_error, tried!.detail]) expect(kept).not.toContain('khong.ton.tai@example.com');
      clockOffset = 24 * 3600_000;
      expect(await outbox(app).drain()).toBe(0);
      expect(await attempts(app, row!.id)).toHaveLength(1);
      expect(refusing.messages).toHaveLength(0);
    } finally {
      await refusing.close();
    }
  });

  it('two instances draining the same outbox at once send the mail once', async () => {
    const a = mailApp();
    const b = mailApp();
    const q = await ask(a, { email: 'hai.may@example.com', consents: EMAIL_CONSENT });
    await answer(a, q.id);
    const sent = await Promise.all([outbox(a).drain(), outbox(b).drain(), outbox(a).drain(), outbox(b).drain()]);
    expect(sent.reduce((x, y) => x + y, 0)).toBe(1);
    expect(relay.messages).toHaveLength(1);
  });

  it('an attempt whose process died is left alone during its lease and taken over after it', async () => {
    const app = mailApp();
    const q = await ask(app, { email: 'giua.chung@example.com', consents: EMAIL_CONSENT });
    await answer(app, q.id);
    const [row] = await outboxRows(app);
    // What a process killed while talking to the relay leaves behind.
    const claimedAt = Date.now();
    await app.db.kysely
      .updateTable('mail_outbox')
      .set({ state: 'sending', attempts: 1, locked_until: new Date(claimedAt + LEASE_MS).toISOString() })
      .where('id', '=', row!.id)
      .execute();
    await app.db.kysely
      .insertInto('mail_attempts')
      .values({ mail_id: row!.id, attempt: 1, started_at: new Date(claimedAt).toISOString(), finished_at: null, outcome: 'sending', detail: null })
      .execute();

    expect(await outbox(app).drain()).toBe(0);
    expect(relay.messages).toHaveLength(0);
    clockOffset = LEASE_MS + 1000;
    expect(await outbox(app).drain()).toBe(1);
    expect(relay.messages).toHaveLength(1);
    expect((await attempts(app, row!.id)).map((x) => [x.attempt, x.outcome])).toEqual([
      [1, 'interrupted'],
      [2, 'sent'],
    ]);
  });
});

describe('the settings', () => {
  const load = (env: Record<string, string>) => loadConfig(env, packageRoot).mail;

  it('SMTP_URL and MAIL_FROM turn mail on; MAIL_RETRY_SECONDS sets the first wait', () => {
    expect(load({})).toBeNull();
    expect(load({ SMTP_URL: 'smtp://u:p@relay.example.gov.vn:587', MAIL_FROM: FROM, MAIL_RETRY_SECONDS: '5' })).toEqual({
      smtpUrl: 'smtp://u:p@relay.example.gov.vn:587',
      from: FROM,
      retrySeconds: 5,
    });
    expect(load({ SMTP_URL: 'smtps://relay.example.gov.vn', MAIL_FROM: 'hoidap@stp.example.gov.vn' })).toMatchObject({ retrySeconds: 30 });
  });

  it('SMTP_URL without MAIL_FROM, or not an smtp:// URL, or a sender that is no address, stops the server at start', () => {
    expect(() => load({ SMTP_URL: 'smtp://relay.example.gov.vn' })).toThrow(/MAIL_FROM/);
    expect(() => load({ SMTP_URL: 'http://relay.example.gov.vn', MAIL_FROM: FROM })).toThrow(/SMTP_URL/);
    expect(() => load({ SMTP_URL: 'smtp://relay.example.gov.vn', MAIL_FROM: 'Sở Tư pháp' })).toThrow(/MAIL_FROM/);
  });
});
