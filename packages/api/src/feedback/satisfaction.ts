import type { Kysely } from 'kysely';
import { SATISFACTION_TARGET, type Satisfaction, type SatisfactionMonth, type SatisfactionTarget } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import type { Staff } from '../security/staff.js';
import { addMonths, monthOfHour, monthsFrom, utcHour, vietnamMonth, vietnamMonthStart } from '../calendar/vietnam-time.js';

/** Decision 766/QĐ-TTg and the provinces' plans aim at 90% of citizens satisfied by 2030. */
export const DEFAULT_TARGET = SATISFACTION_TARGET.default;
const TARGET = 'satisfaction_target';

/** A rating of 4 or 5 (of 5) counts as satisfied. */
const SATISFIED_FROM = 4;

const percent = (satisfied: number, ratings: number) => (ratings ? Math.round((satisfied / ratings) * 1000) / 10 : null);

export async function satisfactionTarget(db: Kysely<Tables>): Promise<SatisfactionTarget> {
  const row = await db.selectFrom('settings').selectAll().where('key', '=', TARGET).executeTakeFirst();
  return row
    ? { target: Number(JSON.parse(row.value)), updatedAt: row.updated_at, updatedBy: row.updated_by }
    : { target: DEFAULT_TARGET, updatedAt: null, updatedBy: null };
}

export async function setSatisfactionTarget(db: Kysely<Tables>, staff: Staff, target: number): Promise<SatisfactionTarget> {
  const values = { value: JSON.stringify(target), updated_at: new Date().toISOString(), updated_by: staff.name };
  await db
    .insertInto('settings')
    .values({ key: TARGET, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
  return satisfactionTarget(db);
}

/**
 * The share of satisfied ratings in each month from `from` to `to` (by default the 12 months up to
 * this one), for one site or the whole province. Every month is listed; one without ratings has a
 * null percentage, so a chart shows a gap rather than a failure.
 */
export async function satisfaction(db: Kysely<Tables>, q: { site?: string; from?: string; to?: string }): Promise<Satisfaction> {
  const to = q.to ?? (q.from ? addMonths(q.from, 11) : vietnamMonth(new Date()));
  const from = q.from ?? addMonths(to, -11);
  const hour = utcHour('created_at');
  let query = db
    .selectFrom('feedback')
    .select([
      hour.as('hour'),
      (eb) => eb.fn.countAll<number>().as('ratings'),
      (eb) => eb.fn.sum<number>(eb.case().when('rating', '>=', SATISFIED_FROM).then(1).else(0).end()).as('satisfied'),
    ])
    .where('created_at', '>=', vietnamMonthStart(from))
    .where('created_at', '<', vietnamMonthStart(addMonths(to, 1)))
    .groupBy(hour);
  if (q.site) query = query.where('site_key', '=', q.site);
  const [rows, { target }] = await Promise.all([query.execute(), satisfactionTarget(db)]);

  const byMonth = new Map<string, { ratings: number; satisfied: number }>();
  for (const r of rows) {
    const m = byMonth.get(monthOfHour(r.hour)) ?? { ratings: 0, satisfied: 0 };
    m.ratings += Number(r.ratings);
    m.satisfied += Number(r.satisfied);
    byMonth.set(monthOfHour(r.hour), m);
  }
  const months: SatisfactionMonth[] = monthsFrom(from, to).map((month) => {
    const { ratings, satisfied } = byMonth.get(month) ?? { ratings: 0, satisfied: 0 };
    return { month, ratings, satisfied, percent: percent(satisfied, ratings) };
  });
  const ratings = months.reduce((n, m) => n + m.ratings, 0);
  const satisfied = months.reduce((n, m) => n + m.satisfied, 0);
  return { site: q.site ?? null, target, months, overall: { ratings, satisfied, percent: percent(satisfied, ratings) } };
}
