import { foldVietnamese } from '@pbgdpl/contract';
import { cellDate, type Lists } from '../import/cell-values.js';
import type { FeedItem } from './parse-feed.js';

export interface FeedDefaults {
  defaultType: string | null;
  defaultIssuer: string | null;
  defaultField: string;
}

/** What an item says of its document, before the schema and the write check it. */
export interface ItemDocument {
  number: string;
  type: string;
  issuer: string;
  issuedOn: string;
  validity: 'con-hieu-luc';
  fields: string[];
  abstract: string;
  url?: string;
}

export type ReadItem =
  { ok: true; law: ItemDocument } | { ok: false; number: string | null; code: 'no-number' | 'no-type' | 'no-issuer' | 'no-date'; reason: string };

/**
 * A document number as portals print it: "12/2025/QĐ-UBND", "91/2025/QH15", "184/KH-UBND", "766/QĐ-TTg".
 * Digits, an optional year, then a symbol starting with a capital letter.
 */
const NUMBER = String.raw`\d{1,5}(?:\/(?:19|20)\d{2})?\/\p{Lu}[\p{L}\p{N}]*(?:-\p{Lu}[\p{L}\p{N}]*)*`;
const AFTER_SO = new RegExp(String.raw`(?:^|[^\p{L}])(?:số|so)\s*:?\s*(${NUMBER})`, 'iu');
const ANYWHERE = new RegExp(String.raw`(?<![\p{L}\p{N}/])(${NUMBER})`, 'u');

/** The kind of document a number's symbol names before its dash (QĐ-UBND → Quyết định); folded. */
const TYPE_SYMBOLS: Record<string, string> = {
  qd: 'quyet-dinh',
  nq: 'nghi-quyet',
  nqlt: 'nghi-quyet-lien-tich',
  nd: 'nghi-dinh',
  tt: 'thong-tu',
  ttlt: 'thong-tu-lien-tich',
  kh: 'ke-hoach',
  ct: 'chi-thi',
  tb: 'thong-bao',
  hd: 'huong-dan',
};

/** The issuer a number's symbol names after its dash, when that names one body (UBND alone names no province). */
const ISSUER_SYMBOLS: [RegExp, string][] = [
  [/^cp$/, 'chinh-phu'],
  [/^ttg$/, 'thu-tuong-chinh-phu'],
  [/^btp$/, 'bo-tu-phap'],
  [/^btttt$/, 'bo-thong-tin-va-truyen-thong'],
  [/^ubtvqh\d*$/, 'uy-ban-thuong-vu-quoc-hoi'],
  [/^qh\d*$/, 'quoc-hoi'],
];

/** Long names portals write out in full, as the lists abbreviate them. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\buy ban nhan dan\b/g, 'ubnd'],
  [/\bhoi dong nhan dan\b/g, 'hdnd'],
];
const foldTitle = (text: string) => ABBREVIATIONS.reduce((t, [long, short]) => t.replace(long, short), foldVietnamese(text).replace(/\s+/g, ' '));

/** Labels of a list, folded, longest first: "Nghị quyết liên tịch" is tried before "Nghị quyết". */
const labelsOf = (map: Map<string, string>) =>
  [...map.entries()].filter(([label]) => label.includes(' ') || label.length > 3).sort((a, b) => b[0].length - a[0].length);

/** Whether `phrase` is in `text` as whole words. */
function hasPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if ((before === undefined || !/[a-z0-9]/.test(before)) && (after === undefined || !/[a-z0-9]/.test(after))) return true;
  }
  return false;
}

function numberOf(...texts: string[]): string | null {
  for (const re of [AFTER_SO, ANYWHERE])
    for (const text of texts) {
      const hit = re.exec(text);
      if (hit?.[1]) return hit[1];
    }
  return null;
}

function typeOf(lists: Lists, title: string, number: string): string | null {
  const folded = foldTitle(title);
  for (const [label, code] of labelsOf(lists.type)) if (folded === label || folded.startsWith(`${label} `)) return code;
  const symbol = number.slice(number.lastIndexOf('/') + 1);
  if (!symbol.includes('-')) return null;
  const code = TYPE_SYMBOLS[foldVietnamese(symbol.split('-')[0]!)];
  return code && lists.type.has(code) ? code : null;
}

function issuerOf(lists: Lists, title: string, number: string): string | null {
  const folded = foldTitle(title);
  for (const [label, code] of labelsOf(lists.issuer)) if (hasPhrase(folded, `cua ${label}`)) return code;
  const symbol = number.slice(number.lastIndexOf('/') + 1);
  const body = foldVietnamese(symbol.split('-').at(-1)!);
  const code = ISSUER_SYMBOLS.find(([re]) => re.test(body))?.[1];
  return code && lists.issuer.has(code) ? code : null;
}

const DATE_NUMERIC = /\bngay\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
const DATE_WORDS = /\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b/;

/** "ngày 03/11/2025" or "ngày 3 tháng 11 năm 2025" in the title or the description; else the day it was posted, in Vietnam. */
function issuedOnOf(item: FeedItem): string | null {
  for (const text of [item.title, item.description]) {
    const folded = foldVietnamese(text);
    const hit = DATE_NUMERIC.exec(folded) ?? DATE_WORDS.exec(folded);
    if (!hit) continue;
    const read = cellDate(`${hit[1]}/${hit[2]}/${hit[3]}`);
    if (read.ok && read.value) return read.value;
  }
  if (!item.published) return null;
  const posted = new Date(item.published);
  return Number.isNaN(posted.getTime()) ? null : posted.toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
}

/**
 * An item as a document: the number from the title (after "số", else the first that looks like one)
 * or the description; the type from the title's first words, else the number's symbol (QĐ-…), else
 * the feed's; the issuer named after "của" in the title, else by the symbol (…-CP), else the
 * feed's; the date of issue after "ngày"; the description as abstract (the title when there is none);
 * the link as full text. Refused, with the reason, when something a document needs cannot be read.
 */
export function readItem(item: FeedItem, lists: Lists, defaults: FeedDefaults): ReadItem {
  const number = numberOf(item.title, item.description);
  if (!number) return { ok: false, number: null, code: 'no-number', reason: 'no document number (such as 12/2025/QĐ-UBND) in the title or the description' };
  const type = typeOf(lists, item.title, number) ?? defaults.defaultType;
  if (!type)
    return { ok: false, number, code: 'no-type', reason: 'the type of document is neither in the title nor in the number, and the feed sets no default type' };
  const issuer = issuerOf(lists, item.title, number) ?? defaults.defaultIssuer;
  if (!issuer)
    return {
      ok: false,
      number,
      code: 'no-issuer',
      reason: 'the issuer is not named in the title ("của …") nor by the number, and the feed sets no default issuer',
    };
  const issuedOn = issuedOnOf(item);
  if (!issuedOn) return { ok: false, number, code: 'no-date', reason: 'no date of issue ("ngày dd/mm/yyyy") and no publication date' };
  const abstract = item.description || item.title;
  const url = item.link ?? undefined;
  return { ok: true, law: { number, type, issuer, issuedOn, validity: 'con-hieu-luc', fields: [defaults.defaultField], abstract, ...(url ? { url } : {}) } };
}
