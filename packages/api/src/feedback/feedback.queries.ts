import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { AdminFeedbackQuery } from '@pbgdpl/contract';
import type { FeedbackTable, Tables } from '../db/schema.js';
import { isBlank, matchesWords, searchTerms, searchText } from '../search/text-search.js';
import { vietnamDayStart } from '../calendar/vietnam-time.js';

type Filter = Omit<AdminFeedbackQuery, 'limit' | 'cursor'>;

/** What feedback is found by: the citizen's message and contact, and the reply staff gave. */
export const feedbackSearchText = (f: { message: string; contact: string | null; reply: string | null }) =>
  searchText(f.message, f.contact ?? '', f.reply ?? '');

const nextDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The feedback a staff list shows: every filter, and every word searched, must match. Days are the province's. */
const matching = (q: Filter) => (eb: ExpressionBuilder<Tables, 'feedback'>) =>
  eb.and([
    ...(q.status ? [eb('status', '=', q.status)] : []),
    ...(q.site ? [eb('site_key', '=', q.site)] : []),
    ...(q.kind ? [eb('kind', '=', q.kind)] : []),
    ...(q.rating !== undefined ? [eb('rating', '=', Number(q.rating))] : []),
    ...(q.from ? [eb('created_at', '>=', vietnamDayStart(q.from))] : []),
    ...(q.to ? [eb('created_at', '<', vietnamDayStart(nextDay(q.to)))] : []),
    ...(isBlank(q.q) ? [] : matchesWords('search_text', searchTerms(q.q))),
  ]);

/** One page of matching feedback, newest first, and how many match in all. */
export async function listFeedback(db: Kysely<Tables>, q: Filter, page: { skip: number; limit: number }) {
  const [rows, counted] = await Promise.all([
    db
      .selectFrom('feedback')
      .selectAll()
      .where(matching(q))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .offset(page.skip)
      .execute(),
    db
      .selectFrom('feedback')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(matching(q))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.slice(0, page.limit) as Selectable<FeedbackTable>[], more: rows.length > page.limit, total: Number(counted.n) };
}
