import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { QUESTION_STATUSES, type QueueCounts, type QuestionQueueQuery, type QuestionStatus } from '@pbgdpl/contract';
import type { QuestionTable, Tables } from '../db/schema.js';
import { matchesWords, searchTerms } from '../search/text-search.js';
import { nextDay, vietnamDayStart } from '../calendar/vietnam-time.js';

/** Questions still waiting for an answer: the only ones that can be overdue. */
export const OPEN_STATUSES = ['new', 'classified', 'in-progress'] as const satisfies readonly QuestionStatus[];

export const isOverdue = (q: { status: string; due_on: string }, today: string) => (OPEN_STATUSES as readonly string[]).includes(q.status) && q.due_on < today;

export type QueueFilter = Omit<QuestionQueueQuery, 'sort' | 'limit' | 'cursor' | 'overdue'> & { overdue?: boolean | undefined };

type Eb = ExpressionBuilder<Tables, 'questions'>;

const overdue = (eb: Eb, today: string) => eb.and([eb('status', 'in', OPEN_STATUSES), eb('due_on', '<', today)]);

/** Every condition of the query but the status: the tabs count under these. */
function matching(f: QueueFilter, today: string) {
  return (eb: Eb) =>
    eb.and([
      ...matchesWords('search_text', searchTerms(f.q)),
      ...(f.site ? [eb('site_key', '=', f.site)] : []),
      ...(f.field ? [eb('field_code', '=', f.field)] : []),
      ...(f.unit ? [eb('handling_unit', '=', f.unit)] : []),
      ...(f.overdue === true ? [overdue(eb, today)] : []),
      ...(f.overdue === false ? [eb.not(overdue(eb, today))] : []),
      // created_at is an ISO instant in UTC; the days staff type are Vietnamese days.
      ...(f.from ? [eb('created_at', '>=', vietnamDayStart(f.from))] : []),
      ...(f.to ? [eb('created_at', '<', vietnamDayStart(nextDay(f.to)))] : []),
    ]);
}

export interface QueuePage {
  rows: QuestionTable[];
  more: boolean;
  total: number;
  counts: QueueCounts;
  handlingUnits: string[];
}

/** One page of the moderation queue, the count per tab, and the units named so far. */
export async function queuePage(
  db: Kysely<Tables>,
  f: QueueFilter & { sort: 'due' | 'newest'; limit: number; offset: number },
  today: string,
): Promise<QueuePage> {
  const where = matching(f, today);
  let list = db
    .selectFrom('questions')
    .selectAll()
    .where(where)
    .limit(f.limit + 1)
    .offset(f.offset);
  if (f.status) list = list.where('status', '=', f.status);
  list =
    f.sort === 'due'
      ? // Open questions first, the one due soonest on top; answered and rejected ones after them.
        list
          .orderBy(sql`case when status in ('new', 'classified', 'in-progress') then 0 else 1 end`)
          .orderBy('due_on')
          .orderBy('created_at')
          .orderBy('id')
      : list.orderBy('created_at', 'desc').orderBy('id', 'desc');
  const [rows, byStatus, late, units] = await Promise.all([
    list.execute(),
    db
      .selectFrom('questions')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where(where)
      .groupBy('status')
      .execute(),
    db
      .selectFrom('questions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(where)
      .where((eb) => overdue(eb, today))
      .executeTakeFirstOrThrow(),
    db.selectFrom('questions').select('handling_unit').distinct().where('handling_unit', 'is not', null).orderBy('handling_unit').execute(),
  ]);
  const counts = Object.fromEntries(QUESTION_STATUSES.map((s) => [s, 0])) as QueueCounts;
  for (const r of byStatus) if (r.status in counts) counts[r.status as QuestionStatus] = Number(r.n);
  counts.overdue = Number(late.n);
  const total = f.status ? counts[f.status] : QUESTION_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  return {
    rows: rows.slice(0, f.limit),
    more: rows.length > f.limit,
    total,
    counts,
    handlingUnits: units.map((u) => u.handling_unit!).filter((u) => u.trim() !== ''),
  };
}
