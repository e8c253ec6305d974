/**
 * The search text of migration 0003 as the code made it when that migration was written (commit
 * 3d5c03b: foldVietnamese from the contract, searchText and lawSearchText from
 * search/text-search.ts, questionSearchText and htmlToText from questions/questions.queries.ts).
 * Frozen here: a migration must do the same thing on a database migrated today as it did then,
 * whatever the live code has become since. Do not change it; write a new migration instead.
 */

function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function searchText(...parts: string[]): string {
  const words = foldVietnamese(parts.join(' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${words} `;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export const lawSearchText = (l: { number: string; abstract: string; type: string; issuer: string; signer: string | null; fields: string[] }) =>
  searchText(l.number, l.abstract, l.type, l.issuer, l.signer ?? '', ...l.fields);

export const questionSearchText = (q: { title: string; content: string; answer_html?: string | null }) =>
  searchText(q.title, q.content, htmlToText(q.answer_html ?? ''));
