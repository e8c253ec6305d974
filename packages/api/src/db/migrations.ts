import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { questionSearchText } from '../questions/questions.queries.js';
import { lawSearchText } from '../search/text-search.js';

/** Migrations in code, in order; each must run on SQLite and PostgreSQL alike. */
const migrations: Record<string, Migration> = {
  '0001_laws': {
    async up(db: Kysely<any>) {
      for (const table of ['doc_types', 'fields', 'issuers']) {
        let t = db.schema
          .createTable(table)
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('name_vi', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text', (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0));
        if (table === 'doc_types') t = t.addColumn('normative', 'integer', (c) => c.notNull().defaultTo(1));
        await t.execute();
      }
      await db.schema
        .createTable('laws')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('type_code', 'text', (c) => c.notNull().references('doc_types.code'))
        .addColumn('issuer_code', 'text', (c) => c.notNull().references('issuers.code'))
        .addColumn('signer_name', 'text')
        .addColumn('signer_title', 'text')
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('effective_on', 'text')
        .addColumn('expires_on', 'text')
        .addColumn('validity', 'text', (c) => c.notNull())
        .addColumn('abstract', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('laws_number').unique().on('laws').columns(['number', 'issued_on']).execute();
      await db.schema.createIndex('laws_newest').on('laws').columns(['issued_on desc', 'id desc']).execute();
      await db.schema
        .createTable('law_fields')
        .addColumn('law_id', 'text', (c) => c.notNull().references('laws.id').onDelete('cascade'))
        .addColumn('field_code', 'text', (c) => c.notNull().references('fields.code'))
        .addPrimaryKeyConstraint('law_fields_pk', ['law_id', 'field_code'])
        .execute();
      await db.schema.createIndex('law_fields_by_field').on('law_fields').columns(['field_code', 'law_id']).execute();
      await db.schema
        .createTable('law_relations')
        .addColumn('law_id', 'text', (c) => c.notNull().references('laws.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('target_number', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('law_relations_pk', ['law_id', 'position'])
        .execute();
    },
  },
  '0002_submissions': {
    async up(db: Kysely<any>) {
      await db.schema.createTable('secrets').addColumn('name', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
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
  },
  '0003_whole_word_search': {
    // search_text becomes " word word … " (punctuation out, spaces at both ends) so searches match whole words.
    async up(db: Kysely<any>) {
      const laws = await db
        .selectFrom('laws as l')
        .innerJoin('doc_types as t', 't.code', 'l.type_code')
        .innerJoin('issuers as i', 'i.code', 'l.issuer_code')
        .select(['l.id', 'l.number', 'l.abstract', 'l.signer_name', 't.name_vi as type', 'i.name_vi as issuer'])
        .execute();
      const fields = await db.selectFrom('law_fields as lf').innerJoin('fields as f', 'f.code', 'lf.field_code').select(['lf.law_id', 'f.name_vi']).execute();
      for (const l of laws) {
        const text = lawSearchText({ ...l, signer: l.signer_name, fields: fields.filter((f) => f.law_id === l.id).map((f) => f.name_vi) });
        await db.updateTable('laws').set({ search_text: text }).where('id', '=', l.id).execute();
      }
      for (const q of await db.selectFrom('questions').select(['id', 'title', 'content', 'answer_html']).execute()) {
        await db.updateTable('questions').set({ search_text: questionSearchText(q) }).where('id', '=', q.id).execute();
      }
    },
  },
  '0004_altcha_expiry_index': {
    // Used proofs are swept by expiry every minute.
    async up(db: Kysely<any>) {
      await db.schema.createIndex('altcha_used_expires').on('altcha_used').column('expires_at').execute();
    },
  },
  '0005_contact_limit_and_page_views': {
    async up(db: Kysely<any>) {
      for (const table of ['questions', 'feedback']) {
        await db.schema.alterTable(table).addColumn('contact_over_limit', 'integer', (c) => c.notNull().defaultTo(0)).execute();
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
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: Kysely<any>): Promise<void> {
  // Kysely looks for its migration tables in every schema unless told which one; a second schema in
  // the same database (one per test file, or a staging copy) would find the first one's and then fail.
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
