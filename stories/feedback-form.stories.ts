import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../packages/widgets/src/feedback-form/define.js';
import { embedElement, widgetOf } from './support/embed.js';
import { inHostPage } from './support/frame.js';
import { DRAFT, feedbackApiBeforeEach, type FeedbackMockApi } from './support/feedback-mock-api.js';
import { observeFeedbackForm, type FeedbackExpect } from './support/feedback-observe.js';
import { requests } from './support/mock-api.js';

/** The provincial API the stories talk to; support/feedback-mock-api.ts answers it in the browser. */
const MOCK_API = 'https://api.pbgdpl.example';

/** The widget's attributes, by their attribute names (what an embed snippet writes). */
interface Args {
  kind: 'page' | 'document' | 'draft';
  document: string;
  heading: string;
  'heading-level': number;
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  api: string;
  site: string;
  onPbgdplFeedbackSent?: (e: Event) => void;
  /** The widget's CSS custom properties, set in its style attribute. */
  [customProperty: `--pbgdpl-${string}`]: string | undefined;
}

const ELEMENT_DEFAULTS: Partial<Record<keyof Args, unknown>> = { kind: 'page', 'heading-level': 2, theme: 'light' };
const ATTRIBUTES = ['api', 'site', 'lang', 'kind', 'document', 'heading', 'heading-level', 'theme'] as const;

/** <pbgdpl-feedback-form> with the args as attributes (and custom properties), as a government CMS page would embed it. */
const feedbackForm = (args: Partial<Args>) =>
  embedElement<Args>(
    { tag: 'pbgdpl-feedback-form', attributes: ATTRIBUTES, defaults: ELEMENT_DEFAULTS, events: { onPbgdplFeedbackSent: 'pbgdpl-feedback-sent' } },
    args,
  );

type Story = StoryObj<Args>;

/** Story parameters: what the API does, and the state the widget settles in. */
const given = (feedbackApi: FeedbackMockApi, settled: FeedbackExpect) => ({ feedbackApi, expect: settled });

/** The states that need a form filled in or the network: kept off the docs page, whose stories share one page. */
const stateOnly = ['!autodocs'];

const widgetIn = widgetOf('pbgdpl-feedback-form');
const inside = (canvas: HTMLElement) => within(widgetIn(canvas).shadowRoot as unknown as HTMLElement);
const $ = <T extends Element = HTMLElement>(canvas: HTMLElement, selector: string) => widgetIn(canvas).shadowRoot.querySelector<T>(selector)!;

/** Waits until the widget shows `expected`. */
async function settles(canvas: HTMLElement, expected: Partial<FeedbackExpect>, timeout = 8000) {
  await waitFor(() => expect(observeFeedbackForm(widgetIn(canvas))).toMatchObject(expected), { timeout });
}

/** The citizen picks an answer: the rest of the form opens. */
async function rate(canvas: HTMLElement, answer = 'Hài lòng') {
  await settles(canvas, { state: 'closed' });
  await userEvent.click(inside(canvas).getByRole('radio', { name: answer }));
  await settles(canvas, { state: 'open' });
}

/** Rated, a message written, the required consent ticked. */
async function fill(canvas: HTMLElement, message = 'Nội dung rõ ràng, dễ tìm. Đề nghị bổ sung thêm văn bản hướng dẫn.') {
  await rate(canvas);
  await userEvent.type($(canvas, '#message'), message);
  await userEvent.click($(canvas, '#consent'));
}

const send = (canvas: HTMLElement) => userEvent.click(inside(canvas).getByRole('button', { name: /^(Gửi góp ý|Send)$/ }));

const meta: Meta<Args> = {
  title: 'Widgets/Feedback form',
  component: 'pbgdpl-feedback-form',
  tags: ['autodocs'],
  render: (args) => feedbackForm(args),
  beforeEach: feedbackApiBeforeEach,
  args: {
    api: MOCK_API,
    site: 'demo',
    lang: '',
    kind: 'page',
    document: '',
    heading: '',
    'heading-level': 2,
    theme: 'light',
  },
  argTypes: {
    // Every other control, description and default comes from packages/widgets/custom-elements.json
    // (.storybook/manifest.ts): here only what the stories add to the element's own JSDoc.
    api: { control: 'text', description: 'Origin (or base URL) of the provincial API. Here: the mock in stories/support/feedback-mock-api.ts.' },
    onPbgdplFeedbackSent: { action: 'pbgdpl-feedback-sent', table: { disable: true } },
  },
  parameters: {
    feedbackApi: {},
    expect: { state: 'closed', open: false },
    docs: {
      description: {
        component:
          "Citizens' feedback (góp ý, phản hồi): a satisfaction rating from 1 to 5 with an optional message and contact, about the page, a legal document or a draft. The stories talk to a mock of the provincial API (documents from the seed catalog); the proof of work is a stand-in.",
      },
    },
  },
  play: async ({ canvasElement, parameters }) => {
    await settles(canvasElement, parameters.expect as FeedbackExpect);
  },
};
export default meta;

// ── Kinds ────────────────────────────────────────────────────────────────────────────────────────

/** Feedback on the page, before anyone touches it: the question and five answers, with words. Nothing is fetched. */
export const EmptyPageFeedback: Story = {
  play: async ({ canvasElement }) => {
    await settles(canvasElement, { state: 'closed' });
    const radios = inside(canvasElement).getAllByRole('radio');
    await expect(radios.map((r) => r.closest('label')!.textContent.trim())).toEqual([
      'Rất không hài lòng',
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
    ]);
    await expect(requests).toHaveLength(0);
  },
};

/** A complaint about a legal document (phản ánh, kiến nghị): the document is named once the form opens. */
export const DocumentComplaint: Story = {
  tags: stateOnly,
  args: { kind: 'document', document: '91-2025-qh15' },
  parameters: given({}, { state: 'open', open: true }),
  play: async ({ canvasElement }) => {
    await rate(canvasElement, 'Không hài lòng');
    await waitFor(() => expect(observeFeedbackForm(widgetIn(canvasElement)).subject).toMatch(/^Văn bản: Luật 91\/2025\/QH15 — /));
    await userEvent.type($(canvasElement, '#message'), 'Đề nghị hướng dẫn cụ thể việc xin ý kiến đồng ý của người dưới 16 tuổi.');
  },
};

/** Comments on a draft (góp ý dự thảo) put up for public consultation. */
export const DraftComment: Story = {
  tags: stateOnly,
  args: { kind: 'draft', document: DRAFT.id },
  parameters: given({}, { state: 'open', open: true }),
  play: async ({ canvasElement }) => {
    await rate(canvasElement, 'Bình thường');
    await waitFor(() => expect(observeFeedbackForm(widgetIn(canvasElement)).subject).toContain('Dự thảo: Nghị quyết 01/2026/NQ-HĐND'));
    await userEvent.type($(canvasElement, '#message'), 'Đề nghị nâng mức chi cho tổ hòa giải ở thôn, xóm vùng sâu.');
  },
};

// ── Sending ──────────────────────────────────────────────────────────────────────────────────────

/** "Gửi góp ý" with nothing chosen and a contact that is neither an e-mail nor a phone: the summary takes focus. */
export const ValidationErrors: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'invalid', open: true }),
  play: async ({ canvasElement }) => {
    await userEvent.click(inside(canvasElement).getByRole('radio', { name: 'Hài lòng' }));
    await settles(canvasElement, { state: 'open' });
    // The answer chosen by mistake is not the problem; the missing consent and the contact are.
    await userEvent.type($(canvasElement, '#contact'), '0912 345');
    await send(canvasElement);
    await settles(canvasElement, { state: 'invalid' });
    await expect(widgetIn(canvasElement).shadowRoot.activeElement?.id).toBe('summary');
    await expect($(canvasElement, '#contact').getAttribute('aria-invalid')).toBe('true');
    await expect($(canvasElement, '#consent').getAttribute('aria-invalid')).toBe('true');
    await expect($(canvasElement, '#contact-consent').getAttribute('aria-invalid')).toBe('true');
  },
};

/** Sent, and the API has not answered yet: the button says so. */
export const Sending: Story = {
  tags: stateOnly,
  parameters: given({ send: 'never' }, { state: 'sending', open: true }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'sending' });
  },
};

/** Stored: "Cảm ơn bạn đã góp ý." takes the focus, with "Gửi góp ý khác". */
export const Sent: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'sent', open: false }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'sent' });
    await waitFor(() => expect(widgetIn(canvasElement).shadowRoot.activeElement?.id).toBe('thanks'));
  },
};

/** No network since the page opened (the form never opened online): it still opens, and the feedback waits on the device to go out by itself. */
export const OfflineQueued: Story = {
  tags: stateOnly,
  parameters: given({ send: 'offline' }, { state: 'queued', open: false }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'queued' });
    await expect(observeFeedbackForm(widgetIn(canvasElement)).text).toContain('sẽ tự gửi khi có mạng trở lại');
  },
};

/** HTTP 429 with Retry-After 120: how long to wait; what was written stays. */
export const RateLimited: Story = {
  tags: stateOnly,
  parameters: given({ send: 'rate-limited' }, { state: 'rate-limited', open: true }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'rate-limited' });
    await expect(observeFeedbackForm(widgetIn(canvasElement)).text).toContain('2 phút');
  },
};

/** The API refused it without saying which field (HTTP 404 here: a wrong API address): a message and "Thử lại". */
export const Failed: Story = {
  tags: stateOnly,
  parameters: given({ send: 'failed' }, { state: 'failed', open: true }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'failed' });
    await expect(inside(canvasElement).getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  },
};

/** The page's origin is not registered for the site key: the browser refuses the POST, and the citizen is told so. */
export const NotRegistered: Story = {
  tags: stateOnly,
  parameters: given({ send: 'forbidden' }, { state: 'forbidden', open: true }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement);
    await send(canvasElement);
    await settles(canvasElement, { state: 'forbidden' }, 10_000);
  },
};

// ── Looks ────────────────────────────────────────────────────────────────────────────────────────

/** theme="dark" on a dark page, opened. */
export const Dark: Story = {
  tags: stateOnly,
  args: { theme: 'dark' },
  parameters: { layout: 'fullscreen', ...given({}, { state: 'open', open: true }) },
  decorators: [
    inHostPage(`<div style="min-height:100vh;box-sizing:border-box;padding:24px;background:#0d1117;color:#e6edf3;font-family:Arial,sans-serif">
      <p style="margin:0 0 16px">Cổng thông tin điện tử — giao diện tối</p>
      <div data-widget style="max-width:640px"></div>
    </div>`),
  ],
  play: async ({ canvasElement }) => {
    await rate(canvasElement);
  },
};

/** The Vietnam Fatherland Front's red (MTTQ), square corners and a serif font, through the custom properties. */
export const BrandColour: Story = {
  tags: stateOnly,
  args: {
    heading: 'Góp ý với Ủy ban MTTQ Việt Nam tỉnh',
    '--pbgdpl-accent': '#b4121b',
    '--pbgdpl-border': '#e3b7b9',
    '--pbgdpl-radius': '0',
    '--pbgdpl-font': "'Times New Roman', 'Liberation Serif', serif",
  },
  parameters: given({}, { state: 'open', open: true }),
  decorators: [inHostPage(`<div data-widget style="max-width:640px"></div>`)],
  play: async ({ canvasElement }) => {
    await rate(canvasElement);
    await expect(getComputedStyle($(canvasElement, 'button[type=submit]')).backgroundColor).toBe('rgb(180, 18, 27)');
  },
};

/** A 320 px column (the narrowest phone), opened: nothing overflows. */
export const Narrow320: Story = {
  tags: stateOnly,
  parameters: given({}, { state: 'open', open: true }),
  decorators: [inHostPage(`<div data-widget style="width:320px;outline:1px dashed #8c959f"></div>`)],
  play: async ({ canvasElement }) => {
    await rate(canvasElement);
    const el = widgetIn(canvasElement);
    await expect(el.getBoundingClientRect().width).toBe(320);
    await expect(el.shadowRoot.querySelector('.base')!.scrollWidth).toBeLessThanOrEqual(320);
  },
};

/** lang="en": every label, the notice and the messages in English. */
export const English: Story = {
  tags: stateOnly,
  args: { lang: 'en' },
  parameters: { pageLang: 'en', ...given({}, { state: 'invalid', open: true }) },
  play: async ({ canvasElement }) => {
    await settles(canvasElement, { state: 'closed' });
    await expect(inside(canvasElement).getByRole('group', { name: 'Are you satisfied with the content of this page?' })).toBeTruthy();
    await userEvent.click(inside(canvasElement).getByRole('radio', { name: 'Satisfied' }));
    await settles(canvasElement, { state: 'open' });
    await send(canvasElement);
    await settles(canvasElement, { state: 'invalid' });
    await expect(observeFeedbackForm(widgetIn(canvasElement)).text).toContain('Tick the consent box to send your comments.');
  },
};
