import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PurgeCounts, PurgeRun, Retention } from '@pbgdpl/contract';
import type { PrivacyPurgeRunTable, Tables } from '../db/schema.js';
import { vietnamDay } from '../calendar/vietnam-time.js';
import { audit, type Staff } from '../security/staff.js';
import { eraseFeedback, eraseQuestions } from './erase.js';
import { cutoff } from './retention.js';

/** Ids a statement names at once: well under either engine's limit on bound parameters. */
function* chunks(ids: string[], size = 500) {
  for (let i = 0; i < ids.length; i += size) yield ids.slice(i, i + size);
}

/** A run still "running" this long after it started belongs to an instance that died. */
const STALE_MS = 60 * 60_000;
/** The audit log's actor for the scheduled run. */
const SCHEDULE: Staff = { id: 'retention-purge', name: 'Lịch xoá dữ liệu hết hạn', role: 'admin' };

export const toPurgeRun = (r: PrivacyPurgeRunTable): PurgeRun => ({
  id: r.id,
  trigger: r.trigger as PurgeRun['trigger'],
  startedBy: r.started_by,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  state: r.state as PurgeRun['state'],
  counts: r.counts ? (JSON.parse(r.counts) as PurgeCounts) : null,
  error: r.error,
});

/**
 * Erases what is past its retention: the identity of questions answered or rejected more than
 * `questionDays` ago, the contact of feedback older than `feedbackDays`, and outbox rows of mails
 * finished more than `mailDays` ago. Open questions are never purged: they are still being handled.
 */
async function purge(db: Kysely<Tables>, retention: Retention, now: Date): Promise<PurgeCounts> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const questionCut = cutoff(now, retention.questionDays);
    const questions = await trx
      .selectFrom('questions')
      .select('id')
      .where('erased_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'answered'), eb('answered_at', '<', questionCut)]),
          eb.and([eb('status', '=', 'rejected'), eb('created_at', '<', questionCut)]),
        ]),
      )
      .execute();
    const q = { questions: 0 };
    for (const ids of chunks(questions.map((r) => r.id))) q.questions += (await eraseQuestions(trx, ids, at)).questions;
    const feedback = await trx
      .selectFrom('feedback')
      .select('id')
      .where('erased_at', 'is', null)
      .where('created_at', '<', cutoff(now, retention.feedbackDays))
      .execute();
    let f = 0;
    for (const ids of chunks(feedback.map((r) => r.id))) f += await eraseFeedback(trx, ids, at);
    const mailCut = cutoff(now, retention.mailDays);
    const old = await trx
      .selectFrom('mail_outbox')
      .select('id')
      .where('state', 'in', ['sent', 'failed', 'cancelled'])
      .where((eb) => eb(eb.fn.coalesce('sent_at', 'created_at'), '<', mailCut))
      .execute();
    for (const ids of chunks(old.map((m) => m.id))) {
      await trx.deleteFrom('mail_attempts').where('mail_id', 'in', ids).execute();
      await trx.deleteFrom('mail_outbox').where('id', 'in', ids).execute();
    }
    return { questions: q.questions, feedback: f, mail: old.length };
  });
}

export interface PurgeOptions {
  now?: () => Date;
  log?: (message: string) => void;
}

/**
 * The retention purge, once a day across every instance: each instance looks every few minutes,
 * and the first to insert the day's run row ("daily:" + Vietnam's date, a unique key) runs it;
 * the others find the row and do nothing. Staff may also run it at any time. Each run is
 * recorded with what it erased, and in the audit log.
 */
export class RetentionPurge {
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;

  constructor(
    private readonly db: Kysely<Tables>,
    readonly retention: Retention,
    options: PurgeOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((m) => console.error(`[pbgdpl-api] ${m}`));
  }

  start(everyMs = 10 * 60_000) {
    if (this.timer) return;
    const tick = () => void this.runDaily().catch((e: unknown) => this.log(`privacy: the daily purge failed: ${String(e)}`));
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
    tick();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Today's scheduled run, if no instance has taken it yet; null when one has. */
  async runDaily(): Promise<PurgeRun | null> {
    const now = this.now();
    await this.db
      .updateTable('privacy_purge_runs')
      .set({ state: 'interrupted', finished_at: now.toISOString(), error: 'the instance running it stopped' })
      .where('state', '=', 'running')
      .where('started_at', '<', new Date(now.getTime() - STALE_MS).toISOString())
      .execute();
    return this.run(`daily:${vietnamDay(now)}`, 'daily', SCHEDULE);
  }

  /** A run a member of staff asked for. */
  async runNow(staff: Staff): Promise<PurgeRun> {
    return (await this.run(`manual:${randomUUID()}`, 'manual', staff))!;
  }

  private async run(runKey: string, trigger: PurgeRun['trigger'], by: Staff): Promise<PurgeRun | null> {
    const id = randomUUID();
    const started = this.now();
    const taken = await this.db
      .insertInto('privacy_purge_runs')
      .values({
        id,
        run_key: runKey,
        trigger,
        started_by: by.name,
        started_at: started.toISOString(),
        finished_at: null,
        state: 'running',
        counts: null,
        error: null,
      })
      .onConflict((oc) => oc.column('run_key').doNothing())
      .executeTakeFirst();
    if (Number(taken.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
    try {
      const counts = await purge(this.db, this.retention, started);
      await this.db
        .updateTable('privacy_purge_runs')
        .set({ state: 'done', finished_at: this.now().toISOString(), counts: JSON.stringify(counts) })
        .where('id', '=', id)
        .execute();
      await audit(this.db, by, 'privacy-purge', `purge-run:${id}`, { trigger, counts, retention: this.retention });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.db
        .updateTable('privacy_purge_runs')
        .set({ state: 'failed', finished_at: this.now().toISOString(), error: message.slice(0, 1000) })
        .where('id', '=', id)
        .execute();
      this.log(`privacy: purge run ${id} failed: ${message}`);
    }
    return toPurgeRun(await this.db.selectFrom('privacy_purge_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  }
}
