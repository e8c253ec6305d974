import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { lawSearchText, questionSearchText } from './0003-search-text.js';

export const wholeWordSearch: Migration = {
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
      await db
        .updateTable('questions')
        .set({ search_text: questionSearchText(q) })
        .where('id', '=', q.id)
        .execute();
    }
  },
};
