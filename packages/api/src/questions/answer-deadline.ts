import type { Kysely, Transaction } from 'kysely';
import { ANSWER_DAYS, type ModerationSettings } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { addWorkingDays } from './due-date.js';
import { vietnamDate } from '../calendar/vietnam-time.js';

type Db = Kysely<Tables> | Transaction<Tables>;

const KEY = 'answer_days';

/** The province's deadline, with who set it last; migration 0009 writes the first value. */
export async function readModerationSettings(db: Db): Promise<ModerationSettings> {
  const row = await db.selectFrom('settings').selectAll().where('key', '=', KEY).executeTakeFirst();
  const days = row ? Number(JSON.parse(row.value)) : NaN;
  return {
    answerDays: Number.isInteger(days) ? days : ANSWER_DAYS.default,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

export async function writeAnswerDays(db: Db, answerDays: number, by: string): Promise<void> {
  const values = { value: JSON.stringify(answerDays), updated_at: new Date().toISOString(), updated_by: by };
  await db
    .insertInto('settings')
    .values({ key: KEY, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

/**
 * When a question received at `receivedAt` must be answered: the province's working days, or the
 * site's when it promises fewer (its form told the citizen so; a due date later than that promise
 * would break it). Counted from the day it arrived in Vietnam.
 */
export async function dueDate(db: Db, receivedAt: Date, siteAnswerDays: number): Promise<string> {
  const { answerDays } = await readModerationSettings(db);
  return addWorkingDays(vietnamDate(receivedAt), Math.min(answerDays, siteAnswerDays));
}
