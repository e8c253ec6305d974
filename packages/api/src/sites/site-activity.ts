import type { Kysely } from 'kysely';
import type { SiteActivity } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { addMonths, monthOfHour, monthsFrom, utcHour, vietnamMonth, vietnamMonthStart } from '../calendar/vietnam-time.js';

const DAYS = 90;
const WEEKS = 26;
const MONTHS = 12;
const DAY_MS = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday (YYYY-MM-DD) of the week `day` falls in. */
export function weekOf(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return isoDay(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS);
}

/** Counts per local month of the rows of `table` from `site`, over the months given. */
async function perMonth(db: Kysely<Tables>, table: 'questions' | 'feedback', site: string, months: string[]) {
  const hour = utcHour('created_at');
  const rows = await db
    .selectFrom(table)
    .select([hour.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_key', '=', site)
    .where('created_at', '>=', vietnamMonthStart(months[0]!))
    .where('created_at', '<', vietnamMonthStart(addMonths(months.at(-1)!, 1)))
    .groupBy(hour)
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(monthOfHour(r.hour), (counts.get(monthOfHour(r.hour)) ?? 0) + Number(r.n));
  return counts;
}

/**
 * What a site read and received over time: verified page views per day and per week (the usage
 * counter's days are UTC days), questions and feedback per local month. Every period is listed,
 * empty ones with 0, so a chart has no holes.
 */
export async function siteActivity(db: Kysely<Tables>, site: string, now = new Date()): Promise<SiteActivity> {
  const today = now.toISOString().slice(0, 10);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const firstWeek = isoDay(Date.parse(`${weekOf(today)}T00:00:00Z`) - (WEEKS - 1) * 7 * DAY_MS);
  const firstDay = isoDay(todayMs - (DAYS - 1) * DAY_MS);
  const since = firstWeek < firstDay ? firstWeek : firstDay;
  const thisMonth = vietnamMonth(now);
  const months = monthsFrom(addMonths(thisMonth, -(MONTHS - 1)), thisMonth);

  const [views, questions, feedback] = await Promise.all([
    db
      .selectFrom('page_views_daily')
      .select(['day', (eb) => eb.fn.sum<number>('views').as('views')])
      .where('site_key', '=', site)
      .where('registered', '=', 1)
      .where('day', '>=', since)
      .groupBy('day')
      .execute(),
    perMonth(db, 'questions', site, months),
    perMonth(db, 'feedback', site, months),
  ]);
  const byDay = new Map(views.map((v) => [v.day, Number(v.views)]));
  const byWeek = new Map<string, number>();
  for (const [day, n] of byDay) byWeek.set(weekOf(day), (byWeek.get(weekOf(day)) ?? 0) + n);

  return {
    site,
    days: Array.from({ length: DAYS }, (_, i) => isoDay(todayMs - (DAYS - 1 - i) * DAY_MS)).map((day) => ({ day, views: byDay.get(day) ?? 0 })),
    weeks: Array.from({ length: WEEKS }, (_, i) => isoDay(Date.parse(`${firstWeek}T00:00:00Z`) + i * 7 * DAY_MS)).map((week) => ({
      week,
      views: byWeek.get(week) ?? 0,
    })),
    months: months.map((month) => ({ month, questions: questions.get(month) ?? 0, feedback: feedback.get(month) ?? 0 })),
  };
}
