import type { Kysely } from 'kysely';
import type { Site } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { moduleSince } from '../sites/site-list.js';

/**
 * For the Department of Justice: which registered sites carry the module (the last day the loader
 * reported a page view with a valid page token from one of the site's origins, such views in 30
 * days, views reported from other origins kept apart, and the unverified reads that merely name
 * the site), what came from them, and their satisfaction figure.
 */
export async function siteReports(db: Kysely<Tables>, sites: Site[]) {
  if (sites.length === 0) return [];
  const keys = sites.map((s) => s.key);
  const since = moduleSince();
  const viewsBy = (registered: number) =>
    db
      .selectFrom('page_views_daily')
      .select(['site_key', (eb) => eb.fn.sum<number>('views').as('views'), (eb) => eb.fn.max('day').as('day')])
      .where('registered', '=', registered)
      .where('site_key', 'in', keys)
      .where('day', '>=', since)
      .groupBy('site_key')
      .execute();
  const [usage, lastRequested, views, elsewhere, lastSeen, questions, feedback] = await Promise.all([
    db
      .selectFrom('usage_daily')
      .select(['site_key', (eb) => eb.fn.sum<number>('hits').as('hits')])
      .where('site_key', 'in', keys)
      .where('day', '>=', since)
      .groupBy('site_key')
      .execute(),
    db
      .selectFrom('usage_daily')
      .select(['site_key', (eb) => eb.fn.max('day').as('day')])
      .where('site_key', 'in', keys)
      .groupBy('site_key')
      .execute(),
    viewsBy(1),
    viewsBy(0),
    db
      .selectFrom('page_views_daily')
      .select(['site_key', (eb) => eb.fn.max('day').as('day')])
      .where('registered', '=', 1)
      .where('site_key', 'in', keys)
      .groupBy('site_key')
      .execute(),
    db
      .selectFrom('questions')
      .select(['site_key', (eb) => eb.fn.countAll<number>().as('n')])
      .where('site_key', 'in', keys)
      .groupBy('site_key')
      .execute(),
    db
      .selectFrom('feedback')
      .select([
        'site_key',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>(eb.case().when('rating', '>=', 4).then(1).else(0).end()).as('satisfied'),
      ])
      .where('site_key', 'in', keys)
      .groupBy('site_key')
      .execute(),
  ]);
  const by = <T extends { site_key: string }>(rows: T[]) => new Map(rows.map((r) => [r.site_key, r]));
  const u = by(usage),
    r = by(lastRequested),
    v = by(views),
    o = by(elsewhere),
    l = by(lastSeen),
    q = by(questions),
    f = by(feedback);
  return sites.map((s) => {
    const ratings = Number(f.get(s.key)?.n ?? 0);
    const satisfied = Number(f.get(s.key)?.satisfied ?? 0);
    return {
      key: s.key,
      name: s.name,
      kind: s.kind,
      level: s.level,
      lastSeen: l.get(s.key)?.day ?? null,
      views30d: Number(v.get(s.key)?.views ?? 0),
      viewsOtherOrigins30d: Number(o.get(s.key)?.views ?? 0),
      lastRequested: r.get(s.key)?.day ?? null,
      requests30d: Number(u.get(s.key)?.hits ?? 0),
      questions: Number(q.get(s.key)?.n ?? 0),
      feedback: ratings,
      ratings,
      satisfaction: ratings ? Math.round((satisfied / ratings) * 1000) / 10 : null,
    };
  });
}
