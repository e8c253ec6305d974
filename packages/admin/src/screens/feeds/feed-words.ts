import type { FeedErrorCode, FeedRun, FeedRunItem } from '@pbgdpl/contract';
import { messages, t } from '../../i18n.js';

/** What the feed screens say about runs and items, in the console's language (the API's English `error`/`reason` is only a detail). */
const m = messages({
  vi: {
    running: 'Đang chạy',
    ok: 'Hoàn tất',
    failed: 'Lỗi',
    interrupted: 'Bị gián đoạn',
    schedule: 'Theo lịch',
    manual: 'Chạy tay',
    unreachable: 'Không kết nối được tới địa chỉ nguồn tin.',
    timeout: 'Nguồn tin không trả lời kịp thời gian cho phép.',
    http: 'Máy chủ của nguồn tin báo lỗi (trang không có hoặc bị chặn).',
    'too-large': 'Nguồn tin lớn hơn dung lượng cho phép (FEED_MAX_MB).',
    unreadable: 'Nội dung không phải RSS, Atom hay JSON Feed đọc được.',
    storage: 'Không lưu được văn bản vào cơ sở dữ liệu; không văn bản nào của lần chạy được lưu.',
    'no-number': 'Không tìm thấy số ký hiệu (ví dụ 12/2025/QĐ-UBND) trong tiêu đề hay mô tả.',
    'no-type': 'Không xác định được loại văn bản và nguồn tin không đặt loại mặc định.',
    'no-issuer': 'Không xác định được cơ quan ban hành và nguồn tin không đặt cơ quan mặc định.',
    'no-date': 'Không có ngày ban hành (ngày dd/mm/yyyy) và không có ngày đăng.',
    invalid: 'Thông tin đọc được không hợp lệ để đăng văn bản.',
    'same-in-feed': 'Trùng số ký hiệu với một mục phía trên của cùng nguồn tin.',
    exists: 'Đã có văn bản cùng số ký hiệu: bỏ qua.',
    create: 'Thêm mới',
    duplicate: 'Trùng, bỏ qua',
    refused: 'Bị từ chối',
    counts: (c: FeedRun['counts']) => `${c.seen} mục: ${c.created} văn bản mới, ${c.duplicates} trùng, ${c.refused} bị từ chối`,
  },
  en: {
    running: 'Running',
    ok: 'Finished',
    failed: 'Failed',
    interrupted: 'Interrupted',
    schedule: 'Scheduled',
    manual: 'Run by hand',
    unreachable: 'The feed address cannot be reached.',
    timeout: 'The feed did not answer in the time allowed.',
    http: "The feed's server answered with an error (page missing or blocked).",
    'too-large': 'The feed is larger than allowed (FEED_MAX_MB).',
    unreadable: 'The content is not a readable RSS, Atom or JSON Feed.',
    storage: 'The documents could not be stored; none of this run was.',
    'no-number': 'No document number (such as 12/2025/QĐ-UBND) in the title or the description.',
    'no-type': 'The type of document is unknown and the feed sets no default type.',
    'no-issuer': 'The issuer is unknown and the feed sets no default issuer.',
    'no-date': 'No date of issue (dd/mm/yyyy) and no publication date.',
    invalid: 'What was read is not valid for a document.',
    'same-in-feed': 'Same number as an earlier item of this feed.',
    exists: 'A document with this number exists: skipped.',
    create: 'New',
    duplicate: 'Duplicate, skipped',
    refused: 'Refused',
    counts: (c: FeedRun['counts']) => `${c.seen} items: ${c.created} new documents, ${c.duplicates} duplicates, ${c.refused} refused`,
  },
});

export const runStateLabel = (state: FeedRun['state']) => t(m)[state];
export const triggerLabel = (trigger: FeedRun['trigger']) => t(m)[trigger];
export const runErrorText = (code: FeedErrorCode | null) => (code ? t(m)[code] : '');
export const actionLabel = (action: FeedRunItem['action']) => t(m)[action];
export const countsText = (counts: FeedRun['counts']) => t(m).counts(counts);
export const itemNote = (item: FeedRunItem) => (item.reasonCode ? t(m)[item.reasonCode] : item.action === 'duplicate' ? t(m).exists : '');
/** The badge class of a run's state: colour is never the only sign, the label says it too. */
export const stateClass = (state: FeedRun['state']) => (state === 'ok' ? 'ok' : state === 'failed' ? 'danger' : state === 'interrupted' ? 'warn' : '');
