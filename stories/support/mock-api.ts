/**
 * A stand-in for the provincial API, per story, from `parameters.mockApi`:
 *
 *   parameters: { mockApi: { respond: 'error', failures: 2 } }
 *
 * `mockApiBeforeEach` (in .storybook/preview.ts) replaces window.fetch for GET …/api/v1/laws
 * before the story renders and puts everything back afterwards (fetch, navigator.onLine, the
 * widgets' localStorage entries), so no story sees another's network or storage.
 * `mockApiDecorator` puts the saved copy an offline visitor would have into localStorage, for the
 * URL the widget is about to ask for with the story's current args.
 * Other requests go to the real network untouched.
 */
import type { Decorator, Preview, StoryContext } from '@storybook/web-components-vite';
import { latestLawsUrl } from '../../packages/widgets/src/latest-laws/latest-laws.request.js';
import { answerLawList, catalog, serverError, type Answer, type CatalogLaw } from './catalog.js';
import { clearWidgetStorage, setOnline } from './browser-state.js';

export interface MockApi {
  /**
   * What the API does with a list request:
   * - data: answers from the seed catalog (filters, search, paging), after `latency` ms;
   * - empty: answers with no documents;
   * - never: never answers (the widget stays on its skeleton; its own 10 s timeout is not honoured);
   * - error: HTTP 500 for the first `failures` requests, then data;
   * - offline: navigator.onLine is false and every request fails as fetch does without a network.
   */
  respond?: 'data' | 'empty' | 'never' | 'error' | 'offline';
  /** With respond 'error': how many requests fail before the API is back. The widget retries a failed load once by itself, so 2 fails one load. Default: all. */
  failures?: number;
  /** What the requests for a next page ("Xem thêm", with a cursor) get: 'data' (default), 'never' or 'error' (HTTP 500). */
  nextPages?: 'data' | 'never' | 'error';
  /** Before the widget starts, save the first page in localStorage as an earlier visit would have. */
  cached?: boolean;
  /** Network delay in ms. Default 300. */
  latency?: number;
  /** Change the documents the API serves (the seed catalog by default). */
  laws?: (laws: CatalogLaw[]) => CatalogLaw[];
}

export interface MockRequest {
  url: string;
  status: number | 'network-error' | 'pending';
}

/** Every list request of the current story, for play functions. */
export const requests: MockRequest[] = [];

/** packages/widgets/src/core/cache.ts PREFIX (not exported there). */
export const CACHE_PREFIX = 'pbgdpl:v1:';
const LIST_PATH = /\/api\/v1\/laws$/;
const realFetch = globalThis.fetch;

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

const json = ({ status, body }: Answer) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8' },
  });

const lawsOf = (mock: MockApi) => (mock.laws ? mock.laws(catalog.laws) : catalog.laws);

function stubFetch(mock: MockApi): typeof fetch {
  const respond = mock.respond ?? 'data';
  const latency = mock.latency ?? 300;
  const laws = lawsOf(mock);
  let failed = 0;
  return async (input, init) => {
    const request = input instanceof Request ? input : null;
    const url = new URL(request?.url ?? String(input), location.href);
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    if (method !== 'GET' || !LIST_PATH.test(url.pathname)) return realFetch(input, init);

    const log: MockRequest = { url: url.href, status: 'pending' };
    requests.push(log);
    const signal = init?.signal ?? request?.signal;
    const kind = url.searchParams.has('cursor') ? (mock.nextPages ?? 'data') : respond;
    if (kind === 'never') return new Promise<Response>(() => {});
    await sleep(latency, signal);
    if (kind === 'offline') {
      log.status = 'network-error';
      throw new TypeError('Failed to fetch');
    }
    const fails = kind === 'error' && (url.searchParams.has('cursor') || mock.failures === undefined || failed++ < mock.failures);
    const answer: Answer = fails ? serverError() : answerLawList(url, kind === 'empty' ? [] : laws);
    log.status = answer.status;
    return json(answer);
  };
}

/** A time of an earlier visit for the saved copy: 07:30 today, or yesterday if that is still to come. */
function earlierVisit() {
  const t = new Date();
  t.setHours(7, 30, 0, 0);
  if (t.getTime() > Date.now()) t.setDate(t.getDate() - 1);
  return t.getTime();
}

/** The first request of a <pbgdpl-latest-laws> with these args, as the widget builds it. */
export function firstRequestOf(args: Record<string, unknown>) {
  const text = (name: string) => (args[name] == null ? null : String(args[name]));
  return latestLawsUrl({
    api: text('api') ?? '',
    site: text('site'),
    lang: text('lang'),
    limit: text('limit'),
    field: text('field'),
    type: text('type'),
    issuer: text('issuer'),
    validity: text('validity'),
  });
}

export const mockApiBeforeEach: NonNullable<Preview['beforeEach']> = (context) => {
  const mock = context.parameters.mockApi as MockApi | undefined;
  clearWidgetStorage(CACHE_PREFIX);
  requests.length = 0;
  if (!mock) return;
  globalThis.fetch = stubFetch(mock);
  setOnline(mock.respond !== 'offline');
  return () => {
    globalThis.fetch = realFetch;
    setOnline(true);
    clearWidgetStorage(CACHE_PREFIX);
    requests.length = 0;
  };
};

/** Runs on every render (args changes too), so the saved copy matches the URL the widget will ask for. */
export const mockApiDecorator: Decorator = (story, context: StoryContext) => {
  const mock = context.parameters.mockApi as MockApi | undefined;
  if (mock?.cached) {
    const url = firstRequestOf(context.args);
    const { status, body } = answerLawList(new URL(url, location.href), lawsOf(mock));
    if (status === 200) localStorage.setItem(CACHE_PREFIX + url, JSON.stringify({ savedAt: earlierVisit(), data: body }));
  }
  return story();
};
