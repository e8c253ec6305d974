import type { Meta, QuestionQueuePage, QuestionStatus } from '@pbgdpl/contract';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { NetworkError, api } from '../../api.js';
import { formatDate, formatNumber, parseDate } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { QUESTION_STATUSES as STATUS_LABELS, labelOf, meta, questionStatusLabel } from '../../labels.js';
import { href, replaceQuery } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import '../../ui/pager.js';
import { formText } from './form-text.js';
import { siteNames } from '../../site-names.js';

const m = messages({
  vi: {
    title: 'Hỏi đáp pháp luật',
    tabs: 'Lọc theo trạng thái',
    all: 'Tất cả',
    overdueTab: 'Quá hạn',
    search: 'Tìm kiếm',
    searchHint: 'Tiêu đề, nội dung câu hỏi hoặc câu trả lời; có dấu hay không dấu đều được',
    site: 'Trang tích hợp',
    field: 'Lĩnh vực',
    unit: 'Đơn vị xử lý',
    from: 'Nhận từ ngày',
    to: 'Đến ngày',
    dateHint: 'dd/mm/yyyy',
    badDate: 'Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy',
    sort: 'Sắp xếp',
    sortDue: 'Hạn trả lời sớm nhất trước',
    sortNewest: 'Mới nhận trước',
    any: 'Tất cả',
    apply: 'Lọc',
    clear: 'Xoá bộ lọc',
    colTitle: 'Câu hỏi',
    colReceived: 'Ngày nhận',
    colDue: 'Hạn trả lời',
    colStatus: 'Trạng thái',
    overdue: 'Quá hạn',
    published: 'Đã công khai',
    empty: 'Không có câu hỏi nào khớp với bộ lọc.',
    loading: 'Đang tải danh sách câu hỏi…',
    offline: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    failed: 'Không tải được danh sách câu hỏi. Thử lại sau ít phút.',
    retry: 'Thử lại',
    found: (n: number) => `Tìm thấy ${formatNumber(n)} câu hỏi`,
    countOf: (label: string, n: number) => `${label} (${formatNumber(n)})`,
  },
  en: {
    title: 'Legal Q&A',
    tabs: 'Filter by status',
    all: 'All',
    overdueTab: 'Overdue',
    search: 'Search',
    searchHint: 'Title, question or answer; diacritics optional',
    site: 'Site',
    field: 'Field',
    unit: 'Handling unit',
    from: 'Received from',
    to: 'To',
    dateHint: 'dd/mm/yyyy',
    badDate: 'Not a date; type it as dd/mm/yyyy',
    sort: 'Sort',
    sortDue: 'Earliest due date first',
    sortNewest: 'Newest first',
    any: 'All',
    apply: 'Filter',
    clear: 'Clear filters',
    colTitle: 'Question',
    colReceived: 'Received',
    colDue: 'Due',
    colStatus: 'Status',
    overdue: 'Overdue',
    published: 'Published',
    empty: 'No question matches the filters.',
    loading: 'Loading the questions…',
    offline: 'The server cannot be reached. Check the network and try again.',
    failed: 'The questions could not be loaded. Try again in a few minutes.',
    retry: 'Try again',
    found: (n: number) => `${formatNumber(n)} questions found`,
    countOf: (label: string, n: number) => `${label} (${formatNumber(n)})`,
  },
});

/** The filters the route's query may hold (#/questions?status=new&q=dat+dai). */
/** The statuses in the order of the queue's tabs (the labels' table keeps it). */
const QUESTION_STATUSES = Object.keys(STATUS_LABELS) as QuestionStatus[];

const FILTERS = ['q', 'status', 'overdue', 'site', 'field', 'unit', 'from', 'to', 'sort'] as const;

/**
 * The moderation queue: a tab per status with its count, overdue questions marked in words,
 * search, filters and paging; the earliest due date first.
 */
@customElement('pa-questions')
export class PaQuestions extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      .tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        list-style: none;
        padding: 0;
        margin: 0 0 12px;
        border-bottom: 2px solid var(--pa-line);
      }
      .tabs a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 6px 12px;
        text-decoration: none;
        border: 1px solid transparent;
        border-radius: 4px 4px 0 0;
      }
      .tabs a[aria-current='page'] {
        border-color: var(--pa-line);
        border-bottom: 3px solid var(--pa-primary);
        font-weight: 700;
        color: var(--pa-ink);
      }
      .filters .field {
        flex: 1 1 11em;
      }
      .filters .field.wide {
        flex: 2 1 18em;
      }
      .filters input,
      .filters select {
        width: 100%;
      }
      tr.late td:first-child {
        border-left: 4px solid var(--pa-danger);
      }
    `,
  ];

  @state() private page: QuestionQueuePage | null = null;
  @state() private lists: Meta | null = null;
  @state() private sites = new Map<string, string>();
  @state() private problem: 'offline' | 'failed' | null = null;
  @state() private dateErrors: { from?: string; to?: string } = {};
  /** Cursors of the pages before this one; the last is this page's. */
  @state() private cursors: (string | undefined)[] = [undefined];
  @state() private limit = 20;

  private loadedFor = '';
  private controller?: AbortController;

  override connectedCallback() {
    super.connectedCallback();
    void meta().then((x) => (this.lists = x));
    void siteNames()
      .then((x) => (this.sites = x))
      .catch(() => undefined);
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('query')) {
      const key = this.filterKey();
      if (key !== this.loadedFor) {
        this.cursors = [undefined];
        void this.load();
      }
    }
  }

  private filterKey() {
    return FILTERS.map((f) => `${f}=${this.query.get(f) ?? ''}`).join('&');
  }

  private async load(focusTable = false) {
    this.loadedFor = this.filterKey();
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.problem = null;
    const q = Object.fromEntries(FILTERS.map((f) => [f, this.query.get(f) ?? undefined]));
    try {
      this.page = await api<QuestionQueuePage>('GET', '/api/v1/admin/questions', {
        query: { ...q, limit: this.limit, cursor: this.cursors.at(-1) },
        signal: controller.signal,
      });
      announce(t(m).found(this.page.total));
      if (focusTable) await this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#results')?.focus());
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.problem = error instanceof NetworkError ? 'offline' : 'failed';
      announce(this.problem === 'offline' ? t(m).offline : t(m).failed, 'alert');
    }
  }

  private applyFilters(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => formText(data, name);
    const errors: { from?: string; to?: string } = {};
    const day = (name: 'from' | 'to') => {
      const typed = value(name);
      if (!typed) return '';
      const parsed = parseDate(typed);
      if (!parsed) errors[name] = t(m).badDate;
      return parsed ?? '';
    };
    const from = day('from');
    const to = day('to');
    this.dateErrors = errors;
    if (errors.from || errors.to) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(errors.from ? '#f-from' : '#f-to')?.focus());
      return;
    }
    replaceQuery({
      status: this.query.get('status'),
      overdue: this.query.get('overdue'),
      q: value('q'),
      site: value('site'),
      field: value('field'),
      unit: value('unit'),
      from,
      to,
      sort: value('sort') === 'newest' ? 'newest' : null,
    });
  }

  private tabHref(status: string | null, overdue = false) {
    const keep = Object.fromEntries(FILTERS.filter((f) => f !== 'status' && f !== 'overdue').map((f) => [f, this.query.get(f)]));
    return href('questions', { ...keep, status, overdue: overdue ? 'true' : null });
  }

  private go(delta: 1 | -1) {
    if (delta === 1 && this.page?.nextCursor) this.cursors = [...this.cursors, this.page.nextCursor];
    if (delta === -1 && this.cursors.length > 1) this.cursors = this.cursors.slice(0, -1);
    void this.load(true);
  }

  private renderTabs() {
    const text = t(m);
    const c = this.page?.counts;
    const status = this.query.get('status');
    const overdue = this.query.get('overdue') === 'true';
    const all = c ? QUESTION_STATUSES.reduce((n, s) => n + c[s], 0) : null;
    const tab = (label: string, n: number | null | undefined, link: string, current: boolean) =>
      html`<li><a href=${link} aria-current=${current ? 'page' : 'false'}>${n === null || n === undefined ? label : text.countOf(label, n)}</a></li>`;
    return html`<nav aria-label=${text.tabs}>
      <ul class="tabs">
        ${tab(text.all, all, this.tabHref(null), !status && !overdue)}
        ${QUESTION_STATUSES.map((s) => tab(questionStatusLabel(s), c?.[s], this.tabHref(s), status === s && !overdue))}
        ${tab(text.overdueTab, c?.overdue, this.tabHref(null, true), overdue)}
      </ul>
    </nav>`;
  }

  private renderFilters() {
    const text = t(m);
    const q = (name: string) => this.query.get(name) ?? '';
    const shown = (name: 'from' | 'to') => (q(name) ? formatDate(q(name)) : '');
    const select = (id: string, name: string, label: string, options: { code: string; label: string }[]) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} name=${name}>
          <option value="">${text.any}</option>
          ${options.map((o) => html`<option value=${o.code} ?selected=${q(name) === o.code}>${o.label}</option>`)}
        </select>
      </div>`;
    const dateInput = (name: 'from' | 'to', label: string) =>
      html`<div class="field">
        <label for="f-${name}">${label}</label>
        <input
          id="f-${name}"
          name=${name}
          inputmode="numeric"
          placeholder=${text.dateHint}
          .value=${shown(name)}
          aria-invalid=${this.dateErrors[name] ? 'true' : 'false'}
          aria-describedby=${this.dateErrors[name] ? `f-${name}-error` : nothing}
        />
        ${this.dateErrors[name] ? html`<span class="error" id="f-${name}-error">${this.dateErrors[name]}</span>` : nothing}
      </div>`;
    return html`<form class="panel toolbar filters" role="search" @submit=${this.applyFilters}>
      <div class="field wide">
        <label for="f-q">${text.search}</label>
        <input id="f-q" name="q" type="search" .value=${q('q')} aria-describedby="f-q-hint" />
        <span class="hint" id="f-q-hint">${text.searchHint}</span>
      </div>
      ${select(
        'f-site',
        'site',
        text.site,
        [...this.sites].map(([code, label]) => ({ code, label })),
      )}
      ${select('f-field', 'field', text.field, this.lists?.fields ?? [])}
      ${select(
        'f-unit',
        'unit',
        text.unit,
        (this.page?.handlingUnits ?? []).map((u) => ({ code: u, label: u })),
      )}
      ${dateInput('from', text.from)} ${dateInput('to', text.to)}
      ${this.sortSelect()}
      <div class="field">
        <button type="submit" class="primary">${text.apply}</button>
      </div>
      <div class="field">
        <a class="button" href=${href('questions')}>${text.clear}</a>
      </div>
    </form>`;
  }

  private sortSelect() {
    const text = t(m);
    const newest = this.query.get('sort') === 'newest';
    return html`<div class="field">
      <label for="f-sort">${text.sort}</label>
      <select id="f-sort" name="sort">
        <option value="due" ?selected=${!newest}>${text.sortDue}</option>
        <option value="newest" ?selected=${newest}>${text.sortNewest}</option>
      </select>
    </div>`;
  }

  private renderTable() {
    const text = t(m);
    const page = this.page!;
    if (page.items.length === 0) return html`<p class="notice" id="results" tabindex="-1">${text.empty}</p>`;
    return html`<div class="table-scroll">
      <table class="list stack" id="results" tabindex="-1">
        <caption class="visually-hidden">
          ${text.found(page.total)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${text.colTitle}</th>
            <th scope="col">${text.field}</th>
            <th scope="col">${text.site}</th>
            <th scope="col">${text.colReceived}</th>
            <th scope="col">${text.colDue}</th>
            <th scope="col">${text.colStatus}</th>
            <th scope="col">${text.unit}</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map(
            (i) =>
              html`<tr class=${i.overdue ? 'late' : ''}>
                <td><a href=${href(`questions/${i.id}`)}>${i.title}</a></td>
                <td>${labelOf(this.lists?.fields ?? [], i.field)}</td>
                <td>${this.sites.get(i.site) ?? i.site}</td>
                <td>${formatDate(i.createdAt)}</td>
                <td>${formatDate(i.dueOn)} ${i.overdue ? html`<span class="badge danger">${text.overdue}</span>` : nothing}</td>
                <td>${questionStatusLabel(i.status)} ${i.published ? html`<span class="badge ok">${text.published}</span>` : nothing}</td>
                <td>${i.handlingUnit ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const text = t(m);
    return html`<h1>${text.title}</h1>
      ${this.renderTabs()} ${this.renderFilters()}
      ${
        this.problem
          ? html`<div class="notice error" role="alert">
            <p>${this.problem === 'offline' ? text.offline : text.failed}</p>
            <button type="button" @click=${() => this.load()}>${text.retry}</button>
          </div>`
          : !this.page
            ? html`<p class="skeleton muted" aria-busy="true">${text.loading}</p>`
            : html`${this.renderTable()}
              <pa-pager
                .offset=${(this.cursors.length - 1) * this.limit}
                .count=${this.page.items.length}
                .total=${this.page.total}
                .limit=${this.limit}
                ?hasPrevious=${this.cursors.length > 1}
                ?hasNext=${this.page.nextCursor !== null}
                @pa-next=${() => this.go(1)}
                @pa-previous=${() => this.go(-1)}
                @pa-limit=${(e: CustomEvent<number>) => {
                  this.limit = e.detail;
                  this.cursors = [undefined];
                  void this.load();
                }}
              ></pa-pager>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-questions': PaQuestions;
  }
}
