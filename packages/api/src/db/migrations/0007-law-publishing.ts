import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * lawId() of laws/law-id.ts (with slugify and foldVietnamese of the contract) as it was when this
 * migration was written: the number folded to a slug, plus the year of issue when the number has
 * none. Frozen here; see 0003-search-text.ts.
 */
function numberKey(number: string, issuedOn: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return /\/(19|20)\d\d\//.test(number) ? slug(number) : slug(`${number} ${issuedOn.slice(0, 4)}`);
}

export const lawPublishing: Migration = {
  // Staff publish documents through the API: a per-document normative flag, withdrawal instead of deletion,
  // one document per number (compared as its key), and attached files.
  async up(db: Kysely<any>) {
    await db.schema.alterTable('laws').addColumn('normative', 'integer').execute();
    await db.schema.alterTable('laws').addColumn('number_key', 'text').execute();
    await db.schema.alterTable('laws').addColumn('withdrawn_at', 'text').execute();
    await db.schema.alterTable('laws').addColumn('withdrawn_by', 'text').execute();
    const rows = await db.selectFrom('laws').select(['id', 'number', 'issued_on']).execute();
    for (const r of rows as { id: string; number: string; issued_on: string }[]) {
      await db
        .updateTable('laws')
        .set({ number_key: numberKey(r.number, r.issued_on) })
        .where('id', '=', r.id)
        .execute();
    }
    await db.schema.createIndex('laws_number_key').unique().on('laws').column('number_key').execute();
    await db.schema
      .createTable('law_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('law_id', 'text', (c) => c.notNull().references('laws.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('law_attachments_law').on('law_attachments').columns(['law_id', 'added_at']).execute();
  },
};
