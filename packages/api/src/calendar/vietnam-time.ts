import { sql, type RawBuilder } from 'kysely';

/**
 * Days and months as the province counts them (Asia/Ho_Chi_Minh: UTC+7 all year, Vietnam keeps no
 * summer time), over timestamps stored as ISO text in UTC: a question sent at 17:30 UTC arrived
 * "tomorrow" for the staff who answer it.
 */
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The province's day (YYYY-MM-DD) an instant falls on. */
export const vietnamDay = (at: Date | string): string => new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The province's month (YYYY-MM) an instant falls in. */
export const vietnamMonth = (at: Date | string) => vietnamDay(at).slice(0, 7);

/** The UTC instant (ISO) at which the province's day `isoDate` begins: what created_at timestamps compare with. */
export const vietnamDayStart = (isoDate: string): string => new Date(Date.parse(`${isoDate}T00:00:00Z`) - OFFSET_MS).toISOString();

/** The UTC instant (ISO) at which the province's month `YYYY-MM` begins. */
export const vietnamMonthStart = (month: string) => vietnamDayStart(`${month}-01`);

/** Midnight UTC of the province's day of `at`: what addWorkingDays counts from. */
export const vietnamDate = (at: Date): Date => new Date(`${vietnamDay(at)}T00:00:00Z`);

/** The day after `isoDate`. */
export const nextDay = (isoDate: string): string => new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The month `n` months after `month` (before, when negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * The UTC hour of a timestamp column ("2026-03-31T17"): rows grouped by it are few (at most 24 a
 * day), the same on both engines, and each hour falls in one local day, so callers fold the hours
 * into local months in code.
 */
export const utcHour = (column: string): RawBuilder<string> => sql<string>`substr(${sql.ref(column)}, 1, 13)`;

/** The local month of a utcHour() value. */
export const monthOfHour = (hour: string) => vietnamMonth(`${hour}:00:00Z`);

/** A day (YYYY-MM-DD, or the day part of a timestamp's text) as people in Vietnam write it: 03/12/2026. */
export const formatVietnamDate = (day: string | null | undefined): string => (day ? day.slice(0, 10).split('-').reverse().join('/') : '');

/** An instant as people in Vietnam write it, in Vietnam's time: "03/12/2026 14:05". */
export function formatVietnamDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const local = new Date(at.getTime() + OFFSET_MS).toISOString();
  return `${formatVietnamDate(local)} ${local.slice(11, 16)}`;
}
