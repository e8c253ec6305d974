import type { Law } from '@pbgdpl/contract';
import { lang, type Both } from '../../i18n.js';

export type RelationKind = Law['relations'][number]['kind'];

/** What the documents screens and the import screen both say: relation kinds and field errors. */

export const RELATION_KINDS: readonly RelationKind[] = ['amends', 'replaces', 'repeals', 'guides'];

const RELATION_LABELS: Record<RelationKind, Both> = {
  amends: { vi: 'Sửa đổi, bổ sung', en: 'Amends' },
  replaces: { vi: 'Thay thế', en: 'Replaces' },
  repeals: { vi: 'Bãi bỏ', en: 'Repeals' },
  guides: { vi: 'Hướng dẫn', en: 'Guides' },
};
export const relationLabel = (kind: string) => RELATION_LABELS[kind as RelationKind]?.[lang()] ?? kind;

/**
 * A field error of the API (problem+json `errors[]`) in the console's language, chosen by its code;
 * the API's own English message follows in brackets when the console is in Vietnamese, as the detail
 * (which value, which row) is in it.
 */
const CODES: Record<string, Both> = {
  required: { vi: 'Cần điền', en: 'Required' },
  unknown_value: { vi: 'Không có trong danh mục', en: 'Not in the lists' },
  invalid_date: { vi: 'Không phải ngày hợp lệ (dd/mm/yyyy)', en: 'Not a valid date (dd/mm/yyyy)' },
  invalid_value: { vi: 'Giá trị không hợp lệ', en: 'Invalid value' },
  invalid_number: { vi: 'Không phải số ký hiệu văn bản (ví dụ 91/2025/QH15)', en: 'Not a document number (such as 91/2025/QH15)' },
  self_relation: { vi: 'Văn bản không thể liên quan đến chính nó', en: 'A document cannot relate to itself' },
  duplicate: { vi: 'Số ký hiệu bị trùng', en: 'Duplicate number' },
  withdrawn: { vi: 'Văn bản cùng số đã bị thu hồi, không sửa được', en: 'The document with this number was withdrawn; it cannot be changed' },
  too_early: { vi: 'Ngày hết hiệu lực phải sau ngày có hiệu lực', en: 'Must not be before the effective or issue date' },
  too_small: { vi: 'Quá ngắn hoặc còn trống', en: 'Too short or empty' },
  too_big: { vi: 'Quá dài', en: 'Too long' },
  invalid_format: { vi: 'Sai định dạng', en: 'Wrong format' },
  invalid_type: { vi: 'Sai kiểu dữ liệu', en: 'Wrong kind of value' },
  conflict: { vi: 'Xung đột với văn bản khác', en: 'Conflicts with another document' },
};

export function errorText(error: { code: string; message: string }): string {
  const known = CODES[error.code];
  if (!known) return error.message;
  return lang() === 'vi' ? `${known.vi} (${error.message})` : `${known.en}: ${error.message}`;
}
