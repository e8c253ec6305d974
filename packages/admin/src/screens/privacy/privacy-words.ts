import type { PurgeCounts, PurgeRun } from '@pbgdpl/contract';
import { formatNumber } from '../../format.js';
import { lang, type Both } from '../../i18n.js';

const pick = (table: Record<string, Both>, code: string) => table[code]?.[lang()] ?? code;

const MAIL_STATES: Record<string, Both> = {
  pending: { vi: 'Chờ gửi', en: 'Waiting' },
  sending: { vi: 'Đang gửi', en: 'Sending' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  failed: { vi: 'Không gửi được', en: 'Failed' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
};
export const mailStateLabel = (code: string) => pick(MAIL_STATES, code);

const RUN_STATES: Record<PurgeRun['state'], Both> = {
  running: { vi: 'Đang chạy', en: 'Running' },
  done: { vi: 'Hoàn tất', en: 'Done' },
  failed: { vi: 'Lỗi', en: 'Failed' },
  interrupted: { vi: 'Bị gián đoạn', en: 'Interrupted' },
};
export const runStateLabel = (s: PurgeRun['state']) => pick(RUN_STATES, s);
export const runStateClass = (s: PurgeRun['state']) => (s === 'done' ? 'ok' : s === 'running' ? '' : 'danger');

const TRIGGERS: Record<PurgeRun['trigger'], Both> = {
  daily: { vi: 'Tự động hằng ngày', en: 'Daily schedule' },
  manual: { vi: 'Chạy ngay', en: 'Run now' },
};
export const triggerLabel = (s: PurgeRun['trigger']) => pick(TRIGGERS, s);

export const purgeCountsText = (c: PurgeCounts | null) => {
  if (!c) return '';
  const [q, f, m] = [formatNumber(c.questions), formatNumber(c.feedback), formatNumber(c.mail)];
  return lang() === 'vi'
    ? `Xoá thông tin người hỏi của ${q} câu hỏi, liên hệ của ${f} góp ý; xoá ${m} thư đã gửi`
    : `Erased the asker of ${q} questions, the contact of ${f} feedback; deleted ${m} sent mails`;
};
