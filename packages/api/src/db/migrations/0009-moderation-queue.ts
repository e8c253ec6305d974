import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const moderationQueue: Migration = {
  // Moderation as a queue: the province's settings (the answer deadline first), and an index for the
  // queue's order (open questions by due date).
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      // JSON text, so one table holds numbers, flags and lists alike.
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text')
      .addColumn('updated_by', 'text')
      .execute();
    // A site keeps its own deadline when it is shorter than the province's: starting from the longest
    // one a site uses today changes no site's due dates.
    const longest = await db
      .selectFrom('sites')
      .select((eb) => eb.fn.max('answer_days').as('days'))
      .executeTakeFirst();
    const days = Number(longest?.days ?? 0) || 10;
    await db
      .insertInto('settings')
      .values({ key: 'answer_days', value: JSON.stringify(days), updated_at: null, updated_by: null })
      .execute();
    await db.schema.createIndex('questions_queue').on('questions').columns(['status', 'due_on']).execute();
  },
};
