import type { ExpressionBuilder, Kysely } from 'kysely';
import type { AdminSiteQuery, Site } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { isBlank, matchesWords, searchTerms } from '../search/text-search.js';
import { toSite } from './sites.queries.js';

/** A site "carries the module" when the loader reported a verified page view from it within this many days. */
export const MODULE_SEEN_DAYS = 30;

type Filter = Omit<AdminSiteQuery, 'limit' | 'cursor'>;

export const moduleSince = (now = Date.now()) => new Date(now - MODULE_SEEN_DAYS * 86_400_000).toISOString().slice(0, 10);

const matching = (q: Filter) => (eb: ExpressionBuilder<Tables, 'sites'>) => {
  const seen = eb.exists(
    eb
      .selectFrom('page_views_daily as v')
      .select('v.site_key')
      .whereRef('v.site_key', '=', 'sites.key')
      .where('v.registered', '=', 1)
      .where('v.day', '>=', moduleSince()),
  );
  return eb.and([
    ...(q.kind ? [eb('sites.kind', '=', q.kind)] : []),
    ...(q.level ? [eb('sites.level', '=', q.level)] : []),
    ...(q.module === 'yes' ? [seen] : q.module === 'no' ? [eb.not(seen)] : []),
    ...(isBlank(q.q) ? [] : matchesWords('sites.search_text', searchTerms(q.q))),
  ]);
};

/** One page of the registered sites that match, by key (the same order on both engines), and how many match in all. */
export async function findSites(
  db: Kysely<Tables>,
  q: Filter,
  page: { skip: number; limit: number },
): Promise<{ sites: Site[]; more: boolean; total: number }> {
  const [rows, counted] = await Promise.all([
    db
      .selectFrom('sites')
      .selectAll()
      .where(matching(q))
      .orderBy('sites.key')
      .limit(page.limit + 1)
      .offset(page.skip)
      .execute(),
    db
      .selectFrom('sites')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(matching(q))
      .executeTakeFirstOrThrow(),
  ]);
  return { sites: rows.slice(0, page.limit).map(toSite), more: rows.length > page.limit, total: Number(counted.n) };
}
