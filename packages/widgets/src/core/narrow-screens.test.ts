/**
 * What citizens see on small phones: at 320 and 412 px, with the default and a large text size,
 * in Vietnamese and English, no button or label of any widget is cut, in any state the widget
 * can reach (list, search, filter, ask form, errors, receipt, tracker, feedback form and thanks).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { QuestionStatusView } from '@pbgdpl/contract';
import '../latest-laws/define.js';
import '../qa-box/define.js';
import '../feedback-form/define.js';
import { ProofOfWork } from './proof-of-work.js';
import { rememberCode } from '../qa-box/qa-box.codes.js';
import { clearWidgetStorage, law, stubFetch, watchWarnings } from '../test-support/fixtures.js';

const API = 'https://api.example.test';
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const laws = [
  law(1, {
    type: { code: 'thong-tu-lien-tich', label: 'Thông tư liên tịch' },
    number: '03/2025/TTLT-BTP-BNV',
    issuer: { code: 'x', label: 'Bộ Thông tin và Truyền thông' },
    validity: { code: 'het-hieu-luc-mot-phan', label: 'Hết hiệu lực một phần' },
  }),
  law(2, { abstract: 'Ngắn' }),
];
const question = (n: number) => ({
  id: `q-${n}`,
  title: `Con gái tôi 17 tuổi có được đăng ký kết hôn không? (${n})`,
  content: 'Con gái tôi năm nay 17 tuổi.',
  field: { code: 'hon-nhan-gia-dinh', label: 'Hôn nhân và gia đình' },
  askedOn: '2026-03-02',
  answeredOn: '2026-03-05',
  answerHtml: '<p>Nữ phải từ đủ 18 tuổi.</p>',
  citations: [{ number: '52/2014/QH13', article: 'Điều 8 khoản 1 điểm a', lawId: null, url: 'https://vbpl.vn/52' }],
});
const FIELDS = [
  { code: 'hon-nhan-gia-dinh', label: 'Hôn nhân và gia đình' },
  { code: 'khieu-nai-to-cao', label: 'Khiếu nại, tố cáo và giải quyết tranh chấp hành chính' },
];
const tracked: QuestionStatusView = {
  trackingCode: 'HD-7K3M9-QXP2A',
  status: 'answered',
  title: 'Con tôi 17 tuổi có được kết hôn không?',
  field: FIELDS[0]!,
  askedOn: '2026-04-01',
  dueOn: '2026-04-15',
  answer: { html: '<p>Chưa được.</p>', citations: [{ number: '52/2014/QH13', article: 'Điều 8 khoản 1', lawId: null, url: null }], answeredOn: '2026-04-10' },
  rejectedReason: null,
};

function provincialApi() {
  return stubFetch((url, method) => {
    const p = url.pathname;
    if (method === 'POST' && p === '/api/v1/questions') return { status: 201, body: { trackingCode: 'HD-7K3M9-QXP2A', status: 'new', dueOn: '2026-04-15' } };
    if (method === 'POST' && p === '/api/v1/feedback') return { status: 201, body: { id: 'f-1', receivedAt: '2026-04-01T08:00:00.000Z' } };
    if (p === '/api/v1/laws') return { body: { items: laws, nextCursor: 'next' } };
    if (p.startsWith('/api/v1/laws/')) return { body: law(91, { number: '91/2025/QH15', abstract: 'Bảo vệ dữ liệu cá nhân' }) };
    if (p === '/api/v1/questions') return { body: { items: [question(1), question(2)], nextCursor: 'next', total: 12 } };
    if (p === '/api/v1/questions/suggest') return { body: { answers: [], laws: [] } };
    if (p.startsWith('/api/v1/questions/')) return { body: tracked };
    if (p === '/api/v1/meta') return { body: { fields: FIELDS } };
    if (p.startsWith('/api/v1/sites/'))
      return {
        body: { key: 'demo', name: 'Trang thử', kind: 'ubnd-xa', contactRule: 'email-or-phone', requireName: true, answerDays: 10, answersByEmail: true },
      };
    return { status: 404, body: {} };
  });
}

/** Every button and label drawn that is cut (its text wider than its box) or runs past the widget. */
function cut(el: Element): string[] {
  const root = el.shadowRoot!;
  const edge = root.querySelector('.base')!.getBoundingClientRect().right;
  const problems: string[] = [];
  for (const node of root.querySelectorAll<HTMLElement>('button, label')) {
    if (!node.getClientRects().length || node.closest('.visually-hidden, [inert], .hp, .honeypot')) continue;
    const what = `${el.localName} ${node.localName}.${node.className} “${text(node).slice(0, 40)}”`;
    if (node.scrollWidth > node.clientWidth) problems.push(`${what}: ${node.scrollWidth} > ${node.clientWidth}`);
    if (node.getBoundingClientRect().right > edge + 0.5) problems.push(`${what}: past the widget's edge`);
  }
  return problems;
}

/** Checks the widget as it is now; `seen` counts what was checked, so a state that did not render fails. */
function check(el: Element, state: string, seen: Set<string>) {
  expect(cut(el), state).to.deep.equal([]);
  for (const node of el.shadowRoot!.querySelectorAll('button, label')) if (node.getClientRects().length) seen.add(`${state}|${text(node)}`);
}

async function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('on small phones, no button or label is cut', () => {
  let api: ReturnType<typeof stubFetch>;
  let warnings: ReturnType<typeof watchWarnings>;
  const real = { create: ProofOfWork.create, prefetch: ProofOfWork.prefetch };

  beforeEach(() => {
    clearWidgetStorage();
    warnings = watchWarnings();
    api = provincialApi();
    ProofOfWork.create = async () => ({ payload: async () => 'proof', next() {} });
    ProofOfWork.prefetch = async () => {};
  });
  afterEach(() => {
    api.restore();
    Object.assign(ProofOfWork, real);
    clearWidgetStorage();
    warnings.check();
  });

  for (const width of [320, 412]) {
    for (const size of [16, 24]) {
      for (const lang of ['vi', 'en'] as const) {
        it(`${width} px, ${size}px text, ${lang}`, async () => {
          rememberCode('HD-AAAAA-BBBBB');
          rememberCode('HD-11111-22222');
          const wrap = await fixture(html`<div style="width: ${width}px; font-size: ${size}px">
            <pbgdpl-latest-laws api=${API} site="demo" lang=${lang} limit="2" show-search></pbgdpl-latest-laws>
            <pbgdpl-qa-box api=${API} site="demo" lang=${lang} limit="2"></pbgdpl-qa-box>
            <pbgdpl-feedback-form api=${API} site="demo" lang=${lang} kind="document" document="91-2025-qh15"></pbgdpl-feedback-form>
          </div>`);
          const [laws, qa, feedback] = [...wrap.children] as [HTMLElement, HTMLElement, HTMLElement];
          const seen = new Set<string>();

          // Latest documents: the list, then a search.
          await waitUntil(() => laws.shadowRoot!.querySelectorAll('li.item a').length === 2, 'documents');
          check(laws, 'laws list', seen);
          $<HTMLInputElement>(laws, 'input[type=search]')!.value = 'dat dai';
          $<HTMLFormElement>(laws, 'form.search')!.requestSubmit();
          await waitUntil(() => api.calls.some((c) => c.pathname === '/api/v1/laws' && c.searchParams.get('q')), 'searched');
          check(laws, 'laws search', seen);

          // Q&A: the list, a search, the filter, an answer opened.
          await waitUntil(() => qa.shadowRoot!.querySelectorAll('ul.list:not([aria-hidden]) li.item').length === 2, 'questions');
          check(qa, 'qa list', seen);
          $<HTMLInputElement>(qa, 'input[type=search]')!.value = 'ket hon';
          $<HTMLFormElement>(qa, 'form.search')!.requestSubmit();
          await waitUntil(() => $(qa, '.total'), 'the count');
          $<HTMLButtonElement>(qa, '[part=filter]')!.click();
          await waitUntil(() => qa.shadowRoot!.querySelectorAll('#filter-field option').length === 3, 'fields');
          $<HTMLSelectElement>(qa, '#filter-field')!.value = 'khieu-nai-to-cao';
          $<HTMLSelectElement>(qa, '#filter-field')!.dispatchEvent(new Event('change'));
          await waitUntil(() => text($(qa, '[part=filter]')).includes('Khiếu nại'), 'a long field chosen');
          $<HTMLButtonElement>(qa, 'button.q')!.click();
          await waitUntil(() => $(qa, '.answer-html'), 'an answer');
          check(qa, 'qa search, filter, answer', seen);

          // The ask form: empty, then with every error, then sent.
          $<HTMLButtonElement>(qa, '[part=ask-button]')!.click();
          await waitUntil(() => $(qa, 'form.ask') && qa.shadowRoot!.querySelectorAll('#f-field option').length > 1, 'the ask form');
          await type(qa, 'f-email', 'ten@example.com');
          await waitUntil(() => $(qa, 'input[value=nhan-tra-loi-qua-email]'), 'the e-mail box');
          check(qa, 'ask form', seen);
          $<HTMLButtonElement>(qa, 'form.ask button[type=submit]')!.click();
          await waitUntil(() => $(qa, '.summary'), 'the error summary');
          check(qa, 'ask errors', seen);
          await type(qa, 'f-field', 'hon-nhan-gia-dinh');
          await type(qa, 'f-title', 'Con gái 17 tuổi có được kết hôn không?');
          await type(qa, 'f-content', 'Con gái tôi 17 tuổi, muốn đăng ký kết hôn sau Tết. Có được không?');
          await type(qa, 'f-name', 'Nguyễn Văn A');
          $<HTMLInputElement>(qa, '#f-consent-0')!.click();
          $<HTMLInputElement>(qa, 'input[value=nhan-tra-loi-qua-email]')!.click();
          $<HTMLButtonElement>(qa, 'form.ask button[type=submit]')!.click();
          await waitUntil(() => $(qa, '.receipt'), 'the receipt');
          check(qa, 'receipt', seen);

          // The tracker, with remembered codes and a result.
          $<HTMLButtonElement>(qa, '[part=track-button]')!.click();
          await waitUntil(() => $(qa, '.forget-all'), 'the tracker');
          $<HTMLButtonElement>(qa, '.saved-code')!.click();
          await waitUntil(() => $(qa, '.result .answer-html'), 'a tracked answer');
          check(qa, 'tracker', seen);

          // Feedback: before a touch, opened, with errors, sent.
          check(feedback, 'feedback', seen);
          $<HTMLInputElement>(feedback, '#rating-1')!.focus();
          await waitUntil(() => $(feedback, '#message') && text($(feedback, '.subject')).includes('91/2025/QH15'), 'the open form');
          check(feedback, 'feedback open', seen);
          await type(feedback, 'contact', 'khong-phai');
          $<HTMLButtonElement>(feedback, 'button[type=submit]')!.click();
          await waitUntil(() => $(feedback, '#summary'), 'feedback errors');
          check(feedback, 'feedback errors', seen);
          await type(feedback, 'contact', '');
          $<HTMLInputElement>(feedback, '#rating-4')!.click();
          $<HTMLInputElement>(feedback, '#consent')!.click();
          $<HTMLButtonElement>(feedback, 'button[type=submit]')!.click();
          await waitUntil(() => $(feedback, '#thanks'), 'the thanks');
          check(feedback, 'feedback sent', seen);

          expect(seen.size, 'buttons and labels checked').to.be.greaterThan(60);
        });
      }
    }
  }
});
