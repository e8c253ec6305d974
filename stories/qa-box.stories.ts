import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../packages/widgets/src/qa-box/define.js';
import { catalog, choices } from './support/catalog.js';
import { embedElement, widgetOf } from './support/embed.js';
import { inHostPage } from './support/frame.js';
import { requests } from './support/mock-api.js';
import { qaApiBeforeEach, RECEIPT_CODE, type QaMockApi } from './support/qa-mock-api.js';
import { observeQaBox, type QaExpect } from './support/qa-observe.js';

/** The provincial API the stories talk to; support/qa-mock-api.ts answers it in the browser. */
const MOCK_API = 'https://api.pbgdpl.example';

/** The widget's attributes, by their attribute names (what an embed snippet writes). */
interface Args {
  field: string;
  limit: number;
  heading: string;
  'heading-level': number;
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  api: string;
  site: string;
  onPbgdplLoaded?: (e: Event) => void;
  onPbgdplQuestionSent?: (e: Event) => void;
  /** The widget's CSS custom properties, set in its style attribute. */
  [customProperty: `--pbgdpl-${string}`]: string | undefined;
}

const ELEMENT_DEFAULTS: Partial<Record<keyof Args, unknown>> = { limit: 5, 'heading-level': 2, theme: 'light' };
const ATTRIBUTES = ['api', 'site', 'lang', 'limit', 'field', 'heading', 'heading-level', 'theme'] as const;

/** <pbgdpl-qa-box> with the args as attributes (and custom properties), as a government CMS page would embed it. */
const qaBox = (args: Partial<Args>) =>
  embedElement<Args>(
    {
      tag: 'pbgdpl-qa-box',
      attributes: ATTRIBUTES,
      defaults: ELEMENT_DEFAULTS,
      events: { onPbgdplLoaded: 'pbgdpl-loaded', onPbgdplQuestionSent: 'pbgdpl-question-sent' },
    },
    args,
  );

type Story = StoryObj<Args>;

/** Story parameters: what the API does, and the state the widget settles in. */
const given = (qaApi: QaMockApi, settled: QaExpect) => ({ qaApi, expect: settled });

/** The states that depend on the network, storage or a form: kept off the docs page, whose stories share one page. */
const stateOnly = ['!autodocs'];

const widgetIn = widgetOf('pbgdpl-qa-box');
const inside = (canvas: HTMLElement) => within(widgetIn(canvas).shadowRoot as unknown as HTMLElement);
const $ = <T extends Element = HTMLElement>(canvas: HTMLElement, selector: string) => widgetIn(canvas).shadowRoot.querySelector<T>(selector)!;

/** Waits until the widget shows `expected`. */
async function settles(canvas: HTMLElement, expected: Partial<QaExpect>, timeout = 8000) {
  await waitFor(() => expect(observeQaBox(widgetIn(canvas))).toMatchObject(expected), { timeout });
}

async function openForm(canvas: HTMLElement) {
  await settles(canvas, { list: 'data' });
  await userEvent.click(inside(canvas).getByRole('button', { name: /^(Đặt câu hỏi|Ask a question)$/ }));
  await waitFor(() => expect($<HTMLSelectElement>(canvas, '#f-field').options.length).toBeGreaterThan(1));
}

/** The form as a citizen fills it in (typing the title and question brings suggestions). */
async function fillForm(canvas: HTMLElement, { consent = true } = {}) {
  await openForm(canvas);
  await userEvent.selectOptions($(canvas, '#f-field'), 'hon-nhan-gia-dinh');
  await userEvent.type($(canvas, '#f-title'), 'Con gái 17 tuổi có được đăng ký kết hôn không?');
  await userEvent.type($(canvas, '#f-content'), 'Con gái tôi năm nay 17 tuổi, gia đình muốn tổ chức cưới sau Tết. Cháu đã được đăng ký kết hôn chưa?');
  await userEvent.type($(canvas, '#f-name'), 'Nguyễn Thị Hoa');
  await userEvent.type($(canvas, '#f-email'), 'hoa.nguyen@example.com');
  if (consent) await userEvent.click($(canvas, '#f-consent-0'));
}

const send = (canvas: HTMLElement) => userEvent.click(inside(canvas).getByRole('button', { name: 'Gửi câu hỏi' }));

/** Where the widget keeps the codes the citizen asked it to remember (qa-box.codes.ts). */
const REMEMBERED_KEY = 'pbgdpl:qa-codes:v2';
/** A second code remembered from an earlier question. */
const OTHER_CODE = 'HD-4N8TW-2RJ6B';
const rememberBox = (canvas: HTMLElement) => inside(canvas).getByRole<HTMLInputElement>('checkbox', { name: 'Nhớ mã trên máy này' });

async function openTracker(canvas: HTMLElement) {
  await settles(canvas, { list: 'data' });
  await userEvent.click(inside(canvas).getByRole('button', { name: 'Tra cứu câu hỏi' }));
  await waitFor(() => expect($(canvas, '#t-code')).toBeTruthy());
}

const meta: Meta<Args> = {
  title: 'Widgets/Q&A box',
  component: 'pbgdpl-qa-box',
  tags: ['autodocs'],
  render: (args) => qaBox(args),
  beforeEach: qaApiBeforeEach,
  args: {
    api: MOCK_API,
    site: 'demo',
    lang: '',
    field: '',
    limit: 5,
    heading: '',
    'heading-level': 2,
    theme: 'light',
  },
  argTypes: {
    // Every other control, description and default comes from packages/widgets/custom-elements.json
    // (.storybook/manifest.ts): here only what the stories add to the element's own JSDoc.
    api: { control: 'text', description: 'Origin (or base URL) of the provincial API. Here: the mock in stories/support/qa-mock-api.ts.' },
    site: { control: 'text', description: 'Site key the province registered for this website: its contact rule applies to the form.' },
    // The field codes of the seed catalog, as a drop-down list.
    field: { control: 'select', ...choices(catalog.fields) },
    onPbgdplLoaded: { action: 'pbgdpl-loaded', table: { disable: true } },
    onPbgdplQuestionSent: { action: 'pbgdpl-question-sent', table: { disable: true } },
  },
  parameters: {
    qaApi: {},
    expect: { state: 'data', list: 'data', items: 5, more: true },
    docs: {
      description: {
        component:
          "Online legal questions and answers (hỏi đáp pháp luật): the province's published answers, a form to ask (with the automatic answer while typing), and a lookup by tracking code. The stories talk to a mock of the provincial API that serves the real seed Q&A (packages/api/seed/qa.json).",
      },
    },
  },
  play: async ({ canvasElement, parameters }) => {
    await settles(canvasElement, parameters.expect as QaExpect);
  },
};
export default meta;

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

/** The five newest published answers, collapsed, and "Xem thêm" for the next five. */
export const Default: Story = {};

/** The skeleton: the same boxes as the questions, so nothing moves when they arrive. The API never answers. */
export const Loading: Story = {
  tags: stateOnly,
  parameters: given({ list: 'never' }, { state: 'loading', list: 'loading', items: 0, more: false }),
};

/** Nothing published yet. */
export const Empty: Story = {
  tags: stateOnly,
  parameters: given({ list: 'empty' }, { state: 'empty', list: 'empty', items: 0, more: false }),
};

/** HTTP 500 (the widget retries once by itself): the error, with "Thử lại". */
export const ServerError: Story = {
  name: 'Error',
  tags: stateOnly,
  parameters: given({ list: 'error' }, { state: 'error', list: 'error', items: 0, more: false }),
  play: async ({ canvasElement }) => {
    await settles(canvasElement, { state: 'error' });
    await expect(inside(canvasElement).getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  },
};

/** Offline, with the list an earlier visit saved: shown with the time it was saved. */
export const Offline: Story = {
  tags: stateOnly,
  parameters: given({ list: 'offline', cached: true }, { state: 'offline-cached', list: 'offline-cached', items: 5, more: true }),
};

/** "ket hon 17 tuoi", typed without diacritics, finds the question about marrying at 17 (kết hôn, 17 tuổi). */
export const SearchResults: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'data', list: 'data', items: 1, more: false }),
  play: async ({ canvasElement }) => {
    await settles(canvasElement, { list: 'data', items: 5 });
    await userEvent.type(inside(canvasElement).getByRole('searchbox', { name: 'Tìm câu hỏi' }), 'ket hon 17 tuoi{enter}');
    await waitFor(() => expect(requests.at(-1)?.url).toContain('q=ket%20hon%2017%20tuoi'));
    await settles(canvasElement, { list: 'data', items: 1 });
    await expect($(canvasElement, '.q-title').textContent).toBe('Con gái tôi 17 tuổi có được đăng ký kết hôn không?');
    await expect($(canvasElement, '.total').textContent).toBe('1 kết quả');
  },
};

/** A question opened: the question, the answer (sanitised HTML) and its citations, linked. */
export const AnswerExpanded: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'expanded', list: 'data', items: 5 }),
  play: async ({ canvasElement }) => {
    await settles(canvasElement, { list: 'data', items: 5 });
    const first = widgetIn(canvasElement).shadowRoot.querySelector<HTMLButtonElement>('button.q')!;
    await userEvent.click(first);
    await settles(canvasElement, { state: 'expanded' });
    await expect(first.getAttribute('aria-expanded')).toBe('true');
    const cite = widgetIn(canvasElement).shadowRoot.querySelector('[part=citations] li')!;
    await expect(cite.textContent).toMatch(/văn bản số/);
  },
};

// ── Asking ───────────────────────────────────────────────────────────────────────────────────────

/** "Đặt câu hỏi" opens the form in place: fields by the site's rules, the notice, one box per purpose. */
export const AskFormEmpty: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'ask', list: 'data' }),
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
    await settles(canvasElement, { state: 'ask' });
  },
};

/** While the citizen types: "Có thể bạn quan tâm", answers already published and the documents they cite. */
export const TypingWithSuggestions: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'suggestions', list: 'data' }),
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
    await userEvent.type($(canvasElement, '#f-title'), 'Con gái 17 tuổi có được đăng ký kết hôn không?');
    await settles(canvasElement, { state: 'suggestions' });
    await expect(widgetIn(canvasElement).shadowRoot.activeElement?.id).toBe('f-title');
  },
};

/** "Gửi câu hỏi" with gaps: the error summary has focus; each field says what is wrong. */
export const ValidationErrors: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'invalid', list: 'data' }),
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
    await userEvent.type($(canvasElement, '#f-title'), 'Kết hôn');
    await userEvent.type($(canvasElement, '#f-email'), 'hoa.nguyen@');
    await send(canvasElement);
    await settles(canvasElement, { state: 'invalid' });
    await expect(widgetIn(canvasElement).shadowRoot.activeElement?.classList.contains('summary')).toBe(true);
  },
};

/** The server refuses two fields (HTTP 400): its errors, in Vietnamese, on those fields. */
export const ServerFieldErrors: Story = {
  tags: stateOnly,
  parameters: given({ ask: 'invalid' }, { state: 'invalid', list: 'data' }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'invalid' });
  },
};

/** Sent, no answer from the server yet. */
export const Sending: Story = {
  tags: stateOnly,
  parameters: given({ ask: 'never' }, { state: 'sending', list: 'data' }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'sending' });
  },
};

/** Accepted: the tracking code, to copy, the due date; focus moves to it. "Nhớ mã trên máy này" is unticked: nothing is kept. */
export const SentWithTrackingCode: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'sent', list: 'data' }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'sent' });
    await expect(observeQaBox(widgetIn(canvasElement)).text).toBe(RECEIPT_CODE);
    await expect(widgetIn(canvasElement).shadowRoot.activeElement?.classList.contains('receipt')).toBe(true);
    await expect(rememberBox(canvasElement).checked).toBe(false);
    await expect(localStorage.getItem(REMEMBERED_KEY)).toBeNull();
  },
};

/** On the citizen's own phone: "Nhớ mã trên máy này" ticked keeps the code on this device for 60 days, offered under "Tra cứu câu hỏi". */
export const SentCodeRemembered: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'sent', list: 'data' }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'sent' });
    await userEvent.click(rememberBox(canvasElement));
    await waitFor(() => expect(rememberBox(canvasElement).checked).toBe(true));
    await expect(localStorage.getItem(REMEMBERED_KEY)).toContain(RECEIPT_CODE);
  },
};

/** No network when sending: kept on this device, sent by itself later. */
export const OfflineQueued: Story = {
  tags: stateOnly,
  parameters: given({ ask: 'offline' }, { state: 'queued', list: 'data' }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'queued' });
  },
};

/**
 * No network since the page opened, the form never opened online: its code came once the page was
 * idle, so it opens (the fields from the questions saved on this device), and the question waits to
 * go out by itself.
 */
export const OfflineNeverOpenedOnline: Story = {
  tags: stateOnly,
  parameters: given({ list: 'offline', cached: true, ask: 'offline' }, { state: 'queued', list: 'offline-cached' }),
  play: async ({ canvasElement }) => {
    await settles(canvasElement, { list: 'offline-cached' });
    await userEvent.click(inside(canvasElement).getByRole('button', { name: 'Đặt câu hỏi' }));
    // Once the list of fields has failed (it is tried twice), those of the saved questions are offered.
    await waitFor(() => expect($<HTMLSelectElement>(canvasElement, '#f-field').options.length).toBeGreaterThan(1), { timeout: 5000 });
    await userEvent.selectOptions($(canvasElement, '#f-field'), $<HTMLSelectElement>(canvasElement, '#f-field').options[1]!.value);
    await userEvent.type($(canvasElement, '#f-title'), 'Tranh chấp ranh giới đất với hàng xóm');
    await userEvent.type($(canvasElement, '#f-content'), 'Nhà tôi và nhà hàng xóm tranh chấp ranh giới đất, có phải hòa giải ở xã không?');
    await userEvent.type($(canvasElement, '#f-name'), 'Trần Văn Bình');
    await userEvent.type($(canvasElement, '#f-phone'), '0912 345 678');
    await userEvent.click($(canvasElement, '#f-consent-0'));
    await send(canvasElement);
    await settles(canvasElement, { state: 'queued' });
    await expect(widgetIn(canvasElement).shadowRoot.querySelector('#ask-panel')!.textContent).not.toContain('Nội dung sẽ hiện');
  },
};

/** A site whose server sends answers by e-mail: the box appears once an address is entered; ticked, the receipt says the answer will come by e-mail. */
export const SentAnswerByEmail: Story = {
  tags: stateOnly,
  parameters: given({ site: { answersByEmail: true } }, { state: 'sent', list: 'data' }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    const box = await waitFor(() => inside(canvasElement).getByRole<HTMLInputElement>('checkbox', { name: /nhận câu trả lời qua thư điện tử/ }));
    await userEvent.click(box);
    await send(canvasElement);
    await settles(canvasElement, { state: 'sent' });
    await expect($(canvasElement, '.answer-by').textContent).toContain('sẽ được gửi tới thư điện tử bạn đã để lại');
  },
};

/** Too many questions from this address (HTTP 429, Retry-After 600): when to try again. */
export const RateLimited: Story = {
  tags: stateOnly,
  parameters: given({ ask: 'rate-limited' }, { state: 'rate-limited', list: 'data' }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'rate-limited' });
    await expect(observeQaBox(widgetIn(canvasElement)).text).toContain('10 phút');
  },
};

// ── Tracking ─────────────────────────────────────────────────────────────────────────────────────

/** "Tra cứu câu hỏi": the code typed as people type it; the status, and the answer with citations. */
export const TrackingLookupAnswered: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'tracked', list: 'data' }),
  play: async ({ canvasElement }) => {
    await openTracker(canvasElement);
    await userEvent.type($(canvasElement, '#t-code'), 'hd 7k3m9 qxp2a{enter}');
    await settles(canvasElement, { state: 'tracked' });
    await waitFor(() => expect($(canvasElement, '.result .answer-html')).toBeTruthy());
    await expect($(canvasElement, '.result .status').textContent).toBe('Đã trả lời');
  },
};

/** "Tra cứu câu hỏi" where two codes were remembered: each looks its question up or is forgotten on its own; "Xoá các mã đã nhớ trên máy này" forgets both. */
export const TrackingWithRememberedCodes: Story = {
  tags: stateOnly,
  parameters: given({ remembered: [RECEIPT_CODE, OTHER_CODE] }, { state: 'track', list: 'data', remembered: 2 }),
  play: async ({ canvasElement }) => {
    await openTracker(canvasElement);
    await settles(canvasElement, { state: 'track', remembered: 2 });
    await expect(inside(canvasElement).getByRole('button', { name: `Xoá mã ${OTHER_CODE}` })).toBeTruthy();
  },
};

/** After "Xoá các mã đã nhớ trên máy này": no code left on this device, focus on the code field, and screen readers hear it. */
export const RememberedCodesForgotten: Story = {
  tags: stateOnly,
  parameters: given({ remembered: [RECEIPT_CODE, OTHER_CODE] }, { state: 'track', list: 'data', remembered: 0 }),
  play: async ({ canvasElement }) => {
    await openTracker(canvasElement);
    await userEvent.click(inside(canvasElement).getByRole('button', { name: 'Xoá các mã đã nhớ trên máy này' }));
    await settles(canvasElement, { state: 'track', remembered: 0 });
    await waitFor(() => expect(widgetIn(canvasElement).shadowRoot.activeElement?.id).toBe('t-code'));
    await expect($(canvasElement, 'form.track [role=status]').textContent).toBe('Đã xoá các mã đã nhớ trên máy này.');
    await expect(localStorage.getItem(REMEMBERED_KEY)).toBeNull();
  },
};

// ── Looks and languages ──────────────────────────────────────────────────────────────────────────

/** theme="dark" on a dark page. */
export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { layout: 'fullscreen' },
  decorators: [
    inHostPage(
      `<div style="min-height:100vh;box-sizing:border-box;padding:24px;background:#0d1117;color:#e6edf3;font-family:Arial,sans-serif">
        <p style="margin:0 0 16px">Cổng thông tin điện tử — giao diện tối</p>
        <div data-widget style="max-width:640px"></div>
      </div>`,
    ),
  ],
};

/** The Vietnam Fatherland Front's red, square corners and a serif font, through the custom properties. */
export const BrandColour: Story = {
  args: {
    heading: 'Hỏi đáp pháp luật — Ủy ban MTTQ Việt Nam tỉnh',
    '--pbgdpl-accent': '#b4121b',
    '--pbgdpl-border': '#e3b7b9',
    '--pbgdpl-radius': '0',
    '--pbgdpl-font': "'Times New Roman', 'Liberation Serif', serif",
  },
  decorators: [inHostPage(`<div data-widget style="max-width:640px"></div>`)],
  play: async ({ canvasElement }) => {
    await settles(canvasElement, { state: 'data', items: 5 });
    await expect(getComputedStyle($(canvasElement, '.q-title')).color).toBe('rgb(180, 18, 27)');
  },
};

/** A 320 px column, the narrowest phone: three questions, nothing wider than the column. */
export const Narrow320: Story = {
  args: { limit: 3 },
  parameters: given({}, { state: 'data', list: 'data', items: 3, more: true }),
  decorators: [inHostPage(`<div data-widget style="width:320px;outline:1px dashed #8c959f"></div>`)],
  play: async ({ canvasElement }) => {
    await settles(canvasElement, { state: 'data', items: 3 });
    const el = widgetIn(canvasElement);
    await expect(el.getBoundingClientRect().width).toBe(320);
    await expect(el.shadowRoot.querySelector('.base')!.scrollWidth).toBeLessThanOrEqual(320);
  },
};

/** lang="en": labels, fields and dates in English (questions and answers stay as written, in Vietnamese). */
export const English: Story = {
  args: { lang: 'en' },
  parameters: { pageLang: 'en' },
  play: async ({ canvasElement }) => {
    await settles(canvasElement, { state: 'data', items: 5, more: true });
    const root = inside(canvasElement);
    await expect(root.getByRole('heading', { name: 'Legal questions and answers' })).toBeTruthy();
    await expect(root.getByRole('button', { name: 'Ask a question' })).toBeTruthy();
    await expect(root.getByRole('button', { name: 'Show more' })).toBeTruthy();
  },
};
