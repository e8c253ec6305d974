import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ProblemError } from '../../http/problem.js';
import { zipEntries, zipEntryPrefix, type ZipEntry } from '../zip-entries.js';

export type Cell = string | number | boolean | Date | null;
export interface SheetRow {
  /** The row number the spreadsheet shows. */
  row: number;
  cells: Cell[];
}
export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** A workbook part larger than this unpacked is refused before it is parsed (a ZIP can hold far more than it weighs). */
const PART_MAX_BYTES = 100 * 1024 * 1024;
/** Formula cells named in a refusal; a sheet full of them needs no longer list. */
const LISTED_FORMULAS = 20;

/**
 * The first sheet of an XLSX workbook, or a CSV file, as a header row and the rows under it. Told
 * apart by content, not name: an XLSX is a ZIP whose directory lists xl/workbook.xml; anything else
 * must be UTF-8 text. Refuses (problem+json) an empty file, more than `maxRows` rows (before a
 * workbook is loaded, from each sheet's XML), formula cells and a missing header row.
 */
export async function readSheet(bytes: Uint8Array, maxRows: number): Promise<Sheet> {
  if (bytes.length === 0) throw new ProblemError(400, 'the file is empty');
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) throw notSpreadsheet('it is an Excel 97–2003 workbook (.xls); save it as "Excel Workbook (.xlsx)" and import that');
  // Plain ASCII, so it would pass as UTF-8 text.
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) throw notSpreadsheet('it is a PDF document');
  const isZip = starts(0x50, 0x4b, 3, 4);
  const grid = isZip ? await readXlsx(bytes, maxRows) : readCsv(bytes, maxRows);
  return withHeaders(grid);
}

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<SheetRow[]> {
  const entries = zipEntries(bytes);
  if (!entries.has('xl/workbook.xml')) throw notSpreadsheet('it is a ZIP file but not an XLSX workbook (no xl/workbook.xml)');
  for (const entry of entries.values()) {
    if (entry.size > PART_MAX_BYTES) throw new ProblemError(413, `the workbook's part ${entry.name} unpacks to more than ${PART_MAX_BYTES / 1024 / 1024} MB`);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const rows = sheetRows(bytes, entry, maxRows + 1);
    if (rows > maxRows + 1) throw tooManyRows(maxRows, rows === Infinity ? null : rows - 1);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw notSpreadsheet('it looks like an XLSX workbook but cannot be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ProblemError(422, 'the workbook has no sheet');
  if (sheet.rowCount > maxRows + 1) throw tooManyRows(maxRows, sheet.rowCount - 1);
  const rows: SheetRow[] = [];
  const formulas: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
      else cells[column - 1] = cellValue(cell.value);
    });
    rows.push({ row: number, cells: Array.from(cells, (c) => c ?? null) });
  });
  if (formulas.length) {
    const listed = formulas.slice(0, LISTED_FORMULAS);
    throw new ProblemError(
      422,
      `the sheet has ${formulas.length} formula cell${formulas.length > 1 ? 's' : ''} (${listed.join(', ')}${formulas.length > listed.length ? ', …' : ''}); ` +
        'formulas are never evaluated: copy the sheet and paste it as values (Paste Special → Values), then import that',
      listed.map((address) => ({ path: address, code: 'formula', message: `cell ${address} holds a formula; import its value instead` })),
    );
  }
  return rows;
}

/**
 * The rows of a sheet, read from its XML without loading it: Excel writes <dimension ref="A1:M5000"/>
 * near the top; other writers leave it out, and then the <row> elements are counted in a growing
 * inflated prefix, stopping past `limit` (Infinity then: more than the limit, not counted further).
 */
function sheetRows(bytes: Uint8Array, entry: ZipEntry, limit: number): number {
  const head = zipEntryPrefix(bytes, entry, 4096)?.data.toString('utf8', 0, 4096) ?? '';
  const last = /<dimension\s+ref="[A-Z]*\d*(?::[A-Z]+(\d+))?"/.exec(head)?.[1];
  if (last) return Number(last);
  for (let compressed = 64 * 1024; ; compressed *= 4) {
    const prefix = zipEntryPrefix(bytes, entry, compressed);
    if (!prefix) throw new ProblemError(413, `the workbook's part ${entry.name} cannot be read within the size limits`);
    const rows = prefix.data.toString('utf8').match(/<(?:\w+:)?row[\s>]/g)?.length ?? 0;
    if (rows > limit) return Infinity;
    if (prefix.whole) return rows;
  }
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  // exceljs types a link's text as a string; a styled one arrives as rich text.
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text);
  if ('error' in value) return value.error;
  return null;
}

function readCsv(bytes: Uint8Array, maxRows: number): SheetRow[] {
  let text: string;
  try {
    // A BOM (as Excel writes "CSV UTF-8") is dropped by the decoder.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notSpreadsheet('it is neither an XLSX workbook nor UTF-8 text; in Excel, save as "Excel Workbook (.xlsx)" or "CSV UTF-8"');
  }
  // eslint-disable-next-line no-control-regex -- text files have no control characters but tab and line ends
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) throw notSpreadsheet('it holds binary data, not CSV text');
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, to: maxRows + 2 });
  } catch (error) {
    throw new ProblemError(422, `the CSV file cannot be read: ${(error as Error).message}`);
  }
  if (records.length > maxRows + 1) throw tooManyRows(maxRows, null);
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) }));
}

/** Excel writes CSV with the separator of the computer's region: a comma, a semicolon, or a tab. Counted in the first line, outside quotes. */
function delimiterOf(text: string): string {
  const line = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** The first non-empty row names the columns (a column without a name is not read); no two may have the same name. */
function withHeaders(rows: SheetRow[]): Sheet {
  const filled = rows.filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
  const head = filled[0];
  if (!head) throw new ProblemError(422, 'the sheet has no rows: not even a header row');
  const notText = head.cells.findIndex((c) => c !== null && typeof c !== 'string');
  if (notText >= 0) {
    throw new ProblemError(
      422,
      `no header row: row ${head.row} (the first with content) has a ${head.cells[notText] instanceof Date ? 'date' : 'number'} in column ${columnName(notText)}; ` +
        'the first row must name the columns, such as "Số ký hiệu", "Loại văn bản", "Ngày ban hành"',
    );
  }
  const headers = head.cells.map((c) => (typeof c === 'string' ? c.trim().replace(/\s+/g, ' ') : ''));
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!h) return;
    const before = seen.get(h);
    if (before !== undefined) throw new ProblemError(422, `the header "${h}" names two columns (${columnName(before)} and ${columnName(i)}); rename one`);
    seen.set(h, i);
  });
  return { headers, rows: filled.slice(1) };
}

export const columnName = (index: number): string => (index >= 26 ? columnName(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

const notSpreadsheet = (why: string) => new ProblemError(415, `the file is not a spreadsheet: ${why}`);
const tooManyRows = (max: number, rows: number | null) =>
  new ProblemError(
    413,
    `the sheet has ${rows === null ? 'more than ' + max.toLocaleString('en') : rows.toLocaleString('en')} rows; at most ${max.toLocaleString('en')} are imported at once: split the file`,
  );
