import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PublishedQuestion, QuestionPage, QuestionStatusView, Suggestions } from '@pbgdpl/contract';
import './define.js';
import { type PbgdplQaBox } from './qa-box.js';
import { REMEMBER_DAYS, rememberCode, savedCodes } from './qa-box.codes.js';
import { formatArticle, formatCitation } from './qa-box.citation.js';
import { formStyles } from './qa-box.forms.styles.js';
import { ProofOfWork } from '../core/proof-of-work.js';
import type { Proof } from '../core/proof.js';
import { clearWidgetStorage, setOnline, watchWarnings } from '../test-support/fixtures.js';
import { XSS_FLAG, XSS_PAYLOADS, XSS_URLS } from '../test-support/xss-corpus.js';

const API = 'https://api.example.test';
const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => Array.from(shadow(el).querySelectorAll<T>(sel));
const items = (el: Element) => $$<HTMLLIElement>(el, 'ul.list:not([aria-hidden]) > li.item');
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ready = (el: PbgdplQaBox, n: number) => waitUntil(() => items(el).length === n && !$(el, '.skeleton'), `expected ${n} questions`);
const active = (el: Element) => shadow(el).activeElement as HTMLElement | null;

// ── A scripted provincial API ──────────────────────────────────────────────────────────────────

interface Call {
  url: URL;
  method: string;
  key: string | null;
  body: Record<string, unknown> | null;
}
interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  networkError?: boolean;
  hang?: boolean;
  gate?: Promise<void>;
}
type Route = 'list' | 'meta' | 'site' | 'suggest' | 'ask' | 'status';

const qa = (n: number, over: Partial<PublishedQuestion> = {}): PublishedQuestion => ({
  id: `q-${n}`,
  title: `Con gái tôi 17 tuổi có được đăng ký kết hôn không? (câu ${n})`,
  content: `Con gái tôi năm nay 17 tuổi, bạn trai cháu 21 tuổi.\nTôi muốn hỏi cháu đã được đăng ký kết hôn chưa? (${n})`,
  field: { code: 'hon-nhan-gia-dinh', label: 'Hôn nhân và gia đình' },
  askedOn: '2026-03-02',
  answeredOn: `2026-03-${String((n % 27) + 1).padStart(2, '0')}`,
  answerHtml: '<p>Theo <strong>điểm a khoản 1 Điều 8 Luật Hôn nhân và gia đình</strong>, nữ phải từ đủ 18 tuổi.</p><script>window.bad = 1</script>',
  citations: [
    { number: '52/2014/QH13', article: 'Điều 8 khoản 1', lawId: '52-2014-qh13', url: 'https://vbpl.vn/van-ban/52-2014-qh13' },
    { number: '91/2015/QH13', article: null, lawId: null, url: null },
  ],
  ...over,
});
const qaPage = (from: number, count: number, nextCursor: string | null = null, total = count + (nextCursor ? 5 : 0)): QuestionPage => ({
  items: Array.from({ length: count }, (_, i) => qa(from + i)),
  nextCursor,
  total,
});
const META = {
  fields: [
    { code: 'dat-dai', label: 'Đất đai' },
    { code: 'hon-nhan-gia-dinh', label: 'Hôn nhân và gia đình' },
    { code: 'lao-dong-viec-lam', label: 'Lao động – việc làm' },
  ],
  types: [],
  issuers: [],
  validity: [],
};
const site = (over: Record<string, unknown> = {}) => ({
  key: 'demo',
  name: 'Trang thử',
  kind: 'so-ban-nganh',
  contactRule: 'email-or-phone',
  requireName: true,
  answerDays: 10,
  answersByEmail: false,
  ...over,
});
const SUGGESTIONS: Suggestions = {
  answers: [
    {
      id: 'ket-hon-tuoi',
      title: 'Con gái tôi 17 tuổi có được đăng ký kết hôn không?',
      excerpt: 'Theo điểm a khoản 1 Điều 8, nữ phải từ đủ 18 tuổi…',
      answerHtml: '<p>Nữ phải <em>từ đủ 18 tuổi</em>.</p>',
      citations: [{ number: '52/2014/QH13', article: 'Điều 8 khoản 1', lawId: '52-2014-qh13', url: 'https://vbpl.vn/52' }],
      score: 3.2,
    },
  ],
  laws: [
    {
      id: '52-2014-qh13',
      number: '52/2014/QH13',
      type: 'Luật',
      abstract: 'Luật Hôn nhân và gia đình',
      url: 'https://vbpl.vn/52',
      articles: ['Điều 8', 'Điều 5'],
      score: 2.1,
    },
  ],
};
const RECEIPT = { trackingCode: 'HD-7K3M9-QXP2A', status: 'new', dueOn: '2026-04-15' };
const view = (over: Partial<QuestionStatusView> = {}): QuestionStatusView => ({
  trackingCode: 'HD-7K3M9-QXP2A',
  status: 'answered',
  title: 'Con tôi 17 tuổi có được kết hôn không?',
  field: { code: 'hon-nhan-gia-dinh', label: 'Hôn nhân và gia đình' },
  askedOn: '2026-04-01',
  dueOn: '2026-04-15',
  answer: {
    html: '<p>Chưa được: nữ phải <strong>từ đủ 18 tuổi</strong>.</p>',
    citations: [{ number: '52/2014/QH13', article: 'Điều 8 khoản 1', lawId: '52-2014-qh13', url: 'https://vbpl.vn/52' }],
    answeredOn: '2026-04-10',
  },
  rejectedReason: null,
  ...over,
});

const DEFAULTS: Record<Route, (c: Call) => Reply> = {
  list: () => ({ body: qaPage(1, 5, 'next') }),
  meta: () => ({ body: META }),
  site: () => ({ body: site() }),
  suggest: () => ({ body: SUGGESTIONS }),
  ask: () => ({ status: 201, body: RECEIPT }),
  status: () => ({ body: view() }),
};

function routeOf(c: Call): Route | null {
  const p = c.url.pathname;
  if (p === '/api/v1/questions') return c.method === 'POST' ? 'ask' : 'list';
  if (p === '/api/v1/questions/suggest') return 'suggest';
  if (p.startsWith('/api/v1/questions/')) return 'status';
  if (p === '/api/v1/meta') return 'meta';
  if (p.startsWith('/api/v1/sites/')) return 'site';
  return null;
}

/** Replaces fetch with the routes given (the rest answer as a working API would); records every call. */
function stubApi(routes: Partial<Record<Route, (c: Call) => Reply>> = {}) {
  const original = window.fetch;
  const calls: (Call & { route: Route | null; status?: number })[] = [];
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const call = {
      url: new URL(input instanceof Request ? input.url : String(input), location.href),
      method: (init.method ?? 'GET').toUpperCase(),
      key: headers.get('Idempotency-Key'),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null,
    };
    const route = routeOf(call);
    const record: (typeof calls)[number] = { ...call, route };
    calls.push(record);
    const r = route ? (routes[route] ?? DEFAULTS[route])(call) : { status: 404, body: {} };
    const signal = init.signal;
    if (r.hang) await new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    if (r.gate) await r.gate;
    await new Promise((resolve) => setTimeout(resolve));
    if (signal?.aborted) throw signal.reason;
    if (r.networkError) throw new TypeError('Failed to fetch');
    record.status = r.status ?? 200;
    return new Response(JSON.stringify(r.body ?? {}), {
      status: record.status,
      headers: { 'Content-Type': record.status >= 400 ? 'application/problem+json' : 'application/json', ...r.headers },
    });
  };
  const of = (route: Route) => calls.filter((c) => c.route === route);
  return { calls, of, restore: () => (window.fetch = original) };
}

/** The test seams for the proof of work: no ALTCHA, a payload at once; its code "fetched" ahead is counted. */
let proofsMade = 0;
let proofCodeFetched = 0;
const fakeProof = async (): Promise<Proof> => {
  proofsMade++;
  let n = 0;
  return { payload: async () => `proof-${n}`, next: () => void n++ };
};
const real = { create: ProofOfWork.create, prefetch: ProofOfWork.prefetch };

async function openAsk(el: PbgdplQaBox) {
  $<HTMLButtonElement>(el, '[part=ask-button]')!.click();
  await waitUntil(() => $(el, 'form.ask') && !$(el, '#ask-panel')!.hidden, 'the ask form opens');
  await waitUntil(() => $$(el, '#f-field option').length > 1, 'the fields are listed');
  await el.updateComplete;
}

function type(el: PbgdplQaBox, id: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el, `#${id}`)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function fillValid(el: PbgdplQaBox) {
  type(el, 'f-field', 'hon-nhan-gia-dinh');
  type(el, 'f-title', 'Con gái 17 tuổi có được kết hôn không?');
  type(el, 'f-content', 'Con gái tôi 17 tuổi, muốn đăng ký kết hôn sau Tết. Có được không?');
  type(el, 'f-name', 'Nguyễn Văn A');
  type(el, 'f-email', 'nguyen.van.a@example.com');
  $<HTMLInputElement>(el, '#f-consent-0')!.click();
  await el.updateComplete;
}

const submit = (el: PbgdplQaBox) => $<HTMLButtonElement>(el, 'form.ask button[type=submit]')!.click();

// ── Remembered tracking codes ──
const DAY = 86_400_000;
const CODES = 'pbgdpl:qa-codes:v2';
const CODES_V1 = 'pbgdpl:qa-codes:v1';
const stored = () => JSON.parse(localStorage.getItem(CODES) ?? 'null') as { code: string; until: number }[] | null;
const codeKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('pbgdpl:qa-codes'));
const offered = (el: PbgdplQaBox) => $$(el, '.codes .saved-code').map((b) => text(b));

async function sendQuestion(el: PbgdplQaBox) {
  await openAsk(el);
  await fillValid(el);
  submit(el);
  await waitUntil(() => active(el)?.classList.contains('receipt'), 'the receipt, with focus');
}

async function openTracker(el: PbgdplQaBox) {
  $<HTMLButtonElement>(el, '[part=track-button]')!.click();
  await waitUntil(() => $(el, '#t-code'), 'the tracking form');
  await el.updateComplete;
}

/** Tabs forward until `matches` holds for the focused element (at most `max` presses). */
async function tabTo(el: PbgdplQaBox, matches: (node: HTMLElement) => boolean, max = 30) {
  for (let i = 0; i < max && !(active(el) && matches(active(el)!)); i++) await sendKeys({ press: 'Tab' });
  expect(active(el) && matches(active(el)!), 'reached by Tab').to.equal(true);
}

describe('pbgdpl-qa-box', () => {
  let api: ReturnType<typeof stubApi> | undefined;
  let warnings: ReturnType<typeof watchWarnings>;
  let restoreOnline: (() => void) | undefined;

  beforeEach(() => {
    clearWidgetStorage();
    warnings = watchWarnings();
    proofsMade = 0;
    proofCodeFetched = 0;
    ProofOfWork.create = fakeProof;
    ProofOfWork.prefetch = async () => void proofCodeFetched++;
  });
  afterEach(() => {
    api?.restore();
    api = undefined;
    restoreOnline?.();
    restoreOnline = undefined;
    Object.assign(ProofOfWork, real);
    clearWidgetStorage();
    warnings.check();
  });

  it('asks the API for the attributes it was given and lists each question, collapsed', async () => {
    api = stubApi({ list: () => ({ body: qaPage(1, 3, 'next') }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo" limit="3" field="hon-nhan-gia-dinh"></pbgdpl-qa-box>`);
    await ready(el, 3);
    const url = api.calls[0]!.url;
    expect(url.origin + url.pathname).to.equal(`${API}/api/v1/questions`);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ field: 'hon-nhan-gia-dinh', limit: '3', lang: 'vi', site: 'demo' });
    // Nothing else is fetched before the citizen asks for it: no field list, no site rules.
    expect(api.calls.map((c) => c.route)).to.deep.equal(['list']);
    const first = items(el)[0]!;
    const button = first.querySelector('button.q')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(text(first.querySelector('.q-title'))).to.equal('Con gái tôi 17 tuổi có được đăng ký kết hôn không? (câu 1)');
    expect(text(first.querySelector('.q-field'))).to.equal('Hôn nhân và gia đình');
    expect(text(first.querySelector('time'))).to.equal('02/03/2026');
    expect(first.querySelector('.answer')!.hasAttribute('hidden')).to.equal(true);
    expect(text($(el, '[role=heading]'))).to.equal('Hỏi đáp pháp luật');
    // The filter shows the preselected field's label, taken from the questions (no field list yet).
    expect(text($(el, '[part=filter]'))).to.equal('Lĩnh vực: Hôn nhân và gia đình');
    await expect(el).to.be.accessible();
  });

  it('keeps one height from skeleton to list, the height the embedding guide tells hosts to reserve', async () => {
    let release!: () => void;
    let gate!: Promise<void>;
    const body = qaPage(1, 5, 'next');
    body.items[1] = qa(2, {
      title: 'Một câu hỏi rất dài '.repeat(20),
      field: { code: 'x', label: 'Một lĩnh vực có tên rất dài, dài hơn cả chiều ngang của khung' },
    });
    body.items[2] = qa(3, { title: 'Ngắn' });
    api = stubApi({ list: () => ({ body, gate }) });
    for (const width of [320, 640]) {
      for (const size of [16, 20]) {
        gate = new Promise<void>((r) => (release = r));
        clearWidgetStorage();
        const wrap = await fixture(html`<div style="width: ${width}px; font-size: ${size}px"><pbgdpl-qa-box api=${API} limit="5"></pbgdpl-qa-box></div>`);
        const el = wrap.firstElementChild as PbgdplQaBox;
        await el.updateComplete;
        expect($$(el, '.skeleton').length).to.be.greaterThan(0);
        const loading = el.getBoundingClientRect().height;
        // docs/embedding.md: calc(5.575em + 178px + limit × (5.9em + 1px)); limit 5 is calc(35.075em + 183px).
        expect(loading).to.be.closeTo(35.075 * size + 183, 0.5);
        release();
        await ready(el, 5);
        expect(el.getBoundingClientRect().height).to.equal(loading);
      }
    }
    await expect(document.querySelector('pbgdpl-qa-box')!).to.be.accessible();
  });

  it('opens a question with the keyboard: the question, the sanitised answer and its citations', async () => {
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    await ready(el, 5);
    const button = items(el)[0]!.querySelector<HTMLButtonElement>('button.q')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(el)[0]!.querySelector('.answer-html'), 'the answer is shown');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const panel = $(el, `#${button.getAttribute('aria-controls')}`)!;
    expect(panel.hidden).to.equal(false);
    expect(text(panel.querySelector('.content'))).to.contain('bạn trai cháu 21 tuổi');
    const answer = panel.querySelector('.answer-html')!;
    expect(text(answer)).to.contain('nữ phải từ đủ 18 tuổi');
    expect(answer.querySelector('strong')).to.not.equal(null);
    expect(answer.querySelector('script')).to.equal(null);
    const cites = [...panel.querySelectorAll('[part=citations] li')];
    // As lawyers write them: the smallest unit first, then the document.
    expect(cites.map((li) => text(li))).to.deep.equal(['khoản 1 Điều 8 văn bản số 52/2014/QH13 (mở trong thẻ mới)', 'văn bản số 91/2015/QH13']);
    expect(cites[0]!.querySelector('a')!.getAttribute('href')).to.equal('https://vbpl.vn/van-ban/52-2014-qh13');
    expect(cites[1]!.querySelector('a')).to.equal(null);
    await expect(el).to.be.accessible();
    expect(active(el)).to.equal(button);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
  });

  it('shows an empty state, and says when a search finds nothing', async () => {
    api = stubApi({ list: () => ({ body: { items: [], nextCursor: null, total: 0 } }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    await waitUntil(() => $(el, '.empty'));
    expect(text($(el, '.empty'))).to.equal('Chưa có câu hỏi nào được công bố.');
    await expect(el).to.be.accessible();
    const input = $<HTMLInputElement>(el, 'input[type=search]')!;
    input.value = 'tiền mã hóa';
    $<HTMLButtonElement>(el, 'form.search button')!.click();
    await waitUntil(() => text($(el, '.empty')).includes('tiền mã hóa'));
    expect(text($(el, '.empty'))).to.equal('Không tìm thấy câu hỏi nào cho “tiền mã hóa”.');
    expect(api.of('list').at(-1)!.url.searchParams.get('q')).to.equal('tiền mã hóa');
  });

  it('shows an error with a retry button that loads again', async () => {
    let fail = true;
    api = stubApi({ list: () => (fail ? { status: 500, body: { title: 'boom' } } : { body: qaPage(1, 2) }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    await waitUntil(() => $(el, '.notice.error'), 'error shown', { timeout: 4000 });
    expect(text($(el, '[role=alert]'))).to.contain('Không tải được dữ liệu');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[role=alert] button')!.click();
    await ready(el, 2);
  });

  it('offline with a stored copy: shows it with a notice, and refreshes when the network returns', async () => {
    api = stubApi({ list: () => ({ body: qaPage(1, 2) }) });
    const first = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} limit="2"></pbgdpl-qa-box>`);
    await ready(first, 2);
    first.remove();
    api.restore();
    restoreOnline = setOnline(false);
    let online = false;
    api = stubApi({ list: () => (online ? { body: qaPage(20, 2) } : { networkError: true }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} limit="2"></pbgdpl-qa-box>`);
    await waitUntil(() => $(el, '.notice'), 'offline notice', { timeout: 4000 });
    expect(text($(el, '.notice'))).to.contain('Bạn đang ngoại tuyến');
    expect(items(el)).to.have.length(2);
    await expect(el).to.be.accessible();
    online = true;
    restoreOnline();
    restoreOnline = setOnline(true);
    await waitUntil(() => text(items(el)[0]!.querySelector('.q-title')).includes('câu 20'), 'refreshed when back online');
    expect($(el, '.notice')).to.equal(null);
  });

  it('searches without diacritics and pages with "Xem thêm"', async () => {
    api = stubApi({
      list: (c) => {
        const q = c.url.searchParams.get('q');
        const cursor = c.url.searchParams.get('cursor');
        return { body: cursor ? qaPage(6, 5) : q ? qaPage(100, 5, 'p2') : qaPage(1, 5, 'next') };
      },
    });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    await ready(el, 5);
    expect($(el, '.total'), 'no count without a search').to.equal(null);
    const input = $<HTMLInputElement>(el, 'input[type=search]')!;
    input.value = 'ket hon';
    input.dispatchEvent(new Event('input'));
    await waitUntil(() => text(items(el)[0]?.querySelector('.q-title')).includes('câu 100'), 'search results');
    expect(api.of('list').at(-1)!.url.searchParams.get('q')).to.equal('ket hon');
    // How many the search found in all (the API's total), not only the five on screen; said and shown.
    expect(text($(el, '.base > p.visually-hidden[role=status]'))).to.equal('10 kết quả');
    expect(text($(el, '.total'))).to.equal('10 kết quả');
    $<HTMLButtonElement>(el, '[part=more]')!.click();
    await ready(el, 10);
    expect(api.of('list').at(-1)!.url.searchParams.get('cursor')).to.equal('p2');
    expect($(el, '[part=more]')).to.equal(null);
  });

  it('loads the field list only when the filter opens, and filters by the field chosen', async () => {
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    await ready(el, 5);
    expect(api.of('meta')).to.have.length(0);
    const toggle = $<HTMLButtonElement>(el, '[part=filter]')!;
    expect(text(toggle)).to.equal('Lĩnh vực: Tất cả lĩnh vực');
    toggle.click();
    await waitUntil(() => $$(el, '#filter-field option').length === 4, 'fields listed');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(api.of('meta')[0]!.url.searchParams.get('lang')).to.equal('vi');
    await expect(el).to.be.accessible();
    const select = $<HTMLSelectElement>(el, '#filter-field')!;
    select.value = 'dat-dai';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => api!.of('list').at(-1)!.url.searchParams.get('field') === 'dat-dai', 'filtered');
    await el.updateComplete;
    expect(text(toggle)).to.equal('Lĩnh vực: Đất đai');
  });

  // ── Asking ─────────────────────────────────────────────────────────────────────────────────

  it('opens the form in place, with the site rules, the fields and the consent notice; the proof waits for the citizen', async () => {
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo" field="hon-nhan-gia-dinh"></pbgdpl-qa-box>`);
    await ready(el, 5);
    const button = $<HTMLButtonElement>(el, '[part=ask-button]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await openAsk(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(api.of('site')[0]!.url.pathname).to.equal('/api/v1/sites/demo');
    expect(api.of('meta')).to.have.length(1);
    // The field the list is filtered by is preselected.
    expect($<HTMLSelectElement>(el, '#f-field')!.value).to.equal('hon-nhan-gia-dinh');
    const consent = $(el, 'fieldset.consent')!;
    expect(text(consent.querySelector('legend'))).to.contain('Đồng ý xử lý dữ liệu cá nhân');
    expect(text(consent.querySelector('.notice-text'))).to.contain('91/2025/QH15');
    const boxes = [...consent.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => [b.value, b.checked])).to.deep.equal([
      ['xu-ly-cau-hoi', false],
      ['cong-khai-hoi-dap', false],
    ]);
    expect(text(consent.querySelector('label[for=f-consent-0]'))).to.contain('(bắt buộc)');
    expect(text(consent.querySelector('label[for=f-consent-1]'))).to.contain('(không bắt buộc)');
    // The honeypot is out of sight and out of reach.
    expect($(el, '.hp')!.inert).to.equal(true);
    expect(proofsMade).to.equal(0);
    await expect(el).to.be.accessible();
    $(el, '#f-title')!.focus();
    await waitUntil(() => proofsMade === 1, 'the proof of work starts on the first focus in the form');
  });

  it('validates before sending: an error summary takes focus, fields are marked and described, links lead to them', async () => {
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openAsk(el);
    type(el, 'f-title', 'Ngắn');
    type(el, 'f-email', 'khong-phai-email');
    submit(el);
    await waitUntil(() => active(el)?.classList.contains('summary'), 'the summary has focus');
    const summary = $(el, '.summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect([...summary.querySelectorAll('li')].map((li) => text(li))).to.deep.equal([
      'Hãy chọn lĩnh vực của câu hỏi.',
      'Tiêu đề cần ít nhất 10 ký tự.',
      'Hãy nhập nội dung câu hỏi.',
      'Hãy nhập họ và tên.',
      'Thư điện tử chưa đúng, ví dụ: ten@example.com.',
      'Bạn cần đồng ý để Sở Tư pháp xử lý dữ liệu thì mới gửi được câu hỏi.',
    ]);
    expect(text(summary.querySelector('.summary-title'))).to.equal('Vui lòng sửa 6 lỗi sau:');
    for (const [id, err] of [
      ['f-field', 'e-field'],
      ['f-title', 'e-title'],
      ['f-content', 'e-content'],
      ['f-name', 'e-name'],
      ['f-email', 'e-email'],
    ]) {
      const field = $(el, `#${id}`)!;
      expect(field.getAttribute('aria-invalid'), id).to.equal('true');
      expect(field.getAttribute('aria-describedby')!.split(' '), id).to.include(err);
      expect($(el, `#${err}`), err).to.not.equal(null);
    }
    expect($(el, '#f-phone')!.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#f-consent-0')!.getAttribute('aria-invalid')).to.equal('true');
    expect(api.of('ask')).to.have.length(0);
    await expect(el).to.be.accessible();
    (summary.querySelectorAll('a')[1] as HTMLAnchorElement).click();
    expect(active(el)?.id).to.equal('f-title');
  });

  for (const [rule, requireName, expected] of [
    ['email', true, ['Hãy nhập thư điện tử để nhận câu trả lời.']],
    ['phone', true, ['Hãy nhập số điện thoại.']],
    ['email-or-phone', true, ['Hãy để lại thư điện tử hoặc số điện thoại để nhận câu trả lời.']],
    ['email-and-phone', true, ['Hãy nhập thư điện tử để nhận câu trả lời.', 'Hãy nhập số điện thoại.']],
    ['none', false, []],
  ] as const) {
    it(`follows the site's rule for contacts: ${rule}${requireName ? '' : ', name optional'}`, async () => {
      api = stubApi({ site: () => ({ body: site({ contactRule: rule, requireName }) }) });
      const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
      await ready(el, 5);
      await openAsk(el);
      await waitUntil(
        () => text($(el, '#h-contact')) !== 'Để lại ít nhất thư điện tử hoặc số điện thoại.' || rule === 'email-or-phone',
        'the site rules arrived',
      );
      type(el, 'f-field', 'dat-dai');
      type(el, 'f-title', 'Tranh chấp ranh giới đất với hàng xóm');
      type(el, 'f-content', 'Nhà tôi và nhà hàng xóm tranh chấp ranh giới đất, phải làm gì?');
      $<HTMLInputElement>(el, '#f-consent-0')!.click();
      submit(el);
      await el.updateComplete;
      const errors = $$(el, '.summary li').map((li) => text(li));
      expect(errors).to.deep.equal([...(requireName ? ['Hãy nhập họ và tên.'] : []), ...expected]);
      expect($(el, '#f-name')!.hasAttribute('required')).to.equal(requireName);
      if (!expected.length && !requireName) await waitUntil(() => api!.of('ask').length === 1, 'sent without contacts');
    });
  }

  it('suggests answers and documents while the citizen types, announced politely without moving focus', async () => {
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openAsk(el);
    type(el, 'f-title', 'kết hôn');
    type(el, 'f-title', 'con gái 17 tuổi kết hôn');
    await waitUntil(() => $(el, '[part=suggestions]'), 'suggestions shown');
    expect(api.of('suggest')).to.have.length(1); // debounced: one request for what was typed
    const url = api.of('suggest')[0]!.url;
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ text: 'con gái 17 tuổi kết hôn', lang: 'vi', site: 'demo' });
    expect(active(el)?.id).to.equal('f-title');
    const box = $(el, '[part=suggestions]')!;
    expect(text(box.querySelector('[role=heading]'))).to.equal('Có thể bạn quan tâm');
    expect(text(box.querySelector('.sg-q-title'))).to.equal('Con gái tôi 17 tuổi có được đăng ký kết hôn không?');
    expect(text(box.querySelector('.excerpt'))).to.contain('nữ phải từ đủ 18 tuổi');
    const law = box.querySelector('.sg-law a')!;
    expect(law.getAttribute('href')).to.equal('https://vbpl.vn/52');
    expect(text(law)).to.contain('Luật 52/2014/QH13: Luật Hôn nhân và gia đình');
    expect(text(box.querySelector('.sg-law .hint'))).to.equal('Điều khoản: Điều 8; Điều 5');
    const note = $$(el, 'form.ask p.visually-hidden[role=status]').map((p) => text(p));
    expect(note).to.include('Có 2 gợi ý có thể liên quan, ở mục “Có thể bạn quan tâm” dưới ô nội dung.');
    await expect(el).to.be.accessible();
    const open = box.querySelector<HTMLButtonElement>('.sg-q')!;
    open.click();
    await waitUntil(() => box.querySelector('.answer-html'), 'the suggested answer opens');
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect(text(box.querySelector('.answer-html'))).to.equal('Nữ phải từ đủ 18 tuổi.');
    expect(text(box.querySelector('[part=citations] li'))).to.contain('khoản 1 Điều 8 văn bản số 52/2014/QH13');
    await expect(el).to.be.accessible();
    // Fewer than three words: no request, and the suggestions go.
    type(el, 'f-title', 'ly hôn');
    type(el, 'f-content', '');
    await waitUntil(() => !$(el, '[part=suggestions]'), 'suggestions cleared');
    expect(api.of('suggest')).to.have.length(1);
  });

  it('sends the question once, shows the tracking code with focus on it, keeps no code unasked and fires pbgdpl-question-sent', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    api = stubApi({ ask: () => ({ status: 201, body: RECEIPT, gate }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openAsk(el);
    await fillValid(el);
    type(el, 'f-phone', '0912 345 678');
    $<HTMLInputElement>(el, '#f-consent-1')!.click();
    const sentEvent = oneEvent(el, 'pbgdpl-question-sent');
    submit(el);
    await waitUntil(() => $<HTMLButtonElement>(el, 'form.ask button[type=submit]')!.disabled, 'sending');
    expect(text($(el, 'form.ask button[type=submit]'))).to.equal('Đang gửi…');
    expect(text($(el, '.form-status'))).to.equal('Đang gửi câu hỏi…');
    await expect(el).to.be.accessible();
    release();
    const e = (await sentEvent) as CustomEvent<{ trackingCode: string }>;
    expect(e.detail).to.deep.equal({ trackingCode: 'HD-7K3M9-QXP2A' });
    expect(e.composed).to.equal(true);
    await waitUntil(() => active(el)?.classList.contains('receipt'), 'focus on the receipt');
    const post = api.of('ask')[0]!;
    expect(api.of('ask')).to.have.length(1);
    expect(post.url.href).to.equal(`${API}/api/v1/questions`);
    expect(post.key).to.match(/^[0-9a-f-]{36}$/);
    expect(post.body).to.deep.include({
      site: 'demo',
      field: 'hon-nhan-gia-dinh',
      title: 'Con gái 17 tuổi có được kết hôn không?',
      name: 'Nguyễn Văn A',
      email: 'nguyen.van.a@example.com',
      phone: '0912 345 678',
      consents: ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'],
      noticeVersion: 'hoi-dap-2026-12',
      website: '',
      altcha: 'proof-0',
    });
    const receipt = $(el, '.receipt')!;
    expect(text(receipt.querySelector('[part=tracking-code]'))).to.equal('HD-7K3M9-QXP2A');
    expect(text(receipt)).to.contain('Hạn trả lời: 15/04/2026.');
    // This site's server sends no mail: no promise of one, the code is the way to the answer.
    expect(text(receipt.querySelector('.answer-by'))).to.equal('Hãy ghi lại mã này: khi có câu trả lời, bạn tra cứu bằng mã tại mục “Tra cứu câu hỏi”.');
    expect(text(receipt)).to.not.contain('sẽ được gửi tới');
    // Shared computers: the code is kept only if the citizen ticks "Nhớ mã trên máy này".
    expect($<HTMLInputElement>(el, '#r-remember')!.checked).to.equal(false);
    expect(codeKeys()).to.deep.equal([]);
    expect(localStorage.getItem('pbgdpl:outbox:v1')).to.equal(null);
    await expect(el).to.be.accessible();
    // "Đặt câu hỏi khác" brings an empty form back.
    [...receipt.querySelectorAll('button')].find((b) => text(b) === 'Đặt câu hỏi khác')!.click();
    await waitUntil(() => active(el)?.id === 'f-field', 'a fresh form');
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal('');
  });

  it('offline: keeps the question on this device, then sends it when back online, with the same Idempotency-Key, once', async () => {
    let online = false;
    api = stubApi({ ask: () => (online ? { status: 201, body: RECEIPT } : { networkError: true }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openAsk(el);
    await fillValid(el);
    restoreOnline = setOnline(false);
    submit(el);
    await waitUntil(() => text($(el, '.form-status')).includes('Chưa có mạng'), 'queued');
    expect(text($(el, '.form-status'))).to.equal('Chưa có mạng. Câu hỏi đã được lưu trên máy này và sẽ tự gửi khi có mạng trở lại.');
    // What the citizen wrote stays on screen, and in storage (with its key) until the server has it.
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal('Con gái 17 tuổi có được kết hôn không?');
    const stored = JSON.parse(localStorage.getItem('pbgdpl:outbox:v1')!) as { id: string; body: Record<string, unknown> }[];
    expect(stored).to.have.length(1);
    expect(stored[0]!.body.title).to.equal('Con gái 17 tuổi có được kết hôn không?');
    await expect(el).to.be.accessible();
    online = true;
    restoreOnline();
    restoreOnline = setOnline(true);
    await waitUntil(() => $(el, '.receipt'), 'sent when back online', { timeout: 4000 });
    const posts = api.of('ask');
    expect(posts.length).to.be.greaterThanOrEqual(2);
    expect(new Set(posts.map((p) => p.key))).to.deep.equal(new Set([stored[0]!.id]));
    expect(posts.filter((p) => p.status === 201)).to.have.length(1);
    expect(localStorage.getItem('pbgdpl:outbox:v1')).to.equal(null);
    expect(text($(el, '[part=tracking-code]'))).to.equal('HD-7K3M9-QXP2A');
  });

  it('a question left waiting by an earlier visit goes out by itself and shows its code', async () => {
    localStorage.setItem(
      'pbgdpl:outbox:v1',
      JSON.stringify([
        {
          id: 'key-from-yesterday',
          kind: 'question',
          url: `${API}/api/v1/questions`,
          body: { site: 'demo', title: 'x', email: 'a@b.vn' },
          createdAt: Date.now() - 3600_000,
        },
      ]),
    );
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await waitUntil(() => $(el, '.receipt'), 'the stored question was sent');
    expect(api.of('ask').map((p) => p.key)).to.deep.equal(['key-from-yesterday']);
    expect(text($(el, '[part=tracking-code]'))).to.equal('HD-7K3M9-QXP2A');
    expect($(el, '[part=ask-button]')!.getAttribute('aria-expanded')).to.equal('true');
    // Not sent in this visit: focus stays where it was.
    expect(active(el)).to.equal(null);
  });

  it('says when to try again after too many questions (HTTP 429)', async () => {
    api = stubApi({ ask: () => ({ status: 429, body: { title: 'Too many requests', status: 429 }, headers: { 'Retry-After': '120' } }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openAsk(el);
    await fillValid(el);
    submit(el);
    await waitUntil(() => text($(el, '.form-status')).includes('thử lại'), 'rate limited');
    expect(text($(el, '.form-status'))).to.equal('Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau 2 phút.');
    expect($<HTMLButtonElement>(el, 'form.ask button[type=submit]')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("maps the server's field errors onto the fields, in Vietnamese", async () => {
    api = stubApi({
      ask: () => ({
        status: 400,
        body: {
          title: 'Bad request',
          status: 400,
          detail: 'title: must be at least 10 characters; phone: must be a Vietnamese phone number',
          errors: [
            { path: 'title', code: 'too_small', message: 'title must be at least 10 characters' },
            { path: 'phone', code: 'invalid_format', message: 'must be a Vietnamese phone number such as 0912 345 678' },
            { path: 'field', code: 'unknown_value', message: 'unknown field "x"' },
          ],
        },
      }),
    });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openAsk(el);
    await fillValid(el);
    type(el, 'f-phone', '0912 345 678');
    submit(el);
    await waitUntil(() => active(el)?.classList.contains('summary'), 'the summary has focus');
    expect($$(el, '.summary li').map((li) => text(li))).to.deep.equal([
      'Lĩnh vực này không còn, hãy chọn lại.',
      'Tiêu đề cần ít nhất 10 ký tự.',
      'Số điện thoại chưa đúng, ví dụ: 0912 345 678.',
    ]);
    expect($(el, '#f-phone')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-phone')!.getAttribute('aria-describedby')).to.equal('e-phone');
    expect(text($(el, '#e-title'))).to.equal('Tiêu đề cần ít nhất 10 ký tự.');
    await expect(el).to.be.accessible();
  });

  it('can be filled and sent with the keyboard alone', async () => {
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    const ask = $<HTMLButtonElement>(el, '[part=ask-button]')!;
    ask.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(el, '#f-field option').length > 1, 'the form is open with its fields');
    await sendKeys({ press: 'Tab' }); // "Tra cứu câu hỏi"
    await sendKeys({ press: 'Tab' }); // the field select
    expect(active(el)?.id).to.equal('f-field');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('f-title');
    await sendKeys({ type: 'Con gái 17 tuổi có được kết hôn không?' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Con gái tôi 17 tuổi, muốn đăng ký kết hôn sau Tết. Có được không?' });
    await waitUntil(() => $(el, '[part=suggestions]'), 'suggestions');
    // Through the suggestions (an answer, a document) to the name.
    while (active(el)?.id !== 'f-name') await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Nguyễn Văn A' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'a@example.com' });
    await sendKeys({ press: 'Tab' }); // phone
    await sendKeys({ press: 'Tab' }); // the honeypot is skipped: straight to the first consent
    expect(active(el)?.id).to.equal('f-consent-0');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('type')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.classList.contains('receipt'), 'sent');
    expect(api.of('ask')[0]!.body).to.deep.include({ field: 'dat-dai', consents: ['xu-ly-cau-hoi'], name: 'Nguyễn Văn A' });
  });

  // ── Tracking ───────────────────────────────────────────────────────────────────────────────

  it('looks a question up by its code, as typed, and shows the status, due date and answer with citations', async () => {
    api = stubApi();
    localStorage.setItem(CODES, JSON.stringify([{ code: 'HD-AAAAA-BBBBB', until: Date.now() + DAY }]));
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openTracker(el);
    // The codes the citizen asked this device to remember are offered.
    expect(offered(el)).to.deep.equal(['HD-AAAAA-BBBBB']);
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#t-code')!.value = ' hd 7k3m9 qxp2a ';
    $<HTMLButtonElement>(el, 'form.track button[type=submit]')!.click();
    await waitUntil(() => active(el)?.classList.contains('result'), 'focus on the result');
    const call = api.of('status')[0]!;
    expect(call.url.pathname).to.equal('/api/v1/questions/HD-7K3M9-QXP2A');
    expect(call.url.searchParams.get('lang')).to.equal('vi');
    const result = $(el, '[part=track-result]')!;
    expect(text(result.querySelector('.result-title'))).to.equal('Con tôi 17 tuổi có được kết hôn không?');
    expect([...result.querySelectorAll('.facts > div')].map((d) => `${text(d.querySelector('dt'))} ${text(d.querySelector('dd'))}`)).to.deep.equal([
      'Mã tra cứu HD-7K3M9-QXP2A',
      'Trạng thái Đã trả lời',
      'Lĩnh vực Hôn nhân và gia đình',
      'Ngày gửi 01/04/2026',
      'Trả lời ngày 10/04/2026',
    ]);
    await waitUntil(() => result.querySelector('.answer-html'));
    expect(text(result.querySelector('.answer-html'))).to.equal('Chưa được: nữ phải từ đủ 18 tuổi.');
    expect(text(result.querySelector('[part=citations]'))).to.contain('khoản 1 Điều 8 văn bản số 52/2014/QH13');
    await expect(el).to.be.accessible();
  });

  it('tracking: says what is pending, why a question was refused, and when a code is wrong', async () => {
    const views: Record<string, QuestionStatusView> = {
      'HD-11111-22222': view({ trackingCode: 'HD-11111-22222', status: 'in-progress', answer: null }),
      'HD-33333-44444': view({ trackingCode: 'HD-33333-44444', status: 'rejected', answer: null, rejectedReason: 'Câu hỏi không thuộc lĩnh vực pháp luật.' }),
    };
    api = stubApi({
      status: (c) => {
        const hit = views[c.url.pathname.split('/').pop()!];
        return hit ? { body: hit } : { status: 404, body: { title: 'Not found', status: 404 } };
      },
    });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    await ready(el, 5);
    $<HTMLButtonElement>(el, '[part=track-button]')!.click();
    await waitUntil(() => $(el, '#t-code'));
    const look = async (code: string) => {
      $<HTMLInputElement>(el, '#t-code')!.value = code;
      $<HTMLButtonElement>(el, 'form.track button[type=submit]')!.click();
      await el.updateComplete;
    };
    await look('HD-11111-22222');
    await waitUntil(() => $(el, '.result'));
    expect(text($(el, '.result .status'))).to.equal('Đang xử lý');
    expect(text($(el, '.result'))).to.contain('Hạn trả lời15/04/2026');
    await look('hd-33333-44444');
    await waitUntil(() => text($(el, '.result .status')) === 'Không được tiếp nhận');
    expect(text($(el, '.result'))).to.contain('Lý do: Câu hỏi không thuộc lĩnh vực pháp luật.');
    await look('HD-99999-99999');
    await waitUntil(() => $(el, '#t-err'));
    expect(text($(el, '#t-err'))).to.equal('Không tìm thấy câu hỏi có mã này. Hãy kiểm tra lại mã.');
    await look('12345');
    await el.updateComplete;
    expect(text($(el, '#t-err'))).to.equal('Mã tra cứu chưa đúng. Mã có dạng HD-XXXXX-XXXXX.');
    expect($(el, '#t-code')!.getAttribute('aria-invalid')).to.equal('true');
    expect(api.of('status')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  // ── Remembering tracking codes (shared computers) ──────────────────────────────────────────

  it('the receipt offers "Nhớ mã trên máy này", unticked, with its hint; unticked, nothing is stored or offered', async () => {
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await sendQuestion(el);
    const box = $<HTMLInputElement>(el, '.receipt input[type=checkbox]')!;
    expect(box.checked).to.equal(false);
    expect(text($(el, `label[for=${box.id}]`))).to.equal('Nhớ mã trên máy này');
    expect(text($(el, `#${box.getAttribute('aria-describedby')}`))).to.equal(
      'Mã được nhớ trong 60 ngày; người khác dùng máy này cũng có thể thấy mã và xem câu hỏi của bạn.',
    );
    await expect(el).to.be.accessible();
    expect(codeKeys()).to.deep.equal([]);
    await openTracker(el);
    expect($(el, '.codes')).to.equal(null);
    expect($(el, '.forget-all')).to.equal(null);
    expect(codeKeys()).to.deep.equal([]);
  });

  it('ticking the box stores the code with an expiry 60 days on; the tracker offers it; unticking removes it', async () => {
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await sendQuestion(el);
    const before = Date.now();
    $<HTMLInputElement>(el, '#r-remember')!.click();
    const after = Date.now();
    await el.updateComplete;
    const [entry, ...rest] = stored()!;
    expect(rest).to.deep.equal([]);
    expect(entry!.code).to.equal('HD-7K3M9-QXP2A');
    expect(entry!.until).to.be.within(before + 60 * DAY, after + 60 * DAY);
    expect(Object.keys(entry!).sort()).to.deep.equal(['code', 'until']);
    expect(codeKeys()).to.deep.equal([CODES]);
    expect($<HTMLInputElement>(el, '#r-remember')!.checked).to.equal(true);
    await openTracker(el);
    expect(offered(el)).to.deep.equal(['HD-7K3M9-QXP2A']);
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#r-remember')!.click();
    await el.updateComplete;
    expect(codeKeys()).to.deep.equal([]);
    expect(offered(el)).to.deep.equal([]);
  });

  it('keeps a code exactly REMEMBER_DAYS (60) by the clock it is given, then drops it on read', () => {
    const t0 = Date.UTC(2026, 3, 1, 8);
    expect(REMEMBER_DAYS).to.equal(60);
    expect(rememberCode('hd 7k3m9 qxp2a', t0)).to.equal(true);
    expect(stored()).to.deep.equal([{ code: 'HD-7K3M9-QXP2A', until: t0 + 60 * DAY }]);
    expect(savedCodes(t0 + 60 * DAY - 1)).to.deep.equal(['HD-7K3M9-QXP2A']);
    expect(savedCodes(t0 + 60 * DAY)).to.deep.equal([]);
    expect(localStorage.getItem(CODES)).to.equal(null);
    localStorage.setItem(CODES, '{not json');
    expect(savedCodes(t0)).to.deep.equal([]);
    expect(localStorage.getItem(CODES)).to.equal(null);
  });

  it('offers no expired, malformed or too-far-off entry, and drops them from storage', async () => {
    const now = Date.now();
    localStorage.setItem(
      CODES,
      JSON.stringify([
        { code: 'HD-AAAAA-BBBBB', until: now + DAY },
        { code: 'HD-CCCCC-DDDDD', until: now - 1 }, // expired
        { code: 'HD-EEEEE-FFFFF', until: now + 365 * DAY }, // not written by the widget
        { code: 'hd aaaaa bbbbb', until: now + DAY },
        { code: 'HD-AAAAA-BBBBB', until: now + 2 * DAY }, // twice
        'HD-11111-22222',
        { code: 'HD-33333-44444' },
        { code: 'HD-33333-44444', until: String(now + DAY) },
        null,
      ]),
    );
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openTracker(el);
    expect(offered(el)).to.deep.equal(['HD-AAAAA-BBBBB']);
    expect(stored()).to.deep.equal([{ code: 'HD-AAAAA-BBBBB', until: now + DAY }]);
  });

  it('removes the codes the old version kept without asking (v1), and never offers them', async () => {
    localStorage.setItem(CODES_V1, JSON.stringify(['HD-AAAAA-BBBBB', 'HD-7K3M9-QXP2A']));
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    // Gone as soon as the widget starts, whether or not the tracker is ever opened.
    expect(localStorage.getItem(CODES_V1)).to.equal(null);
    await ready(el, 5);
    localStorage.setItem(CODES_V1, JSON.stringify(['HD-AAAAA-BBBBB'])); // written again by an old copy of the widget on another page
    await openTracker(el);
    expect($(el, '.codes')).to.equal(null);
    expect(localStorage.getItem(CODES_V1)).to.equal(null);
    expect(codeKeys()).to.deep.equal([]);
  });

  it('"Xoá các mã đã nhớ trên máy này" removes them all, moves focus to the code field and says so politely', async () => {
    localStorage.setItem(
      CODES,
      JSON.stringify([
        { code: 'HD-AAAAA-BBBBB', until: Date.now() + DAY },
        { code: 'HD-11111-22222', until: Date.now() + DAY },
      ]),
    );
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openTracker(el);
    expect(offered(el)).to.deep.equal(['HD-AAAAA-BBBBB', 'HD-11111-22222']);
    const forgetAll = $<HTMLButtonElement>(el, '.forget-all')!;
    expect(text(forgetAll)).to.equal('Xoá các mã đã nhớ trên máy này');
    await expect(el).to.be.accessible();
    forgetAll.click();
    await waitUntil(() => active(el)?.id === 't-code', 'focus on the code field');
    expect(codeKeys()).to.deep.equal([]);
    expect($(el, '.codes')).to.equal(null);
    expect($(el, '.forget-all')).to.equal(null);
    // role=status: a polite live region, there from the start so the message is read out.
    expect(text($(el, 'form.track [role=status]'))).to.equal('Đã xoá các mã đã nhớ trên máy này.');
    await expect(el).to.be.accessible();
  });

  it('forgets one code by its own button, named with the code; focus goes to the next code, then to the field', async () => {
    localStorage.setItem(
      CODES,
      JSON.stringify([
        { code: 'HD-AAAAA-BBBBB', until: Date.now() + DAY },
        { code: 'HD-11111-22222', until: Date.now() + DAY },
      ]),
    );
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openTracker(el);
    const forgets = $$<HTMLButtonElement>(el, '.codes .forget-code');
    expect(forgets.map((b) => [text(b), b.getAttribute('aria-label')])).to.deep.equal([
      ['Xoá', 'Xoá mã HD-AAAAA-BBBBB'],
      ['Xoá', 'Xoá mã HD-11111-22222'],
    ]);
    forgets[0]!.click();
    await waitUntil(() => offered(el).length === 1 && text(active(el)) === 'HD-11111-22222', 'focus on the code left');
    expect(stored()!.map((e) => e.code)).to.deep.equal(['HD-11111-22222']);
    expect(text($(el, 'form.track [role=status]'))).to.equal('Đã xoá mã HD-AAAAA-BBBBB khỏi máy này.');
    $<HTMLButtonElement>(el, '.codes .forget-code')!.click();
    await waitUntil(() => active(el)?.id === 't-code', 'focus on the code field');
    expect(codeKeys()).to.deep.equal([]);
    expect(text($(el, 'form.track [role=status]'))).to.equal('Đã xoá mã HD-11111-22222 khỏi máy này.');
  });

  it('keyboard only: Tab to the box and Space remembers the code; Tab to "Xoá các mã…" and Enter forgets it', async () => {
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await sendQuestion(el);
    await sendKeys({ press: 'Tab' });
    expect(text(active(el))).to.equal('Sao chép mã');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('r-remember');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(stored()!.map((e) => e.code)).to.deep.equal(['HD-7K3M9-QXP2A']);
    await sendKeys({ press: 'Tab' });
    expect(text(active(el))).to.equal('Đặt câu hỏi khác');
    $<HTMLButtonElement>(el, '[part=track-button]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.forget-all'), 'the tracker with the code');
    await tabTo(el, (node) => node.classList.contains('saved-code'));
    expect(text(active(el))).to.equal('HD-7K3M9-QXP2A');
    await tabTo(el, (node) => node.classList.contains('forget-all'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 't-code', 'focus on the code field');
    expect(codeKeys()).to.deep.equal([]);
    // The receipt, still open above, follows what is stored.
    expect($<HTMLInputElement>(el, '#r-remember')!.checked).to.equal(false);
  });

  it('when the browser will not store the code, the box unticks itself and says to write the code down', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key.startsWith('pbgdpl:qa-codes')) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
    try {
      api = stubApi();
      const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
      await ready(el, 5);
      await sendQuestion(el);
      $<HTMLInputElement>(el, '#r-remember')!.click();
      await waitUntil(() => text($(el, '.remember [role=status]')) !== '', 'the message');
      expect(text($(el, '.remember [role=status]'))).to.equal('Trình duyệt không cho lưu mã trên máy này. Hãy ghi lại mã.');
      expect($<HTMLInputElement>(el, '#r-remember')!.checked).to.equal(false);
      expect(codeKeys()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`at 320 px (${lang}, 20px text) the remember box, the codes and the forget buttons wrap instead of being cut`, async () => {
      localStorage.setItem(CODES, JSON.stringify(['HD-AAAAA-BBBBB', 'HD-11111-22222', 'HD-33333-44444'].map((code) => ({ code, until: Date.now() + DAY }))));
      api = stubApi();
      const wrap = await fixture(html`<div style="width: 320px; font-size: 20px"><pbgdpl-qa-box api=${API} site="demo" lang=${lang}></pbgdpl-qa-box></div>`);
      const el = wrap.firstElementChild as PbgdplQaBox;
      await ready(el, 5);
      await sendQuestion(el);
      await openTracker(el);
      const base = $(el, '.base')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      const edge = base.getBoundingClientRect().right;
      const nodes = $$(el, '.receipt button, .receipt label, .remember .hint, form.track button, form.track label, form.track .hint');
      expect(nodes.length).to.be.greaterThan(10);
      for (const node of nodes) {
        const what = `${node.localName}.${node.className} “${text(node)}”`;
        expect(node.scrollWidth, what).to.be.at.most(node.clientWidth);
        expect(node.getBoundingClientRect().right, what).to.be.at.most(edge);
      }
      // The long one takes two lines rather than running out of the box.
      expect($(el, '.forget-all')!.getBoundingClientRect().height).to.be.greaterThan(44);
      if (lang === 'en') {
        expect(text($(el, 'label[for=r-remember]'))).to.equal('Remember this code on this device');
        expect(text($(el, '.forget-all'))).to.equal('Forget the codes saved on this device');
        expect($(el, '.forget-code')!.getAttribute('aria-label')).to.equal('Forget code HD-AAAAA-BBBBB');
      }
    });
  }

  // ── The answer by e-mail: promised only when it will be sent ──────────────────────────────────

  const consentBoxes = (el: PbgdplQaBox) => $$<HTMLInputElement>(el, 'fieldset.consent input[type=checkbox]').map((b) => b.value);
  const BY_EMAIL = 'nhan-tra-loi-qua-email';
  const LOOK_UP = 'Hãy ghi lại mã này: khi có câu trả lời, bạn tra cứu bằng mã tại mục “Tra cứu câu hỏi”.';
  const MAILED = 'Câu trả lời sẽ được gửi tới thư điện tử bạn đã để lại. Bạn cũng có thể tra cứu bằng mã này tại mục “Tra cứu câu hỏi”.';

  it('a site whose server sends no mail: no box for it, even with an e-mail; the receipt says to look the answer up with the code', async () => {
    api = stubApi({ site: () => ({ body: site({ answersByEmail: false }) }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openAsk(el);
    await waitUntil(() => api!.of('site')[0]?.status === 200, 'the site rules arrived');
    await fillValid(el); // with an e-mail address
    await el.updateComplete;
    expect(consentBoxes(el)).to.deep.equal(['xu-ly-cau-hoi', 'cong-khai-hoi-dap']);
    submit(el);
    await waitUntil(() => $(el, '.receipt'), 'sent');
    expect(api.of('ask')[0]!.body!.consents).to.deep.equal(['xu-ly-cau-hoi']);
    expect(text($(el, '.receipt .answer-by'))).to.equal(LOOK_UP);
    expect(text($(el, '.receipt'))).to.not.contain('sẽ được gửi tới');
  });

  it('a site that sends mail: the box appears once an e-mail is entered; ticked, the purpose is sent and the receipt promises the mail', async () => {
    api = stubApi({ site: () => ({ body: site({ answersByEmail: true }) }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openAsk(el);
    await waitUntil(() => api!.of('site')[0]?.status === 200, 'the site rules arrived');
    await el.updateComplete;
    expect(consentBoxes(el), 'no e-mail yet').to.deep.equal(['xu-ly-cau-hoi', 'cong-khai-hoi-dap']);
    await fillValid(el);
    await el.updateComplete;
    expect(consentBoxes(el)).to.deep.equal(['xu-ly-cau-hoi', 'cong-khai-hoi-dap', BY_EMAIL]);
    const box = $<HTMLInputElement>(el, `input[value=${BY_EMAIL}]`)!;
    expect(box.checked, 'unticked until the citizen ticks it').to.equal(false);
    expect(text($(el, `label[for=${box.id}]`))).to.equal('Tôi đồng ý nhận câu trả lời qua thư điện tử đã để lại. (không bắt buộc)');
    await expect(el).to.be.accessible();
    box.click();
    submit(el);
    await waitUntil(() => $(el, '.receipt'), 'sent');
    expect(api.of('ask')[0]!.body!.consents).to.deep.equal(['xu-ly-cau-hoi', BY_EMAIL]);
    expect(text($(el, '.receipt .answer-by'))).to.equal(MAILED);
    await expect(el).to.be.accessible();
  });

  it('a site that sends mail, the box left unticked: no promise of mail', async () => {
    api = stubApi({ site: () => ({ body: site({ answersByEmail: true }) }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openAsk(el);
    await waitUntil(() => api!.of('site')[0]?.status === 200, 'the site rules arrived');
    await fillValid(el);
    await waitUntil(() => consentBoxes(el).includes(BY_EMAIL), 'the box');
    submit(el);
    await waitUntil(() => $(el, '.receipt'), 'sent');
    expect(api.of('ask')[0]!.body!.consents).to.deep.equal(['xu-ly-cau-hoi']);
    expect(text($(el, '.receipt .answer-by'))).to.equal(LOOK_UP);
  });

  it('ticked, then the e-mail removed: the box goes, and so does the purpose', async () => {
    api = stubApi({ site: () => ({ body: site({ answersByEmail: true }) }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(el, 5);
    await openAsk(el);
    await waitUntil(() => api!.of('site')[0]?.status === 200, 'the site rules arrived');
    await fillValid(el);
    await waitUntil(() => consentBoxes(el).includes(BY_EMAIL), 'the box');
    $<HTMLInputElement>(el, `input[value=${BY_EMAIL}]`)!.click();
    type(el, 'f-email', '');
    type(el, 'f-phone', '0912 345 678');
    await el.updateComplete;
    expect(consentBoxes(el)).to.deep.equal(['xu-ly-cau-hoi', 'cong-khai-hoi-dap']);
    submit(el);
    await waitUntil(() => $(el, '.receipt'), 'sent');
    expect(api.of('ask')[0]!.body!.consents).to.deep.equal(['xu-ly-cau-hoi']);
    expect(text($(el, '.receipt .answer-by'))).to.equal(LOOK_UP);
  });

  for (const [answersByEmail, says] of [
    [false, LOOK_UP],
    [true, MAILED],
  ] as const) {
    it(`a question from an earlier visit, the box ticked, on a site that ${answersByEmail ? 'sends' : 'sends no'} mail: the receipt ${answersByEmail ? 'promises it' : 'says to look it up'}`, async () => {
      const entry = {
        id: 'key-mail',
        kind: 'question',
        url: `${API}/api/v1/questions`,
        body: { site: 'demo', title: 'x', email: 'a@b.vn', consents: ['xu-ly-cau-hoi', BY_EMAIL] },
        createdAt: Date.now() - 60_000,
      };
      localStorage.setItem('pbgdpl:outbox:v1', JSON.stringify([entry]));
      api = stubApi({ site: () => ({ body: site({ answersByEmail }) }) });
      const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
      await waitUntil(() => $(el, '.receipt') && api!.of('site')[0]?.status === 200, 'sent, and the site rules read');
      await el.updateComplete;
      expect(text($(el, '.receipt .answer-by'))).to.equal(says);
    });
  }

  // ── Citations, as lawyers write them ─────────────────────────────────────────────────────────

  it('writes a provision smallest unit first, then the document: its short name, or its number while the API gives none', () => {
    expect(formatArticle('Điều 8 khoản 1 điểm a', 'vi')).to.equal('điểm a khoản 1 Điều 8');
    expect(formatArticle('Điều 139 khoản 1', 'vi')).to.equal('khoản 1 Điều 139');
    expect(formatArticle('Điều 21', 'vi')).to.equal('Điều 21');
    expect(formatArticle('khoản 2 Điều 20', 'vi')).to.equal('khoản 2 Điều 20');
    expect(formatArticle('ĐIỀU 20 Khoản 2 điểm a'.normalize('NFD'), 'vi')).to.equal('điểm a khoản 2 Điều 20');
    expect(formatArticle('Điều 8 khoản 1 điểm a', 'en')).to.equal('point a, clause 1, Article 8');
    // Not one provision: left as written.
    for (const odd of ['Điều 3, Điều 5', 'Điều 3 và Điều 5', 'Phụ lục I', 'Điều 8 Điều 9']) expect(formatArticle(odd, 'vi'), odd).to.equal(odd);
    const join = (c: { provision: string; document: string }) => `${c.provision}${c.document}`;
    expect(join(formatCitation({ number: '68/2020/QH14', article: 'Điều 20 khoản 2 điểm a', title: 'Luật Cư trú' }, 'vi'))).to.equal(
      'điểm a khoản 2 Điều 20 Luật Cư trú',
    );
    expect(join(formatCitation({ number: '52/2014/QH13', article: 'Điều 8 khoản 1 điểm a' }, 'vi'))).to.equal('điểm a khoản 1 Điều 8 văn bản số 52/2014/QH13');
    expect(join(formatCitation({ number: '52/2014/QH13', article: null }, 'vi'))).to.equal('văn bản số 52/2014/QH13');
    expect(join(formatCitation({ number: '52/2014/QH13', article: 'Điều 8 khoản 1 điểm a' }, 'en'))).to.equal(
      'point a, clause 1, Article 8 of document No. 52/2014/QH13',
    );
  });

  it('an opened answer lists its citations that way, the document linked, its title when the API sends one', async () => {
    const cites = [
      { number: '52/2014/QH13', article: 'Điều 8 khoản 1 điểm a', lawId: '52-2014-qh13', url: 'https://vbpl.vn/52', title: 'Luật Hôn nhân và gia đình' },
      { number: '68/2020/QH14', article: 'Điều 20 khoản 2', lawId: null, url: null },
    ];
    api = stubApi({ list: () => ({ body: { items: [qa(1, { citations: cites })], nextCursor: null, total: 1 } }) });
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} limit="1"></pbgdpl-qa-box>`);
    await ready(el, 1);
    $<HTMLButtonElement>(el, 'button.q')!.click();
    await waitUntil(() => $(el, '.answer-html'), 'the answer');
    const lis = $$(el, '[part=citations] li');
    expect(lis.map((li) => text(li))).to.deep.equal([
      'điểm a khoản 1 Điều 8 Luật Hôn nhân và gia đình (mở trong thẻ mới)',
      'khoản 2 Điều 20 văn bản số 68/2020/QH14',
    ]);
    expect(text(lis[0]!.querySelector('a'))).to.equal('Luật Hôn nhân và gia đình (mở trong thẻ mới)');
  });

  // ── Offline from the first visit ─────────────────────────────────────────────────────────────

  it('offline, the form never opened online: its code came ahead, it opens, the question waits and goes out once, its proof solved when the network is back', async () => {
    // An earlier visit saw the list (it is stored) but never opened the form.
    api = stubApi({ list: () => ({ body: qaPage(1, 5) }) });
    const before = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await ready(before, 5);
    before.remove();
    api.restore();
    proofCodeFetched = 0;
    // Now no network from the start: the browser says so and every request fails.
    restoreOnline = setOnline(false);
    let online = false;
    const down = { networkError: true };
    api = stubApi({
      list: () => (online ? { body: qaPage(1, 5) } : down),
      meta: () => (online ? { body: META } : down),
      site: () => (online ? { body: site() } : down),
      suggest: () => down,
      ask: () => (online ? { status: 201, body: RECEIPT } : down),
      status: () => down,
    });
    // The real solver needs a challenge from the API: offline it cannot finish.
    let solved = 0;
    ProofOfWork.create = async () => {
      proofsMade++;
      return { payload: async () => (online ? `solved-${++solved}` : Promise.reject(new TypeError('Failed to fetch'))), next() {} };
    };
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
    await waitUntil(
      () => proofCodeFetched === 1 && shadow(el).adoptedStyleSheets.includes(formStyles.styleSheet!) && $(el, '#t-code'),
      'the forms and the solver fetched once the page was idle, before any touch',
      { timeout: 5000 },
    );
    expect(api.of('ask')).to.have.length(0);
    await openAsk(el); // the fields come from the questions on screen while the list of fields cannot load
    expect(text($(el, '#ask-panel'))).to.not.contain('Nội dung sẽ hiện khi có mạng trở lại');
    await fillValid(el);
    submit(el);
    await waitUntil(() => text($(el, '.form-status')).includes('Chưa có mạng'), 'queued');
    expect(text($(el, '.form-status'))).to.equal('Chưa có mạng. Câu hỏi đã được lưu trên máy này và sẽ tự gửi khi có mạng trở lại.');
    expect(text($(el, '#ask-panel'))).to.not.contain('Nội dung sẽ hiện khi có mạng trở lại');
    expect(api.of('ask').filter((c) => c.status === 201)).to.have.length(0);
    await expect(el).to.be.accessible();
    // The tracker opens too, and says what a lookup needs.
    await openTracker(el);
    $<HTMLInputElement>(el, '#t-code')!.value = 'HD-7K3M9-QXP2A';
    $<HTMLButtonElement>(el, 'form.track button[type=submit]')!.click();
    await waitUntil(() => $(el, '#t-err'), 'the lookup fails', { timeout: 4000 });
    expect(text($(el, '#t-err'))).to.equal('Không có kết nối mạng. Hãy tra cứu lại khi có mạng.');

    online = true;
    restoreOnline();
    restoreOnline = setOnline(true);
    await waitUntil(() => $(el, '.receipt'), 'sent when back online', { timeout: 4000 });
    const sent = api.of('ask').filter((c) => c.status === 201);
    expect(sent).to.have.length(1);
    expect(sent[0]!.body!.altcha).to.equal('solved-1');
    expect(new Set(api.of('ask').map((c) => c.key)).size).to.equal(1);
    expect(localStorage.getItem('pbgdpl:outbox:v1')).to.equal(null);
  });

  // ── Language, theme, host page ─────────────────────────────────────────────────────────────

  it('speaks English when asked, and asks the API in English', async () => {
    api = stubApi();
    const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo" lang="en"></pbgdpl-qa-box>`);
    await ready(el, 5);
    expect(api.of('list')[0]!.url.searchParams.get('lang')).to.equal('en');
    expect(text($(el, '[role=heading]'))).to.equal('Legal questions and answers');
    expect(text($(el, '[part=ask-button]'))).to.equal('Ask a question');
    expect(text($(el, '[part=more]'))).to.equal('Show more');
    await openAsk(el);
    expect(api.of('meta')[0]!.url.searchParams.get('lang')).to.equal('en');
    expect(text($(el, 'label[for=f-title]'))).to.contain('Question title');
    submit(el);
    await el.updateComplete;
    expect(text($(el, '.summary-title'))).to.equal('Please correct 6 errors:');
    expect(text($(el, '.summary li'))).to.equal('Choose the field of your question.');
    expect($(el, '.base')!.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('fires pbgdpl-loaded, bubbling out of the shadow root', async () => {
    api = stubApi({ list: () => ({ body: qaPage(1, 3) }) });
    const wrap = await fixture(html`<div></div>`);
    const event = oneEvent(wrap, 'pbgdpl-loaded');
    wrap.innerHTML = `<pbgdpl-qa-box api="${API}" limit="3"></pbgdpl-qa-box>`;
    const e = (await event) as CustomEvent<{ count: number }>;
    expect(e.detail.count).to.equal(3);
    expect(e.composed).to.equal(true);
  });

  it('keeps host CSS out, takes the theme tokens, and is accessible in the dark theme', async () => {
    api = stubApi();
    const wrap = await fixture(html`<div style="letter-spacing: 7px; text-transform: uppercase; font-family: Georgia, serif; --pbgdpl-accent: rgb(0, 102, 51)">
      <pbgdpl-qa-box api=${API}></pbgdpl-qa-box>
    </div>`);
    const el = wrap.querySelector('pbgdpl-qa-box')!;
    await ready(el, 5);
    const title = items(el)[0]!.querySelector('.q-title')!;
    expect(getComputedStyle(title).letterSpacing).to.equal('normal');
    expect(getComputedStyle(title).textTransform).to.equal('none');
    expect(getComputedStyle(title).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(title).color).to.equal('rgb(0, 102, 51)');
    (wrap as HTMLElement).style.removeProperty('--pbgdpl-accent');
    el.theme = 'dark';
    await el.updateComplete;
    await openAsk(el);
    await expect(el).to.be.accessible();
  });

  // ── Cross-site scripting ───────────────────────────────────────────────────────────────────

  describe('renders hostile text and HTML without running any of it', () => {
    const flag = () => (window as unknown as Record<string, unknown>)[XSS_FLAG];
    const ALL = [...XSS_PAYLOADS, ...XSS_URLS];
    const FORBIDDEN_TAGS = [
      'script',
      'iframe',
      'object',
      'embed',
      'base',
      'meta',
      'link',
      'style',
      'svg',
      'math',
      'template',
      'noscript',
      'img',
      'video',
      'audio',
      'source',
      'details',
      'marquee',
      'frame',
      'frameset',
    ];
    const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster'];

    /** Waits for anything that might still run (image errors, toggles), then checks nothing did and nothing could. */
    async function assertClean(el: PbgdplQaBox) {
      const root = shadow(el);
      await Promise.all(
        [...root.querySelectorAll('img')].map((img) =>
          img.complete ? Promise.resolve() : new Promise((r) => img.addEventListener('error', r, { once: true })),
        ),
      );
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      expect(flag(), 'a payload ran').to.equal(undefined);
      const all = [...root.querySelectorAll('*')];
      expect(all.filter((n) => FORBIDDEN_TAGS.includes(n.localName)).map((n) => n.outerHTML)).to.deep.equal([]);
      for (const n of all) {
        for (const a of [...n.attributes]) {
          expect(a.name.toLowerCase().startsWith('on'), `${n.localName} ${a.name}`).to.equal(false);
          if (URL_ATTRS.includes(a.name.toLowerCase())) {
            // eslint-disable-next-line no-control-regex -- browsers ignore these before a scheme
            expect(a.value.replace(/[\u0000-\u0020]/g, ''), `${n.localName} ${a.name}`).to.not.match(/^(javascript|data|vbscript):/i);
          }
        }
        if (n.localName === 'a' && n.hasAttribute('href')) expect(n.getAttribute('href')).to.match(/^(https?:|mailto:|tel:|#)/);
        if (n.localName === 'form') expect(n.closest('.answer, .answer-html, .result .answer-html, [part=suggestions]')).to.equal(null);
      }
    }

    beforeEach(() => delete (window as unknown as Record<string, unknown>)[XSS_FLAG]);

    it('the corpus is live: a payload does run when put into the page raw', async () => {
      expect(XSS_PAYLOADS.length).to.be.greaterThanOrEqual(30);
      const probe = document.createElement('div');
      probe.innerHTML = XSS_PAYLOADS.find((p) => p.id === 'img-onerror')!.html;
      document.body.append(probe);
      await waitUntil(() => flag() === 'img-onerror', 'the control payload runs');
      probe.remove();
    });

    it('in published questions: titles, texts, answers and citations', async () => {
      const list = ALL.map((p, i) =>
        qa(i, {
          id: `x-${i}`,
          title: p.html,
          content: p.html,
          field: { code: 'x', label: p.html },
          answerHtml: `<p>Trả lời ${i}</p>${p.html}<a href="${p.html.replace(/"/g, '&quot;')}">liên kết</a>`,
          citations: [{ number: p.html, article: p.html, lawId: null, url: p.html }],
        }),
      );
      api = stubApi({ list: () => ({ body: { items: list, nextCursor: null, total: list.length } }) });
      const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} limit="20"></pbgdpl-qa-box>`);
      await ready(el, list.length);
      for (const b of $$<HTMLButtonElement>(el, 'button.q')) b.click();
      await waitUntil(() => $$(el, '.answer-html').length === list.length, 'every answer shown', { timeout: 5000 });
      // Titles and texts are text: the markup is shown, not parsed.
      expect(text(items(el)[0]!.querySelector('.q-title'))).to.equal(text(Object.assign(document.createElement('p'), { textContent: ALL[0]!.html })));
      await assertClean(el);
    });

    it('in suggestions while typing: titles, excerpts, answers, citations and documents', async () => {
      const answers = ALL.map((p, i) => ({
        id: `s-${i}`,
        title: p.html,
        excerpt: p.html,
        answerHtml: p.html,
        citations: [{ number: p.html, article: p.html, lawId: null, url: p.html }],
        score: 1,
      }));
      const laws = ALL.map((p, i) => ({ id: `l-${i}`, number: p.html, type: p.html, abstract: p.html, url: p.html, articles: [p.html], score: 1 }));
      api = stubApi({ suggest: () => ({ body: { answers, laws } }) });
      const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API} site="demo"></pbgdpl-qa-box>`);
      await ready(el, 5);
      await openAsk(el);
      type(el, 'f-title', 'một hai ba bốn');
      await waitUntil(() => $(el, '[part=suggestions]'), 'suggestions');
      for (const b of $$<HTMLButtonElement>(el, '.sg-q')) b.click();
      await waitUntil(() => $$(el, '[part=suggestions] .answer-html').length === answers.length, 'every suggested answer shown', { timeout: 5000 });
      await assertClean(el);
    });

    it('in a tracked question: title, reason, answer and citations', async () => {
      let i = 0;
      api = stubApi({
        status: () => {
          const p = ALL[i++ % ALL.length]!;
          return {
            body: view({
              title: p.html,
              rejectedReason: p.html,
              field: { code: 'x', label: p.html },
              answer: { html: p.html, citations: [{ number: p.html, article: p.html, lawId: null, url: p.html }], answeredOn: '2026-04-10' },
            }),
          };
        },
      });
      const el = await fixture<PbgdplQaBox>(html`<pbgdpl-qa-box api=${API}></pbgdpl-qa-box>`);
      await ready(el, 5);
      $<HTMLButtonElement>(el, '[part=track-button]')!.click();
      await waitUntil(() => $(el, '#t-code'));
      for (let n = 0; n < ALL.length; n++) {
        $<HTMLInputElement>(el, '#t-code')!.value = 'HD-7K3M9-QXP2A';
        $<HTMLButtonElement>(el, 'form.track button[type=submit]')!.click();
        await el.updateComplete; // the previous result goes first
        await waitUntil(() => api!.of('status').length === n + 1 && $(el, '.result .answer-html'), `payload ${n}`);
        await assertClean(el);
      }
    });
  });
});
