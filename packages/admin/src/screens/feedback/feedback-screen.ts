import type { AdminFeedbackPage } from '@pbgdpl/contract';
import { css, html, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { parseDate } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, optionsOf } from '../../labels.js';
import { replaceQuery } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import { offsetCursor, offsetOf } from '../../ui/offset-cursor.js';
import '../../ui/pager.js';
import { siteNames } from '../../site-names.js';
import './feedback-item.js';
import './satisfaction-panel.js';
import { filterDate, filterSelect, pageLimit, type Option } from '../../ui/list-filters.js';

const m = messages({
  vi: {
    title: 'Góp ý, phản ánh',
    list: 'Góp ý đã nhận',
    filters: 'Tìm và lọc góp ý',
    q: 'Tìm kiếm',
    qHint: 'Nội dung góp ý, liên hệ hoặc trả lời; gõ có dấu hay không dấu đều được',
    site: 'Trang thông tin điện tử',
    kind: 'Loại góp ý',
    rating: 'Đánh giá',
    stars: (n: number) => `${n} sao`,
    status: 'Trạng thái',
    any: 'Tất cả',
    from: 'Nhận từ ngày',
    to: 'đến ngày',
    dateHint: 'dd/mm/yyyy',
    notDate: 'Không phải ngày: hãy viết dd/mm/yyyy, ví dụ 01/07/2025',
    fromAfterTo: '"Từ ngày" phải trước "đến ngày"',
    search: 'Tìm',
    clear: 'Xoá bộ lọc',
    loading: 'Đang tải góp ý…',
    empty: 'Không có góp ý nào khớp với bộ lọc.',
    failed: 'Không tải được danh sách góp ý.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
    found: (n: number) => `Tìm thấy ${n} góp ý`,
    export: 'Tải tệp CSV',
  },
  en: {
    title: 'Feedback',
    list: 'Feedback received',
    filters: 'Search and filter feedback',
    q: 'Search',
    qHint: 'The message, the contact or the reply; with or without diacritics',
    site: 'Website',
    kind: 'Kind',
    rating: 'Rating',
    stars: (n: number) => `${n} stars`,
    status: 'Status',
    any: 'All',
    from: 'Received from',
    to: 'to',
    dateHint: 'dd/mm/yyyy',
    notDate: 'Not a date: write dd/mm/yyyy, such as 01/07/2025',
    fromAfterTo: '"From" must be before "to"',
    search: 'Search',
    clear: 'Clear filters',
    loading: 'Loading feedback…',
    empty: 'No feedback matches the filters.',
    failed: 'The feedback could not be loaded.',
    offline: 'The network is down. Check it and try again.',
    retry: 'Try again',
    found: (n: number) => `${n} found`,
    export: 'Download CSV',
  },
});

const FILTERS = ['q', 'site', 'kind', 'rating', 'status', 'from', 'to'] as const;

/**
 * Citizens' feedback: the satisfaction chart, then the list with search, filters and paging, each
 * item with its reply. Filters and the page live in the route's query (#/feedback?status=new&offset=20).
 */
@customElement('pa-feedback')
export class PaFeedback extends ScreenElement {
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
    `,
  ];

  @state() private sites = new Map<string, string>();
  @state() private page: AdminFeedbackPage | null = null;
  @state() private error: 'failed' | 'offline' | null = null;
  @state() private dateErrors: Partial<Record<'from' | 'to', string>> = {};
  private abort?: AbortController;

  override connectedCallback() {
    super.connectedCallback();
    void siteNames().then((sites) => (this.sites = sites));
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('query')) void this.load();
  }

  private get limit() {
    return pageLimit(this.query);
  }

  private async load() {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.error = null;
    const query: Record<string, string | number | undefined> = { limit: this.limit, cursor: offsetCursor(offsetOf(this.query)) };
    for (const f of FILTERS) query[f] = this.query.get(f) ?? undefined;
    try {
      this.page = await api<AdminFeedbackPage>('GET', '/api/v1/admin/feedback', { query, signal: abort.signal });
      announce(t(m).found(this.page.total));
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.page = null;
      this.error = error instanceof NetworkError ? 'offline' : 'failed';
      if (error instanceof ApiError && error.status === 401) return;
      announce(this.error === 'offline' ? t(m).offline : t(m).failed, 'alert');
    }
  }

  private current(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of FILTERS) if (this.query.get(f)) out[f] = this.query.get(f)!;
    return out;
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const next: Record<string, string> = {};
    const dateErrors: typeof this.dateErrors = {};
    for (const f of FILTERS) {
      const value = ((data.get(f) as string | null) ?? '').trim();
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
    replaceQuery({ ...next, limit: this.limit === 20 ? undefined : this.limit });
  }

  private clear() {
    this.dateErrors = {};
    this.renderRoot.querySelector<HTMLFormElement>('form[role="search"]')?.reset();
    replaceQuery({});
  }

  private move(offset: number, limit = this.limit) {
    replaceQuery({ ...this.current(), offset: offset || undefined, limit: limit === 20 ? undefined : limit });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#list-title')?.focus());
  }

  private select(name: string, label: string, options: readonly Option[]) {
    return filterSelect(this.query, name, label, options, t(m).any);
  }

  private date(name: 'from' | 'to', label: string) {
    return filterDate(this.query, name, label, t(m).dateHint, this.dateErrors[name]);
  }

  override render() {
    const text = t(m);
    const siteOptions = [...this.sites].map(([code, label]) => ({ code, label }));
    return html`
      <h1 tabindex="-1">${text.title}</h1>
      <pa-satisfaction-panel .sites=${this.sites}></pa-satisfaction-panel>
      <h2 id="list-title" tabindex="-1">${text.list}</h2>
      <form class="panel" role="search" aria-label=${text.filters} @submit=${this.submit}>
        <div class="filters">
          <div class="field wide">
            <label for="f-q">${text.q}</label>
            <input id="f-q" name="q" type="search" .value=${this.query.get('q') ?? ''} aria-describedby="f-q-hint" />
            <span class="hint" id="f-q-hint">${text.qHint}</span>
          </div>
          ${this.select('site', text.site, siteOptions)} ${this.select('kind', text.kind, optionsOf(FEEDBACK_KINDS))}
          ${this.select(
            'rating',
            text.rating,
            [5, 4, 3, 2, 1].map((n) => ({ code: String(n), label: text.stars(n) })),
          )}
          ${this.select('status', text.status, optionsOf(FEEDBACK_STATUSES))} ${this.date('from', text.from)} ${this.date('to', text.to)}
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
    const { items, total, nextCursor } = this.page;
    if (!items.length) return html`<p class="notice">${text.empty}</p>`;
    const offset = offsetOf(this.query);
    return html`${items.map((f) => html`<pa-feedback-item .item=${f} siteName=${this.sites.get(f.site) ?? f.site}></pa-feedback-item>`)}
      <pa-pager
        .offset=${offset}
        .count=${items.length}
        .total=${total}
        .limit=${this.limit}
        .hasPrevious=${offset > 0}
        .hasNext=${nextCursor !== null}
        @pa-previous=${() => this.move(Math.max(0, offset - this.limit))}
        @pa-next=${() => this.move(offset + this.limit)}
        @pa-limit=${(e: CustomEvent<number>) => this.move(0, e.detail)}
      ></pa-pager>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-feedback': PaFeedback;
  }
}
