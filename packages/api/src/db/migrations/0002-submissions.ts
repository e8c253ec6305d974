import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const submissions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sites')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('origins', 'text', (c) => c.notNull())
      .addColumn('contact_rule', 'text', (c) => c.notNull())
      .addColumn('require_name', 'integer', (c) => c.notNull())
      .addColumn('answer_days', 'integer', (c) => c.notNull())
      .addColumn('contact', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('questions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('site_key', 'text', (c) => c.notNull().references('sites.key'))
      .addColumn('field_code', 'text', (c) => c.notNull().references('fields.code'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('asker_name', 'text')
      .addColumn('asker_email', 'text')
      .addColumn('asker_phone', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('handling_unit', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('answer_html', 'text')
      .addColumn('answered_by', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('published_at', 'text')
      .addColumn('rejected_reason', 'text')
      .addColumn('page_url', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('questions_status').on('questions').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('questions_published').on('questions').columns(['published', 'published_at']).execute();
    await db.schema
      .createTable('question_citations')
      .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('article', 'text')
      .addColumn('law_id', 'text')
      .addPrimaryKeyConstraint('question_citations_pk', ['question_id', 'position'])
      .execute();
    await db.schema
      .createTable('feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_key', 'text', (c) => c.notNull().references('sites.key'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('law_id', 'text')
      .addColumn('rating', 'integer', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('contact', 'text')
      .addColumn('page_url', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reply', 'text')
      .addColumn('replied_by', 'text')
      .addColumn('replied_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('feedback_site').on('feedback').columns(['site_key', 'created_at']).execute();
    await db.schema
      .createTable('consents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('purposes', 'text', (c) => c.notNull())
      .addColumn('notice_version', 'text', (c) => c.notNull())
      .addColumn('given_at', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .execute();
    await db.schema.createIndex('consents_subject').on('consents').columns(['subject_type', 'subject_id']).execute();
    await db.schema
      .createTable('idempotency')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('response_status', 'integer')
      .addColumn('response_body', 'text')
      .addColumn('locked_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_pk', ['scope', 'key'])
      .execute();
    await db.schema
      .createTable('altcha_used')
      .addColumn('signature', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('staff_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
    await db.schema
      .createTable('usage_daily')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('site_key', 'text', (c) => c.notNull())
      .addColumn('endpoint', 'text', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('usage_daily_pk', ['day', 'site_key', 'endpoint'])
      .execute();
  },
};
