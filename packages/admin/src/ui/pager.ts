import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber } from '../format.js';
import { messages, t } from '../i18n.js';
import { ConsoleElement } from './console-element.js';

const m = messages({
  vi: {
    nav: 'Phân trang',
    range: (from: number, to: number, total: number | null) =>
      total === null ? `${formatNumber(from)}–${formatNumber(to)}` : `${formatNumber(from)}–${formatNumber(to)} trên ${formatNumber(total)}`,
    none: 'Không có kết quả',
    previous: 'Trang trước',
    next: 'Trang sau',
    perPage: 'Số dòng mỗi trang',
  },
  en: {
    nav: 'Pages',
    range: (from: number, to: number, total: number | null) =>
      total === null ? `${formatNumber(from)}–${formatNumber(to)}` : `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)}`,
    none: 'No results',
    previous: 'Previous page',
    next: 'Next page',
    perPage: 'Rows per page',
  },
});

/**
 * Paging under a list: "21–40 trên 137", previous/next and the page size. It holds no state:
 * the screen tells it where the list is and listens for `pa-previous`, `pa-next` and `pa-limit`
 * (detail: the new size), so cursor and offset paging both fit.
 */
@customElement('pa-pager')
export class PaPager extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      .pager {
        justify-content: space-between;
        margin-top: 12px;
      }
      .controls {
        margin: 0;
      }
      .size {
        display: flex;
        align-items: center;
        gap: 8px;
      }
    `,
  ];

  /** 0-based position of the first row shown. */
  @property({ type: Number }) offset = 0;
  /** Rows shown on this page. */
  @property({ type: Number }) count = 0;
  /** All rows matching, when the API says. */
  @property({ type: Number }) total: number | null = null;
  @property({ type: Number }) limit = 20;
  @property({ type: Boolean }) hasPrevious = false;
  @property({ type: Boolean }) hasNext = false;

  override render() {
    const text = t(m);
    const fire = (name: string, detail?: unknown) => this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
    return html`<nav aria-label=${text.nav} class="toolbar pager">
      <span aria-live="polite">${this.count === 0 ? text.none : text.range(this.offset + 1, this.offset + this.count, this.total)}</span>
      <span class="toolbar controls">
        <label class="size">
          <span>${text.perPage}</span>
          <select @change=${(e: Event) => fire('pa-limit', Number((e.target as HTMLSelectElement).value))}>
            ${[20, 50, 100].map((n) => html`<option value=${n} ?selected=${n === this.limit}>${n}</option>`)}
          </select>
        </label>
        <button type="button" ?disabled=${!this.hasPrevious} @click=${() => fire('pa-previous')}>${text.previous}</button>
        <button type="button" ?disabled=${!this.hasNext} @click=${() => fire('pa-next')}>${text.next}</button>
      </span>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-pager': PaPager;
  }
}
