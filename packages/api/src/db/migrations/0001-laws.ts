import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const laws: Migration = {
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
};
