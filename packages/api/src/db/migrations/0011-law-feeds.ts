import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const lawFeeds: Migration = {
  // Portals' feeds that add documents on a schedule. The feed row is its own lock: a run claims it by
  // setting lease_until with a conditional update, so one instance reads a feed at a time.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('law_feeds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('every_hours', 'integer', (c) => c.notNull())
      .addColumn('default_type', 'text')
      .addColumn('default_issuer', 'text')
      .addColumn('default_field', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('next_run_at', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('last_run_id', 'text')
      .execute();
    await db.schema.createIndex('law_feeds_due').on('law_feeds').columns(['enabled', 'next_run_at']).execute();
    await db.schema
      .createTable('law_feed_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('feed_id', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('seen', 'integer', (c) => c.notNull())
      .addColumn('created', 'integer', (c) => c.notNull())
      .addColumn('duplicates', 'integer', (c) => c.notNull())
      .addColumn('refused', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('error_code', 'text')
      /** JSON array: what became of each item. */
      .addColumn('items', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('law_feed_runs_feed').on('law_feed_runs').columns(['feed_id', 'started_at']).execute();
  },
};
