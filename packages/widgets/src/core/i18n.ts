import type { Lang } from './lang.js';

/** A widget's strings in both languages; the Vietnamese set defines the keys. */
export const dictionary = <T extends Record<string, string>>(vi: T, en: { [K in keyof T]: string }) => ({ vi, en }) as Record<Lang, T>;

/** dd/mm/yyyy, as dates are written in Vietnamese documents. */
export const formatDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

const two = (n: number) => String(n).padStart(2, '0');

/** "06:45 22/11/2026" in the reader's own time zone. */
export const formatDateTime = (d: Date) => `${two(d.getHours())}:${two(d.getMinutes())} ${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;

export const common = dictionary(
  {
    retry: 'Thử lại',
    loading: 'Đang tải…',
    error: 'Không tải được dữ liệu. Vui lòng thử lại.',
    offline: 'Không có kết nối mạng. Nội dung sẽ hiện khi có mạng trở lại.',
    partOffline: 'Chưa có mạng nên chưa mở được biểu mẫu. Biểu mẫu sẽ mở khi có mạng trở lại.',
    offlineCached: 'Bạn đang ngoại tuyến. Đang hiển thị dữ liệu đã lưu lúc {time}.',
    staleCached: 'Không cập nhật được. Đang hiển thị dữ liệu đã lưu lúc {time}.',
    newTab: '(mở trong thẻ mới)',
  },
  {
    retry: 'Try again',
    loading: 'Loading…',
    error: 'Could not load the data. Please try again.',
    offline: 'No network connection. The content will appear when you are back online.',
    partOffline: 'No network, so the form could not open yet. It will open when you are back online.',
    offlineCached: 'You are offline. Showing data saved at {time}.',
    staleCached: 'Could not refresh. Showing data saved at {time}.',
    newTab: '(opens in a new tab)',
  },
);

export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
