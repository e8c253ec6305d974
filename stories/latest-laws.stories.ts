import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../packages/widgets/src/latest-laws/define.js';
import { answerLawList, catalog, choices, withCitationAbstracts } from './support/catalog.js';
import { embedElement } from './support/embed.js';
import { inHostPage, settlesIn, widgetIn } from './support/frame.js';
import { requests, type MockApi } from './support/mock-api.js';
import type { Expect } from './support/observe.js';

/** The provincial API the stories talk to; support/mock-api.ts answers it in the browser. */
const MOCK_API = 'https://api.pbgdpl.example';

/** The widget's attributes, by their attribute names (what an embed snippet writes). */
interface Args {
  limit: number;
  field: string;
  type: string;
  issuer: string;
  validity: string;
  'show-search': boolean;
  compact: boolean;
  heading: string;
  'heading-level': number;
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  api: string;
  site: string;
  onPbgdplLoaded?: (e: Event) => void;
  onPbgdplError?: (e: Event) => void;
  /** The widget's CSS custom properties, set in its style attribute. */
  [customProperty: `--pbgdpl-${string}`]: string | undefined;
}

/** The element's own defaults: an attribute equal to its default is left out of the snippet. */
const ELEMENT_DEFAULTS: Partial<Record<keyof Args, unknown>> = { limit: 5, 'heading-level': 2, theme: 'light' };
const ATTRIBUTES = [
  'api',
  'site',
  'lang',
  'limit',
  'field',
  'type',
  'issuer',
  'validity',
  'show-search',
  'compact',
  'heading',
  'heading-level',
  'theme',
] as const;

/** <pbgdpl-latest-laws> with the args as attributes (and custom properties), as a government CMS page would embed it. */
const latestLaws = (args: Partial<Args>) =>
  embedElement<Args>(
    {
      tag: 'pbgdpl-latest-laws',
      attributes: ATTRIBUTES,
      defaults: ELEMENT_DEFAULTS,
      events: { onPbgdplLoaded: 'pbgdpl-loaded', onPbgdplError: 'pbgdpl-error' },
    },
    args,
  );

type Story = StoryObj<Args>;

/**
 * Story parameters: the API's behaviour and the state the widget settles in (state, items and more
 * always all three: parameters merge into the defaults).
 */
const given = (mockApi: MockApi, settled: Expect) => ({ mockApi, expect: settled });

/** The states that depend on the network or on storage: kept off the docs page, whose stories share one localStorage. */
const stateOnly = ['!autodocs'];

const meta: Meta<Args> = {
  title: 'Widgets/Latest laws',
  component: 'pbgdpl-latest-laws',
  tags: ['autodocs'],
  render: (args) => latestLaws(args),
  args: {
    api: MOCK_API,
    site: '',
    lang: '',
    limit: 5,
    field: '',
    type: '',
    issuer: '',
    validity: '',
    'show-search': false,
    compact: false,
    heading: '',
    'heading-level': 2,
    theme: 'light',
  },
  argTypes: {
    // Every other control, description and default comes from packages/widgets/custom-elements.json
    // (.storybook/manifest.ts): here only what the stories add to the element's own JSDoc.
    api: { control: 'text', description: 'Origin (or base URL) of the provincial API. Here: the mock in stories/support/mock-api.ts.' },
    // The codes of the seed catalog, as drop-down lists.
    field: { control: 'select', ...choices(catalog.fields) },
    type: { control: 'select', ...choices(catalog.types) },
    issuer: { control: 'select', ...choices(catalog.issuers) },
    onPbgdplLoaded: { action: 'pbgdpl-loaded', table: { disable: true } },
    onPbgdplError: { action: 'pbgdpl-error', table: { disable: true } },
  },
  parameters: {
    mockApi: {},
    expect: { state: 'data', items: 5, more: true },
    docs: {
      description: {
        component:
          "The province's newest legal documents (văn bản pháp luật mới). Every story talks to a mock of the provincial API that serves the real seed catalog (packages/api/seed/catalog.json); change the controls and the widget asks it again.",
      },
    },
  },
  // Each story waits for the state it is meant to show; stories that need interaction extend this.
  play: async ({ canvasElement, parameters }) => {
    await settlesIn(canvasElement, parameters.expect as Expect);
  },
};
export default meta;

const shadowOf = (canvasElement: HTMLElement) => within(widgetIn(canvasElement).shadowRoot as unknown as HTMLElement);

// ── Data ─────────────────────────────────────────────────────────────────────────────────────────

/** The five newest documents of the seed catalog, and "Xem thêm" for the next five. */
export const Default: Story = {};

/** "Xem thêm" appends the next page (the API's nextCursor). */
export const LoadMore: Story = {
  parameters: given({}, { state: 'data', items: 10, more: true }),
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'data', items: 5, more: true });
    await userEvent.click(shadowOf(canvasElement).getByRole('button', { name: 'Xem thêm' }));
    await settlesIn(canvasElement, { state: 'data', items: 10, more: true });
    await expect(requests.at(-1)?.url).toContain('cursor=');
  },
};

/** Only land law (lĩnh vực Đất đai) still in force. */
export const Filtered: Story = {
  args: { field: 'dat-dai', validity: 'con-hieu-luc' },
};

// ── Loading, empty, errors, offline ──────────────────────────────────────────────────────────────

/** The skeleton: the same boxes as the items, so nothing moves when the data arrives. The API never answers. */
export const Loading: Story = {
  tags: stateOnly,
  parameters: given({ respond: 'never' }, { state: 'loading', items: 0, more: false }),
};

/** The API answers with no documents. */
export const Empty: Story = {
  tags: stateOnly,
  parameters: given({ respond: 'empty' }, { state: 'empty', items: 0, more: false }),
};

/** A search nothing matches ("tiền mã hóa"). */
export const EmptySearch: Story = {
  args: { 'show-search': true },
  parameters: given({}, { state: 'empty-search', items: 0, more: false }),
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'data', items: 5 });
    await userEvent.type(shadowOf(canvasElement).getByRole('searchbox', { name: 'Tìm văn bản' }), 'tiền mã hóa{enter}');
    const seen = await settlesIn(canvasElement, { state: 'empty-search', items: 0 });
    await expect(seen.text).toBe('Không tìm thấy văn bản nào cho “tiền mã hóa”.');
  },
};

/** HTTP 500 twice (the widget retries once by itself), then "Thử lại" brings the data. */
export const ErrorThenRetry: Story = {
  name: 'Error',
  tags: stateOnly,
  parameters: given({ respond: 'error', failures: 2 }, { state: 'data', items: 5, more: true }),
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'error', items: 0 });
    await expect(requests.map((r) => r.status)).toEqual([500, 500]);
    await userEvent.click(shadowOf(canvasElement).getByRole('button', { name: 'Thử lại' }));
    await settlesIn(canvasElement, { state: 'data', items: 5, more: true });
  },
};

/** The API keeps failing (HTTP 500) and nothing is saved: the error stays, with "Thử lại". */
export const ServerDown: Story = {
  tags: stateOnly,
  parameters: given({ respond: 'error' }, { state: 'error', items: 0, more: false }),
};

/** The API fails but an earlier visit saved the list: it stays on screen with a notice. */
export const StaleCache: Story = {
  tags: stateOnly,
  parameters: given({ respond: 'error', cached: true }, { state: 'stale', items: 5, more: true }),
};

/** Offline (navigator.onLine false), with the list saved in localStorage by an earlier visit. */
export const Offline: Story = {
  tags: stateOnly,
  parameters: given({ respond: 'offline', cached: true }, { state: 'offline-cached', items: 5, more: true }),
};

/** Offline on a first visit: nothing saved to show. */
export const OfflineNothingCached: Story = {
  tags: stateOnly,
  parameters: given({ respond: 'offline' }, { state: 'offline', items: 0, more: false }),
};

/** "Xem thêm" pressed and the next page has not come yet: the button says so and is busy. */
export const LoadingMore: Story = {
  parameters: given({ nextPages: 'never' }, { state: 'loading-more', items: 5, more: true }),
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'data', items: 5, more: true });
    await userEvent.click(shadowOf(canvasElement).getByRole('button', { name: 'Xem thêm' }));
    await settlesIn(canvasElement, { state: 'loading-more', items: 5 });
  },
};

/** The next page failed (HTTP 500): the first page stays, with a message under it. */
export const LoadMoreFailed: Story = {
  parameters: given({ nextPages: 'error' }, { state: 'more-failed', items: 5, more: true }),
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'data', items: 5, more: true });
    await userEvent.click(shadowOf(canvasElement).getByRole('button', { name: 'Xem thêm' }));
    await settlesIn(canvasElement, { state: 'more-failed', items: 5 });
  },
};

// ── Search ───────────────────────────────────────────────────────────────────────────────────────

/** Typing without diacritics: "dat dai" finds the documents about đất đai. */
export const WithSearch: Story = {
  args: { 'show-search': true },
  parameters: given({}, { state: 'data', items: 5, more: true }),
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'data', items: 5 });
    await userEvent.type(shadowOf(canvasElement).getByRole('searchbox', { name: 'Tìm văn bản' }), 'dat dai');
    // The widget searches 350 ms after the last key.
    await waitFor(() => expect(requests.at(-1)?.url).toContain('q=dat%20dai'), { timeout: 3000 });
    await settlesIn(canvasElement, { state: 'data' });
    // The same documents, in the same order, as the API's own search gives for "dat dai".
    const wanted = answerLawList(new URL(requests.at(-1)!.url)).body as { items: { number: string }[] };
    await expect(wanted.items.length).toBeGreaterThan(0);
    const numbers = () => [...widgetIn(canvasElement).shadowRoot.querySelectorAll('.number')].map((n) => n.textContent.trim().split(' ').at(-1));
    await waitFor(() => expect(numbers()).toEqual(wanted.items.map((i) => i.number)));
    await expect(shadowOf(canvasElement).getByText('Đã tải 5 văn bản.')).toBeTruthy();
  },
};

// ── Layouts and host pages ───────────────────────────────────────────────────────────────────────

const article = `
  <h2 style="margin:0 0 8px;font-size:22px">Tuyên truyền Luật Đất đai năm 2024</h2>
  <p style="margin:0 0 12px;line-height:1.6">Thực hiện Kế hoạch phổ biến, giáo dục pháp luật năm 2026, Sở Tư pháp tổ chức hội nghị
  giới thiệu những điểm mới của Luật Đất đai và các văn bản hướng dẫn thi hành cho cán bộ, công chức cấp xã.</p>
  <p style="margin:0;line-height:1.6">Người dân có thể tra cứu toàn văn các văn bản tại Cơ sở dữ liệu quốc gia về văn bản pháp luật.</p>`;

/** compact: one line per document, in a news site's sidebar, under the page's own h2. */
export const Compact: Story = {
  args: { compact: true, 'heading-level': 3 },
  decorators: [
    inHostPage(
      `<div style="display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:24px;max-width:960px;font-family:Arial,sans-serif;color:#1f2328">
        <div>${article}</div>
        <div data-widget></div>
      </div>`,
    ),
  ],
};

/**
 * Abstracts of 200+ characters (the full citation of the catalog's longest titles) in a 480 px
 * column: each is cut after two lines and every item keeps the same height.
 */
export const LongAbstracts: Story = {
  parameters: given({ laws: (laws) => withCitationAbstracts(laws) }, { state: 'data', items: 5, more: true }),
  decorators: [inHostPage(`<div data-widget style="width:480px"></div>`)],
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'data', items: 5 });
    const root = widgetIn(canvasElement).shadowRoot;
    for (const link of root.querySelectorAll('a.abstract')) {
      // The abstract's own text, without "(mở trong thẻ mới)" for screen readers.
      const text = [...link.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('');
      await expect(text.length).toBeGreaterThanOrEqual(200);
    }
    const heights = new Set([...root.querySelectorAll('li.item')].map((li) => li.getBoundingClientRect().height));
    await expect(heights.size).toBe(1);
    const clamped = [...root.querySelectorAll('a.abstract')].filter((a) => a.scrollHeight > a.clientHeight + 1);
    await expect(clamped.length).toBeGreaterThan(0);
  },
};

/** lang="en": labels, validity and dates in English (abstracts stay as issued, in Vietnamese). */
export const English: Story = {
  args: { lang: 'en', 'show-search': true },
  parameters: { pageLang: 'en' },
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'data', items: 5, more: true });
    const root = shadowOf(canvasElement);
    await expect(root.getByRole('heading', { name: 'New legal documents' })).toBeTruthy();
    await expect(root.getByRole('button', { name: 'Show more' })).toBeTruthy();
  },
};

/** theme="dark" on a dark page. */
export const Dark: Story = {
  args: { theme: 'dark', 'show-search': true },
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

/**
 * A mass organisation's look through the custom properties: the red of the Vietnam Fatherland Front
 * (Mặt trận Tổ quốc Việt Nam), square corners and a serif font.
 */
export const BrandColour: Story = {
  args: {
    'show-search': true,
    heading: 'Văn bản mới — Ủy ban MTTQ Việt Nam tỉnh',
    '--pbgdpl-accent': '#b4121b',
    '--pbgdpl-border': '#e3b7b9',
    '--pbgdpl-radius': '0',
    '--pbgdpl-font': "'Times New Roman', 'Liberation Serif', serif",
  },
  decorators: [inHostPage(`<div data-widget style="max-width:640px"></div>`)],
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'data', items: 5, more: true });
    const link = widgetIn(canvasElement).shadowRoot.querySelector('a.abstract')!;
    await expect(getComputedStyle(link).color).toBe('rgb(180, 18, 27)');
  },
};

/** A 320 px column (the narrowest phone), three documents and a shorter heading. */
export const Narrow320: Story = {
  args: { limit: 3, heading: 'Văn bản mới', 'show-search': true },
  parameters: given({}, { state: 'data', items: 3, more: true }),
  decorators: [inHostPage(`<div data-widget style="width:320px;outline:1px dashed #8c959f"></div>`)],
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'data', items: 3, more: true });
    const el = widgetIn(canvasElement);
    await expect(el.getBoundingClientRect().width).toBe(320);
    await expect(el.shadowRoot.querySelector('.base')!.scrollWidth).toBeLessThanOrEqual(320);
    // Button labels stay whole: "Tìm" must not break into "Tì" / "m" when the search box takes the room.
    for (const button of el.shadowRoot.querySelectorAll('button')) {
      const label = document.createRange();
      label.selectNodeContents(button);
      const lines = new Set([...label.getClientRects()].map((r) => Math.round(r.top)));
      await expect(lines.size, `lines in the "${button.textContent.trim()}" button`).toBe(1);
    }
  },
};

/**
 * A host page that sets html { font-size: 62.5% } (and body back to 1.6rem) and hostile global CSS.
 * The widget sizes in px and em, and resets inherited text styles, so none of it gets in.
 */
export const HostWithRemBase: Story = {
  args: { 'show-search': true },
  decorators: [
    inHostPage(
      `<div>
        <style>
          html { font-size: 62.5%; }
          body { font-size: 1.6rem; font-family: Arial, sans-serif; }
          * { letter-spacing: 3px; text-transform: uppercase; word-spacing: 4px; line-height: 1; font-style: italic; }
          ul, li { list-style: square; margin: 2rem; padding: 2rem; }
          a { color: #b00020; text-decoration: none; }
          button { background: #ffd33d; border: 4px solid #000; border-radius: 0; }
          p { margin: 3rem 0; }
        </style>
        <p style="color:#1f2328">Trang chủ › Phổ biến pháp luật</p>
        <div data-widget style="max-width:640px"></div>
      </div>`,
    ),
  ],
  play: async ({ canvasElement }) => {
    await settlesIn(canvasElement, { state: 'data', items: 5, more: true });
    const root = widgetIn(canvasElement).shadowRoot;
    const base = getComputedStyle(root.querySelector('.base')!);
    const link = getComputedStyle(root.querySelector('a.abstract')!);
    const button = getComputedStyle(root.querySelector('.search button')!);
    await expect(base.fontSize).toBe(getComputedStyle(document.body).fontSize); // 16px, from the page, not 10px
    for (const style of [base, link, button]) {
      await expect(style.letterSpacing).toBe('normal');
      await expect(style.textTransform).toBe('none');
      await expect(style.fontStyle).toBe('normal');
    }
    await expect(parseFloat(button.minHeight)).toBe(44);
  },
};
