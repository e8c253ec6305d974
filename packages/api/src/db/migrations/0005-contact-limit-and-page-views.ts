import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const contactLimitAndPageViews: Migration = {
  async up(db: Kysely<any>) {
    for (const table of ['questions', 'feedback']) {
      await db.schema
        .alterTable(table)
        .addColumn('contact_over_limit', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    }
    await db.schema
      .createTable('page_views_daily')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('site_key', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('widgets', 'text', (c) => c.notNull())
      .addColumn('registered', 'integer', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('page_views_daily_pk', ['day', 'site_key', 'origin', 'path', 'widgets', 'registered'])
      .execute();
    await db.schema.createIndex('page_views_by_site').on('page_views_daily').columns(['site_key', 'day']).execute();
    await db.schema
      .createTable('view_tokens_used')
      .addColumn('nonce', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('view_tokens_used_expires').on('view_tokens_used').column('expires_at').execute();
  },
};
