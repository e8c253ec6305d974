import type { ImportRow } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { foldVietnamese as fold } from '@pbgdpl/contract/fold';
import { messages, t } from '../../i18n.js';
import { href } from '../../router.js';
import { ConsoleElement } from '../../ui/console-element.js';
import '../../ui/pager.js';
import { errorText, relationLabel } from '../laws/law-words.js';

const m = messages({
  vi: {
    caption: 'Kết quả từng dòng',
    search: 'Tìm trong kết quả',
    searchHint: 'Số ký hiệu hoặc lý do',
    outcome: 'Kết quả',
    all: 'Tất cả',
    row: 'Dòng',
    number: 'Số ký hiệu',
    details: 'Lý do, văn bản liên quan',
    create: 'Tạo mới',
    update: 'Cập nhật',
    unchanged: 'Không đổi',
    refused: 'Bị từ chối',
    column: (c: string) => `Cột “${c}”: `,
    none: 'Không có dòng nào khớp.',
  },
  en: {
    caption: 'Row by row',
    search: 'Search the results',
    searchHint: 'Number or reason',
    outcome: 'Outcome',
    all: 'All',
    row: 'Row',
    number: 'Number',
    details: 'Reasons, related documents',
    create: 'Created',
    update: 'Updated',
    unchanged: 'Unchanged',
    refused: 'Refused',
    column: (c: string) => `Column "${c}": `,
    none: 'No row matches.',
  },
});

const BADGE: Record<ImportRow['action'], string> = { create: 'ok', update: 'warn', unchanged: '', refused: 'danger' };

/** An import's report row by row: search, filter by outcome, and paging, for files of up to 20,000 rows. */
@customElement('pa-import-rows')
export class PaImportRows extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      ul {
        margin: 0;
        padding-left: 1.2em;
      }
      .filters {
        display: grid;
        grid-template-columns: minmax(12em, 2fr) minmax(10em, 1fr);
        gap: 0 12px;
      }
      @media (max-width: 600px) {
        .filters {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) rows: ImportRow[] = [];
  /** Whether the rows were written: outcomes then read as done, not as planned. */
  @property({ type: Boolean }) applied = false;
  @state() private q = '';
  @state() private outcome: ImportRow['action'] | '' = '';
  @state() private offset = 0;
  @state() private limit = 20;

  /** Shows only the refused rows (after a dry run that refused some). */
  showRefused() {
    this.outcome = 'refused';
    this.offset = 0;
  }

  private matching(): ImportRow[] {
    const q = fold(this.q.trim());
    return this.rows.filter(
      (r) =>
        (!this.outcome || r.action === this.outcome) &&
        (!q || fold(`${r.number ?? ''} ${r.errors.map((e) => `${e.column ?? ''} ${e.message}`).join(' ')}`).includes(q)),
    );
  }

  override render() {
    const text = t(m);
    const rows = this.matching();
    const page = rows.slice(this.offset, this.offset + this.limit);
    const label = (a: ImportRow['action']) => text[a];
    return html`<div class="filters">
        <div class="field">
          <label for="rows-q">${text.search}</label>
          <input
            id="rows-q"
            type="search"
            .value=${this.q}
            aria-describedby="rows-q-hint"
            @input=${(e: Event) => {
              this.q = (e.target as HTMLInputElement).value;
              this.offset = 0;
            }}
          />
          <span class="hint" id="rows-q-hint">${text.searchHint}</span>
        </div>
        <div class="field">
          <label for="rows-outcome">${text.outcome}</label>
          <select
            id="rows-outcome"
            @change=${(e: Event) => {
              this.outcome = (e.target as HTMLSelectElement).value as ImportRow['action'] | '';
              this.offset = 0;
            }}
          >
            <option value="" ?selected=${!this.outcome}>${text.all}</option>
            ${(['create', 'update', 'unchanged', 'refused'] as const).map((a) => html`<option value=${a} ?selected=${this.outcome === a}>${label(a)}</option>`)}
          </select>
        </div>
      </div>
      ${
        page.length
          ? html`<div class="table-scroll">
            <table class="list stack">
              <caption class="visually-hidden">
                ${text.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${text.row}</th>
                  <th scope="col">${text.number}</th>
                  <th scope="col">${text.outcome}</th>
                  <th scope="col">${text.details}</th>
                </tr>
              </thead>
              <tbody>
                ${page.map(
                  (r) =>
                    html`<tr>
                      <td>${r.row}</td>
                      <td>${r.id && this.applied ? html`<a href=${href(`laws/${r.id}`)}>${r.number}</a>` : (r.number ?? '')}</td>
                      <td><span class="badge ${BADGE[r.action]}">${label(r.action)}</span></td>
                      <td>
                        ${
                          r.errors.length
                            ? html`<ul>
                              ${r.errors.map((e) => html`<li>${e.column ? text.column(e.column) : nothing}${errorText(e)}</li>`)}
                            </ul>`
                            : nothing
                        }
                        ${
                          r.relations.length
                            ? html`<ul>
                              ${r.relations.map(
                                (rel) =>
                                  html`<li>
                                    ${relationLabel(rel.kind)}: ${rel.id ? html`<a href=${href(`laws/${rel.id}`)}>${rel.number}</a>` : rel.number}
                                  </li>`,
                              )}
                            </ul>`
                            : nothing
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : html`<p class="notice">${text.none}</p>`
      }
      <pa-pager
        .offset=${this.offset}
        .count=${page.length}
        .total=${rows.length}
        .limit=${this.limit}
        .hasPrevious=${this.offset > 0}
        .hasNext=${this.offset + this.limit < rows.length}
        @pa-previous=${() => (this.offset = Math.max(0, this.offset - this.limit))}
        @pa-next=${() => (this.offset += this.limit)}
        @pa-limit=${(e: CustomEvent<number>) => {
          this.limit = e.detail;
          this.offset = 0;
        }}
      ></pa-pager>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-import-rows': PaImportRows;
  }
}
