import { foldVietnamese, IMPORT_FIELDS, ImportMapping, REQUIRED_IMPORT_FIELDS, type ImportField } from '@pbgdpl/contract';
import type { FieldError } from '../../http/problem.js';
import { InputError, validOrThrow } from '../../http/validate.js';

/** Our field → the index of its column. */
export type Columns = Partial<Record<ImportField, number>>;

/**
 * Headers as provinces write them, folded (no diacritics, lower case, punctuation as spaces).
 * Earlier names win, and one header serves one field: "Hiệu lực" alone is the validity, not a date.
 */
const KNOWN: Record<ImportField, string[]> = {
  number: ['so ky hieu', 'so ky hieu van ban', 'so hieu', 'so hieu van ban', 'so van ban', 'ky hieu', 'so'],
  type: ['loai van ban', 'loai', 'hinh thuc van ban', 'the loai'],
  issuer: ['co quan ban hanh', 'don vi ban hanh', 'noi ban hanh', 'co quan'],
  signerName: ['nguoi ky', 'ho ten nguoi ky', 'nguoi ky van ban'],
  signerTitle: ['chuc vu nguoi ky', 'chuc danh nguoi ky', 'chuc vu', 'chuc danh'],
  issuedOn: ['ngay ban hanh', 'ngay ky', 'ngay thang ban hanh', 'ngay ky ban hanh'],
  effectiveOn: ['ngay hieu luc', 'ngay co hieu luc', 'hieu luc tu ngay', 'ngay bat dau hieu luc', 'ngay ap dung'],
  expiresOn: ['ngay het hieu luc', 'het hieu luc tu ngay', 'het hieu luc ngay'],
  validity: ['tinh trang hieu luc', 'trang thai hieu luc', 'tinh trang', 'hieu luc', 'trang thai'],
  fields: ['linh vuc', 'cac linh vuc', 'linh vuc van ban'],
  abstract: ['trich yeu', 'trich yeu noi dung', 'noi dung trich yeu', 'ten van ban', 'tieu de', 'noi dung'],
  url: ['duong dan', 'lien ket', 'duong dan toan van', 'toan van', 'link', 'url'],
  normative: ['vbqppl', 'la vbqppl', 'van ban quy pham phap luat', 'quy pham phap luat', 'van ban quy pham'],
  // "Văn bản bị thay thế" (the one replaced) is this document's relation; "Văn bản thay thế" (the one replacing it) is the other way round.
  amends: ['sua doi bo sung', 'sua doi', 'van ban duoc sua doi bo sung', 'van ban bi sua doi bo sung', 'sua doi bo sung van ban', 'bo sung'],
  replaces: ['thay the', 'van ban bi thay the', 'thay the van ban'],
  repeals: ['bai bo', 'van ban bi bai bo', 'bai bo van ban', 'huy bo', 'van ban bi huy bo'],
  guides: ['huong dan', 'huong dan thi hanh', 'van ban duoc huong dan', 'huong dan van ban', 'quy dinh chi tiet', 'quy dinh chi tiet van ban'],
};

export const foldHeader = (header: string) =>
  foldVietnamese(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A mapping guessed from the headers: each field to the first header that is one of its usual names (or the field's own name). */
export function proposeMapping(headers: string[]): Partial<ImportMapping> {
  const folded = headers.map(foldHeader);
  const taken = new Set<number>();
  const mapping: Partial<Record<ImportField, string>> = {};
  const rank = (field: ImportField, index: number) => [foldHeader(field), ...KNOWN[field]].indexOf(folded[index]!);
  // The best-ranked name first, so "Chức vụ người ký" goes to the title even when a plain "Chức vụ" comes earlier.
  for (const field of IMPORT_FIELDS) {
    const candidates = folded.map((_, i) => [i, rank(field, i)] as const).filter(([i, r]) => r >= 0 && !taken.has(i) && headers[i]);
    const best = candidates.sort((a, b) => a[1] - b[1])[0];
    if (best) {
      taken.add(best[0]);
      mapping[field] = headers[best[0]];
    }
  }
  return mapping;
}

export const missingFields = (mapping: Partial<ImportMapping>): ImportField[] => REQUIRED_IMPORT_FIELDS.filter((f) => !mapping[f]);

/**
 * The mapping staff sent (JSON), checked: known fields, every required one, headers of this file
 * (compared as the proposal compares them, so "so ky hieu" finds "Số ký hiệu"). 400 naming each problem.
 */
export async function sentMapping(json: string, headers: string[]): Promise<{ mapping: ImportMapping; columns: Columns }> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new InputError([
      { path: 'mapping', code: 'invalid_json', message: 'must be a JSON object such as {"number": "Số ký hiệu", "type": "Loại văn bản", …}' },
    ]);
  }
  const checked = await validOrThrow(ImportMapping, value).catch((error: unknown) => {
    if (error instanceof InputError) throw new InputError(error.errors.map((e) => ({ ...e, path: `mapping${e.path ? '.' + e.path : ''}` })));
    throw error;
  });
  const folded = headers.map(foldHeader);
  const errors: FieldError[] = [];
  const mapping = {} as Record<ImportField, string>;
  const columns: Columns = {};
  for (const field of IMPORT_FIELDS) {
    const header = checked[field];
    if (header === undefined) continue;
    const index = folded.indexOf(foldHeader(header));
    if (index < 0 || !headers[index]) {
      errors.push({
        path: `mapping.${field}`,
        code: 'unknown_column',
        message: `no column is headed "${header}"; the headers are: ${headers.filter(Boolean).join(', ')}`,
      });
    } else {
      mapping[field] = headers[index];
      columns[field] = index;
    }
  }
  if (errors.length) throw new InputError(errors);
  return { mapping: mapping, columns };
}

export const columnsOf = (mapping: Partial<ImportMapping>, headers: string[]): Columns =>
  Object.fromEntries(Object.entries(mapping).map(([field, header]) => [field, headers.indexOf(header)]));
