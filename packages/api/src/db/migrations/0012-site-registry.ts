import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * searchText() of search/text-search.ts (with foldVietnamese of the contract) as it was when this
 * migration was written. Frozen here; see 0003-search-text.ts.
 */
function searchText(...parts: string[]): string {
  const words = parts
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${words} `;
}

export const siteRegistry: Migration = {
  // The Department of Justice registers the sites that carry the module: their level and webmaster,
  // and a folded text to search them and the feedback by.
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('sites')
      .addColumn('level', 'text', (c) => c.notNull().defaultTo('tinh'))
      .execute();
    for (const column of ['webmaster_name', 'webmaster_phone', 'webmaster_email']) {
      await db.schema.alterTable('sites').addColumn(column, 'text').execute();
    }
    await db.schema
      .alterTable('sites')
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.updateTable('sites').set({ level: 'xa' }).where('kind', '=', 'ubnd-xa').execute();
    const sites = await db.selectFrom('sites').select(['key', 'name']).execute();
    for (const s of sites as { key: string; name: string }[]) {
      await db
        .updateTable('sites')
        .set({ search_text: searchText(s.name, s.key) })
        .where('key', '=', s.key)
        .execute();
    }

    await db.schema
      .alterTable('feedback')
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    const feedback = await db.selectFrom('feedback').select(['id', 'message', 'contact', 'reply']).execute();
    for (const f of feedback as { id: string; message: string; contact: string | null; reply: string | null }[]) {
      await db
        .updateTable('feedback')
        .set({ search_text: searchText(f.message, f.contact ?? '', f.reply ?? '') })
        .where('id', '=', f.id)
        .execute();
    }
    await db.schema.createIndex('feedback_by_created').on('feedback').columns(['created_at', 'id']).execute();
  },
};
