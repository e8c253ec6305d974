import { slugify } from '@pbgdpl/contract';

/**
 * A readable, stable id from the document number: "91/2025/QH15" → "91-2025-qh15".
 * Numbers without a year (766/QĐ-TTg) repeat across years, so those get the year of issue.
 */
export function lawId(number: string, issuedOn: string): string {
  return /\/(19|20)\d\d\//.test(number) ? slugify(number) : slugify(`${number} ${issuedOn.slice(0, 4)}`);
}
