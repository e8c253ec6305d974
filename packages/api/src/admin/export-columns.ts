import type { Kysely } from 'kysely';
import {
  CONSENT_PURPOSE_WORDS,
  FEEDBACK_KIND_WORDS,
  FEEDBACK_STATUS_WORDS,
  QUESTION_STATUS_WORDS,
  wordFor,
  type AdminFeedback,
  type AdminQuestion,
} from '@pbgdpl/contract';
import { formatVietnamDate, formatVietnamDateTime } from '../calendar/vietnam-time.js';
import type { Tables } from '../db/schema.js';
import type { CsvValue } from './csv.js';

/**
 * The columns of the staff exports, as the people who open them in Excel read them: Vietnamese
 * headings, labels instead of codes (the site's name, the field's name, "Đã trả lời"), dates as
 * dd/mm/yyyy in Vietnam's time.
 */
export interface Names {
  sites: Map<string, string>;
  fields: Map<string, string>;
}

type Column<T> = [heading: string, value: (item: T, names: Names) => CsvValue];

const purposes = (codes: readonly string[]) => codes.map((p) => wordFor(CONSENT_PURPOSE_WORDS, p)).join('; ');
const name = (map: Map<string, string>, code: string | null) => (code ? (map.get(code) ?? code) : '');

export const QUESTION_COLUMNS: Column<AdminQuestion>[] = [
  ['Mã tra cứu', (i) => i.trackingCode],
  ['Trang', (i, n) => name(n.sites, i.site)],
  ['Lĩnh vực', (i, n) => name(n.fields, i.field)],
  ['Trạng thái', (i) => wordFor(QUESTION_STATUS_WORDS, i.status)],
  ['Ngày gửi', (i) => formatVietnamDateTime(i.createdAt)],
  ['Hạn trả lời', (i) => formatVietnamDate(i.dueOn)],
  ['Họ và tên', (i) => i.name],
  ['Thư điện tử', (i) => i.email],
  ['Số điện thoại', (i) => i.phone],
  ['Tiêu đề', (i) => i.title],
  ['Nội dung câu hỏi', (i) => i.content],
  ['Trả lời', (i) => i.answerHtml],
  ['Văn bản trích dẫn', (i) => i.citations.map((x) => `${x.number}${x.article ? ` ${x.article}` : ''}`).join('; ')],
  ['Người trả lời', (i) => i.answeredBy],
  ['Ngày trả lời', (i) => formatVietnamDateTime(i.answeredAt)],
  ['Công khai', (i) => (i.published ? 'Có' : 'Không')],
  ['Mục đích được đồng ý', (i) => purposes(i.consent.purposes)],
  ['Phiên bản thông báo', (i) => i.consent.noticeVersion],
  ['Ngày đồng ý', (i) => formatVietnamDateTime(i.consent.givenAt)],
  ['Trang gửi', (i) => i.pageUrl],
];

export const FEEDBACK_COLUMNS: Column<AdminFeedback>[] = [
  ['Mã góp ý', (i) => i.id],
  ['Trang', (i, n) => name(n.sites, i.site)],
  ['Loại', (i) => wordFor(FEEDBACK_KIND_WORDS, i.kind)],
  ['Văn bản', (i) => i.document],
  ['Mức hài lòng (1–5)', (i) => i.rating],
  ['Nội dung', (i) => i.message],
  ['Liên hệ', (i) => i.contact],
  ['Trang gửi', (i) => i.pageUrl],
  ['Trạng thái', (i) => wordFor(FEEDBACK_STATUS_WORDS, i.status)],
  ['Phản hồi', (i) => i.reply],
  ['Người phản hồi', (i) => i.repliedBy],
  ['Ngày phản hồi', (i) => formatVietnamDateTime(i.repliedAt)],
  ['Ngày gửi', (i) => formatVietnamDateTime(i.createdAt)],
  ['Mục đích được đồng ý', (i) => purposes(i.consent.purposes)],
  ['Phiên bản thông báo', (i) => i.consent.noticeVersion],
  ['Ngày đồng ý', (i) => formatVietnamDateTime(i.consent.givenAt)],
];

export async function exportNames(db: Kysely<Tables>): Promise<Names> {
  const [sites, fields] = await Promise.all([
    db.selectFrom('sites').select(['key', 'name']).execute(),
    db.selectFrom('fields').select(['code', 'name_vi']).execute(),
  ]);
  return { sites: new Map(sites.map((s) => [s.key, s.name])), fields: new Map(fields.map((f) => [f.code, f.name_vi])) };
}

export async function exportTable<T>(db: Kysely<Tables>, columns: Column<T>[], items: T[]) {
  const names = await exportNames(db);
  return { header: columns.map(([heading]) => heading), rows: items.map((item) => columns.map(([, value]) => value(item, names))) };
}
