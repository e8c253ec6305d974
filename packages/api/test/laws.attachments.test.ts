import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from './support/app.js';
import { tinyDocx, tinyPdf, zip } from './support/files.js';
import { useSubmitApp, EASY } from './support/submit.js';

const root = mkdtempSync(join(tmpdir(), 'pbgdpl-attachments-'));
const dir = join(root, 'data', 'attachments');
const MAX = 64 * 1024;
const t = useSubmitApp(EASY, { attachmentDir: dir, attachmentMaxBytes: MAX });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const LAW = '356-2025-nd-cp';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const upload = (name: string, bytes: Uint8Array, opts: { law?: string; token?: string | null; type?: string } = {}) => {
  const form = new FormData();
  form.append('file', new File([bytes as BlobPart], name, { type: opts.type ?? 'application/pdf' }));
  const headers: Record<string, string> = opts.token === null ? {} : { Authorization: `Bearer ${opts.token ?? t.editor}` };
  return t.request(`/api/v1/admin/laws/${opts.law ?? LAW}/attachments`, { method: 'POST', headers, body: form });
};
const json = async (res: Response) => JSON.parse(await res.text());
const stored = () => (readdirSync(root, { recursive: true }) as string[]).filter((f) => statSync(join(root, f)).isFile());
const rows = () => t.db.kysely.selectFrom('law_attachments').selectAll().execute();
const audits = async () => (await t.db.kysely.selectFrom('audit_log').select('id').execute()).length;

/** Every refusal below leaves the files, the rows, the audit log and the document as they were. */
async function expectUnchanged(run: () => Promise<Response>, status: number, says: RegExp) {
  const before = { files: stored(), rows: await rows(), audits: await audits(), law: await t.request(`/api/v1/laws/${LAW}`).then((r) => r.text()) };
  const res = await run();
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect((await json(res)).detail).toMatch(says);
  expect({ files: stored(), rows: await rows(), audits: await audits(), law: await t.request(`/api/v1/laws/${LAW}`).then((r) => r.text()) }).toEqual(before);
}

beforeAll(() => {
  // The tests' refusals are checked against an empty folder, as the first upload finds it.
  expect(stored()).toEqual([]);
});

describe(`attachments of a legal document (${ENGINE})`, () => {
  it('a PDF is stored privately, listed in the detail, and served back byte for byte under its Vietnamese name', async () => {
    const pdf = tinyPdf();
    const res = await upload('Nghị định 356 (bản ký).pdf', pdf);
    expect(res.status).toBe(201);
    const law = await json(res);
    expect(law.attachments).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Nghị định 356 (bản ký).pdf',
        mediaType: 'application/pdf',
        size: pdf.length,
        url: `/api/v1/laws/${LAW}/attachments/${law.attachments[0].id}`,
        addedAt: expect.any(String),
      },
    ]);
    const attachment = law.attachments[0];
    expect((await json(await t.request(`/api/v1/laws/${LAW}`))).attachments).toEqual(law.attachments);

    const file = await t.request(attachment.url);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
    expect(file.headers.get('Content-Type')).toBe('application/pdf');
    expect(file.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(file.headers.get('Content-Disposition')).toBe(
      `attachment; filename="nghi dinh 356 _ban ky_.pdf"; filename*=UTF-8''Ngh%E1%BB%8B%20%C4%91%E1%BB%8Bnh%20356%20%28b%E1%BA%A3n%20k%C3%BD%29.pdf`,
    );
    const tag = file.headers.get('ETag')!;
    expect((await t.request(attachment.url, { headers: { 'If-None-Match': tag } })).status).toBe(304);

    // On disk under its id, not its name; only the API's user may read it or list the folder.
    const onDisk = join(dir, attachment.id);
    expect(stored()).toEqual([join('data', 'attachments', attachment.id)]);
    expect(statSync(onDisk).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'add-attachment').execute();
    expect(audit.map((a) => JSON.parse(a.detail!).attachment)).toEqual([attachment.id]);
  });

  it('a DOCX is accepted by its content, whatever type the client claimed', async () => {
    const docx = tinyDocx();
    const res = await upload('Kế hoạch tuyên truyền.docx', docx, { type: 'application/octet-stream' });
    expect(res.status).toBe(201);
    const added = (await json(res)).attachments.at(-1);
    expect(added).toMatchObject({ name: 'Kế hoạch tuyên truyền.docx', mediaType: DOCX, size: docx.length });
    const file = await t.request(added.url);
    expect(file.headers.get('Content-Type')).toBe(DOCX);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(docx);
  });

  it('HTML named .pdf, a ZIP that is not a document, and a PDF named .docx are refused, and nothing is kept', async () => {
    const html = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>');
    await expectUnchanged(() => upload('van-ban.pdf', html), 415, /not a PDF or DOCX/);
    await expectUnchanged(() => upload('van-ban.docx', zip({ 'readme.txt': 'xin chào' }), { type: DOCX }), 415, /not a PDF or DOCX/);
    await expectUnchanged(() => upload('van-ban.docx', tinyPdf()), 415, /content is PDF but its name ends in \.docx/);
  });

  it('a file over ATTACHMENT_MAX_MB is a 413 and is not stored', async () => {
    const big = new Uint8Array(MAX + 1024);
    big.set(tinyPdf());
    await expectUnchanged(() => upload('lon.pdf', big), 413, /larger than/);
    // Far over: refused by the body limit while reading, before any part is parsed.
    const huge = new Uint8Array(4 * MAX);
    huge.set(tinyPdf());
    await expectUnchanged(() => upload('rat-lon.pdf', huge), 413, /larger than/);
  });

  it('a name with folders in it is only a name: the file lands in the attachments folder under its id', async () => {
    for (const [sent, kept] of [
      ['../../../../etc/cron.d/evil.pdf', 'evil.pdf'],
      ['..\\..\\windows\\win.pdf', 'win.pdf'],
      ['..', 'tep-dinh-kem.pdf'],
      ['quyet-dinh', 'quyet-dinh.pdf'],
    ]) {
      const res = await upload(sent!, tinyPdf(sent!.replace(/\W/g, '')));
      expect(res.status, sent).toBe(201);
      expect((await json(res)).attachments.at(-1).name, sent).toBe(kept);
    }
    expect(stored().every((f) => f.startsWith(join('data', 'attachments')))).toBe(true);
    expect(readdirSync(dir).every((f) => /^[0-9a-f-]{36}$/.test(f))).toBe(true);
  });

  it('needs a staff token and a multipart body; a document that does not exist has no attachments', async () => {
    await expectUnchanged(() => upload('a.pdf', tinyPdf(), { token: null }), 401, /staff token/);
    await expectUnchanged(
      () =>
        t.request(`/api/v1/admin/laws/${LAW}/attachments`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${t.editor}`, 'Content-Type': 'application/pdf' },
          body: tinyPdf() as BodyInit,
        }),
      415,
      /multipart\/form-data/,
    );
    await expectUnchanged(() => upload('a.pdf', tinyPdf(), { law: 'no-such-law' }), 404, /no-such-law/);
  });

  it('a database failure after the file is written removes the file again', async () => {
    await t.db.kysely.schema.alterTable('law_attachments').renameTo('law_attachments_away').execute();
    const files = stored();
    try {
      const res = await upload('a.pdf', tinyPdf());
      expect(res.status).toBe(500);
    } finally {
      await t.db.kysely.schema.alterTable('law_attachments_away').renameTo('law_attachments').execute();
    }
    expect(stored()).toEqual(files);
  });

  it('DELETE removes the file and its URL; a withdrawn document serves no files', async () => {
    const law = await json(await upload('phu-luc.pdf', tinyPdf('phu luc')));
    const attachment = law.attachments.at(-1);
    const res = await t.request(`/api/v1/admin/laws/${LAW}/attachments/${attachment.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${t.editor}` },
    });
    expect(res.status).toBe(200);
    expect((await json(res)).attachments.map((a: any) => a.id)).not.toContain(attachment.id);
    expect((await t.request(attachment.url)).status).toBe(404);
    expect(readdirSync(dir)).not.toContain(attachment.id);
    expect((await t.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'delete-attachment').execute()).length).toBe(1);

    const kept = (await json(await t.request(`/api/v1/laws/${LAW}`))).attachments[0];
    expect((await t.staff('DELETE', `/api/v1/admin/laws/${LAW}`)).status).toBe(200);
    expect((await t.request(kept.url)).status).toBe(410);
    expect((await upload('sau-khi-rut.pdf', tinyPdf())).status).toBe(409);
  });
});
