import type { AdminLawPage, AdminLawSummary } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api } from '../../api.js';
import { formatDate } from '../../format.js';
import { lang, messages, t } from '../../i18n.js';
import { announce } from '../../ui/announce.js';
import { ConsoleElement } from '../../ui/console-element.js';
import { RELATION_KINDS, relationLabel, type RelationKind } from './law-words.js';

export type Relation = { kind: RelationKind; number: string };

const m = messages({
  vi: {
    legend: 'Văn bản liên quan',
    none: 'Chưa có văn bản liên quan.',
    kind: 'Quan hệ',
    search: 'Tìm văn bản theo số ký hiệu hoặc trích yếu',
    find: 'Tìm',
    addTyped: (n: string) => `Thêm số "${n}" (văn bản chưa có trong danh sách)`,
    add: 'Thêm',
    remove: (kind: string, n: string) => `Bỏ "${kind} ${n}"`,
    results: (n: number) => (n ? `${n} văn bản tìm thấy` : 'Không tìm thấy văn bản nào'),
    added: (kind: string, n: string) => `Đã thêm: ${kind} ${n}`,
    removed: (n: string) => `Đã bỏ ${n}`,
  },
  en: {
    legend: 'Related documents',
    none: 'No related documents yet.',
    kind: 'Relation',
    search: 'Find a document by number or abstract',
    find: 'Find',
    addTyped: (n: string) => `Add number "${n}" (not in the list)`,
    add: 'Add',
    remove: (kind: string, n: string) => `Remove "${kind} ${n}"`,
    results: (n: number) => (n ? `${n} documents found` : 'No document found'),
    added: (kind: string, n: string) => `Added: ${kind} ${n}`,
    removed: (n: string) => `Removed ${n}`,
  },
});

/**
 * The documents one amends, replaces, repeals or guides, picked by searching the documents staff
 * publish (a number not published yet may be added as typed).
 *
 * @fires pa-relations-change - detail: the new list of relations
 */
@customElement('pa-relation-picker')
export class PaRelationPicker extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      fieldset {
        border: 1px solid var(--pa-line);
        border-radius: 6px;
        padding: 12px 16px;
        margin: 0 0 12px;
      }
      legend {
        font-weight: 600;
        padding: 0 4px;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 12px;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        padding: 4px 0;
      }
      .search {
        display: grid;
        grid-template-columns: minmax(10em, 14em) minmax(12em, 1fr) auto;
        gap: 8px;
        align-items: end;
      }
      @media (max-width: 600px) {
        .search {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) relations: Relation[] = [];
  /** Error messages by position in `relations`, from the API's `relations.N.number`. */
  @property({ attribute: false }) errors = new Map<number, string>();
  /** The edited document's own id, left out of the results. */
  @property({ attribute: false }) self: string | null = null;

  @state() private kind: RelationKind = 'amends';
  @state() private found: AdminLawSummary[] | null = null;
  @state() private typed = '';

  private change(next: Relation[]) {
    this.dispatchEvent(new CustomEvent('pa-relations-change', { detail: next, bubbles: true, composed: true }));
  }

  private async find(e: Event) {
    e.preventDefault();
    const q = this.typed.trim();
    if (!q) return;
    const page = await api<AdminLawPage>('GET', '/api/v1/admin/laws', { query: { q, status: 'published', limit: 8, lang: lang() } });
    this.found = page.items.filter((i) => i.id !== this.self);
    announce(t(m).results(this.found.length));
  }

  private add(number: string) {
    if (!this.relations.some((r) => r.kind === this.kind && r.number === number)) this.change([...this.relations, { kind: this.kind, number }]);
    announce(t(m).added(relationLabel(this.kind), number));
  }

  override render() {
    const text = t(m);
    const typed = this.typed.trim();
    return html`<fieldset>
      <legend>${text.legend}</legend>
      ${
        this.relations.length
          ? html`<ul>
            ${this.relations.map(
              (r, i) =>
                html`<li>
                  <span class="badge">${relationLabel(r.kind)}</span> <strong>${r.number}</strong>
                  <button
                    type="button"
                    class="link-button"
                    aria-label=${text.remove(relationLabel(r.kind), r.number)}
                    @click=${() => {
                      this.change(this.relations.filter((_, j) => j !== i));
                      announce(text.removed(r.number));
                    }}
                  >
                    ✕
                  </button>
                  ${this.errors.get(i) ? html`<span class="error" role="alert">${this.errors.get(i)}</span>` : nothing}
                </li>`,
            )}
          </ul>`
          : html`<p class="muted">${text.none}</p>`
      }
      <div class="search">
        <div class="field">
          <label for="rel-kind">${text.kind}</label>
          <select id="rel-kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as RelationKind)}>
            ${RELATION_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${relationLabel(k)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="rel-q">${text.search}</label>
          <input
            id="rel-q"
            type="search"
            .value=${this.typed}
            @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && void this.find(e)}
          />
        </div>
        <div class="field"><button type="button" @click=${this.find}>${text.find}</button></div>
      </div>
      ${
        this.found
          ? html`<ul aria-label=${text.results(this.found.length)}>
            ${this.found.map(
              (law) =>
                html`<li>
                  <button type="button" @click=${() => this.add(law.number)}>${text.add}: ${law.number}</button>
                  <span>${law.abstract} <span class="muted">(${formatDate(law.issuedOn)})</span></span>
                </li>`,
            )}
            ${
              typed && !this.found.some((f) => f.number.toLowerCase() === typed.toLowerCase())
                ? html`<li><button type="button" @click=${() => this.add(typed)}>${text.addTyped(typed)}</button></li>`
                : nothing
            }
          </ul>`
          : nothing
      }
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-relation-picker': PaRelationPicker;
  }
}
