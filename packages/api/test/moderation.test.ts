import { describe, expect, it } from 'vitest';
import { LAW_ID, LAW_NUMBER, ask, feedback, question, sendFeedback, useSubmitApp } from './support/submit.js';

/**
 * The staff API as docs/staff-api.md describes it: tokens and roles, the audit trail of
 * every read of personal data, and the life of a question (classify, answer with citations,
 * publish, withdraw, reject) and of feedback (reply), and the report per site.
 */
const t = useSubmitApp();

const json = async (res: Response) => {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, res };
};

/** The newest audit entries (admin's view), newest first. */
async function auditLog(limit = 20): Promise<any[]> {
  const { status, body } = await json(await t.staff('GET', `/api/v1/admin/audit?limit=${limit}`));
  expect(status).toBe(200);
  return body.items;
}

/** Runs `fn`, then returns the audit entries it added (not counting the reads of the log itself). */
async function audited(fn: () => Promise<unknown>) {
  const seen = new Set((await auditLog(100)).map((e) => e.id));
  await fn();
  return (await auditLog(100)).filter((e) => !seen.has(e.id));
}

describe('tokens and roles', () => {
  it('no token, a malformed header, an unknown token: 401 with WWW-Authenticate', async () => {
    for (const headers of [
      {},
      { Authorization: 'Bearer' },
      { Authorization: 'Basic YWRtaW46YWRtaW4=' },
      { Authorization: 'Bearer pbgdpl_unknown_token_0123456789' },
    ] as Record<string, string>[]) {
      const res = await t.request('/api/v1/admin/questions', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
      expect(res.headers.get('Content-Type')).toMatch(/problem\+json/);
    }
  });

  it('a revoked token is refused at once', async () => {
    const made = await json(await t.staff('POST', '/api/v1/admin/tokens', { name: 'Cán bộ tạm thời', role: 'editor' }));
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^pbgdpl_/);
    expect((await t.staff('GET', '/api/v1/admin/questions', undefined, made.body.token)).status).toBe(200);
    const revoked = await json(await t.staff('DELETE', `/api/v1/admin/tokens/${made.body.id}`));
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBeTruthy();
    const res = await t.staff('GET', '/api/v1/admin/questions', undefined, made.body.token);
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toMatch(/invalid_token/);
  });

  it('the token list never shows a secret or its hash; a token cannot revoke itself', async () => {
    const list = await json(await t.staff('GET', '/api/v1/admin/tokens'));
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(t.admin);
    expect(text).not.toMatch(/token_hash|"token"/);
    const me = list.body.items.find((i: any) => i.name === 'Trần Quản Trị');
    expect((await t.staff('DELETE', `/api/v1/admin/tokens/${me.id}`)).status).toBe(409);
  });

  it.each([
    ['GET', '/api/v1/admin/export/questions.csv', undefined],
    ['GET', '/api/v1/admin/export/feedback.csv', undefined],
    ['PUT', '/api/v1/admin/sites/xa-moi', { key: 'xa-moi', name: 'Xã Mới', kind: 'ubnd-xa', origins: ['https://xamoi.example.gov.vn'] }],
    ['POST', '/api/v1/admin/tokens', { name: 'Người lạ', role: 'admin' }],
    ['GET', '/api/v1/admin/tokens', undefined],
    ['GET', '/api/v1/admin/audit', undefined],
  ])('an editor cannot %s %s (403); an administrator can', async (method, path, body) => {
    const denied = await t.staff(method, path, body, t.editor);
    expect(denied.status).toBe(403);
    const allowed = await t.staff(method, path, body, t.admin);
    expect([200, 201]).toContain(allowed.status);
  });

  it('an editor cannot revoke a token', async () => {
    const made = await json(await t.staff('POST', '/api/v1/admin/tokens', { name: 'Cán bộ B', role: 'editor' }));
    expect((await t.staff('DELETE', `/api/v1/admin/tokens/${made.body.id}`, undefined, t.editor)).status).toBe(403);
  });

  it('an editor can do the daily work: list, read, classify, answer, reply, see the sites', async () => {
    const q = await ask(t);
    const f = await sendFeedback(t);
    for (const [method, path, body] of [
      ['GET', '/api/v1/admin/questions', undefined],
      ['GET', `/api/v1/admin/questions/${q.id}`, undefined],
      ['PATCH', `/api/v1/admin/questions/${q.id}`, { handlingUnit: 'Phòng PBGDPL' }],
      ['POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>Có.</p>' }],
      ['GET', '/api/v1/admin/feedback', undefined],
      ['POST', `/api/v1/admin/feedback/${f.id}/reply`, { reply: 'Cảm ơn.' }],
      ['GET', '/api/v1/admin/sites', undefined],
    ] as const) {
      const res = await t.staff(method, path, body, t.editor);
      expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(200);
    }
  });
});

describe('audit trail', () => {
  it('listing questions writes an entry naming the staff member and the ids seen', async () => {
    const q = await ask(t);
    const entries = await audited(() => t.staff('GET', '/api/v1/admin/questions?status=new&limit=100', undefined, t.editor));
    expect(entries).toHaveLength(1);
    expect(entries[0].actor).toMatch(/^Lê Biên Tập \(/);
    expect(entries[0].action).toBe('read');
    expect(entries[0].subject).toBe('questions');
    expect(JSON.parse(entries[0].detail).ids).toContain(q.id);
  });

  it('reading one question writes an entry', async () => {
    const q = await ask(t);
    const entries = await audited(() => t.staff('GET', `/api/v1/admin/questions/${q.id}`, undefined, t.editor));
    expect(entries.map((e) => [e.action, e.subject])).toEqual([['read', `question:${q.id}`]]);
    expect(entries[0].actor).toContain('Lê Biên Tập');
  });

  it('listing feedback writes an entry', async () => {
    const f = await sendFeedback(t);
    const entries = await audited(() => t.staff('GET', '/api/v1/admin/feedback?limit=100', undefined, t.editor));
    expect(entries.map((e) => [e.action, e.subject])).toEqual([['read', 'feedback']]);
    expect(JSON.parse(entries[0].detail).ids).toContain(f.id);
  });

  it.each(['questions', 'feedback'])('exporting %s.csv writes an entry naming the administrator and the row count', async (what) => {
    const entries = await audited(() => t.staff('GET', `/api/v1/admin/export/${what}.csv`));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'export', subject: `${what}.csv` });
    expect(entries[0].actor).toMatch(/^Trần Quản Trị \(/);
    expect(JSON.parse(entries[0].detail).rows).toBeGreaterThan(0);
  });

  it('a refused request (bad token, wrong role) reads nothing and writes no entry about personal data', async () => {
    const entries = await audited(async () => {
      await t.request('/api/v1/admin/questions');
      await t.staff('GET', '/api/v1/admin/export/questions.csv', undefined, t.editor);
    });
    expect(entries).toEqual([]);
  });

  it('changes are audited too: classify, answer, publish, reject, reply, put-site, tokens', async () => {
    const q1 = await ask(t, { consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    const q2 = await ask(t);
    const f = await sendFeedback(t);
    const entries = await audited(async () => {
      await t.staff('PATCH', `/api/v1/admin/questions/${q1.id}`, { status: 'in-progress' }, t.editor);
      await t.staff('POST', `/api/v1/admin/questions/${q1.id}/answer`, { html: '<p>Được.</p>' }, t.editor);
      await t.staff('POST', `/api/v1/admin/questions/${q1.id}/publish`, { published: true }, t.editor);
      await t.staff('POST', `/api/v1/admin/questions/${q2.id}/reject`, { reason: 'Không thuộc thẩm quyền.' }, t.editor);
      await t.staff('POST', `/api/v1/admin/feedback/${f.id}/reply`, { reply: 'Đã tiếp thu.' }, t.editor);
      await t.staff('PUT', '/api/v1/admin/sites/xa-audit', { key: 'xa-audit', name: 'Xã Kiểm Tra', kind: 'ubnd-xa', origins: [] });
      await t.staff('POST', '/api/v1/admin/tokens', { name: 'Cán bộ C', role: 'editor' });
    });
    expect(entries.map((e) => e.action).sort()).toEqual(['answer', 'classify', 'create-token', 'publish', 'put-site', 'reject', 'reply'].sort());
  });
});

describe('the life of a question', () => {
  it('classify: field, handling unit, in progress; an unknown field is a 400', async () => {
    const q = await ask(t);
    const classified = await json(
      await t.staff('PATCH', `/api/v1/admin/questions/${q.id}`, { field: 'hon-nhan-gia-dinh', handlingUnit: 'Phòng Phổ biến, giáo dục pháp luật' }),
    );
    expect(classified.status).toBe(200);
    expect(classified.body).toMatchObject({ field: 'hon-nhan-gia-dinh', handlingUnit: 'Phòng Phổ biến, giáo dục pháp luật', status: 'classified' });
    const progress = await json(await t.staff('PATCH', `/api/v1/admin/questions/${q.id}`, { status: 'in-progress' }));
    expect(progress.body.status).toBe('in-progress');
    expect(progress.body.field).toBe('hon-nhan-gia-dinh');
    expect((await t.staff('PATCH', `/api/v1/admin/questions/${q.id}`, { field: 'khong-co' })).status).toBe(400);
    expect((await t.staff('GET', '/api/v1/admin/questions/no-such-id')).status).toBe(404);
    const view = await json(await t.request(`/api/v1/questions/${q.trackingCode}`));
    expect(view.body.status).toBe('in-progress');
    expect(view.body.field.code).toBe('hon-nhan-gia-dinh');
  });

  it('answer with citations (the law id is resolved when the catalog has the number), publish, withdraw', async () => {
    const q = await ask(t, { title: 'Điều kiện kết hôn của công dân', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    const answered = await json(
      await t.staff(
        'POST',
        `/api/v1/admin/questions/${q.id}/answer`,
        {
          html: '<p>Theo Luật, công dân đủ tuổi được kết hôn.</p>',
          citations: [{ number: LAW_NUMBER, article: 'Điều 3' }, { number: '999/2099/QH99', article: null }, { number: LAW_NUMBER }],
          publish: true,
        },
        t.editor,
      ),
    );
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', published: true, answeredBy: 'Lê Biên Tập' });
    expect(answered.body.citations).toEqual([
      { number: LAW_NUMBER, article: 'Điều 3', lawId: LAW_ID, url: expect.stringMatching(/^https?:\/\//) },
      { number: '999/2099/QH99', article: null, lawId: null, url: null },
      { number: LAW_NUMBER, article: null, lawId: LAW_ID, url: expect.any(String) },
    ]);

    // The citizen sees it by the tracking code, everyone in the published list.
    const view = await json(await t.request(`/api/v1/questions/${q.trackingCode}`));
    expect(view.body.status).toBe('answered');
    expect(view.body.answer.html).toBe('<p>Theo Luật, công dân đủ tuổi được kết hôn.</p>');
    expect(view.body.answer.citations).toEqual(answered.body.citations);
    const listed = async () => (await json(await t.request('/api/v1/questions?limit=20'))).body.items.find((i: any) => i.id === q.id);
    expect((await listed()).citations[0].lawId).toBe(LAW_ID);

    // Withdraw: gone from the public list, still answered for the citizen.
    const withdrawn = await json(await t.staff('POST', `/api/v1/admin/questions/${q.id}/publish`, { published: false }, t.editor));
    expect(withdrawn.body.published).toBe(false);
    expect(await listed()).toBeUndefined();
    expect((await json(await t.request(`/api/v1/questions/${q.trackingCode}`))).body.answer).not.toBeNull();
    // And back.
    expect((await json(await t.staff('POST', `/api/v1/admin/questions/${q.id}/publish`, { published: true }))).body.published).toBe(true);
    expect(await listed()).toBeDefined();

    // An answered question is not classified or rejected any more; it may be answered again (corrected).
    expect((await t.staff('PATCH', `/api/v1/admin/questions/${q.id}`, { status: 'in-progress' })).status).toBe(409);
    expect((await t.staff('POST', `/api/v1/admin/questions/${q.id}/reject`, { reason: 'Muộn rồi.' })).status).toBe(409);
    const corrected = await json(await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>Đính chính.</p>', citations: [] }));
    expect(corrected.body.citations).toEqual([]);
    expect(corrected.body.answerHtml).toBe('<p>Đính chính.</p>');
  });

  it('publishing a question that is not answered is refused', async () => {
    const q = await ask(t, { consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    expect((await t.staff('POST', `/api/v1/admin/questions/${q.id}/publish`, { published: true })).status).toBe(409);
  });

  it('reject with a reason: the citizen reads the reason by the tracking code; it cannot then be answered', async () => {
    const q = await ask(t);
    const reason = 'Câu hỏi không thuộc lĩnh vực pháp luật; xin gửi tới UBND xã.';
    const rejected = await json(await t.staff('POST', `/api/v1/admin/questions/${q.id}/reject`, { reason }, t.editor));
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectedReason: reason, published: false });
    const view = await json(await t.request(`/api/v1/questions/${q.trackingCode}`));
    expect(view.body).toMatchObject({ status: 'rejected', rejectedReason: reason, answer: null });
    expect((await t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>x</p>' })).status).toBe(409);
    expect((await t.staff('POST', `/api/v1/admin/questions/${q.id}/reject`, { reason: 'ab' })).status).toBe(400);
  });

  it('the staff lists filter by status and page with nextCursor', async () => {
    for (let i = 0; i < 3; i++) await ask(t, { title: `Câu hỏi để phân trang số ${i + 1}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await json(await t.staff('GET', `/api/v1/admin/questions?status=new&limit=2${cursor ? `&cursor=${cursor}` : ''}`))).body;
      for (const item of page.items) expect(item.status).toBe('new');
      seen.push(...page.items.map((i: any) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });
});

describe('feedback', () => {
  it('reply: stored with who replied and when; unknown id is a 404', async () => {
    const f = await sendFeedback(t, { contact: 'nguoi.gop.y@example.com', consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'] });
    const replied = await json(await t.staff('POST', `/api/v1/admin/feedback/${f.id}/reply`, { reply: 'Cảm ơn ông/bà đã góp ý.' }, t.editor));
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({
      id: f.id,
      status: 'replied',
      reply: 'Cảm ơn ông/bà đã góp ý.',
      repliedBy: 'Lê Biên Tập',
      contact: 'nguoi.gop.y@example.com',
    });
    expect(Date.parse(replied.body.repliedAt)).toBeGreaterThan(0);
    const listed = (await json(await t.staff('GET', '/api/v1/admin/feedback?status=replied&limit=100'))).body.items;
    expect(listed.map((i: any) => i.id)).toContain(f.id);
    expect((await t.staff('POST', '/api/v1/admin/feedback/khong-co-id-nay/reply', { reply: 'x' })).status).toBe(404);
  });
});

describe('the site report', () => {
  it('counts questions, feedback, the satisfaction percentage (ratings of 4 or 5) and usage per site', async () => {
    const key = 'xa-bao-cao';
    const origin = 'https://xabaocao.example.gov.vn';
    const put = await json(
      await t.staff('PUT', `/api/v1/admin/sites/${key}`, {
        key,
        name: 'Xã Báo Cáo',
        kind: 'ubnd-xa',
        origins: [origin],
        contactRule: 'none',
        requireName: false,
      }),
    );
    expect(put.status).toBe(200);
    expect(put.body.origins).toEqual([origin]);
    const before = (await json(await t.staff('GET', '/api/v1/admin/sites', undefined, t.editor))).body.items.find((s: any) => s.key === key);
    expect(before).toMatchObject({
      questions: 0,
      feedback: 0,
      ratings: 0,
      satisfaction: null,
      requests30d: 0,
      lastSeen: null,
      views30d: 0,
      lastRequested: null,
    });

    for (let i = 0; i < 2; i++) {
      const res = await t.post('/api/v1/questions', question({ site: key, name: '', email: '', altcha: await t.altcha(key) }), { origin });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    for (const rating of [5, 4, 3, 1, 4, 2, 5]) {
      const res = await t.post('/api/v1/feedback', feedback({ site: key, kind: 'page', document: undefined, rating, altcha: await t.altcha(key) }), { origin });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    // Widgets on the site read: laws, meta, the Q&A; a site that is not registered is not counted.
    for (const path of ['/api/v1/laws', '/api/v1/laws', '/api/v1/meta', '/api/v1/questions', '/api/v1/laws/' + LAW_ID]) {
      expect((await t.request(`${path}?site=${key}`)).status).toBe(200);
    }
    expect((await t.request('/api/v1/laws?site=khong-dang-ky')).status).toBe(200);
    // Three page views the loader reported from the site's origin, and one from elsewhere.
    const view = async (from: string) => {
      const { token } = await (await t.request(`/api/v1/views/token?site=${key}`, { headers: { Origin: from } })).json();
      const res = await t.request('/api/v1/views', {
        method: 'POST',
        headers: { Origin: from, 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({ token, path: '/', widgets: ['latest-laws'] }),
      });
      expect(res.status, await res.text()).toBe(204);
    };
    for (const from of [origin, origin, origin, 'https://ban-sao.example']) await view(from);
    await t.services.usage.flush();

    const report = (await json(await t.staff('GET', '/api/v1/admin/sites', undefined, t.editor))).body.items;
    const row = report.find((s: any) => s.key === key);
    expect(row).toEqual({
      key,
      name: 'Xã Báo Cáo',
      kind: 'ubnd-xa',
      level: 'xa',
      lastSeen: new Date().toISOString().slice(0, 10),
      views30d: 3,
      viewsOtherOrigins30d: 1,
      lastRequested: new Date().toISOString().slice(0, 10),
      requests30d: 5,
      questions: 2,
      feedback: 7,
      ratings: 7,
      satisfaction: 57.1, // 4 of 7 ratings are 4 or 5
    });
    expect(report.find((s: any) => s.key === 'khong-dang-ky')).toBeUndefined();
  });
});
