/**
 * Folds Vietnamese text for matching what people type without diacritics:
 * "Đất đai" → "dat dai". đ/Đ are letters of their own, not a letter plus a
 * combining mark, so NFD alone leaves them in place.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A URL-safe identifier made from a document number: "356/2025/NĐ-CP" → "356-2025-nd-cp". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
