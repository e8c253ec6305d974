import type { SiteReport } from '@pbgdpl/contract';
import { css, html, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { NetworkError, api } from '../../api.js';
import { formatDate, formatNumber } from '../../format.js';
import { lang, messages, t } from '../../i18n.js';
import { SITE_KINDS, optionsOf, siteKindLabel } from '../../labels.js';
import { href, replaceQuery } from '../../router.js';
import { hasRole } from '../../session.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import { offsetCursor, offsetOf } from '../../ui/offset-cursor.js';
import '../../ui/pager.js';
import { SITE_LEVELS } from './site-words.js';
import { filterSelect, pageLimit, type Option } from '../../ui/list-filters.js';

const m = messages({
  vi: {
    title: 'Trang thông tin điện tử',
    add: 'Đăng ký trang mới',
    filters: 'Tìm và lọc trang',
    q: 'Tìm kiếm',
    qHint: 'Tên hoặc mã trang; gõ có dấu hay không dấu đều được',
    kind: 'Loại cơ quan',
    level: 'Cấp',
    module: 'Mô-đun PBGDPL',
    moduleYes: 'Đã gắn (thấy trong 30 ngày)',
    moduleNo: 'Chưa thấy trong 30 ngày',
    any: 'Tất cả',
    search: 'Tìm',
    clear: 'Xoá bộ lọc',
    name: 'Tên trang',
    lastSeen: 'Lần cuối thấy mô-đun',
    never: 'Chưa thấy',
    views: 'Lượt xem 30 ngày',
    questions: 'Câu hỏi',
    feedback: 'Góp ý',
    satisfaction: 'Hài lòng',
    loading: 'Đang tải danh sách…',
    empty: 'Không có trang nào khớp với bộ lọc.',
    failed: 'Không tải được danh sách trang.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
    found: (n: number) => `Tìm thấy ${n} trang`,
  },
  en: {
    title: 'Websites',
    add: 'Register a site',
    filters: 'Search and filter sites',
    q: 'Search',
    qHint: 'Name or key; with or without diacritics',
    kind: 'Kind',
    level: 'Level',
    module: 'PBGDPL module',
    moduleYes: 'Carries it (seen in 30 days)',
    moduleNo: 'Not seen in 30 days',
    any: 'All',
    search: 'Search',
    clear: 'Clear filters',
    name: 'Site',
    lastSeen: 'Module last seen',
    never: 'Never',
    views: 'Views, 30 days',
    questions: 'Questions',
    feedback: 'Feedback',
    satisfaction: 'Satisfied',
    loading: 'Loading the list…',
    empty: 'No site matches the filters.',
    failed: 'The list of sites could not be loaded.',
    offline: 'The network is down. Check it and try again.',
    retry: 'Try again',
    found: (n: number) => `${n} sites found`,
  },
});

const FILTERS = ['q', 'kind', 'level', 'module'] as const;
interface Page {
  items: SiteReport[];
  total: number;
  nextCursor: string | null;
}

/** The registry of the sites that carry the module: search, filters, paging, and what each site shows and receives. */
@customElement('pa-sites')
export class PaSites extends ScreenElement {
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
      td.num {
        text-align: right;
      }
    `,
  ];

  @state() private page: Page | null = null;
  @state() private error: 'failed' | 'offline' | null = null;
  private abort?: AbortController;

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
      this.page = await api<Page>('GET', '/api/v1/admin/sites', { query, signal: abort.signal });
      announce(t(m).found(this.page.total));
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.page = null;
      this.error = error instanceof NetworkError ? 'offline' : 'failed';
      announce(this.error === 'offline' ? t(m).offline : t(m).failed, 'alert');
    }
  }

  private filters(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of FILTERS) if (this.query.get(f)) out[f] = this.query.get(f)!;
    return out;
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const next: Record<string, string> = {};
    for (const f of FILTERS) {
      const value = ((data.get(f) as string | null) ?? '').trim();
      if (value) next[f] = value;
    }
    replaceQuery({ ...next, limit: this.limit === 20 ? undefined : this.limit });
  }

  private move(offset: number, limit = this.limit) {
    replaceQuery({ ...this.filters(), offset: offset || undefined, limit: limit === 20 ? undefined : limit });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  private select(name: string, label: string, options: readonly Option[]) {
    return filterSelect(this.query, name, label, options, t(m).any);
  }

  override render() {
    const text = t(m);
    return html`
      <h1 tabindex="-1">${text.title}</h1>
      ${hasRole('admin') ? html`<div class="actions toolbar"><a class="button primary" href=${href('sites/new')}>${text.add}</a></div>` : ''}
      <form class="panel" role="search" aria-label=${text.filters} @submit=${this.submit}>
        <div class="filters">
          <div class="field wide">
            <label for="f-q">${text.q}</label>
            <input id="f-q" name="q" type="search" .value=${this.query.get('q') ?? ''} aria-describedby="f-q-hint" />
            <span class="hint" id="f-q-hint">${text.qHint}</span>
          </div>
          ${this.select('kind', text.kind, optionsOf(SITE_KINDS))} ${this.select('level', text.level, optionsOf(SITE_LEVELS))}
          ${this.select('module', text.module, [
            { code: 'yes', label: text.moduleYes },
            { code: 'no', label: text.moduleNo },
          ])}
        </div>
        <div class="actions">
          <button class="primary" type="submit">${text.search}</button>
          <button
            type="button"
            @click=${() => {
              (this.renderRoot.querySelector('form') as HTMLFormElement).reset();
              replaceQuery({});
            }}
          >
            ${text.clear}
          </button>
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
    const levelLabel = (code: string) => SITE_LEVELS[code]?.[lang()] ?? code;
    return html`<div class="table-scroll">
        <table class="list stack">
          <caption class="visually-hidden">
            ${text.found(total)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${text.name}</th>
              <th scope="col">${text.kind}</th>
              <th scope="col">${text.level}</th>
              <th scope="col">${text.lastSeen}</th>
              <th scope="col">${text.views}</th>
              <th scope="col">${text.questions}</th>
              <th scope="col">${text.feedback}</th>
              <th scope="col">${text.satisfaction}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map(
              (s) => html`<tr>
                <td><a href=${href(`sites/${s.key}`)}>${s.name}</a></td>
                <td>${siteKindLabel(s.kind)}</td>
                <td>${levelLabel(s.level)}</td>
                <td>${s.lastSeen ? formatDate(s.lastSeen) : html`<span class="badge warn">${text.never}</span>`}</td>
                <td class="num">${formatNumber(s.views30d)}</td>
                <td class="num">${formatNumber(s.questions)}</td>
                <td class="num">${formatNumber(s.feedback)}</td>
                <td class="num">${s.satisfaction === null ? '—' : `${formatNumber(s.satisfaction)}%`}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
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
    'pa-sites': PaSites;
  }
}
