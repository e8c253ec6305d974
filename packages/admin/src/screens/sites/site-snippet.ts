import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { messages, t } from '../../i18n.js';
import { announce } from '../../ui/announce.js';
import { ConsoleElement } from '../../ui/console-element.js';

const m = messages({
  vi: {
    title: 'Mã nhúng cho trang',
    explain: 'Dán thẻ script một lần vào mỗi trang, rồi đặt khung tiện ích ở nơi muốn hiển thị (xem hướng dẫn nhúng).',
    widgetLabel: 'Tiện ích',
    code: 'Mã nhúng',
    copy: 'Sao chép mã',
    copied: 'Đã sao chép mã nhúng.',
    copyFailed: 'Trình duyệt không cho sao chép tự động: mã đã được chọn, hãy nhấn Ctrl+C.',
    widget: (w: string) => ({ 'latest-laws': 'Văn bản pháp luật mới', 'qa-box': 'Hỏi đáp pháp luật', 'feedback-form': 'Góp ý, phản hồi' })[w] ?? w,
  },
  en: {
    title: 'The snippet for the site',
    explain: 'Paste the script tag once per page, then place a widget where it should show (see the embedding guide).',
    widgetLabel: 'Widget',
    code: 'Snippet',
    copy: 'Copy the snippet',
    copied: 'The snippet is copied.',
    copyFailed: 'The browser does not allow copying: the snippet is selected, press Ctrl+C.',
    widget: (w: string) => ({ 'latest-laws': 'New legal documents', 'qa-box': 'Legal Q&A', 'feedback-form': 'Feedback' })[w] ?? w,
  },
});

/** The placeholders of docs/embedding.md §2, as a CMS editor keeps them. */
const PLACEHOLDERS: Record<string, string> = {
  'latest-laws': '<div data-pbgdpl="latest-laws" data-limit="5" data-show-search></div>',
  'qa-box': '<div data-pbgdpl="qa-box"></div>',
  'feedback-form': '<div data-pbgdpl="feedback-form"></div>',
};

/** What the site's webmaster pastes: the loader's script tag with the site's key, and a widget's placeholder. */
export const snippetFor = (origin: string, key: string, widget: string) =>
  `<script src="${origin}/embed/v1/loader.js" data-site="${key}" async></script>\n${PLACEHOLDERS[widget] ?? PLACEHOLDERS['latest-laws']}`;

@customElement('pa-site-snippet')
export class PaSiteSnippet extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      textarea {
        font-family: ui-monospace, monospace;
        font-size: 0.9em;
      }
    `,
  ];

  @property() siteKey = '';
  @state() private widget = 'latest-laws';

  private async copy() {
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')!;
    try {
      await navigator.clipboard.writeText(box.value);
      announce(t(m).copied);
    } catch {
      box.focus();
      box.select();
      announce(t(m).copyFailed, 'alert');
    }
  }

  override render() {
    const text = t(m);
    return html`<section class="panel" aria-labelledby="snippet-title">
      <h2 id="snippet-title">${text.title}</h2>
      <p class="muted">${text.explain}</p>
      <div class="field">
        <label for="snippet-widget">${text.widgetLabel}</label>
        <select id="snippet-widget" @change=${(e: Event) => (this.widget = (e.target as HTMLSelectElement).value)}>
          ${Object.keys(PLACEHOLDERS).map((w) => html`<option value=${w} ?selected=${w === this.widget}>${text.widget(w)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="snippet-code">${text.code}</label>
        <textarea id="snippet-code" rows="3" readonly .value=${snippetFor(location.origin, this.siteKey, this.widget)}></textarea>
      </div>
      <button type="button" class="primary" @click=${this.copy}>${text.copy}</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-site-snippet': PaSiteSnippet;
  }
}
