import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type AdminQuestion, type Citation, type Lang, type PublishedQuestion, type QuestionStatus, type QuestionStatusView } from '@pbgdpl/contract';
import type { QuestionTable, Tables } from '../db/schema.js';
import { searchText } from '../search/text-search.js';
import { htmlToText } from './answer-text.js';
import { isOverdue } from './question-queue.js';
import { vietnamDay } from '../calendar/vietnam-time.js';

type Db = Kysely<Tables> | Transaction<Tables>;

export const questionSearchText = (q: { title: string; content: string; answer_html?: string | null }) =>
  searchText(q.title, q.content, htmlToText(q.answer_html ?? ''));

export async function citationsOf(db: Db, ids: string[]): Promise<Map<string, Citation[]>> {
  const out = new Map<string, Citation[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('question_citations as c')
    // A document staff withdrew is no longer linked: its detail answers 410 and its full text may be wrong.
    .leftJoin('laws as l', (join) => join.onRef('l.id', '=', 'c.law_id').on('l.withdrawn_at', 'is', null))
    .select(['c.question_id', 'c.number', 'c.article', 'l.id as law_id', 'l.url'])
    .where('c.question_id', 'in', ids)
    .orderBy('c.question_id')
    .orderBy('c.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.question_id) ?? [];
    list.push({ number: r.number, article: r.article, lawId: r.law_id, url: r.url ?? null });
    out.set(r.question_id, list);
  }
  return out;
}

/** Citations by document number; the law id is filled in when this server has the document, published. */
export async function writeCitations(trx: Db, questionId: string, citations: { number: string; article: string | null }[]) {
  await trx.deleteFrom('question_citations').where('question_id', '=', questionId).execute();
  for (const [position, c] of citations.entries()) {
    const law = await citedLaw(trx, c.number);
    await trx
      .insertInto('question_citations')
      .values({ question_id: questionId, position, number: c.number, article: c.article, law_id: law?.id ?? null })
      .execute();
  }
}

/** The published document a citation's number names: the latest issued of that number. */
const citedLaw = (db: Db, number: string) =>
  db.selectFrom('laws').select(['id', 'url']).where('number', '=', number).where('withdrawn_at', 'is', null).orderBy('issued_on', 'desc').executeTakeFirst();

/** Citations as writeCitations would store them and citationsOf read them back, storing nothing: for a preview. */
export async function resolveCitations(db: Db, citations: { number: string; article: string | null }[]): Promise<Citation[]> {
  const out: Citation[] = [];
  for (const c of citations) {
    const law = await citedLaw(db, c.number);
    out.push({ number: c.number, article: c.article, lawId: law?.id ?? null, url: law?.url ?? null });
  }
  return out;
}

const fieldName = (lang: Lang) => (lang === 'en' ? 'f.name_en' : 'f.name_vi');

export async function publishedQuestions(db: Db, lang: Lang) {
  return db
    .selectFrom('questions as q')
    .innerJoin('fields as f', 'f.code', 'q.field_code')
    .select([
      'q.id',
      'q.title',
      'q.content',
      'q.field_code',
      `${fieldName(lang)} as field_label`,
      'q.created_at',
      'q.answered_at',
      'q.answer_html',
      'q.published_at',
      'q.search_text',
    ])
    .where('q.published', '=', 1)
    .where('q.status', '=', 'answered');
}

type PublishedRow = Awaited<ReturnType<Awaited<ReturnType<typeof publishedQuestions>>['execute']>>[number];

export async function toPublished(db: Db, rows: PublishedRow[]): Promise<PublishedQuestion[]> {
  const cites = await citationsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    content: r.content,
    field: { code: r.field_code, label: r.field_label },
    askedOn: r.created_at.slice(0, 10),
    answeredOn: (r.answered_at ?? r.created_at).slice(0, 10),
    answerHtml: r.answer_html ?? '',
    citations: cites.get(r.id) ?? [],
  }));
}

export async function statusView(db: Db, trackingCode: string, lang: Lang): Promise<QuestionStatusView | null> {
  const r = await db
    .selectFrom('questions as q')
    .innerJoin('fields as f', 'f.code', 'q.field_code')
    .select([
      'q.id',
      'q.tracking_code',
      'q.status',
      'q.title',
      'q.field_code',
      `${fieldName(lang)} as field_label`,
      'q.created_at',
      'q.due_on',
      'q.answer_html',
      'q.answered_at',
      'q.rejected_reason',
    ])
    .where('q.tracking_code', '=', trackingCode)
    .executeTakeFirst();
  if (!r) return null;
  const answered = r.status === 'answered' && r.answer_html;
  const cites = answered ? ((await citationsOf(db, [r.id])).get(r.id) ?? []) : [];
  return {
    trackingCode: r.tracking_code,
    status: r.status as QuestionStatus,
    title: r.title,
    field: { code: r.field_code, label: r.field_label },
    askedOn: r.created_at.slice(0, 10),
    dueOn: r.due_on,
    answer: answered ? { html: r.answer_html!, citations: cites, answeredOn: (r.answered_at ?? '').slice(0, 10) } : null,
    rejectedReason: r.status === 'rejected' ? r.rejected_reason : null,
  };
}

export async function toAdmin(db: Db, rows: QuestionTable[]): Promise<AdminQuestion[]> {
  const ids = rows.map((r) => r.id);
  const cites = await citationsOf(db, ids);
  const consents = ids.length
    ? await db.selectFrom('consents').selectAll().where('subject_type', '=', 'question').where('subject_id', 'in', ids).execute()
    : [];
  const consentOf = new Map(consents.map((c) => [c.subject_id, c]));
  const today = vietnamDay(new Date());
  return rows.map((r) => {
    const c = consentOf.get(r.id);
    return {
      id: r.id,
      trackingCode: r.tracking_code,
      site: r.site_key,
      field: r.field_code,
      title: r.title,
      content: r.content,
      name: r.asker_name,
      email: r.asker_email,
      phone: r.asker_phone,
      status: r.status as QuestionStatus,
      handlingUnit: r.handling_unit,
      createdAt: r.created_at,
      dueOn: r.due_on,
      overdue: isOverdue(r, today),
      answerHtml: r.answer_html,
      citations: cites.get(r.id) ?? [],
      answeredBy: r.answered_by,
      answeredAt: r.answered_at,
      published: Number(r.published) === 1,
      rejectedReason: r.rejected_reason,
      pageUrl: r.page_url,
      contactOverLimit: Number(r.contact_over_limit) === 1,
      consent: {
        purposes: c ? (JSON.parse(c.purposes) as AdminQuestion['consent']['purposes']) : [],
        noticeVersion: c?.notice_version ?? '',
        givenAt: c?.given_at ?? '',
      },
    };
  });
}

export async function insertConsent(trx: Db, subjectType: 'question' | 'feedback', subjectId: string, purposes: string[], noticeVersion: string, at: string) {
  await trx
    .insertInto('consents')
    .values({
      id: randomUUID(),
      subject_type: subjectType,
      subject_id: subjectId,
      purposes: JSON.stringify([...new Set(purposes)].sort()),
      notice_version: noticeVersion,
      given_at: at,
      withdrawn_at: null,
    })
    .execute();
}
