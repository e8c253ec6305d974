import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const privacyOperations: Migration = {
  // Privacy requests (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): a person's submissions are found by
  // the HMAC of their contact, consents are withdrawn one purpose at a time with who and when,
  // identities are erased, and a daily purge erases what is past its retention, once across instances.
  //
  // The keys of rows stored before this migration are not computed here: the HMAC key comes from
  // PBGDPL_SECRET when the operator sets one, and a migration sees only the database. The server
  // fills them in at start-up instead (privacy/contact-index.ts, backfillContactKeys).
  async up(db: Kysely<any>) {
    await db.schema.alterTable('questions').addColumn('email_key', 'text').execute();
    await db.schema.alterTable('questions').addColumn('phone_key', 'text').execute();
    await db.schema.alterTable('questions').addColumn('erased_at', 'text').execute();
    await db.schema.alterTable('feedback').addColumn('contact_key', 'text').execute();
    await db.schema.alterTable('feedback').addColumn('erased_at', 'text').execute();
    await db.schema.createIndex('questions_email_key').on('questions').column('email_key').execute();
    await db.schema.createIndex('questions_phone_key').on('questions').column('phone_key').execute();
    await db.schema.createIndex('feedback_contact_key').on('feedback').column('contact_key').execute();
    // The purge finds what is past retention by these.
    await db.schema.createIndex('questions_erasable').on('questions').columns(['erased_at', 'status', 'created_at']).execute();
    await db.schema.createIndex('feedback_erasable').on('feedback').columns(['erased_at', 'created_at']).execute();

    await db.schema
      .createTable('consent_withdrawals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consent_id', 'text', (c) => c.notNull().references('consents.id'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text', (c) => c.notNull())
      .addColumn('withdrawn_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('consent_withdrawals_consent').on('consent_withdrawals').columns(['consent_id', 'purpose']).unique().execute();

    await db.schema
      .createTable('privacy_purge_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // "daily:YYYY-MM-DD" (Vietnam's day) for the scheduled run: unique, so one instance takes each day's run.
      .addColumn('run_key', 'text', (c) => c.notNull().unique())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('started_by', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('counts', 'text')
      .addColumn('error', 'text')
      .execute();
    await db.schema.createIndex('privacy_purge_runs_started').on('privacy_purge_runs').columns(['started_at']).execute();
  },
};
