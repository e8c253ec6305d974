import { randomUUID } from 'node:crypto';
import type { FeedErrorCode, FeedPreview, FeedPreviewInput, FeedRun, FeedRunItem } from '@pbgdpl/contract';
import type { Kysely, Selectable } from 'kysely';
import type { LawFeedTable, Tables } from '../../db/schema.js';
import { ProblemError } from '../../http/problem.js';
import type { SuggestIndex } from '../../questions/suggest.js';
import { audit, type Staff } from '../../security/staff.js';
import { listsOf } from '../import/cell-values.js';
import { getMeta } from '../laws.queries.js';
import { lawTransaction } from '../laws.write.js';
import { applyItems, countsOf } from './apply-items.js';
import { hoursLater, runView } from './feeds.queries.js';
import { fetchFeed } from './fetch-feed.js';
import { FeedError, parseFeed, type FeedItem } from './parse-feed.js';
import type { FeedDefaults } from './read-item.js';

export interface FeedSettings {
  /** FEED_TIMEOUT_SECONDS: the whole fetch of one feed. */
  timeoutMs: number;
  /** FEED_MAX_MB: a larger feed is refused as it arrives. */
  maxBytes: number;
  /** The full-text link of an item without one; {number} is replaced. */
  fullTextUrl: string;
  /** How often the scheduler looks for feeds that are due (FEED_CHECK_SECONDS). */
  checkEveryMs: number;
  /** Milliseconds since the epoch; tests move it on instead of waiting. */
  now?: () => number;
  log?: (message: string) => void;
}

/** A run holds its feed this long; past it, its process is taken to have died and another run may start. */
export const LEASE_MS = 10 * 60_000;

type FeedRow = Selectable<LawFeedTable>;
/** Thrown to roll a preview's writes back once its report is made. */
class DryRun extends Error {}
/** Thrown when the feed's lease was lost before the run could be recorded: another run took over. */
class LeaseLost extends Error {}

/** The documents a feed adds are audited under the feed's name. */
const feedStaff = (feed: Pick<FeedRow, 'id' | 'name'>): Staff => ({ id: `feed:${feed.id}`, name: `Nguồn tin: ${feed.name}`, role: 'editor' });

/**
 * Reads feeds when they are due and on demand. The feed's row is its lock: a run claims it with a
 * conditional update of lease_until, which one instance wins however many share the database (on
 * PostgreSQL the losing update waits for the row and then no longer matches). The run's documents,
 * its record and the feed's next due time are written in one transaction: a run that fails writes
 * no document. A run whose process died is marked interrupted by the next claim, after its lease.
 */
export class FeedScheduler {
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly suggestions: SuggestIndex,
    readonly settings: FeedSettings,
  ) {
    this.now = settings.now ?? Date.now;
    this.log = settings.log ?? ((m) => console.error(`[pbgdpl-api] ${m}`));
  }

  /** A pass now and every checkEveryMs; 0 leaves this instance out of the schedule (run now still works). */
  start() {
    if (this.running || this.settings.checkEveryMs <= 0) return;
    this.running = true;
    const tick = () => {
      void this.runDue()
        .catch((error: unknown) => this.log(`feeds: a pass failed: ${(error as Error).message}`))
        .finally(() => {
          if (this.running) this.timer = setTimeout(tick, this.settings.checkEveryMs);
        });
    };
    tick();
  }

  async stop() {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.queue;
  }

  /** One pass over the feeds that are due; passes of one instance never overlap. Resolves with the runs it made. */
  runDue(): Promise<FeedRun[]> {
    const pass = this.queue.then(async () => {
      const now = this.iso();
      const due = await this.db.selectFrom('law_feeds').selectAll().where('enabled', '=', 1).where('next_run_at', '<=', now).orderBy('next_run_at').execute();
      const runs: FeedRun[] = [];
      for (const feed of due) {
        const run = await this.run(feed.id, 'schedule');
        if (run) runs.push(run);
      }
      return runs;
    });
    this.queue = pass.catch(() => {});
    return pass;
  }

  /** An administrator's "run now": 404 for no such feed, 409 while another run holds it. */
  async runNow(feedId: string, staff: Staff): Promise<FeedRun> {
    const exists = await this.db.selectFrom('law_feeds').select('id').where('id', '=', feedId).executeTakeFirst();
    if (!exists) throw new ProblemError(404, `no feed with id "${feedId}"`);
    const run = await this.run(feedId, 'manual', staff);
    if (!run) throw new ProblemError(409, 'a run of this feed is under way; its result will be in the run history');
    return run;
  }

  /** What a run of this address would do now; every write is rolled back. */
  async preview(input: FeedPreviewInput): Promise<FeedPreview> {
    let items: FeedItem[];
    try {
      items = parseFeed(await fetchFeed(input.url, this.settings));
    } catch (error) {
      if (error instanceof FeedError) return { counts: countsOf([]), error: error.message, errorCode: error.code, items: [] };
      throw error;
    }
    const defaults = { defaultType: input.defaultType ?? null, defaultIssuer: input.defaultIssuer ?? null, defaultField: input.defaultField };
    let done: FeedRunItem[] = [];
    await lawTransaction(this.db, async (trx) => {
      done = await this.apply(trx, { id: 'preview', name: 'preview' }, defaults, items);
      throw new DryRun();
    }).catch((error: unknown) => {
      if (!(error instanceof DryRun)) throw error;
    });
    return { counts: countsOf(done), error: null, errorCode: null, items: done };
  }

  private iso = (ms = this.now()) => new Date(ms).toISOString();

  /** Claims the feed, reads it and records the run; null when another run holds it (or it is not due any more). */
  private async run(feedId: string, trigger: 'schedule' | 'manual', by?: Staff): Promise<FeedRun | null> {
    const runId = randomUUID();
    const started = this.iso();
    // The claim is one statement: atomic on both engines, and on SQLite it waits for the write lock as any write does.
    let claim = this.db
      .updateTable('law_feeds')
      .set({ lease_until: this.iso(this.now() + LEASE_MS), lease_owner: runId, last_run_id: runId })
      .where('id', '=', feedId)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', started)]));
    if (trigger === 'schedule') claim = claim.where('enabled', '=', 1).where('next_run_at', '<=', started);
    if (Number((await claim.executeTakeFirst()).numUpdatedRows) !== 1) return null;
    const feed = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('law_feed_runs')
        .set({ state: 'interrupted', finished_at: started })
        .where('feed_id', '=', feedId)
        .where('state', '=', 'running')
        .execute();
      await trx
        .insertInto('law_feed_runs')
        .values({
          id: runId,
          feed_id: feedId,
          trigger,
          state: 'running',
          started_at: started,
          finished_at: null,
          seen: 0,
          created: 0,
          duplicates: 0,
          refused: 0,
          error: null,
          error_code: null,
          items: '[]',
        })
        .execute();
      if (by) await audit(trx, by, 'run-feed', `feed:${feedId}`, { run: runId });
      return trx.selectFrom('law_feeds').selectAll().where('id', '=', feedId).executeTakeFirstOrThrow();
    });

    let items: FeedItem[] | null = null;
    let error: string | null = null;
    let errorCode: FeedErrorCode | null = null;
    try {
      items = parseFeed(await fetchFeed(feed.url, this.settings));
    } catch (e) {
      if (!(e instanceof FeedError)) throw e;
      error = e.message;
      errorCode = e.code;
    }
    if (items) {
      // A document another feed or a member of staff published at the same moment makes the transaction fail on the unique number: once more, it is a duplicate.
      for (let attempt = 1; ; attempt++) {
        try {
          const counts = await lawTransaction(this.db, (trx) => this.record(trx, feed, runId, items));
          if (counts.created) this.suggestions.invalidate();
          return this.finished(runId);
        } catch (e) {
          if (e instanceof LeaseLost) return this.finished(runId);
          if (attempt >= 2 || !(e instanceof ProblemError && e.status === 409)) {
            error = `the documents could not be stored, none was: ${(e as Error).message}`.slice(0, 1000);
            errorCode = 'storage';
            this.log(`feeds: run ${runId} of feed ${feed.id} failed to store: ${(e as Error).message}`);
            break;
          }
        }
      }
    }
    await this.db.transaction().execute(async (trx) => {
      const finished = this.iso();
      await trx
        .updateTable('law_feed_runs')
        .set({ state: 'failed', finished_at: finished, error, error_code: errorCode })
        .where('id', '=', runId)
        .where('state', '=', 'running')
        .execute();
      await trx
        .updateTable('law_feeds')
        .set({ lease_until: null, lease_owner: null, next_run_at: hoursLater(started, Number(feed.every_hours)) })
        .where('id', '=', feed.id)
        .where('lease_owner', '=', runId)
        .execute();
    });
    return this.finished(runId);
  }

  /** The run's documents, its record and the feed's next due time, in the caller's transaction. */
  private async record(trx: Kysely<Tables>, feed: FeedRow, runId: string, items: FeedItem[]) {
    const done = await this.apply(trx, feed, { defaultType: feed.default_type, defaultIssuer: feed.default_issuer, defaultField: feed.default_field }, items);
    const counts = countsOf(done);
    const finished = this.iso();
    const released = await trx
      .updateTable('law_feeds')
      .set({ lease_until: null, lease_owner: null, next_run_at: hoursLater(finished, Number(feed.every_hours)) })
      .where('id', '=', feed.id)
      .where('lease_owner', '=', runId)
      .executeTakeFirst();
    if (Number(released.numUpdatedRows) !== 1) throw new LeaseLost();
    await trx
      .updateTable('law_feed_runs')
      .set({ state: 'ok', finished_at: finished, ...counts, items: JSON.stringify(done) })
      .where('id', '=', runId)
      .execute();
    return counts;
  }

  private async apply(trx: Kysely<Tables>, feed: Pick<FeedRow, 'id' | 'name'>, defaults: FeedDefaults, items: FeedItem[]) {
    const [vi, en] = await Promise.all([getMeta(trx, 'vi'), getMeta(trx, 'en')]);
    return applyItems({ trx, staff: feedStaff(feed), lists: listsOf(vi, en), defaults, fullTextUrl: this.settings.fullTextUrl }, items);
  }

  private async finished(runId: string): Promise<FeedRun> {
    return runView(await this.db.selectFrom('law_feed_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow());
  }
}
