/**
 * The provincial API's feedback endpoints for the <pbgdpl-feedback-form> stories, from
 * `parameters.feedbackApi`. It sits on top of support/mock-api.ts (which answers GET …/api/v1/laws
 * and leaves the rest alone): install it with `beforeEach: feedbackApiBeforeEach` on the stories'
 * meta; every request it answers is logged in mock-api's `requests`.
 *
 * - GET  …/api/v1/laws/{id}: the document a complaint is about, from the seed catalog (as
 *   laws.queries.ts summarises it), or the example draft below; 404 for any other id;
 * - POST …/api/v1/feedback: a receipt, or what `send` says.
 *
 * The proof of work is replaced by a stand-in (the test seams `ProofOfWork.create` and
 * `ProofOfWork.prefetch`): the stories show the form's states, not ALTCHA.
 */
import type { Preview } from '@storybook/web-components-vite';
import { lawId } from '../../packages/api/src/laws/law-id.js';
import type { Lang, LawSummary } from '../../packages/contract/src/index.js';
import { ProofOfWork } from '../../packages/widgets/src/core/proof-of-work.js';
import { catalog, toSummary } from './catalog.js';
import { requests, type MockRequest } from './mock-api.js';
import { clearWidgetStorage, setOnline } from './browser-state.js';

export interface FeedbackMockApi {
  /**
   * What sending gets: a receipt (default); no answer yet (never); no network (offline:
   * navigator.onLine is false and every request fails); HTTP 429 with Retry-After 120
   * (rate-limited); HTTP 404 with no field errors (failed); the browser refusing the POST as for an
   * origin the province did not register (forbidden).
   */
  send?: 'ok' | 'never' | 'offline' | 'rate-limited' | 'failed' | 'forbidden';
  /** Network delay in ms. Default 200. */
  latency?: number;
}

/** An example draft put up for comments (góp ý dự thảo); the seed catalog holds only issued documents. */
export const DRAFT: LawSummary = {
  id: 'du-thao-nq-hoa-giai-2026',
  number: '01/2026/NQ-HĐND (dự thảo)',
  type: { code: 'nghi-quyet', label: 'Nghị quyết' },
  issuer: { code: 'hdnd-tinh-bac-ninh', label: 'HĐND tỉnh Bắc Ninh' },
  issuedOn: '2026-03-02',
  effectiveOn: null,
  validity: { code: 'chua-co-hieu-luc', label: 'Chưa có hiệu lực' },
  fields: [],
  abstract: 'Quy định mức chi hỗ trợ công tác hòa giải ở cơ sở trên địa bàn tỉnh',
  url: 'https://example.gov.vn/du-thao/01-2026',
};

/** The document with this id, as GET /api/v1/laws/{id} gives it (its list fields are what the widget reads). */
export function lawById(id: string, lang: Lang): LawSummary | null {
  if (id === DRAFT.id) return DRAFT;
  const law = catalog.laws.find((l) => lawId(l.number, l.issued) === id);
  return law ? toSummary({ law, id, searchText: '' }, lang) : null;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8', ...headers },
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function feedbackFetch(mock: FeedbackMockApi, below: typeof fetch): typeof fetch {
  const latency = mock.latency ?? 200;
  return async (input, init) => {
    const request = input instanceof Request ? input : null;
    const url = new URL(request?.url ?? String(input), location.href);
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const document = /\/api\/v1\/laws\/([^/]+)$/.exec(url.pathname);
    const feedback = url.pathname.endsWith('/api/v1/feedback');
    const sending = method === 'POST' && feedback;
    // A GET there is the sender asking whether the API answers at all (after a refused POST): 404, as the API says.
    if (feedback && !sending) return json(404, { type: 'about:blank', title: 'Not found', status: 404, detail: 'not found' });
    if (!document && !sending) return below(input, init);
    const log: MockRequest = { url: url.href, status: 'pending' };
    requests.push(log);
    if (mock.send === 'offline' || (sending && mock.send === 'forbidden')) {
      await sleep(latency);
      log.status = 'network-error';
      throw new TypeError('Failed to fetch');
    }
    if (sending && mock.send === 'never') return new Promise<Response>(() => {});
    await sleep(latency);
    let res: Response;
    if (document) {
      const law = lawById(decodeURIComponent(document[1]!), url.searchParams.get('lang') === 'en' ? 'en' : 'vi');
      res = law ? json(200, law) : json(404, { type: 'about:blank', title: 'Not found', status: 404, detail: `no legal document with id "${document[1]}"` });
    } else if (mock.send === 'rate-limited') {
      res = json(
        429,
        { type: '/problems/rate-limited', title: 'Too many requests', status: 429, detail: 'too many submissions; try again in 120 seconds' },
        { 'Retry-After': '120' },
      );
    } else if (mock.send === 'failed') {
      res = json(404, { type: 'about:blank', title: 'Not found', status: 404, detail: 'not found' });
    } else {
      res = json(201, { id: '5f0c2a7e-6b1d-4c1e-9a55-2d2f8f3b7c10', receivedAt: new Date().toISOString() });
    }
    log.status = res.status;
    return res;
  };
}

/** Installs the mock (and the stand-in proof) before a story; puts everything back after it. */
export const feedbackApiBeforeEach: NonNullable<Preview['beforeEach']> = ({ parameters }) => {
  const mock = (parameters.feedbackApi ?? {}) as FeedbackMockApi;
  const below = globalThis.fetch;
  const realProof = { create: ProofOfWork.create, prefetch: ProofOfWork.prefetch };
  clearWidgetStorage();
  globalThis.fetch = feedbackFetch(mock, below);
  ProofOfWork.create = async () => ({ payload: async () => 'storybook-proof', next() {} });
  ProofOfWork.prefetch = async () => {};
  if (mock.send === 'offline') setOnline(false);
  return () => {
    globalThis.fetch = below;
    Object.assign(ProofOfWork, realProof);
    setOnline(true);
    clearWidgetStorage();
  };
};
