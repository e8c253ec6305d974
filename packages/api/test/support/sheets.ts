import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type SheetCell = string | number | Date | boolean | null | { formula: string; result?: string | number };

/** The headers a Sở Tư pháp's list of documents has, in its order. */
export const VN_HEADERS = [
  'STT',
  'Số ký hiệu',
  'Loại văn bản',
  'Cơ quan ban hành',
  'Người ký',
  'Ngày ban hành',
  'Ngày hiệu lực',
  'Tình trạng hiệu lực',
  'Lĩnh vực',
  'Trích yếu',
];

/** The mapping a staff member would send for a sheet under VN_HEADERS. */
export const VN_MAPPING = {
  number: 'Số ký hiệu',
  type: 'Loại văn bản',
  issuer: 'Cơ quan ban hành',
  signerName: 'Người ký',
  issuedOn: 'Ngày ban hành',
  effectiveOn: 'Ngày hiệu lực',
  validity: 'Tình trạng hiệu lực',
  fields: 'Lĩnh vực',
  abstract: 'Trích yếu',
};

/** One document's row under VN_HEADERS. */
export const vnRow = (i: number, over: Partial<Record<string, SheetCell>> = {}): SheetCell[] => {
  const row: Record<string, SheetCell> = {
    STT: i,
    'Số ký hiệu': `${100 + i}/KH-UBND`,
    'Loại văn bản': 'Kế hoạch',
    'Cơ quan ban hành': 'UBND tỉnh Bắc Ninh',
    'Người ký': 'Nguyễn Văn Hùng',
    'Ngày ban hành': '05/03/2026',
    'Ngày hiệu lực': new Date(Date.UTC(2026, 2, 5)),
    'Tình trạng hiệu lực': 'Còn hiệu lực',
    'Lĩnh vực': 'Tư pháp; Phổ biến, giáo dục pháp luật',
    'Trích yếu': `Kế hoạch tuyên truyền pháp luật số ${i} năm 2026 tại xã Yên Phong`,
    ...over,
  };
  return VN_HEADERS.map((h) => row[h] ?? null);
};

/** An XLSX workbook as Excel would save it: the headers, then the rows; dates as date cells. */
export async function xlsx(headers: string[], rows: SheetCell[][], more?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục văn bản');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    }),
  );
  more?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** CSV as Excel's "CSV UTF-8" writes it: a BOM, CRLF, quotes where needed. */
export function csv(headers: string[], rows: (string | number | null)[][], delimiter = ','): Uint8Array {
  const quote = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [headers, ...rows].map((r) => r.map(quote).join(delimiter)).join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/** A workbook written as a stream, as big exports are: such a sheet has no <dimension> to say its size. */
export async function streamedXlsx(headers: string[], rows: SheetCell[][]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = writer.addWorksheet('Danh mục văn bản');
  sheet.addRow(headers).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
