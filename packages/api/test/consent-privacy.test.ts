import { NOTICES } from '@pbgdpl/contract';
import { describe, expect, it } from 'vitest';
import { ask, counts, feedback, question, sendFeedback, useSubmitApp } from './support/submit.js';

/**
 * Consent (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): per purpose, against the notice in force, and
 * provable (purposes, notice version and time kept with the submission); publication only with
 * consent; and what the public sees never names the asker or carries their contacts.
 */
const t = useSubmitApp();

async function expectRefused(path: string, body: Record<string, unknown>, code: string) {
  const before = await counts(t.db);
  const res = await t.post(path, { ...body, altcha: await t.altcha() });
  const problem = await res.json();
  expect(res.status, JSON.stringify(problem)).toBe(400);
  expect(problem.errors.map((e: any) => e.code)).toContain(code);
  expect(await counts(t.db)).toEqual(before);
}

describe('consent to each purpose', () => {
  it.each([
    ['no purpose at all', []],
    ['only publication, not handling', ['cong-khai-hoi-dap']],
  ])('a question with %s is refused and stores nothing', async (_what, consents) => {
    await expectRefused('/api/v1/questions', question({ consents }), 'consent_required');
  });

  it('a question with a purpose of the feedback form is refused', async () => {
    await expectRefused('/api/v1/questions', question({ consents: ['xu-ly-cau-hoi', 'xu-ly-gop-y'] }), 'unknown_purpose');
  });

  it('feedback without consent to handling it is refused', async () => {
    await expectRefused('/api/v1/feedback', feedback({ consents: [] }), 'consent_required');
    await expectRefused('/api/v1/feedback', feedback({ consents: ['lien-he-phan-hoi'] }), 'consent_required');
  });

  it('feedback leaving a contact without consent to be contacted is refused', async () => {
    await expectRefused('/api/v1/feedback', feedback({ contact: 'lien.he@example.com', consents: ['xu-ly-gop-y'] }), 'consent_required');
  });

  it.each([
    ['an older notice', 'hoi-dap-2025-01'],
    ['the feedback notice', NOTICES.feedback.version],
    ['an empty version', ''],
  ])('a question sent under %s is refused as stale', async (_what, noticeVersion) => {
    await expectRefused('/api/v1/questions', question({ noticeVersion }), 'stale_notice');
  });

  it('feedback under a stale notice is refused', async () => {
    await expectRefused('/api/v1/feedback', feedback({ noticeVersion: 'gop-y-2025-12' }), 'stale_notice');
  });

  it('purposes, notice version and time are stored with a question, and staff can read them', async () => {
    const before = new Date().toISOString();
    const q = await ask(t, { consents: ['cong-khai-hoi-dap', 'xu-ly-cau-hoi', 'xu-ly-cau-hoi'] });
    const after = new Date().toISOString();
    const res = await t.staff('GET', `/api/v1/admin/questions/${q.id}`);
    expect(res.status).toBe(200);
    const item = await res.json();
    expect(item.consent.purposes).toEqual(['cong-khai-hoi-dap', 'xu-ly-cau-hoi']);
    expect(item.consent.noticeVersion).toBe(NOTICES.question.version);
    expect(item.consent.givenAt >= before && item.consent.givenAt <= after, item.consent.givenAt).toBe(true);
    expect(item.consent.givenAt).toBe(item.createdAt);
  });

  it('purposes, notice version and time are stored with feedback, and staff can read them', async () => {
    const before = new Date().toISOString();
    const f = await sendFeedback(t, { contact: '0903 123 456', consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'] });
    const res = await t.staff('GET', '/api/v1/admin/feedback?limit=100');
    const item = (await res.json()).items.find((i: any) => i.id === f.id);
    expect(item.consent).toEqual({ purposes: ['lien-he-phan-hoi', 'xu-ly-gop-y'], noticeVersion: NOTICES.feedback.version, givenAt: f.receivedAt });
    expect(f.receivedAt >= before).toBe(true);
    expect(item.contact).toBe('0903 123 456');
  });
});

describe('publication needs the citizen’s consent', () => {
  it('answering with publish is refused without consent to publication; the answer alone is fine; publishing later is refused too', async () => {
    const q = await ask(t, { title: 'Câu hỏi không muốn công khai', consents: ['xu-ly-cau-hoi'] });
    const refused = await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>Trả lời.</p>', publish: true });
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toMatch(/consent/);
    // Nothing changed: still new, no answer.
    const still = await (await t.staff('GET', `/api/v1/admin/questions/${q.id}`)).json();
    expect(still.status).toBe('new');
    expect(still.answerHtml).toBeNull();

    const answered = await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>Trả lời riêng cho người hỏi.</p>' });
    expect(answered.status).toBe(200);
    expect((await answered.json()).published).toBe(false);
    const publish = await t.staff('POST', `/api/v1/admin/questions/${q.id}/publish`, { published: true });
    expect(publish.status).toBe(409);
    const list = await (await t.request('/api/v1/questions?limit=20')).json();
    expect(list.items.map((i: any) => i.id)).not.toContain(q.id);
    // The citizen still gets the answer by the tracking code.
    const view = await (await t.request(`/api/v1/questions/${q.trackingCode}`)).json();
    expect(view.answer.html).toBe('<p>Trả lời riêng cho người hỏi.</p>');
  });

  it('with consent to publication, the answer is published', async () => {
    const q = await ask(t, { title: 'Câu hỏi được phép công khai', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    const res = await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>Trả lời công khai.</p>', publish: true });
    expect(res.status).toBe(200);
    const list = await (await t.request('/api/v1/questions?limit=20')).json();
    expect(list.items.map((i: any) => i.id)).toContain(q.id);
  });
});

describe('public views carry no personal data', () => {
  const person = { name: 'Phạm Thị Riêngtư', email: 'rieng.tu.8421@example.com', phone: '0912 777 888' };
  const traces = [person.name, person.email, person.phone, '0912777888', '912777888', 'Riêngtư', 'rieng.tu.8421'];

  it('the published list, the suggestions and the tracking lookup never contain the name, e-mail or phone', async () => {
    const title = 'Thủ tục chuyển nhượng quyền sử dụng đất nông nghiệp cho con';
    const q = await ask(t, {
      ...person,
      title,
      content: 'Bố mẹ tôi muốn chuyển nhượng quyền sử dụng đất nông nghiệp cho con thì làm thủ tục ở đâu, mất bao lâu?',
      consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'],
    });
    const bodies: [string, string][] = [];
    const grab = async (path: string) => {
      const res = await t.request(path);
      expect(res.status, path).toBeLessThan(300);
      bodies.push([path, await res.text()]);
    };
    await grab(`/api/v1/questions/${q.trackingCode}`);
    const answer = await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, {
      html: '<p>Hồ sơ nộp tại Văn phòng đăng ký đất đai.</p>',
      citations: [{ number: '31/2024/QH15', article: 'Điều 45' }],
      publish: true,
    });
    expect(answer.status).toBe(200);
    const staffView = await answer.json();
    // Staff do see them: the test would prove nothing if the data were not there at all.
    expect(staffView.name).toBe(person.name);
    expect(staffView.email).toBe(person.email);
    expect(staffView.phone).toBe(person.phone);

    await grab(`/api/v1/questions/${q.trackingCode}`);
    await grab(`/api/v1/questions/${q.trackingCode.toLowerCase()}?lang=en`);
    await grab('/api/v1/questions?limit=20');
    await grab(`/api/v1/questions?limit=20&q=${encodeURIComponent('chuyen nhuong dat nong nghiep')}`);
    await grab(`/api/v1/questions?limit=20&field=dat-dai&lang=en`);
    t.services.suggestions.invalidate();
    await grab(`/api/v1/questions/suggest?text=${encodeURIComponent(title)}`);
    expect(
      bodies.some(([p, b]) => p.includes('suggest') && b.includes(q.id)),
      'the suggestion offers the question',
    ).toBe(true);
    expect(
      bodies.some(([p, b]) => p.includes('q=') && b.includes(q.id)),
      'the search finds the question',
    ).toBe(true);
    for (const [path, body] of bodies) {
      for (const trace of traces) expect(body.includes(trace), `${path} contains "${trace}"`).toBe(false);
      expect(body).not.toMatch(/"(name|email|phone|contact|askerName|asker_name|asker_email|asker_phone)"\s*:/);
    }
  });

  it('a rejected question shows the reason by its tracking code, and no personal data', async () => {
    const q = await ask(t, person);
    await t.staff('POST', `/api/v1/admin/questions/${q.id}/reject`, { reason: 'Câu hỏi trùng với câu đã trả lời.' });
    const text = await (await t.request(`/api/v1/questions/${q.trackingCode}`)).text();
    expect(JSON.parse(text).rejectedReason).toBe('Câu hỏi trùng với câu đã trả lời.');
    for (const trace of traces) expect(text).not.toContain(trace);
  });
});
