import { lang } from './i18n.js';

/** Staff work in Vietnam's time: a question sent at 23:30 UTC arrived "tomorrow" for them. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayParts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeParts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** dd/mm/yyyy for a date (2026-12-03) or an instant (2026-12-03T17:30:00Z, shown on Vietnam's calendar); "" for nothing. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = DATE_ONLY.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : dayParts.format(at);
}

/** dd/mm/yyyy hh:mm in Vietnam's time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return `${dayParts.format(at)} ${timeParts.format(at)}`;
}

/** Today's date in Vietnam, as YYYY-MM-DD. */
export function todayInVietnam(now = new Date()): string {
  const [d, m, y] = dayParts.format(now).split('/');
  return `${y}-${m}-${d}`;
}

/**
 * What staff type for a date, as the API wants it (YYYY-MM-DD), or null when it is not a date:
 * 3/12/2026, 03-12-2026, 03.12.2026 and 2026-12-03 all mean the 3rd of December.
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  const iso = DATE_ONLY.exec(s);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : vn ? [+vn[3]!, +vn[2]!, +vn[1]!] : [NaN, NaN, NaN];
  if (!Number.isInteger(y)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export const formatNumber = (n: number) => new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB').format(n);

export const formatPercent = (share: number) =>
  new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);
