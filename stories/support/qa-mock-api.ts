/**
 * The provincial API's Q&A endpoints for the <pbgdpl-qa-box> stories, from `parameters.qaApi`,
 * answered from the real seed data (packages/api/seed/qa.json and catalog.json). It sits on top of
 * support/mock-api.ts (which answers GET …/api/v1/laws and leaves the rest alone): install it with
 * `beforeEach: qaApiBeforeEach` on the stories' meta; every request is logged in mock-api's
 * `requests`.
 *
 * - GET  …/api/v1/questions: published Q&A, newest first, folded search (q), field, paging;
 * - GET  …/api/v1/questions/suggest: closest answers by shared terms, and the documents they cite;
 * - POST …/api/v1/questions: a receipt, or what `ask` says;
 * - GET  …/api/v1/questions/{code}: the status of a question (answered, with a seed answer);
 * - GET  …/api/v1/meta and …/api/v1/sites/{key}: the fields, and the site's contact rule.
 *
 * The proof of work is replaced by a stand-in (the test seams `ProofOfWork.create` and
 * `ProofOfWork.prefetch`): the stories show the form's states, not ALTCHA. `remembered` puts
 * tracking codes in localStorage as the receipt's "Nhớ mã trên máy này" box does.
 */
import type { Preview } from '@storybook/web-components-vite';
import qaJson from '../../packages/api/seed/qa.json';
import { lawId } from '../../packages/api/src/laws/law-id.js';
import {
  foldVietnamese,
  type Citation,
  type Lang,
  type PublishedQuestion,
  type QuestionStatusView,
  type Suggestions,
} from '../../packages/contract/src/index.js';
import { ProofOfWork } from '../../packages/widgets/src/core/proof-of-work.js';
import { rememberCode } from '../../packages/widgets/src/qa-box/qa-box.codes.js';
import { qaListUrl } from '../../packages/widgets/src/qa-box/qa-box.request.js';
import { catalog, FULLTEXT_URL } from './catalog.js';
import { CACHE_PREFIX, requests, type MockRequest } from './mock-api.js';
import { clearWidgetStorage, setOnline } from './browser-state.js';

export interface QaMockApi {
  /** The published list: answered from the seed (default), empty, never answered, HTTP 500, or offline (navigator.onLine false, every request fails). */
  list?: 'data' | 'empty' | 'never' | 'error' | 'offline';
  /** Before the widget starts, save the first page in localStorage as an earlier visit would have. */
  cached?: boolean;
  /** What sending a question gets: a receipt (default), no answer yet, no network, HTTP 429, or HTTP 400 with field errors. */
  ask?: 'ok' | 'never' | 'offline' | 'rate-limited' | 'invalid';
  /** The site's rules (GET /api/v1/sites/{key}); `answersByEmail` (default false): its server sends answers by e-mail. */
  site?: { contactRule?: string; requireName?: boolean; answerDays?: number; answersByEmail?: boolean };
  /** Tracking codes the citizen ticked "Nhớ mã trên máy này" for on an earlier visit, newest first. */
  remembered?: string[];
  /** Network delay in ms. Default 200. */
  latency?: number;
}

interface SeedQuestion {
  key: string;
  field: string;
  title: string;
  content: string;
  answerHtml: string;
  citations: { number: string; article: string | null }[];
  askedOn: string;
  answeredOn: string;
}

const seed = (qaJson as { questions: SeedQuestion[] }).questions;
const fieldLabel = (code: string, lang: Lang) => catalog.fields.find((f) => f.code === code)?.[lang] ?? code;
const typeLabel = (code: string) => catalog.types.find((t) => t.code === code)?.vi ?? '';
const lawOf = (number: string) => catalog.laws.find((l) => l.number === number);
const lawUrl = (number: string) => lawOf(number)?.url ?? FULLTEXT_URL.replace('{number}', encodeURIComponent(number));

/** questions.queries.ts citationsOf(): the law id and URL when the catalog has the document. */
function citations(q: SeedQuestion): Citation[] {
  return q.citations.map((c) => {
    const law = lawOf(c.number);
    return { number: c.number, article: c.article, lawId: law ? lawId(law.number, law.issued) : null, url: law ? lawUrl(c.number) : null };
  });
}

function published(q: SeedQuestion, lang: Lang): PublishedQuestion {
  return {
    id: q.key,
    title: q.title,
    content: q.content,
    field: { code: q.field, label: fieldLabel(q.field, lang) },
    askedOn: q.askedOn,
    answeredOn: q.answeredOn,
    answerHtml: q.answerHtml,
    citations: citations(q),
  };
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const terms = (text: string) =>
  foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1);
const newestFirst = [...seed].sort((a, b) => (a.answeredOn === b.answeredOn ? (a.key < b.key ? 1 : -1) : a.answeredOn < b.answeredOn ? 1 : -1));

function list(url: URL) {
  const p = url.searchParams;
  const lang = p.get('lang') === 'en' ? 'en' : 'vi';
  const limit = Math.min(20, Math.max(1, Number(p.get('limit') ?? 5)));
  const words = terms(p.get('q') ?? '');
  const field = p.get('field');
  const hits = newestFirst.filter(
    (q) => (!field || q.field === field) && words.every((w) => foldVietnamese(`${q.title} ${q.content} ${plain(q.answerHtml)}`).includes(w)),
  );
  const from = Number(p.get('cursor') ?? 0);
  const page = hits.slice(from, from + limit);
  return { items: page.map((q) => published(q, lang)), nextCursor: from + limit < hits.length ? String(from + limit) : null, total: hits.length };
}

/** suggest.ts, roughly: the answers sharing most terms, then the documents they cite with their articles. */
function suggest(url: URL): Suggestions {
  const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
  const words = new Set(terms(url.searchParams.get('text') ?? ''));
  const scored = seed
    .map((q) => ({ q, score: terms(`${q.title} ${q.title} ${q.content}`).filter((t) => words.has(t)).length }))
    .filter((s) => s.score >= 3)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  const answers = scored.map(({ q, score }) => {
    const text = plain(q.answerHtml);
    return {
      id: q.key,
      title: q.title,
      excerpt: text.length > 200 ? `${text.slice(0, 200)}…` : text,
      answerHtml: q.answerHtml,
      citations: published(q, lang).citations,
      score,
    };
  });
  const articles = new Map<string, string[]>();
  for (const { q } of scored)
    for (const c of q.citations)
      if (lawOf(c.number)) articles.set(c.number, [...new Set([...(articles.get(c.number) ?? []), ...(c.article ? [c.article] : [])])]);
  const laws = [...articles].slice(0, 3).map(([number, arts], i) => {
    const law = lawOf(number)!;
    return { id: lawId(law.number, law.issued), number, type: typeLabel(law.type), abstract: law.abstract, url: lawUrl(number), articles: arts, score: 3 - i };
  });
  return { answers, laws };
}

/** A question sent from the stories, answered by staff with the seed's marriage answer. */
function status(code: string, lang: Lang): QuestionStatusView {
  const q = seed.find((s) => s.key === 'ket-hon-tuoi') ?? seed[0]!;
  return {
    trackingCode: code,
    status: 'answered',
    title: q.title,
    field: { code: q.field, label: fieldLabel(q.field, lang) },
    askedOn: q.askedOn,
    dueOn: q.answeredOn,
    answer: { html: q.answerHtml, citations: citations(q), answeredOn: q.answeredOn },
    rejectedReason: null,
  };
}

const problem = (status: number, detail: string, errors?: { path: string; code: string; message: string }[]) => ({
  type: 'about:blank',
  title: status === 429 ? 'Too many requests' : status === 400 ? 'Bad request' : 'Internal server error',
  status,
  detail,
  ...(errors ? { errors } : {}),
});

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8', ...headers },
  });

export const RECEIPT_CODE = 'HD-7K3M9-QXP2A';

function qaFetch(mock: QaMockApi, below: typeof fetch): typeof fetch {
  const latency = mock.latency ?? 200;
  return async (input, init) => {
    const request = input instanceof Request ? input : null;
    const url = new URL(request?.url ?? String(input), location.href);
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const ours = path === '/api/v1/meta' || path.startsWith('/api/v1/sites/') || path.startsWith('/api/v1/questions');
    if (!ours) return below(input, init);
    const log: MockRequest = { url: `${method === 'GET' ? '' : `${method} `}${url.href}`, status: 'pending' };
    requests.push(log);
    const signal = init?.signal ?? request?.signal;
    const answer = async (status: number, body: unknown, headers?: Record<string, string>) => {
      await sleep(latency, signal);
      log.status = status;
      return reply(status, body, headers);
    };
    const offline = async () => {
      await sleep(latency, signal);
      log.status = 'network-error';
      throw new TypeError('Failed to fetch');
    };
    const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
    if (mock.list === 'offline' && method === 'GET') return offline();
    if (method === 'POST' && path === '/api/v1/questions') {
      switch (mock.ask ?? 'ok') {
        case 'never':
          return new Promise<Response>(() => {});
        case 'offline':
          return offline();
        case 'rate-limited':
          return answer(429, problem(429, 'too many submissions; try again in 600 seconds'), { 'Retry-After': '600' });
        case 'invalid':
          return answer(
            400,
            problem(400, 'title: too short; email: not an e-mail address', [
              { path: 'title', code: 'too_small', message: 'title must be at least 10 characters' },
              { path: 'email', code: 'invalid_format', message: 'must be an e-mail address such as ten@example.com' },
            ]),
          );
        default: {
          const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
          return answer(201, { trackingCode: RECEIPT_CODE, status: 'new', dueOn: due });
        }
      }
    }
    if (path === '/api/v1/meta')
      return answer(200, { fields: catalog.fields.map((f) => ({ code: f.code, label: f[lang] })), types: [], issuers: [], validity: [] });
    if (path.startsWith('/api/v1/sites/')) {
      return answer(200, {
        key: path.split('/').pop(),
        name: 'Trang thử',
        kind: 'so-ban-nganh',
        contactRule: 'email-or-phone',
        requireName: true,
        answerDays: 10,
        answersByEmail: false,
        ...mock.site,
      });
    }
    if (path === '/api/v1/questions/suggest') return answer(200, suggest(url));
    if (path.startsWith('/api/v1/questions/')) return answer(200, status(decodeURIComponent(path.split('/').pop()!), lang));
    // The list.
    const kind = url.searchParams.has('cursor') ? 'data' : (mock.list ?? 'data');
    if (kind === 'never') return new Promise<Response>(() => {});
    if (kind === 'error') return answer(500, problem(500, 'the database did not answer'));
    return answer(200, kind === 'empty' ? { items: [], nextCursor: null, total: 0 } : list(url));
  };
}

/** The first list request of a <pbgdpl-qa-box> with these args, as the widget builds it. */
export const firstQaRequest = (args: Record<string, unknown>) => {
  const text = (name: string) => (args[name] == null || args[name] === '' ? null : String(args[name]));
  return qaListUrl({ api: text('api') ?? '', site: text('site'), lang: text('lang'), limit: text('limit'), field: text('field') });
};

/** Installs the mock (and the stand-in proof) before a story; puts everything back after it. */
export const qaApiBeforeEach: NonNullable<Preview['beforeEach']> = ({ parameters, args }) => {
  const mock = (parameters.qaApi ?? {}) as QaMockApi;
  const below = globalThis.fetch;
  const realProof = { create: ProofOfWork.create, prefetch: ProofOfWork.prefetch };
  clearWidgetStorage();
  for (const code of [...(mock.remembered ?? [])].reverse()) rememberCode(code);
  if (mock.cached) {
    const url = firstQaRequest(args);
    const saved = new Date();
    saved.setHours(7, 30, 0, 0);
    if (saved.getTime() > Date.now()) saved.setDate(saved.getDate() - 1);
    localStorage.setItem(CACHE_PREFIX + url, JSON.stringify({ savedAt: saved.getTime(), data: list(new URL(url, location.href)) }));
  }
  globalThis.fetch = qaFetch(mock, below);
  ProofOfWork.create = async () => ({ payload: async () => 'storybook-proof', next() {} });
  ProofOfWork.prefetch = async () => {};
  if (mock.list === 'offline') setOnline(false);
  return () => {
    globalThis.fetch = below;
    Object.assign(ProofOfWork, realProof);
    setOnline(true);
    clearWidgetStorage();
  };
};
