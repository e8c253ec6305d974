import { DocumentNumber, foldVietnamese, type Meta } from '@pbgdpl/contract';
import * as z from 'zod/mini';
import type { Cell } from './read-sheet.js';

export type Read<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (code: string, message: string): Read<never> => ({ ok: false, code, message });

/** A cell as text: numbers as written, a date cell as YYYY-MM-DD; empty is null. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return isoDay(cell);
  const text = String(cell).trim();
  return text === '' ? null : text;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A date as people type it: dd/mm/yyyy, d/m/yyyy (also with - or .), yyyy-mm-dd, or a real date
 * cell (exceljs reads those at midnight UTC). A number is refused: a date cell formatted as a number is ambiguous.
 */
export function cellDate(cell: Cell): Read<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? no('invalid_date', 'is not a date') : ok(isoDay(cell));
  const text = String(cell).trim();
  if (text === '') return ok(null);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  const help = 'write it dd/mm/yyyy (such as 01/07/2025) or yyyy-mm-dd, or make the cell a date';
  if (!y || !m || !d) return no('invalid_date', `"${text}" is not a date: ${help}`);
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || isoDay(date) !== iso)
    return no('invalid_date', `"${text}" is not a real calendar date (day ${d} of month ${m}): ${help}`);
  return ok(iso);
}

const YES = new Set(['co', 'x', 'yes', 'true', '1', 'dung', 'phai']);
const NO = new Set(['khong', 'no', 'false', '0', 'sai']);

/** "Có"/"x"/"yes"/"1" or "Không"/"no"/"0"; empty leaves it to the type's habit. */
export function cellFlag(cell: Cell): Read<boolean | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'boolean') return ok(cell);
  const folded = foldVietnamese(String(cell));
  if (folded === '') return ok(null);
  if (YES.has(folded)) return ok(true);
  if (NO.has(folded)) return ok(false);
  return no('invalid_value', `"${String(cell)}" is neither yes ("Có", "x", "1") nor no ("Không", "0")`);
}

export type ListName = 'type' | 'issuer' | 'field' | 'validity';
/** Codes of GET /api/v1/meta's lists, found by code or by label (Vietnamese or English), with or without diacritics. */
export type Lists = Record<ListName, Map<string, string>>;

export function listsOf(vi: Meta, en: Meta): Lists {
  const index = (...lists: { code: string; label: string }[][]) => {
    const map = new Map<string, string>();
    for (const list of lists) for (const { code, label } of list) map.set(foldVietnamese(label), code).set(code, code);
    return map;
  };
  return {
    type: index(vi.types, en.types),
    issuer: index(vi.issuers, en.issuers),
    field: index(vi.fields, en.fields),
    validity: index(vi.validity, en.validity),
  };
}

const WHAT: Record<ListName, string> = { type: 'type', issuer: 'issuer', field: 'field', validity: 'validity' };

export function cellCode(lists: Lists, list: ListName, text: string): Read<string> {
  const code = lists[list].get(foldVietnamese(text)) ?? lists[list].get(text.trim());
  return code ? ok(code) : no('unknown_value', `unknown ${WHAT[list]} "${text}"; write one of the labels or codes GET /api/v1/meta lists`);
}

/**
 * Several fields in one cell, separated by ";" or ",". A label may hold a comma itself ("Phổ biến, giáo dục pháp luật"):
 * a part separated by ";" is looked up whole before it is split at its commas.
 */
export function cellCodes(lists: Lists, text: string): Read<string[]> {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const whole = cellCode(lists, 'field', part);
    if (whole.ok) {
      codes.push(whole.value);
      continue;
    }
    for (const piece of part
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const one = cellCode(lists, 'field', piece);
      if (one.ok) codes.push(one.value);
      else unknown.push(piece);
    }
  }
  if (unknown.length)
    return no(
      'unknown_value',
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; write labels or codes GET /api/v1/meta lists, separated by ; or ,`,
    );
  return ok([...new Set(codes)]);
}

/**
 * Document numbers in one cell, as a relation column holds them: separated by ";", "," or line
 * breaks (a number never holds those), each written as POST /api/v1/admin/laws takes it ("91 / 2025 / QH15" is 91/2025/QH15).
 */
export function cellNumbers(text: string): Read<string[]> {
  const numbers: string[] = [];
  const bad: string[] = [];
  for (const part of text
    .split(/[;,\r\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const read = z.safeParse(DocumentNumber, part);
    if (read.success) numbers.push(read.data);
    else bad.push(part);
  }
  if (bad.length)
    return no(
      'invalid_number',
      `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length > 1 ? 'are not document numbers' : 'is not a document number'} such as 91/2025/QH15; separate several with ; or a line break`,
    );
  return ok([...new Set(numbers)]);
}
