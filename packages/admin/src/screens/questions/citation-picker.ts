import type { AdminLawPage, AdminLawSummary } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError, api } from '../../api.js';
import { formatDate } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { announce } from '../../ui/announce.js';
import { ConsoleElement } from '../../ui/console-element.js';

/** A citation as the answer route takes it: the document's number and, optionally, the article. */
export interface CitationDraft {
  number: string;
  article: string | null;
  /** What staff read in the list: the document's type and abstract. */
  caption?: string;
}

const m = messages({
  vi: {
    heading: 'Căn cứ pháp lý',
    search: 'Tìm văn bản để trích dẫn',
    searchHint: 'Số ký hiệu hoặc trích yếu, có dấu hay không dấu đều được',
    find: 'Tìm',
    results: (n: number) => (n ? `Tìm thấy ${n} văn bản` : 'Không tìm thấy văn bản nào'),
    pick: (number: string) => `Chọn ${number}`,
    issued: 'ban hành',
    article: 'Điều, khoản (không bắt buộc)',
    articleHint: 'Ví dụ: Điều 5, khoản 2',
    add: 'Thêm căn cứ',
    chosen: 'Văn bản đã chọn',
    none: 'Chưa có căn cứ nào.',
    remove: (number: string) => `Bỏ ${number}`,
    added: (number: string) => `Đã thêm căn cứ ${number}`,
    removed: (number: string) => `Đã bỏ căn cứ ${number}`,
    failed: 'Không tìm được văn bản. Thử lại.',
  },
  en: {
    heading: 'Legal basis',
    search: 'Find a document to cite',
    searchHint: 'Number or abstract, with or without diacritics',
    find: 'Search',
    results: (n: number) => (n ? `${n} documents found` : 'No document found'),
    pick: (number: string) => `Choose ${number}`,
    issued: 'issued',
    article: 'Article, clause (optional)',
    articleHint: 'For example: Điều 5, khoản 2',
    add: 'Add citation',
    chosen: 'Chosen document',
    none: 'No citation yet.',
    remove: (number: string) => `Remove ${number}`,
    added: (number: string) => `Citation ${number} added`,
    removed: (number: string) => `Citation ${number} removed`,
    failed: 'The documents could not be searched. Try again.',
  },
});

/**
 * Choosing the documents an answer relies on: search the province's documents, pick one, say the
 * article if need be, add it. The list of citations is the element's `value`.
 *
 * @fires pa-change - the citations changed; `detail` is the new list.
 */
@customElement('pa-citation-picker')
export class PaCitationPicker extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      fieldset {
        border: 1px solid var(--pa-line);
        border-radius: 6px;
        padding: 12px 16px;
        margin: 0 0 16px;
      }
      legend {
        font-weight: 600;
        padding: 0 4px;
      }
      .grow {
        flex: 1 1 16em;
      }
      .grow input {
        width: 100%;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 12px;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
        justify-content: space-between;
        padding: 6px 0;
        border-bottom: 1px solid var(--pa-line);
      }
      .found button {
        text-align: left;
        width: 100%;
        justify-content: flex-start;
      }
    `,
  ];

  @property({ attribute: false }) value: CitationDraft[] = [];

  @state() private found: AdminLawSummary[] | null = null;
  @state() private picked: AdminLawSummary | null = null;
  @state() private error = '';

  @query('#cite-q') private searchInput!: HTMLInputElement;
  @query('#cite-article') private articleInput?: HTMLInputElement;

  private emit(next: CitationDraft[]) {
    this.value = next;
    this.dispatchEvent(new CustomEvent('pa-change', { detail: next, bubbles: true, composed: true }));
  }

  private async search(e: Event) {
    e.preventDefault();
    const q = this.searchInput.value.trim();
    if (!q) return;
    this.error = '';
    try {
      const page = await api<AdminLawPage>('GET', '/api/v1/admin/laws', { query: { q, status: 'published', limit: 8 } });
      this.found = page.items;
      this.picked = null;
      announce(t(m).results(page.items.length));
    } catch (error) {
      this.error = error instanceof ApiError && error.status === 400 ? (error.problem?.detail ?? t(m).failed) : t(m).failed;
      announce(this.error, 'alert');
    }
  }

  private pick(law: AdminLawSummary) {
    this.picked = law;
    void this.updateComplete.then(() => this.articleInput?.focus());
  }

  private add(e: Event) {
    e.preventDefault();
    if (!this.picked) return;
    const article = this.articleInput?.value.trim() || null;
    const number = this.picked.number;
    this.emit([...this.value, { number, article, caption: `${this.picked.type.label} · ${this.picked.abstract}` }]);
    announce(t(m).added(number));
    this.picked = null;
    this.found = null;
    this.searchInput.value = '';
    this.searchInput.focus();
  }

  private removeCitation(index: number) {
    const gone = this.value[index]!;
    this.emit(this.value.filter((_, i) => i !== index));
    announce(t(m).removed(gone.number));
    this.searchInput.focus();
  }

  override render() {
    const text = t(m);
    return html`<fieldset>
      <legend>${text.heading}</legend>
      <ul aria-label=${text.heading}>
        ${this.value.length === 0 ? html`<li class="muted">${text.none}</li>` : nothing}
        ${this.value.map(
          (c, i) =>
            html`<li>
              <span><strong>${c.article ? `${c.article} — ` : ''}${c.number}</strong>${c.caption ? html`<br /><span class="muted">${c.caption}</span>` : nothing}</span>
              <button type="button" class="danger" @click=${() => this.removeCitation(i)}>${text.remove(c.number)}</button>
            </li>`,
        )}
      </ul>
      <form class="toolbar" role="search" @submit=${this.search}>
        <div class="field grow">
          <label for="cite-q">${text.search}</label>
          <input id="cite-q" type="search" aria-describedby="cite-q-hint" />
          <span class="hint" id="cite-q-hint">${text.searchHint}</span>
        </div>
        <div class="field"><button type="submit">${text.find}</button></div>
      </form>
      ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      ${
        this.found && !this.picked
          ? html`<ul class="found" aria-label=${text.results(this.found.length)}>
            ${this.found.map(
              (law) =>
                html`<li>
                  <button type="button" aria-label=${text.pick(law.number)} @click=${() => this.pick(law)}>
                    <span><strong>${law.number}</strong> · ${law.type.label} · ${text.issued} ${formatDate(law.issuedOn)}<br />${law.abstract}</span>
                  </button>
                </li>`,
            )}
          </ul>`
          : nothing
      }
      ${
        this.picked
          ? html`<form class="toolbar" @submit=${this.add}>
            <p class="grow"><span class="label">${text.chosen}:</span> ${this.picked.number} — ${this.picked.abstract}</p>
            <div class="field grow">
              <label for="cite-article">${text.article}</label>
              <input id="cite-article" maxlength="120" aria-describedby="cite-article-hint" />
              <span class="hint" id="cite-article-hint">${text.articleHint}</span>
            </div>
            <div class="field"><button type="submit" class="primary">${text.add}</button></div>
          </form>`
          : nothing
      }
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-citation-picker': PaCitationPicker;
  }
}
