import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportReport } from '@pbgdpl/contract';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ENGINE } from './support/app.js';
import { tinyPdf, zip } from './support/files.js';
import { csv, streamedXlsx, VN_HEADERS, VN_MAPPING, vnRow, xlsx } from './support/sheets.js';
import { EASY, useSubmitApp } from './support/submit.js';

const root = mkdtempSync(join(tmpdir(), 'pbgdpl-import-'));
const MAX_ROWS = 40;
const MAX_BYTES = 256 * 1024;
const t = useSubmitApp(EASY, { attachmentDir: join(root, 'attachments'), attachmentMaxBytes: 64 * 1024, importMaxBytes: MAX_BYTES, importMaxRows: MAX_ROWS });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MAPPING = VN_MAPPING;

const send = (bytes: Uint8Array, opts: { name?: string; mapping?: unknown; dryRun?: string; token?: string | null } = {}) => {
  const form = new FormData();
  form.append('file', new File([bytes as BlobPart], opts.name ?? 'van-ban.xlsx'));
  if (opts.mapping !== undefined) form.append('mapping', typeof opts.mapping === 'string' ? opts.mapping : JSON.stringify(opts.mapping));
  if (opts.dryRun !== undefined) form.append('dryRun', opts.dryRun);
  const headers: Record<string, string> = opts.token === null ? {} : { Authorization: `Bearer ${opts.token ?? t.editor}` };
  return t.request('/api/v1/admin/laws/imports', { method: 'POST', headers, body: form });
};
const json = async (res: Response) => JSON.parse(await res.text());
const state = async () => ({
  laws: (await t.db.kysely.selectFrom('laws').select(['id', 'abstract', 'updated_at']).orderBy('id').execute()).length,
  fields: (await t.db.kysely.selectFrom('law_fields').select('law_id').execute()).length,
  audit: (await t.db.kysely.selectFrom('audit_log').select('id').execute()).length,
});
const ids = async (query: string) => ((await json(await t.request(`/api/v1/laws?${query}`))).items as { id: string }[]).map((i) => i.id);

/** A refusal of the whole file: problem+json, and the database as it was. */
async function expectRefused(res: Promise<Response>, status: number, says: RegExp) {
  const before = await state();
  const r = await res;
  expect(r.status).toBe(status);
  expect(r.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  const body = await json(r);
  expect(body.detail).toMatch(says);
  expect(await state()).toEqual(before);
  return body;
}

describe(`importing documents from a spreadsheet (${ENGINE})`, () => {
  it('without a mapping, proposes one from Vietnamese headers and reports the rows with it, storing nothing', async () => {
    const before = await state();
    const headers = [
      'Số, ký hiệu',
      'Loại VB',
      'CƠ QUAN BAN HÀNH',
      'Ngay ban hanh',
      'Trích yếu nội dung',
      'Lĩnh vực',
      'Tình trạng',
      'Chức vụ',
      'Người ký',
      'Ghi chú',
    ];
    const row = [
      '7/KH-UBND',
      'ke-hoach',
      'ubnd-tinh-bac-ninh',
      '2026-01-09',
      'Kế hoạch phổ biến pháp luật năm 2026',
      'tu-phap',
      'con-hieu-luc',
      'Chủ tịch',
      'Vương Quốc Tuấn',
      '',
    ];
    const res = await send(await xlsx(headers, [row]));
    expect(res.status).toBe(200);
    const report = await json(res);
    expect(z.safeParse(ImportReport, report).success).toBe(true);
    expect(report).toMatchObject({ dryRun: true, applied: false, proposed: true, headers });
    // "Loại VB" is no usual name of the type column: the console asks for it.
    expect(report.mapping).toEqual({
      number: 'Số, ký hiệu',
      issuer: 'CƠ QUAN BAN HÀNH',
      issuedOn: 'Ngay ban hanh',
      abstract: 'Trích yếu nội dung',
      fields: 'Lĩnh vực',
      validity: 'Tình trạng',
      signerTitle: 'Chức vụ',
      signerName: 'Người ký',
    });
    expect(report.missing).toEqual(['type']);
    expect(report.rows).toEqual([]);

    const full = await json(await send(await xlsx(['Số ký hiệu', 'Loại văn bản', ...headers.slice(2)], [row])));
    expect(full.mapping.type).toBe('Loại văn bản');
    expect(full.rows).toEqual([{ row: 2, action: 'create', number: '7/KH-UBND', id: '7-kh-ubnd-2026', errors: [], relations: [] }]);
    expect(await state()).toEqual(before);
  });

  it('a dry run says row by row what would happen and why a row is refused, and stores nothing', async () => {
    const before = await state();
    const rows = [
      vnRow(1),
      vnRow(2, { 'Loại văn bản': 'Sắc lệnh' }),
      vnRow(3, { 'Ngày ban hành': '31/02/2026', 'Lĩnh vực': 'Tư pháp, thiên văn' }),
      vnRow(4, { 'Số ký hiệu': '101 / kh-ubnd' }),
      vnRow(5, {
        'Số ký hiệu': '91/2025/QH15',
        'Loại văn bản': 'Luật',
        'Cơ quan ban hành': 'quoc-hoi',
        'Ngày ban hành': '26/6/2025',
        'Ngày hiệu lực': '2026-01-01',
      }),
      [null, null, null, null, null, null, null, null, null, null],
      vnRow(6, { 'Ngày ban hành': 45000 }),
    ];
    const res = await send(await xlsx(VN_HEADERS, rows), { mapping: MAPPING, dryRun: 'true' });
    expect(res.status).toBe(200);
    const report = await json(res);
    expect(z.safeParse(ImportReport, report).success).toBe(true);
    expect(report.counts).toEqual({ rows: 6, create: 1, update: 1, unchanged: 0, refused: 4 });
    const byRow = Object.fromEntries(report.rows.map((r: any) => [r.row, r]));
    expect(byRow[2]).toEqual({ row: 2, action: 'create', number: '101/KH-UBND', id: '101-kh-ubnd-2026', errors: [], relations: [] });
    expect(byRow[3].errors).toEqual([{ path: 'type', code: 'unknown_value', column: 'Loại văn bản', message: expect.stringContaining('"Sắc lệnh"') }]);
    expect(byRow[4].errors.map((e: any) => [e.path, e.column, e.code])).toEqual([
      ['issuedOn', 'Ngày ban hành', 'invalid_date'],
      ['fields', 'Lĩnh vực', 'unknown_value'],
    ]);
    expect(byRow[4].errors[0].message).toContain('31/02/2026');
    expect(byRow[4].errors[1].message).toContain('"thiên văn"');
    expect(byRow[5]).toMatchObject({ action: 'refused', errors: [{ path: 'number', code: 'duplicate', message: expect.stringContaining('row 2') }] });
    expect(byRow[6]).toMatchObject({ action: 'update', id: '91-2025-qh15' });
    // The blank row is skipped; the row under it keeps its own number.
    expect(byRow[8]).toMatchObject({ action: 'refused', errors: [{ path: 'issuedOn', column: 'Ngày ban hành', code: 'invalid_date' }] });
    expect(await state()).toEqual(before);
    expect(await ids('q=yen%20phong')).toEqual([]);
  });

  it('applying with one refused row writes nothing and answers 422 with the same report', async () => {
    const bytes = await xlsx(VN_HEADERS, [vnRow(11), vnRow(12), vnRow(13, { 'Tình trạng hiệu lực': 'Còn hiệu lực một nửa' })]);
    const body = await expectRefused(send(bytes, { mapping: MAPPING, dryRun: 'false' }), 422, /1 of 3 rows are refused \(rows 4\); nothing was written/);
    expect(body).toMatchObject({ status: 422, applied: false, dryRun: false, counts: { rows: 3, create: 2, refused: 1 } });
    expect(body.errors).toEqual([
      { path: 'rows.4.validity', code: 'unknown_value', message: expect.stringMatching(/^row 4, column "Tình trạng hiệu lực": unknown validity/) },
    ]);
    expect(body.rows.map((r: any) => r.action)).toEqual(['create', 'create', 'refused']);
    expect(await ids('q=so%2011%20nam%202026')).toEqual([]);
  });

  it('applying good rows creates them in one go, listed and found at once, audited with the counts; the same file again changes nothing', async () => {
    const rows = [
      [
        '31/2026/QĐ-UBND',
        'Quyết định',
        'UBND tỉnh Bắc Ninh',
        '2/3/2026',
        '',
        'Còn hiệu lực',
        'dat-dai;xay-dung-nha-o',
        'Quy định hạn mức giao đất ở tại các xã miền núi',
        'Có',
      ],
      [
        '32/KH-UBND',
        'ke-hoach',
        'ubnd-tinh-bac-ninh',
        '2026-03-04',
        '04/03/2026',
        'chua-co-hieu-luc',
        'Phổ biến, giáo dục pháp luật',
        '=Ngày Pháp luật ở thôn Đông Yên',
        '',
      ],
    ];
    const headers = [
      'Số ký hiệu',
      'Loại văn bản',
      'Cơ quan ban hành',
      'Ngày ban hành',
      'Ngày có hiệu lực',
      'Tình trạng hiệu lực',
      'Lĩnh vực',
      'Trích yếu',
      'VBQPPL',
    ];
    const file = csv(headers, rows);
    const mapping = { ...MAPPING, effectiveOn: 'Ngày có hiệu lực', normative: 'VBQPPL' };
    delete (mapping as Partial<typeof mapping>).signerName;
    const before = await state();

    const res = await send(file, { name: 'danh-muc.csv', mapping, dryRun: 'false' });
    expect(res.status).toBe(200);
    const report = await json(res);
    expect(report).toMatchObject({ applied: true, counts: { rows: 2, create: 2, update: 0, unchanged: 0, refused: 0 } });
    expect(report.rows.map((r: any) => r.id)).toEqual(['31-2026-qd-ubnd', '32-kh-ubnd-2026']);
    expect((await state()).laws).toBe(before.laws + 2);

    const listed = await ids('limit=5');
    expect(listed).toEqual(expect.arrayContaining(['32-kh-ubnd-2026', '31-2026-qd-ubnd']));
    expect(await ids('q=han%20muc%20giao%20dat')).toEqual(['31-2026-qd-ubnd']);
    const detail = await json(await t.request('/api/v1/laws/32-kh-ubnd-2026'));
    // A CSV cell starting with "=" is text, kept as typed.
    expect(detail).toMatchObject({ abstract: '=Ngày Pháp luật ở thôn Đông Yên', issuedOn: '2026-03-04', effectiveOn: '2026-03-04', normative: false });
    expect(detail.fields.map((f: any) => f.code)).toEqual(['pho-bien-giao-duc-phap-luat']);
    expect((await json(await t.request('/api/v1/laws/31-2026-qd-ubnd'))).normative).toBe(true);

    const audits = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'import-laws').execute();
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.detail!)).toMatchObject({ file: 'danh-muc.csv', rows: 2, create: 2, update: 0, refused: 0 });

    const applied = await state();
    const again = await json(await send(file, { name: 'danh-muc.csv', mapping, dryRun: 'false' }));
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 2, refused: 0 });
    expect((await state()).laws).toBe(applied.laws);

    // A correction in the province's file updates the document it names; its search text follows.
    rows[0]![7] = 'Quy định hạn mức công nhận đất ở tại các xã vùng cao';
    const corrected = await json(await send(csv(headers, rows, ';'), { name: 'danh-muc.csv', mapping, dryRun: 'false' }));
    expect(corrected.counts).toMatchObject({ update: 1, unchanged: 1 });
    expect(await ids('q=xa%20vung%20cao')).toEqual(['31-2026-qd-ubnd']);
    expect(await ids('q=mien%20nui%20han%20muc%20giao')).toEqual([]);
    expect((await state()).laws).toBe(applied.laws);
  });

  it('reads relations from their own columns, proposed from Vietnamese headers, and shows in the dry run which documents they name', async () => {
    const headers = [...VN_HEADERS, 'Sửa đổi, bổ sung', 'Thay thế', 'Bãi bỏ', 'Hướng dẫn'];
    const proposal = await json(await send(await xlsx(headers, [])));
    expect(proposal.mapping).toMatchObject({ amends: 'Sửa đổi, bổ sung', replaces: 'Thay thế', repeals: 'Bãi bỏ', guides: 'Hướng dẫn' });
    const mapping = { ...MAPPING, amends: 'Sửa đổi, bổ sung', replaces: 'Thay thế', repeals: 'Bãi bỏ', guides: 'Hướng dẫn' };
    const rows = [
      [...vnRow(41), '', '', '', '91 / 2025 / QH15;\n356/2025/NĐ-CP'],
      [...vnRow(42), '141/KH-UBND', '9/KH-UBND', '', ''],
      [...vnRow(43), '', '', 'không phải số!; 13/2023/NĐ-CP', ''],
      [...vnRow(44), '144/KH-UBND', '', '', ''],
    ];
    const before = await state();
    const dry = await json(await send(await xlsx(headers, rows), { mapping }));
    expect(dry.counts).toMatchObject({ create: 2, refused: 2 });
    const byRow = Object.fromEntries(dry.rows.map((r: any) => [r.row, r]));
    expect(byRow[2].relations).toEqual([
      { kind: 'guides', number: '91/2025/QH15', id: '91-2025-qh15' },
      { kind: 'guides', number: '356/2025/NĐ-CP', id: '356-2025-nd-cp' },
    ]);
    // A document created by an earlier row of the same file is found; one nobody published is named without a link.
    expect(byRow[3].relations).toEqual([
      { kind: 'amends', number: '141/KH-UBND', id: '141-kh-ubnd-2026' },
      { kind: 'replaces', number: '9/KH-UBND', id: null },
    ]);
    expect(byRow[4]).toMatchObject({ action: 'refused', relations: [], errors: [{ path: 'repeals', column: 'Bãi bỏ', code: 'invalid_number' }] });
    expect(byRow[4].errors[0].message).toContain('"không phải số!"');
    expect(byRow[5]).toMatchObject({ action: 'refused', errors: [{ path: 'amends', column: 'Sửa đổi, bổ sung', code: 'self_relation' }] });
    expect(await state()).toEqual(before);

    const applied = await json(await send(await xlsx(headers, rows.slice(0, 2)), { mapping, dryRun: 'false' }));
    expect(applied).toMatchObject({ applied: true, counts: { create: 2 } });
    const detail = await json(await t.request('/api/v1/laws/142-kh-ubnd-2026'));
    expect(detail.relations).toEqual([
      { kind: 'amends', number: '141/KH-UBND', id: '141-kh-ubnd-2026' },
      { kind: 'replaces', number: '9/KH-UBND', id: null },
    ]);
    expect((await json(await t.request('/api/v1/laws/141-kh-ubnd-2026'))).relations.map((r: any) => r.number)).toEqual(['91/2025/QH15', '356/2025/NĐ-CP']);

    // A file with only the "Thay thế" column changes that kind and keeps the others; the same again changes nothing.
    const onlyReplaces = { ...MAPPING, replaces: 'Thay thế' };
    const replaceRows = [[...vnRow(42), '', '10/KH-UBND', '', '']];
    const changed = await json(await send(await xlsx(headers, replaceRows), { mapping: onlyReplaces, dryRun: 'false' }));
    expect(changed.counts).toMatchObject({ update: 1 });
    expect((await json(await t.request('/api/v1/laws/142-kh-ubnd-2026'))).relations.map((r: any) => [r.kind, r.number])).toEqual([
      ['amends', '141/KH-UBND'],
      ['replaces', '10/KH-UBND'],
    ]);
    const again = await json(await send(await xlsx(headers, replaceRows), { mapping: onlyReplaces, dryRun: 'false' }));
    expect(again.counts).toMatchObject({ update: 0, unchanged: 1 });
  });

  it('gives a new document another id when an older, renumbered one holds the id its number makes', async () => {
    // An older document keeps the id its first number made; a new document of that number gets another id.
    await t.db.kysely.updateTable('laws').set({ number: '141a/KH-UBND', number_key: '141a-kh-ubnd-2026' }).where('id', '=', '141-kh-ubnd-2026').execute();
    const res = await json(await send(await xlsx(VN_HEADERS, [vnRow(41, { 'Trích yếu': 'Kế hoạch mới cùng số' })]), { mapping: MAPPING, dryRun: 'false' }));
    expect(res).toMatchObject({ applied: true, rows: [{ action: 'create', id: '141-kh-ubnd-2026-2' }] });
  });

  it('formula cells are refused with their addresses, never evaluated', async () => {
    const bytes = await xlsx(VN_HEADERS, [vnRow(21), vnRow(22, { 'Ngày ban hành': { formula: 'TODAY()', result: 46000 } })], (sheet) => {
      sheet.getCell('J2').value = { formula: 'CONCATENATE("Kế hoạch ", A2)', result: 'Kế hoạch 1' };
    });
    const body = await expectRefused(send(bytes, { mapping: MAPPING }), 422, /2 formula cells \(J2, F3\)/);
    expect(body.errors.map((e: any) => [e.path, e.code])).toEqual([
      ['J2', 'formula'],
      ['F3', 'formula'],
    ]);
  });

  it('refuses files that are not spreadsheets, too large, too long, empty or headless, and a wrong mapping', async () => {
    await expectRefused(send(tinyPdf(), { name: 'van-ban.xlsx' }), 415, /not a spreadsheet: it is a PDF/);
    await expectRefused(send(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { name: 'cu.xls' }), 415, /\(\.xls\)/);
    await expectRefused(send(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), { name: 'anh.csv' }), 415, /not a spreadsheet/);
    await expectRefused(send(zip({ 'word/document.xml': '<w:document/>' }), { name: 'van-ban.xlsx' }), 415, /no xl\/workbook\.xml/);
    await expectRefused(send(new Uint8Array([0xc3, 0x28, 0x41, 0x2c, 0x42]), { name: 'latin1.csv' }), 415, /UTF-8/);
    await expectRefused(send(new Uint8Array(MAX_BYTES + 1).fill(65), { name: 'big.csv' }), 413, /IMPORT_MAX_MB/);
    const long = Array.from({ length: MAX_ROWS + 1 }, (_, i) => vnRow(100 + i));
    await expectRefused(send(await xlsx(VN_HEADERS, long), { mapping: MAPPING }), 413, /41 rows; at most 40/);
    const streamed = await streamedXlsx(VN_HEADERS, long);
    await expectRefused(send(streamed, { mapping: MAPPING }), 413, /more than 40 rows; at most 40/);
    // The same workbook within the limit is read: its rows were counted, not refused on sight.
    expect((await json(await send(await streamedXlsx(VN_HEADERS, long.slice(0, MAX_ROWS)), { mapping: MAPPING }))).counts.rows).toBe(MAX_ROWS);
    await expectRefused(
      send(
        csv(
          VN_HEADERS,
          long.map((r) => r.map((c) => (c instanceof Date ? '05/03/2026' : (c as string | number | null)))),
        ),
        { name: 'long.csv' },
      ),
      413,
      /at most 40/,
    );
    await expectRefused(send(new Uint8Array(0), { name: 'empty.csv' }), 400, /empty/);
    await expectRefused(send(csv([], []), { name: 'blank.csv' }), 422, /no rows/);
    await expectRefused(send(await xlsx([], [[1, '101/KH-UBND']])), 422, /no header row: row 2/);

    const unknown = await expectRefused(send(await xlsx(VN_HEADERS, [vnRow(1)]), { mapping: { ...MAPPING, type: 'Hình thức', extra: 'x' } }), 400, /.*/);
    expect(unknown.errors.map((e: any) => e.path).sort()).toEqual(['mapping.extra']);
    const wrong = await expectRefused(send(await xlsx(VN_HEADERS, [vnRow(1)]), { mapping: { ...MAPPING, type: 'Hình thức' } }), 400, /.*/);
    expect(wrong.errors).toEqual([expect.objectContaining({ path: 'mapping.type', code: 'unknown_column' })]);
    const apply = await expectRefused(send(await xlsx(VN_HEADERS, [vnRow(1)]), { dryRun: 'false' }), 400, /.*/);
    expect(apply.errors).toEqual([expect.objectContaining({ path: 'mapping', code: 'required' })]);
  });

  it('needs a staff token and multipart/form-data', async () => {
    const bytes = await xlsx(VN_HEADERS, [vnRow(1)]);
    await expectRefused(send(bytes, { token: null }), 401, /.*/);
    await expectRefused(send(bytes, { token: 'pbgdpl_not-a-real-token' }), 401, /.*/);
    const notForm = t.request('/api/v1/admin/laws/imports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.editor}`, 'Content-Type': 'text/csv' },
      body: 'a,b',
    });
    await expectRefused(notForm, 415, /multipart\/form-data/);
  });
});
