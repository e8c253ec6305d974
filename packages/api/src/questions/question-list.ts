import type { Kysely } from 'kysely';
import type { Lang, QuestionPage } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { InputError } from '../http/validate.js';
import { decodeQuestionCursor, decodeRelevanceCursor, encodeQuestionCursor, encodeRelevanceCursor, type RelevanceCursor } from './question-cursor.js';
import { publishedQuestions, toPublished } from './questions.queries.js';
import type { SuggestIndex } from './suggest.js';

interface ListQuery {
  field?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  lang: Lang;
}

const badCursor = () => new InputError([{ path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed; pass back nextCursor as it came' }]);

/** Published questions, the most recently published first. */
export async function newestFirst(db: Kysely<Tables>, query: ListQuery): Promise<QuestionPage> {
  const cursor = query.cursor ? decodeQuestionCursor(query.cursor) : undefined;
  if (cursor === null) throw badCursor();
  let q = (await publishedQuestions(db, query.lang))
    .orderBy('q.published_at', 'desc')
    .orderBy('q.id', 'desc')
    .limit(query.limit + 1);
  let count = db
    .selectFrom('questions as q')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('q.published', '=', 1)
    .where('q.status', '=', 'answered');
  if (query.field) {
    q = q.where('q.field_code', '=', query.field);
    count = count.where('q.field_code', '=', query.field);
  }
  if (cursor) {
    q = q.where((eb) => eb.or([eb('q.published_at', '<', cursor.at), eb.and([eb('q.published_at', '=', cursor.at), eb('q.id', '<', cursor.id)])]));
  }
  const [rows, total] = await Promise.all([q.execute(), count.executeTakeFirstOrThrow()]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await toPublished(db, page),
    nextCursor: rows.length > query.limit && last ? encodeQuestionCursor({ at: last.published_at ?? '', id: last.id }) : null,
    total: Number(total.n),
  };
}

/**
 * Where the page after `cursor` starts: right after the item the previous page ended with, found
 * by its id; if it has been withdrawn meanwhile, after the first item whose (score, id) sorts
 * after it.
 */
function startAfter(hits: { key: string; score: number }[], cursor: RelevanceCursor): number {
  const at = hits.findIndex((h) => h.key === cursor.id);
  if (at >= 0) return at + 1;
  const next = hits.findIndex((h) => h.score < cursor.score || (h.score === cursor.score && h.key > cursor.id));
  return next < 0 ? hits.length : next;
}

/**
 * Published questions ranked by how well they answer `text`: the BM25 scoring, folding and
 * thesaurus of the suggestions, equal scores by id. The cursor is the last item's (score, id),
 * and the next page starts after that item where it now ranks. While the published set stays the
 * same the ranking does too, and pages neither repeat nor skip. When a question is published or
 * withdrawn between two pages, every score changes (BM25 weighs a word by how many answers hold
 * it), which would throw a cursor of scores alone off by whole pages, and shift an offset by one:
 * following the item itself keeps the rest in place: only an item that moved across it can show
 * twice or not at all.
 */
export async function byRelevance(db: Kysely<Tables>, index: SuggestIndex, text: string, query: ListQuery): Promise<QuestionPage> {
  const cursor = query.cursor ? decodeRelevanceCursor(query.cursor) : undefined;
  if (cursor === null) throw badCursor();
  const hits = await index.rankAnswers(text, query.field);
  const start = cursor ? startAfter(hits, cursor) : 0;
  const page = hits.slice(start, start + query.limit);
  const rows = page.length
    ? await (
        await publishedQuestions(db, query.lang)
      )
        .where(
          'q.id',
          'in',
          page.map((h) => h.key),
        )
        .execute()
    : [];
  // In the ranking's order; one withdrawn since the index was built is left out.
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = page.flatMap((h) => byId.get(h.key) ?? []);
  const last = page.at(-1);
  return {
    items: await toPublished(db, ordered),
    nextCursor: last && start + page.length < hits.length ? encodeRelevanceCursor({ score: last.score, id: last.key }) : null,
    total: hits.length,
  };
}
