import type { ImportField } from '@pbgdpl/contract';
import { ApiError, NetworkError } from '../../api.js';
import { formatNumber } from '../../format.js';
import { lang, type Both } from '../../i18n.js';

/** The import's fields as staff name them, in the order the mapping form lists them. */
export const FIELD_LABELS: Record<ImportField, Both> = {
  number: { vi: 'Số ký hiệu', en: 'Number' },
  type: { vi: 'Loại văn bản', en: 'Type' },
  issuer: { vi: 'Cơ quan ban hành', en: 'Issuer' },
  signerName: { vi: 'Người ký', en: 'Signer' },
  signerTitle: { vi: 'Chức vụ người ký', en: "Signer's title" },
  issuedOn: { vi: 'Ngày ban hành', en: 'Issued on' },
  effectiveOn: { vi: 'Ngày có hiệu lực', en: 'Effective from' },
  expiresOn: { vi: 'Ngày hết hiệu lực', en: 'Expires on' },
  validity: { vi: 'Tình trạng hiệu lực', en: 'Validity' },
  fields: { vi: 'Lĩnh vực', en: 'Fields' },
  abstract: { vi: 'Trích yếu', en: 'Abstract' },
  url: { vi: 'Đường dẫn toàn văn', en: 'Full-text link' },
  normative: { vi: 'Là văn bản quy phạm pháp luật', en: 'Normative (VBQPPL)' },
  amends: { vi: 'Sửa đổi, bổ sung (số văn bản)', en: 'Amends (numbers)' },
  replaces: { vi: 'Thay thế (số văn bản)', en: 'Replaces (numbers)' },
  repeals: { vi: 'Bãi bỏ (số văn bản)', en: 'Repeals (numbers)' },
  guides: { vi: 'Hướng dẫn (số văn bản)', en: 'Guides (numbers)' },
};
export const IMPORT_FIELDS = Object.keys(FIELD_LABELS) as ImportField[];
export const REQUIRED: ReadonlySet<ImportField> = new Set(['number', 'type', 'issuer', 'issuedOn', 'validity', 'fields', 'abstract']);
export const fieldLabel = (field: string) => FIELD_LABELS[field as ImportField]?.[lang()] ?? field;

const say = (vi: string, en: string) => (lang() === 'vi' ? vi : en);

/**
 * Why a whole file was refused, in plain words chosen by status and what the problem names; the
 * API's English detail only decides between cases, it is not shown alone.
 */
export function fileProblemText(error: unknown): string {
  if (error instanceof NetworkError)
    return say('Mất kết nối mạng: tệp chưa được gửi. Kiểm tra mạng rồi thử lại.', 'The network is down: the file was not sent.');
  if (!(error instanceof ApiError)) return say('Có lỗi không mong đợi. Hãy thử lại.', 'Something unexpected went wrong. Try again.');
  const detail = error.problem?.detail ?? '';
  const errors = error.problem?.errors ?? [];
  if (error.status === 415) {
    if (detail.includes('.xls)'))
      return say(
        'Đây là tệp Excel 97–2003 (.xls). Hãy mở tệp trong Excel, chọn Lưu thành “Excel Workbook (.xlsx)”, rồi nhập tệp mới.',
        'This is an Excel 97–2003 workbook (.xls). Save it as "Excel Workbook (.xlsx)" and import that.',
      );
    if (detail.includes('PDF'))
      return say('Đây là tệp PDF, không phải bảng tính. Hãy chọn tệp Excel (.xlsx) hoặc CSV.', 'This is a PDF document, not a spreadsheet.');
    if (detail.includes('UTF-8'))
      return say(
        'Tệp không phải Excel (.xlsx) cũng không phải CSV mã UTF-8. Trong Excel, chọn Lưu thành “CSV UTF-8” hoặc “Excel Workbook (.xlsx)”.',
        'The file is neither XLSX nor UTF-8 CSV: save it as "CSV UTF-8" or "Excel Workbook (.xlsx)".',
      );
    return say('Tệp không phải bảng tính. Chỉ nhận tệp Excel (.xlsx) hoặc CSV.', 'The file is not a spreadsheet: only XLSX or CSV files are accepted.');
  }
  if (error.status === 413) {
    const rows = /has (more than )?([\d,]+) rows; at most ([\d,]+)/.exec(detail);
    if (rows) {
      const [, more, count, max] = rows;
      const n = (s: string) => formatNumber(Number(s.replace(/,/g, '')));
      return say(
        `Bảng tính có ${more ? 'hơn ' : ''}${n(count!)} dòng; mỗi lần chỉ nhập được tối đa ${n(max!)} dòng. Hãy chia thành nhiều tệp.`,
        `The sheet has ${more ? 'more than ' : ''}${n(count!)} rows; at most ${n(max!)} are imported at once. Split the file.`,
      );
    }
    return say(
      'Tệp quá lớn so với giới hạn cho phép (IMPORT_MAX_MB). Hãy chia thành nhiều tệp nhỏ hơn.',
      'The file is larger than allowed (IMPORT_MAX_MB). Split it.',
    );
  }
  const formulas = errors.filter((e) => e.code === 'formula').map((e) => e.path);
  if (formulas.length)
    return say(
      `Bảng tính có ô chứa công thức (${formulas.join(', ')}): công thức không bao giờ được tính. Hãy sao chép trang tính, dán dạng giá trị (Paste Special → Values), rồi nhập tệp đó.`,
      `The sheet has formula cells (${formulas.join(', ')}); formulas are never evaluated. Paste the sheet as values (Paste Special → Values) and import that.`,
    );
  if (detail.includes('no header row'))
    return say(
      'Không thấy dòng tiêu đề: dòng đầu tiên có nội dung phải là tên các cột, như “Số ký hiệu”, “Loại văn bản”, “Ngày ban hành”.',
      'No header row: the first row must name the columns, such as "Số ký hiệu", "Loại văn bản".',
    );
  if (detail.includes('no rows')) return say('Bảng tính không có dòng nào.', 'The sheet has no rows.');
  if (detail.includes('names two columns')) return say(`Hai cột có cùng tên tiêu đề: hãy đổi tên một cột (${detail}).`, detail);
  if (detail.includes('no sheet')) return say('Tệp Excel không có trang tính nào.', 'The workbook has no sheet.');
  if (error.status === 400 && detail.includes('empty')) return say('Tệp rỗng.', 'The file is empty.');
  if (error.status === 400 && errors.some((e) => e.path.startsWith('mapping')))
    return say(
      `Cách ghép cột chưa đúng: ${errors.map((e) => e.message).join('; ')}`,
      `The column mapping is wrong: ${errors.map((e) => e.message).join('; ')}`,
    );
  if (error.status === 403) return say('Tài khoản của bạn không được nhập văn bản.', 'Your account may not import documents.');
  return say(`Không nhập được tệp (${detail || `HTTP ${error.status}`}).`, `The file could not be imported (${detail || `HTTP ${error.status}`}).`);
}
