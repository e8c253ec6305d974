import { foldVietnamese, type Feed, type FeedInput, type FeedPatch, type FeedQuery, type FeedRun, type FeedRunItem, type FeedRunQuery } from '@pbgdpl/contract';
import type { Kysely, Selectable } from 'kysely';
import type { LawFeedRunTable, LawFeedTable, Tables } from '../../db/schema.js';

type FeedRow = Selectable<LawFeedTable>;
type RunRow = Selectable<LawFeedRunTable>;
interface Paging {
  limit: number;
  offset: number;
}

export const hoursLater = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3600_000).toISOString();

export function runView(row: RunRow): FeedRun {
  return {
    id: row.id,
    feedId: row.feed_id,
    trigger: row.trigger as FeedRun['trigger'],
    state: row.state as FeedRun['state'],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: { seen: Number(row.seen), created: Number(row.created), duplicates: Number(row.duplicates), refused: Number(row.refused) },
    error: row.error,
    errorCode: row.error_code as FeedRun['errorCode'],
    items: JSON.parse(row.items) as FeedRunItem[],
  };
}

function feedView(row: FeedRow, last: RunRow | undefined): Feed {
  const enabled = Number(row.enabled) === 1;
  const { items: _items, ...lastRun } = last ? runView(last) : { items: null };
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    everyHours: Number(row.every_hours),
    defaultType: row.default_type,
    defaultIssuer: row.default_issuer,
    defaultField: row.default_field,
    enabled,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextRunAt: enabled ? row.next_run_at : null,
    lastRun: last ? (lastRun as Feed['lastRun']) : null,
  };
}

async function views(db: Kysely<Tables>, rows: FeedRow[]): Promise<Feed[]> {
  const ids = rows.map((r) => r.last_run_id).filter((id): id is string => id !== null);
  const runs = ids.length ? await db.selectFrom('law_feed_runs').selectAll().where('id', 'in', ids).execute() : [];
  const byId = new Map(runs.map((r) => [r.id, r]));
  return rows.map((r) => feedView(r, r.last_run_id ? byId.get(r.last_run_id) : undefined));
}

export async function readFeed(db: Kysely<Tables>, id: string): Promise<Feed | null> {
  const row = await db.selectFrom('law_feeds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await views(db, [row]))[0]! : null;
}

/**
 * A province registers a handful of feeds: they are read whole and filtered here, where the
 * search folds diacritics as everywhere else and "failing" looks at the last run.
 */
export async function listFeeds(db: Kysely<Tables>, query: Omit<FeedQuery, 'limit' | 'offset'> & Paging) {
  const rows = await db.selectFrom('law_feeds').selectAll().orderBy('name').orderBy('id').execute();
  const words = (text: string) =>
    ` ${foldVietnamese(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()} `;
  const q = query.q ? words(query.q).trim() : '';
  const all = (await views(db, rows)).filter(
    (f) =>
      (!q || words(`${f.name} ${f.url}`).includes(q)) &&
      (query.enabled === undefined || f.enabled === (query.enabled === 'true')) &&
      (query.failing === undefined || (f.lastRun?.state === 'failed' || f.lastRun?.state === 'interrupted') === (query.failing === 'true')),
  );
  return { items: all.slice(query.offset, query.offset + query.limit), total: all.length };
}

export async function insertFeed(db: Kysely<Tables>, id: string, input: FeedInput, now: string) {
  await db
    .insertInto('law_feeds')
    .values({
      id,
      name: input.name,
      url: input.url,
      every_hours: input.everyHours,
      default_type: input.defaultType ?? null,
      default_issuer: input.defaultIssuer ?? null,
      default_field: input.defaultField,
      enabled: input.enabled === false ? 0 : 1,
      created_at: now,
      updated_at: now,
      // The first run is due at once.
      next_run_at: now,
      lease_until: null,
      lease_owner: null,
      last_run_id: null,
    })
    .execute();
}

/** A new interval counts from the last run (or from when the feed was registered). */
export async function patchFeed(db: Kysely<Tables>, id: string, patch: FeedPatch, now: string) {
  const row = await db.selectFrom('law_feeds').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const set: Partial<FeedRow> = { updated_at: now };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.url !== undefined) set.url = patch.url;
  if (patch.defaultType !== undefined) set.default_type = patch.defaultType;
  if (patch.defaultIssuer !== undefined) set.default_issuer = patch.defaultIssuer;
  if (patch.defaultField !== undefined) set.default_field = patch.defaultField;
  if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0;
  if (patch.everyHours !== undefined) {
    set.every_hours = patch.everyHours;
    const last = row.last_run_id ? await db.selectFrom('law_feed_runs').select(['started_at']).where('id', '=', row.last_run_id).executeTakeFirst() : undefined;
    set.next_run_at = last ? hoursLater(last.started_at, patch.everyHours) : row.next_run_at;
  }
  await db.updateTable('law_feeds').set(set).where('id', '=', id).execute();
}

export async function listRuns(db: Kysely<Tables>, feedId: string, query: Omit<FeedRunQuery, 'limit' | 'offset'> & Paging) {
  let base = db.selectFrom('law_feed_runs').where('feed_id', '=', feedId);
  if (query.state) base = base.where('state', '=', query.state);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(runView), total: Number(total.n) };
}
