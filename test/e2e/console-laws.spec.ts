import { expect, test, type Page } from '@playwright/test';
import { tinyPdf } from '../../packages/api/test/support/files.js';
import { XSS_FLAG, XSS_PAYLOADS } from '../../packages/widgets/src/test-support/xss-corpus.js';
import { ADMIN_TOKEN, API } from '../../playwright.config.js';
import { expectAxeClean, signIn } from './console-support.js';

/**
 * Documents and imports in the console (docs/console/documents.md): a document published with an
 * attachment shows first in the latest-laws widget; its number again is refused with a link to it;
 * a spreadsheet of 50 documents with bad rows is refused row by row, fixed, applied, and its
 * documents reach the widget; text carrying the XSS corpus runs nowhere; the document is withdrawn
 * after a confirmation. axe on every state; the staff guide's screenshots.
 */
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/images/console/documents-${name}.png` });
const todayVn = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()); // dd/mm/yyyy
const run = 1000 + Math.floor(Math.random() * 8000);
const HEADERS = [
  'STT',
  'Số ký hiệu',
  'Loại văn bản',
  'Cơ quan ban hành',
  'Người ký',
  'Ngày ban hành',
  'Tình trạng hiệu lực',
  'Lĩnh vực',
  'Trích yếu',
  'Thay thế',
];
const payloads = XSS_PAYLOADS.map((p) => p.html).filter((h) => h.length <= 900);

/** A CSV as Excel's "CSV UTF-8" writes it; rows 7, 19 and 33 of the file are bad unless `fixed`. */
function sheet(fixed: boolean): Buffer {
  const quote = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = Array.from({ length: 50 }, (_, i) => {
    const n = i + 1;
    const row = [
      String(n),
      `${run}${String(n).padStart(2, '0')}/KH-STP`,
      'Kế hoạch',
      'UBND tỉnh Bắc Ninh',
      'Nguyễn Văn Hùng',
      todayVn(),
      'Còn hiệu lực',
      'Tư pháp; Phổ biến, giáo dục pháp luật',
      // Every payload of the corpus rides in some abstract, as a province's file might carry it.
      `Kế hoạch tuyên truyền số ${n} ${payloads[i % payloads.length]}`,
      n % 10 === 0 ? `${n}/KH-UBND; 91/2025/QH15` : '',
    ];
    if (!fixed && n === 6) row[2] = 'Sắc lệnh';
    if (!fixed && n === 18) row[5] = '31/02/2026';
    if (!fixed && n === 32) row[9] = 'không phải số!';
    return row;
  });
  return Buffer.from(`\uFEFF${[HEADERS, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function expectNothingRan(page: Page, dialogs: string[]) {
  expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // No element a payload would bring made it into any shadow root of the console.
  const injected = await page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) && !(el.tagName === 'SCRIPT' && root === document)) found.push(el.tagName);
        for (const a of el.getAttributeNames()) if (/^on/i.test(a)) found.push(`${el.tagName}[${a}]`);
        if (/^\s*javascript:/i.test(el.getAttribute('href') ?? '')) found.push(`${el.tagName}[href=javascript:]`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  });
  expect(injected).toEqual([]);
}

test.describe('documents and imports in the console', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  test.describe.configure({ timeout: 180_000 });

  test('publish with a file, refuse a duplicate, import 50 documents, withdraw', async ({ page, context, request }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const number = `${run}/KH-STP`;

    await signIn(page, 'laws');
    await expect(page.getByRole('heading', { level: 1, name: 'Văn bản pháp luật' })).toBeVisible();
    await expect(page.locator('pa-laws tbody tr').first()).toBeVisible();
    // Labels, never codes: the sample's types and validity read as words.
    await expect(page.locator('pa-laws tbody')).toContainText('Còn hiệu lực');
    await expect(page.locator('pa-laws tbody')).not.toContainText('con-hieu-luc');
    await page.getByLabel('Tìm kiếm').fill('bao ve du lieu ca nhan');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect(page.locator('pa-laws tbody')).toContainText('91/2025/QH15');
    await expectAxeClean(page);
    await shot(page, 'list');

    // A new document.
    await page.getByRole('link', { name: 'Đăng văn bản mới' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng văn bản mới' })).toBeVisible();
    const editor = page.locator('pa-law-editor');
    await editor.locator('#number').fill(number);
    await editor.locator('#type').selectOption({ label: 'Kế hoạch' });
    await editor.locator('#issuer').selectOption({ label: 'UBND tỉnh Bắc Ninh' });
    await editor.locator('#signerName').fill('Nguyễn Thị Lan');
    await editor.locator('#signerTitle').fill('Phó Chủ tịch');
    await editor.locator('#issuedOn').fill(todayVn());
    await editor.locator('#effectiveOn').fill(todayVn());
    await editor.getByLabel('Tư pháp', { exact: true }).check();
    await editor.locator('#abstract').fill('Kế hoạch phổ biến pháp luật về bảo vệ dữ liệu cá nhân cho cán bộ cấp xã');
    await editor.getByLabel('Tìm văn bản theo số ký hiệu hoặc trích yếu').fill('91/2025');
    await editor.getByLabel('Quan hệ').selectOption({ label: 'Hướng dẫn' });
    await editor.getByRole('button', { name: 'Tìm', exact: true }).click();
    await editor.getByRole('button', { name: 'Thêm: 91/2025/QH15' }).click();
    await expect(editor.locator('pa-relation-picker li').first()).toContainText('91/2025/QH15');
    await expectAxeClean(page);
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await shot(page, 'new');
    await editor.getByRole('button', { name: 'Đăng văn bản' }).click();
    await expect(editor.locator('#notice')).toContainText('Đã đăng văn bản');
    await expect(editor.getByRole('link', { name: 'Xem như người dân thấy' })).toHaveAttribute('href', '/agency.html');
    const id = new URL(page.url()).hash.replace(/^#\/laws\/([^?]+).*$/, '$1');
    expect(id).toMatch(/kh-stp/);

    // A file, with progress, then listed.
    await editor.getByLabel('Chọn tệp PDF hoặc DOCX').setInputFiles({ name: 'toan-van.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf()) });
    await editor.getByRole('button', { name: 'Tải lên' }).click();
    await expect(editor.getByRole('link', { name: 'toan-van.pdf' })).toBeVisible();
    // A file that is not a PDF by its content is refused in words.
    await editor.getByLabel('Chọn tệp PDF hoặc DOCX').setInputFiles({ name: 'anh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('GIF89a not a pdf') });
    await editor.getByRole('button', { name: 'Tải lên' }).click();
    await expect(editor.locator('pa-law-attachments .notice.error')).toContainText('không phải PDF hoặc DOCX');
    await expectAxeClean(page);
    await editor.locator('pa-law-attachments').scrollIntoViewIfNeeded();
    await shot(page, 'attachments');

    // First in the widget of a department's page.
    const citizen = await context.newPage();
    await citizen.goto(`${API}/agency.html`);
    await expect(citizen.locator('#main-laws li.item').first().locator('.number')).toContainText(number);
    await citizen.close();

    // The same number again: refused, naming the other document with a link to it.
    await page.goto(`${API}/admin/#/laws/new`);
    await editor.locator('#number').fill(number);
    await editor.locator('#type').selectOption({ label: 'Kế hoạch' });
    await editor.locator('#issuer').selectOption({ label: 'UBND tỉnh Bắc Ninh' });
    await editor.locator('#issuedOn').fill(todayVn());
    await editor.getByLabel('Tư pháp', { exact: true }).check();
    await editor.locator('#abstract').fill('Bản nhập trùng số');
    await editor.getByRole('button', { name: 'Đăng văn bản' }).click();
    const duplicate = editor.locator('#duplicate');
    await expect(duplicate).toContainText(`Số ký hiệu ${number} đã là số của một văn bản khác`);
    await expect(duplicate.getByRole('link')).toHaveAttribute('href', `#/laws/${id}`);
    await expect(duplicate).toBeFocused();
    await expectAxeClean(page);
    await shot(page, 'duplicate');

    // A date that is not a date is said next to its input, and nothing is sent.
    await editor.locator('#issuedOn').fill('31/02/2026');
    await editor.getByRole('button', { name: 'Đăng văn bản' }).click();
    await expect(editor.locator('#issuedOn-error')).toContainText('Không phải ngày');
    await expect(editor.locator('#issuedOn')).toBeFocused();

    // Import: the file with bad rows, its dry run refusing them row by row.
    await page.goto(`${API}/admin/#/imports`);
    const screen = page.locator('pa-import');
    await expect(page.getByRole('heading', { level: 1, name: 'Nhập văn bản từ tệp Excel' })).toBeVisible();
    await screen.getByLabel('Tệp Excel (.xlsx) hoặc CSV').setInputFiles({ name: 'van-ban.csv', mimeType: 'text/csv', buffer: sheet(false) });
    await screen.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    await expect(screen.locator('#step3')).toBeFocused();
    await expect(screen).toContainText('50 dòng: 47 tạo mới, 0 cập nhật, 0 không đổi, 3 bị từ chối.');
    // The proposal, as a form: "Thay thế" found from its header, "STT" ignored.
    await expect(screen.locator('pa-import-mapping').getByLabel('Thay thế')).toHaveValue('replaces');
    await expect(screen.locator('pa-import-mapping').getByLabel('STT')).toHaveValue('');
    await expect(screen.getByRole('button', { name: /^Nhập 50 dòng/ })).toBeDisabled();
    await expectAxeClean(page);
    await screen.locator('pa-import-mapping').scrollIntoViewIfNeeded();
    await shot(page, 'import-mapping');
    await screen.getByRole('button', { name: 'Chỉ xem các dòng bị từ chối' }).click();
    const rows = screen.locator('pa-import-rows tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('Cột “Loại văn bản”: Không có trong danh mục');
    await expect(rows.nth(1)).toContainText('Cột “Ngày ban hành”');
    await expect(rows.nth(2)).toContainText('Cột “Thay thế”: Không phải số ký hiệu');
    await expectNothingRan(page, dialogs);
    await expectAxeClean(page);
    await screen.locator('pa-import-rows').scrollIntoViewIfNeeded();
    await shot(page, 'import-dry-run');

    // A workbook that is not one is refused in plain words.
    await screen
      .getByLabel('Tệp Excel (.xlsx) hoặc CSV')
      .setInputFiles({ name: 'cu.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
    await screen.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    await expect(screen.locator('#problem')).toContainText('Excel 97–2003 (.xls)');

    // The file fixed: every row passes, and applying writes them all.
    await screen.getByLabel('Tệp Excel (.xlsx) hoặc CSV').setInputFiles({ name: 'van-ban.csv', mimeType: 'text/csv', buffer: sheet(true) });
    await screen.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    await expect(screen).toContainText('50 dòng: 50 tạo mới, 0 cập nhật, 0 không đổi, 0 bị từ chối.');
    await screen.getByRole('button', { name: 'Nhập 50 dòng (tất cả hoặc không dòng nào)' }).click();
    await expect(screen.locator('#outcome')).toContainText('Đã nhập xong: 50 văn bản mới');
    await expect(screen.locator('pa-import-rows tbody tr').first().getByRole('link')).toHaveAttribute('href', /#\/laws\/\d+-kh-stp-\d{4}/);
    await expectNothingRan(page, dialogs);
    await expectAxeClean(page);
    await shot(page, 'import-applied');

    const citizen2 = await context.newPage();
    await citizen2.goto(`${API}/agency.html`);
    await expect(citizen2.locator('#main-laws li.item .number').first()).toContainText(/\d+\/KH-STP/);
    await expect(citizen2.locator('#main-laws')).toContainText(/KH-STP/);
    await citizen2.close();

    // The imported abstracts are text in the list too.
    await page.goto(`${API}/admin/#/laws?q=${encodeURIComponent('KH-STP')}`);
    await expect(page.locator('pa-laws tbody tr').first()).toBeVisible();
    await expectNothingRan(page, dialogs);

    // Withdrawing, after a confirmation.
    await page.goto(`${API}/admin/#/laws/${id}`);
    await editor.getByRole('button', { name: 'Thu hồi văn bản' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Thu hồi văn bản này?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Huỷ' })).toBeFocused();
    await expectAxeClean(page);
    await shot(page, 'withdraw');
    await dialog.getByRole('button', { name: 'Thu hồi', exact: true }).click();
    await expect(editor.locator('#gone')).toContainText('đã bị thu hồi');
    await page.goto(`${API}/admin/#/laws?status=withdrawn&q=${encodeURIComponent(number)}`);
    await expect(page.locator('pa-laws tbody tr').first()).toContainText('Đã thu hồi');

    // The imported documents withdrawn too, so the other specs see the sample documents they expect.
    const listed = await request.get(`${API}/api/v1/admin/laws?q=KH-STP&limit=50&status=published`, { headers: auth });
    for (const item of ((await listed.json()) as { items: { id: string }[] }).items) {
      expect((await request.delete(`${API}/api/v1/admin/laws/${item.id}`, { headers: auth })).status()).toBe(200);
    }
  });
});
