import type { Kysely } from 'kysely';
import type { Lang, Suggestions } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { Bm25 } from './bm25.js';
import { excerpt, htmlToText } from './answer-text.js';
import { publishedQuestions, toPublished } from './questions.queries.js';
import { terms } from './search-terms.js';

/** Below this share of the query's weight, a document is not offered as an answer. */
export const MIN_ANSWER_COVERAGE = 0.18;
export const MIN_LAW_COVERAGE = 0.3;
const RECHECK_MS = 5_000;

interface Built {
  signature: string;
  answers: Bm25<string>;
  /** The field of each published question, for filtering a search. */
  fieldOf: Map<string, string>;
  laws: Bm25<string>;
  lawInfo: Map<string, { number: string; type: string; abstract: string; url: string; fields: string[] }>;
}

/**
 * The automatic answer: BM25 over the province's own published answers and legal documents,
 * rebuilt when either changes (checked at most every few seconds, so several API instances on one
 * PostgreSQL stay in step). No outside service.
 */
export class SuggestIndex {
  private built: Built | null = null;
  private checkedAt = 0;

  constructor(private readonly db: Kysely<Tables>) {}

  private async signature() {
    const q = await this.db
      .selectFrom('questions')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('published_at').as('p'), eb.fn.max('answered_at').as('a')])
      .where('published', '=', 1)
      .executeTakeFirstOrThrow();
    const l = await this.db
      .selectFrom('laws')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('u')])
      .where('withdrawn_at', 'is', null)
      .executeTakeFirstOrThrow();
    return `${q.n}|${q.p}|${q.a}|${l.n}|${l.u}`;
  }

  /** Forces a rebuild at the next request: after staff publish or withdraw an answer. */
  invalidate() {
    this.checkedAt = 0;
  }

  private async fresh(): Promise<Built> {
    if (this.built && Date.now() - this.checkedAt < RECHECK_MS) return this.built;
    const signature = await this.signature();
    this.checkedAt = Date.now();
    if (this.built?.signature === signature) return this.built;

    const qa = await (await publishedQuestions(this.db, 'vi')).execute();
    const answers = new Bm25(
      qa.map((q) => ({ key: q.id, terms: [...terms(q.title), ...terms(q.title), ...terms(q.content), ...terms(htmlToText(q.answer_html ?? ''))] })),
    );
    const lawRows = await this.db
      .selectFrom('laws as l')
      .innerJoin('doc_types as t', 't.code', 'l.type_code')
      .select(['l.id', 'l.number', 'l.abstract', 'l.url', 't.name_vi as type'])
      .where('l.withdrawn_at', 'is', null)
      .execute();
    const fieldRows = await this.db
      .selectFrom('law_fields as lf')
      .innerJoin('fields as f', 'f.code', 'lf.field_code')
      .select(['lf.law_id', 'f.code', 'f.name_vi'])
      .execute();
    const fieldsOf = new Map<string, { code: string; name: string }[]>();
    for (const r of fieldRows) fieldsOf.set(r.law_id, [...(fieldsOf.get(r.law_id) ?? []), { code: r.code, name: r.name_vi }]);
    const laws = new Bm25(
      lawRows.map((l) => ({
        key: l.id,
        terms: [...terms(`${l.type} ${l.abstract}`), ...terms(l.abstract), ...(fieldsOf.get(l.id) ?? []).flatMap((f) => terms(f.name))],
      })),
    );
    const lawInfo = new Map(
      lawRows.map((l) => [l.id, { number: l.number, type: l.type, abstract: l.abstract, url: l.url, fields: (fieldsOf.get(l.id) ?? []).map((f) => f.code) }]),
    );
    this.built = { signature, answers, fieldOf: new Map(qa.map((q) => [q.id, q.field_code])), laws, lawInfo };
    return this.built;
  }

  /**
   * Every published answer the words of `text` find (the scoring and threshold of the suggestions),
   * in `field` when given, best first; equal scores by id, so a page can start right after another.
   */
  async rankAnswers(text: string, field?: string): Promise<{ key: string; score: number }[]> {
    const index = await this.fresh();
    const query = terms(text);
    if (query.length === 0) return [];
    return index.answers
      .search(query, Infinity)
      .filter((h) => h.coverage >= MIN_ANSWER_COVERAGE && (!field || index.fieldOf.get(h.key) === field))
      .map(({ key, score }) => ({ key, score }))
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async suggest(text: string, field: string | undefined, lang: Lang): Promise<Suggestions> {
    const index = await this.fresh();
    const query = terms(text);
    if (query.length === 0) return { answers: [], laws: [] };

    const answerHits = index.answers.search(query, 10).filter((h) => h.coverage >= MIN_ANSWER_COVERAGE);
    const published = new Map(
      (
        await toPublished(
          this.db,
          await (await publishedQuestions(this.db, lang)).where('q.id', 'in', answerHits.length ? answerHits.map((h) => h.key) : ['']).execute(),
        )
      ).map((p) => [p.id, p]),
    );
    // A question in the field the citizen chose ranks a little higher; others still show.
    const ranked = answerHits
      .map((h) => ({ ...h, score: h.score * (field && published.get(h.key)?.field.code === field ? 1.25 : 1) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 3);
    const answers = ranked.flatMap((h) => {
      const p = published.get(h.key);
      if (!p) return [];
      return [{ id: p.id, title: p.title, excerpt: excerpt(p.answerHtml), answerHtml: p.answerHtml, citations: p.citations, score: round(h.score) }];
    });

    // Documents: those the suggested answers cite (with their articles), then the best text matches.
    const articles = new Map<string, Set<string>>();
    for (const a of answers)
      for (const c of a.citations)
        if (c.lawId) {
          const set = articles.get(c.lawId) ?? new Set<string>();
          if (c.article) set.add(c.article);
          articles.set(c.lawId, set);
        }
    const lawHits = index.laws.search(query, 10).filter((h) => h.coverage >= MIN_LAW_COVERAGE);
    const order = [...new Set([...articles.keys(), ...lawHits.map((h) => h.key)])].slice(0, 3);
    const laws = order.flatMap((id) => {
      const info = index.lawInfo.get(id);
      if (!info) return [];
      const hit = lawHits.find((h) => h.key === id);
      return [
        {
          id,
          number: info.number,
          type: info.type,
          abstract: info.abstract,
          url: info.url,
          articles: [...(articles.get(id) ?? [])],
          score: round(hit?.score ?? 0),
        },
      ];
    });
    return { answers, laws };
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
