import { describe, expect, it } from 'vitest';
import { ENGINE } from './support/app.js';
import { LAW_ID, LAW_NUMBER, ask, useSubmitApp } from './support/submit.js';

const t = useSubmitApp();
const json = async (res: Response) => JSON.parse(await res.text());

describe(`citations of a withdrawn document (${ENGINE})`, () => {
  it('keep the number and article but no longer link the document, and a new answer does not resolve to it', async () => {
    const q = await ask(t, { title: 'Điều kiện kết hôn của công dân', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
    const answer = (citations: unknown) => t.staff('POST', `/api/v1/admin/questions/${q.id}/answer`, { html: '<p>Trả lời.</p>', citations, publish: true });
    const before = await json(await answer([{ number: LAW_NUMBER, article: 'Điều 8' }]));
    expect(before.citations).toEqual([{ number: LAW_NUMBER, article: 'Điều 8', lawId: LAW_ID, url: expect.stringMatching(/^https?:\/\//) }]);

    expect((await t.staff('DELETE', `/api/v1/admin/laws/${LAW_ID}`)).status).toBe(200);
    const unlinked = { number: LAW_NUMBER, article: 'Điều 8', lawId: null, url: null };
    const view = await json(await t.request(`/api/v1/questions/${q.trackingCode}`));
    expect(view.answer.citations).toEqual([unlinked]);
    const listed = (await json(await t.request('/api/v1/questions?limit=20'))).items.find((i: { id: string }) => i.id === q.id);
    expect(listed.citations).toEqual([unlinked]);

    const again = await json(await answer([{ number: LAW_NUMBER, article: 'Điều 8' }]));
    expect(again.citations).toEqual([unlinked]);
    const stored = await t.db.kysely.selectFrom('question_citations').select('law_id').where('question_id', '=', q.id).execute();
    expect(stored).toEqual([{ law_id: null }]);
  });
});
