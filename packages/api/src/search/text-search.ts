import { foldVietnamese } from '@pbgdpl/contract';
import { sql, type RawBuilder } from 'kysely';

/**
 * What a row is searched by: its words folded ("Đất đai" → "dat dai"), separated by single spaces,
 * with a space at each end, so a search can ask for whole words: "hon" must not find "không".
 */
export function searchText(...parts: string[]): string {
  const words = foldVietnamese(parts.join(' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${words} `;
}

/** Nothing visible was typed (spaces, control characters): no search at all. */
export const isBlank = (q: string | undefined) => !q || q.replace(/[\s\p{Cc}]/gu, '') === '';

/** The words of what a citizen typed, folded; at most 12. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return foldVietnamese(q)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 12);
}

/**
 * Conditions that every word appears in `column` as a whole word; the last word may be the start
 * of one, since people search while they type ("dat da" finds "đất đai"). Words are letters and
 * digits only, so nothing in them is special to LIKE.
 */
export function matchesWords(column: string, terms: string[]): RawBuilder<boolean>[] {
  return terms.map((term, i) => {
    const pattern = i === terms.length - 1 ? `% ${term}%` : `% ${term} %`;
    return sql<boolean>`${sql.ref(column)} like ${pattern}`;
  });
}

/** What a legal document is found by: number, abstract, type, issuer, signer and fields. */
export const lawSearchText = (l: { number: string; abstract: string; type: string; issuer: string; signer: string | null; fields: string[] }) =>
  searchText(l.number, l.abstract, l.type, l.issuer, l.signer ?? '', ...l.fields);
