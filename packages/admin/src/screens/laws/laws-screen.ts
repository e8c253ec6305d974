import type { AdminLawPage, AdminLawSummary, Meta } from '@pbgdpl/contract';
import { css, html, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatDate, parseDate } from '../../format.js';
import { lang, messages, t } from '../../i18n.js';
import { meta } from '../../labels.js';
import { href, replaceQuery } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import '../../ui/pager.js';
import { filterDate, filterSelect, type Option } from '../../ui/list-filters.js';

const m = messages({
  vi: {
    title: 'Văn bản pháp luật',
    add: 'Đăng văn bản mới',
    import: 'Nhập từ tệp Excel',
    filters: 'Tìm và lọc văn bản',
    q: 'Tìm kiếm',
    qHint: 'Số ký hiệu, trích yếu, người ký; gõ có dấu hay không dấu đều được',
    type: 'Loại văn bản',
    issuer: 'Cơ quan ban hành',
    field: 'Lĩnh vực',
    validity: 'Tình trạng hiệu lực',
    status: 'Trạng thái',
    any: 'Tất cả',
    published: 'Đang đăng',
    withdrawn: 'Đã thu hồi',
    from: 'Ban hành từ ngày',
    to: 'đến ngày',
    dateHint: 'dd/mm/yyyy',
    notDate: 'Không phải ngày: hãy viết dd/mm/yyyy, ví dụ 01/07/2025',
    fromAfterTo: '"Từ ngày" phải trước "đến ngày"',
    search: 'Tìm',
    clear: 'Xoá bộ lọc',
    number: 'Số ký hiệu',
    issuedOn: 'Ngày ban hành',
    abstract: 'Trích yếu',
    loading: 'Đang tải danh sách…',
    empty: 'Không có văn bản nào khớp với bộ lọc. Hãy bỏ bớt điều kiện hoặc đăng văn bản mới.',
    failed: 'Không tải được danh sách văn bản.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
    found: (n: number) => `Tìm thấy ${n} văn bản`,
  },
  en: {
    title: 'Legal documents',
    add: 'Publish a new document',
    import: 'Import from a spreadsheet',
    filters: 'Search and filter documents',
    q: 'Search',
    qHint: 'Number, abstract, signer; with or without diacritics',
    type: 'Type',
    issuer: 'Issuer',
    field: 'Field',
    validity: 'Validity',
    status: 'Status',
    any: 'All',
    published: 'Published',
    withdrawn: 'Withdrawn',
    from: 'Issued from',
    to: 'to',
    dateHint: 'dd/mm/yyyy',
    notDate: 'Not a date: write dd/mm/yyyy, such as 01/07/2025',
    fromAfterTo: '"From" must be before "to"',
    search: 'Search',
    clear: 'Clear filters',
    number: 'Number',
    issuedOn: 'Issued',
    abstract: 'Abstract',
    loading: 'Loading the list…',
    empty: 'No document matches the filters. Remove some, or publish a new document.',
    failed: 'The list of documents could not be loaded.',
    offline: 'The network is down. Check it and try again.',
    retry: 'Try again',
    found: (n: number) => `${n} documents found`,
  },
});

const FILTERS = ['q', 'type', 'issuer', 'field', 'validity', 'status', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * The documents staff publish, withdrawn ones too: search, filters and paging with the total.
 * Filters live in the route's query (#/laws?type=luat&from=2025-01-01), so a link keeps them.
 */
@customElement('pa-laws')
export class PaLaws extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(13em, 1fr));
        gap: 0 12px;
      }
      .filters .wide {
        grid-column: 1 / -1;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      td.abstract {
        max-width: 32em;
      }
      .number {
        font-weight: 600;
        white-space: nowrap;
      }
    `,
  ];

  @state() private lists: Meta | null = null;
  @state() private page: AdminLawPage | null = null;
  @state() private error: 'failed' | 'offline' | null = null;
  @state() private dateErrors: Partial<Record<'from' | 'to', string>> = {};
  /** Cursors of the pages before this one: "previous" pops, "next" pushes. */
  @state() private cursors: (string | undefined)[] = [];
  @state() private cursor: string | undefined;
  @state() private limit = 20;
  private loaded = '';
  private abort?: AbortController;

  override connectedCallback() {
    super.connectedCallback();
    void meta().then((lists) => (this.lists = lists));
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('query')) {
      const key = this.filterKey();
      // A new search starts again at the first page.
      if (key !== this.loaded) {
        this.cursors = [];
        this.cursor = undefined;
      }
      void this.load();
    }
  }

  private filterKey = () => FILTERS.map((f) => this.query.get(f) ?? '').join('|');

  private async load() {
    this.loaded = this.filterKey();
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.error = null;
    const query: Record<string, string | number | undefined> = { lang: lang(), limit: this.limit, cursor: this.cursor };
    for (const f of FILTERS) query[f] = this.query.get(f) ?? undefined;
    try {
      this.page = await api<AdminLawPage>('GET', '/api/v1/admin/laws', { query, signal: abort.signal });
      announce(t(m).found(this.page.total));
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.page = null;
      this.error = error instanceof NetworkError ? 'offline' : 'failed';
      if (error instanceof ApiError && error.status === 400) this.error = 'failed';
      announce(this.error === 'offline' ? t(m).offline : t(m).failed, 'alert');
    }
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const next: Record<string, string> = {};
    const dateErrors: typeof this.dateErrors = {};
    for (const f of FILTERS) {
      const raw = data.get(f);
      const value = typeof raw === 'string' ? raw.trim() : '';
      if (!value) continue;
      if (f === 'from' || f === 'to') {
        const iso = parseDate(value);
        if (!iso) dateErrors[f] = t(m).notDate;
        else next[f] = iso;
      } else next[f] = value;
    }
    if (next.from && next.to && next.from > next.to) dateErrors.from = t(m).fromAfterTo;
    this.dateErrors = dateErrors;
    if (Object.keys(dateErrors).length) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    replaceQuery(next);
  }

  private clear() {
    this.dateErrors = {};
    this.renderRoot.querySelector('form')?.reset();
    replaceQuery({});
  }

  private move(to: 'previous' | 'next' | number) {
    if (to === 'next' && this.page?.nextCursor) {
      this.cursors = [...this.cursors, this.cursor];
      this.cursor = this.page.nextCursor;
    } else if (to === 'previous') {
      this.cursor = this.cursors.at(-1);
      this.cursors = this.cursors.slice(0, -1);
    } else if (typeof to === 'number') {
      // The API gives at most 50 documents a page.
      this.limit = Math.min(to, 50);
      this.cursors = [];
      this.cursor = undefined;
    }
    void this.load().then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  private select(name: Filter, label: string, options: readonly Option[]) {
    return filterSelect(this.query, name, label, options, t(m).any);
  }

  private date(name: 'from' | 'to', label: string) {
    return filterDate(this.query, name, label, t(m).dateHint, this.dateErrors[name]);
  }

  override render() {
    const text = t(m);
    const lists = this.lists;
    return html`
      <h1 tabindex="-1">${text.title}</h1>
      <div class="actions toolbar">
        <a class="button primary" href=${href('laws/new')}>${text.add}</a>
        <a class="button" href=${href('imports')}>${text.import}</a>
      </div>
      <form class="panel" role="search" aria-label=${text.filters} @submit=${this.submit}>
        <div class="filters">
          <div class="field wide">
            <label for="f-q">${text.q}</label>
            <input id="f-q" name="q" type="search" .value=${this.query.get('q') ?? ''} aria-describedby="f-q-hint" />
            <span class="hint" id="f-q-hint">${text.qHint}</span>
          </div>
          ${this.select('type', text.type, lists?.types ?? [])} ${this.select('issuer', text.issuer, lists?.issuers ?? [])}
          ${this.select('field', text.field, lists?.fields ?? [])} ${this.select('validity', text.validity, lists?.validity ?? [])}
          ${this.select('status', text.status, [
            { code: 'published', label: text.published },
            { code: 'withdrawn', label: text.withdrawn },
          ])}
          ${this.date('from', text.from)} ${this.date('to', text.to)}
        </div>
        <div class="actions">
          <button class="primary" type="submit">${text.search}</button>
          <button type="button" @click=${this.clear}>${text.clear}</button>
        </div>
      </form>
      ${this.renderList()}
    `;
  }

  private renderList() {
    const text = t(m);
    if (this.error)
      return html`<div class="notice error" role="alert">
        ${this.error === 'offline' ? text.offline : text.failed}
        <button type="button" @click=${() => void this.load()}>${text.retry}</button>
      </div>`;
    if (!this.page) return html`<p class="skeleton muted" aria-busy="true">${text.loading}</p>`;
    const { items, total } = this.page;
    if (!items.length) return html`<p class="notice">${text.empty}</p>`;
    return html`<div class="table-scroll">
        <table class="list stack">
          <caption class="visually-hidden">
            ${text.found(total)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${text.number}</th>
              <th scope="col">${text.type}</th>
              <th scope="col">${text.issuer}</th>
              <th scope="col">${text.issuedOn}</th>
              <th scope="col">${text.abstract}</th>
              <th scope="col">${text.validity}</th>
              <th scope="col">${text.status}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map((law) => this.renderRow(law))}
          </tbody>
        </table>
      </div>
      <pa-pager
        .offset=${this.cursors.length * this.limit}
        .count=${items.length}
        .total=${total}
        .limit=${this.limit}
        .hasPrevious=${this.cursors.length > 0}
        .hasNext=${this.page.nextCursor !== null}
        @pa-previous=${() => this.move('previous')}
        @pa-next=${() => this.move('next')}
        @pa-limit=${(e: CustomEvent<number>) => this.move(e.detail)}
      ></pa-pager>`;
  }

  private renderRow(law: AdminLawSummary) {
    const text = t(m);
    return html`<tr>
      <td><a class="number" href=${href(`laws/${law.id}`)}>${law.number}</a></td>
      <td>${law.type.label}</td>
      <td>${law.issuer.label}</td>
      <td>${formatDate(law.issuedOn)}</td>
      <td class="abstract">${law.abstract}</td>
      <td>${law.validity.label}</td>
      <td>
        ${
          law.withdrawnAt
            ? html`<span class="badge danger">${text.withdrawn} ${formatDate(law.withdrawnAt)}</span>`
            : html`<span class="badge ok">${text.published}</span>`
        }
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-laws': PaLaws;
  }
}
