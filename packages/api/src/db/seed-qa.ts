import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { Code, IsoDate } from '@pbgdpl/contract';
import type { Db } from './database.js';
import { insertConsent, questionSearchText, writeCitations } from '../questions/questions.queries.js';
import { newTrackingCode } from '../questions/tracking-code.js';

/** seed/qa.json: published questions and answers, as a province's Q&A would hold them. */
export const QaCatalog = z.strictObject({
  questions: z.array(
    z.strictObject({
      key: Code,
      field: Code,
      title: z.string(),
      content: z.string(),
      askerName: z.string(),
      answerHtml: z.string(),
      citations: z.array(z.strictObject({ number: z.string(), article: z.nullable(z.string()) })),
      askedOn: IsoDate,
      answeredOn: IsoDate,
    }),
  ),
});
export type QaCatalog = z.infer<typeof QaCatalog>;

export const loadQaCatalog = (path: string): QaCatalog | null => (existsSync(path) ? z.parse(QaCatalog, JSON.parse(readFileSync(path, 'utf8'))) : null);

/**
 * Fills an empty Q&A with the samples, answered and published, on the given site; each sample's id
 * is its key, so tests and the evaluation set can name them. Does nothing when questions exist.
 */
export async function seedQaIfEmpty(db: Db, catalog: QaCatalog, siteKey: string): Promise<number> {
  const any = await db.kysely.selectFrom('questions').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  await db.kysely.transaction().execute(async (trx) => {
    for (const q of catalog.questions) {
      const asked = `${q.askedOn}T02:00:00.000Z`;
      const answered = `${q.answeredOn}T09:00:00.000Z`;
      await trx
        .insertInto('questions')
        .values({
          id: q.key,
          tracking_code: newTrackingCode(),
          site_key: siteKey,
          field_code: q.field,
          title: q.title,
          content: q.content,
          asker_name: q.askerName,
          asker_email: null,
          asker_phone: null,
          status: 'answered',
          handling_unit: 'Phòng Phổ biến, giáo dục pháp luật',
          created_at: asked,
          due_on: q.answeredOn,
          answer_html: q.answerHtml,
          answered_by: 'Sở Tư pháp (dữ liệu mẫu)',
          answered_at: answered,
          published: 1,
          published_at: answered,
          rejected_reason: null,
          page_url: null,
          contact_over_limit: 0,
          search_text: questionSearchText({ title: q.title, content: q.content, answer_html: q.answerHtml }),
        })
        .execute();
      await writeCitations(trx, q.key, q.citations);
      await insertConsent(trx, 'question', q.key, ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'], 'mau-du-lieu', asked);
    }
  });
  return catalog.questions.length;
}
