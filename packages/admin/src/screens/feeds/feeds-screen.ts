import type { Feed, FeedPage, FeedRun, Meta } from '@pbgdpl/contract';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { meta } from '../../labels.js';
import { replaceQuery } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import '../../ui/pager.js';
import { countsText, runErrorText, runStateLabel, stateClass } from './feed-words.js';
import './feed-form.js';
import './feed-runs.js';
import { pageLimit } from '../../ui/list-filters.js';

const m = messages({
  vi: {
    title: 'Nguồn tin tự động',
    intro:
      'Mỗi nguồn tin (RSS, Atom hoặc JSON Feed của cổng thông tin) được đọc theo lịch; mục nào có số ký hiệu chưa có trong danh sách sẽ được đăng thành văn bản mới, mục trùng số được bỏ qua.',
    add: 'Thêm nguồn tin',
    filters: 'Tìm và lọc nguồn tin',
    q: 'Tìm kiếm',
    qHint: 'Tên hoặc địa chỉ; gõ có dấu hay không dấu đều được',
    enabled: 'Trạng thái',
    any: 'Tất cả',
    on: 'Đang bật',
    off: 'Đang tắt',
    failing: 'Chỉ nguồn tin có lần chạy gần nhất bị lỗi',
    search: 'Tìm',
    clear: 'Xoá bộ lọc',
    caption: 'Danh sách nguồn tin',
    name: 'Nguồn tin',
    every: 'Tần suất',
    hours: (n: number) => `${n} giờ/lần`,
    last: 'Lần chạy gần nhất',
    next: 'Lần chạy tới',
    never: 'Chưa chạy',
    actions: 'Thao tác',
    runNow: 'Chạy ngay',
    running: 'Đang chạy…',
    edit: 'Sửa',
    runs: 'Lịch sử chạy',
    loading: 'Đang tải danh sách…',
    empty: 'Chưa có nguồn tin nào khớp. Bấm "Thêm nguồn tin" để đăng ký địa chỉ RSS của cổng thông tin.',
    failed: 'Không tải được danh sách nguồn tin.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
    found: (n: number) => `Có ${n} nguồn tin`,
    reading: (name: string) => `Đang đọc nguồn tin "${name}"…`,
    done: (name: string, counts: string) => `Đã chạy "${name}": ${counts}.`,
    runFailed: (name: string, why: string) => `Chạy "${name}" bị lỗi: ${why} Các văn bản đã có vẫn giữ nguyên.`,
    busy: 'Nguồn tin này đang được chạy (có thể trên máy chủ khác); kết quả sẽ có trong lịch sử chạy.',
    cannotRun: 'Không chạy được nguồn tin. Hãy thử lại.',
    notFound: 'Không tìm thấy nguồn tin này (có thể đã bị xoá).',
  },
  en: {
    title: 'Document feeds',
    intro:
      "Each feed (a portal's RSS, Atom or JSON Feed) is read on a schedule; an item whose number is not yet listed is published as a new document, an item with a known number is skipped.",
    add: 'Add a feed',
    filters: 'Search and filter feeds',
    q: 'Search',
    qHint: 'Name or address; with or without diacritics',
    enabled: 'Status',
    any: 'All',
    on: 'Enabled',
    off: 'Disabled',
    failing: 'Only feeds whose last run failed',
    search: 'Search',
    clear: 'Clear the filters',
    caption: 'Feeds',
    name: 'Feed',
    every: 'Every',
    hours: (n: number) => `${n} h`,
    last: 'Last run',
    next: 'Next run',
    never: 'Never run',
    actions: 'Actions',
    runNow: 'Run now',
    running: 'Running…',
    edit: 'Edit',
    runs: 'Run history',
    loading: 'Loading the list…',
    empty: 'No feed matches. Press "Add a feed" to register a portal\'s RSS address.',
    failed: 'The feeds could not be loaded.',
    offline: 'The network is down. Check it and try again.',
    retry: 'Try again',
    found: (n: number) => `${n} feeds`,
    reading: (name: string) => `Reading the feed "${name}"…`,
    done: (name: string, counts: string) => `Ran "${name}": ${counts}.`,
    runFailed: (name: string, why: string) => `Running "${name}" failed: ${why} The documents already there stay.`,
    busy: 'This feed is running (perhaps on another server); the result will be in its run history.',
    cannotRun: 'The feed could not be run. Try again.',
    notFound: 'This feed does not exist (it may have been removed).',
  },
});

/**
 * #/feeds: the feeds with their last run, search, filters and paging; "run now" with its result;
 * `?edit=new|ID` shows the form, `?runs=ID` the run history. Filters and views live in the query.
 */
@customElement('pa-feeds')
export class PaFeeds extends ScreenElement {
  @state() private lists: Meta | null = null;
  @state() private page: FeedPage | null = null;
  @state() private error: 'failed' | 'offline' | null = null;
  @state() private runningId: string | null = null;
  @state() private result: { kind: 'ok' | 'error'; text: string } | null = null;
  @state() private selected: Feed | null = null;
  @state() private runsVersion = 0;
  private abort: AbortController | null = null;

  private get offset() {
    return Math.max(0, Number(this.query.get('offset')) || 0);
  }
  private get limit() {
    return pageLimit(this.query);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('query')) void this.load();
  }

  private set(next: Record<string, string | number | null | undefined>) {
    const query = Object.fromEntries(this.query.entries());
    replaceQuery({ ...query, ...next });
  }

  private async load() {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.error = null;
    try {
      this.lists ??= await meta();
      const q = this.query;
      this.page = await api<FeedPage>('GET', '/api/v1/admin/feeds', {
        query: { q: q.get('q'), enabled: q.get('enabled'), failing: q.get('failing'), limit: this.limit, offset: this.offset },
        signal: abort.signal,
      });
      const id = q.get('edit') && q.get('edit') !== 'new' ? q.get('edit') : q.get('runs');
      this.selected = id ? (this.page.items.find((f) => f.id === id) ?? (await this.feedById(id))) : null;
      if (!q.get('edit') && !q.get('runs')) announce(t(m).found(this.page.total));
    } catch (error) {
      if (abort.signal.aborted) return;
      if (!(error instanceof ApiError || error instanceof NetworkError)) throw error;
      this.error = error instanceof NetworkError ? 'offline' : 'failed';
      announce(t(m)[this.error], 'alert');
    }
  }

  /** A feed outside the page shown (a link to its history from elsewhere): looked up through the list. */
  private async feedById(id: string): Promise<Feed | null> {
    const all = await api<FeedPage>('GET', '/api/v1/admin/feeds', { query: { limit: 100 } });
    return all.items.find((f) => f.id === id) ?? null;
  }

  private async runNow(feed: Feed) {
    const text = t(m);
    this.runningId = feed.id;
    this.result = null;
    announce(text.reading(feed.name));
    try {
      const run = await api<FeedRun>('POST', `/api/v1/admin/feeds/${feed.id}/runs`);
      this.result =
        run.state === 'ok'
          ? { kind: 'ok', text: text.done(feed.name, countsText(run.counts)) }
          : { kind: 'error', text: text.runFailed(feed.name, runErrorText(run.errorCode)) };
    } catch (error) {
      const say = error instanceof NetworkError ? text.offline : error instanceof ApiError && error.status === 409 ? text.busy : text.cannotRun;
      this.result = { kind: 'error', text: say };
    } finally {
      this.runningId = null;
    }
    announce(this.result.text, this.result.kind === 'ok' ? 'status' : 'alert');
    this.runsVersion++;
    await this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#run-result')?.focus();
  }

  private search(e: Event) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
    this.set({ q: text('q'), enabled: text('enabled'), failing: form.get('failing') ? 'true' : null, offset: null });
  }

  private lastRun(feed: Feed) {
    const run = feed.lastRun;
    if (!run) return html`<span class="muted">${t(m).never}</span>`;
    return html`<span class="badge ${stateClass(run.state)}">${runStateLabel(run.state)}</span> ${formatDateTime(run.startedAt)}<br />
      <span class=${run.state === 'failed' ? 'error' : 'muted'}>${run.state === 'failed' ? runErrorText(run.errorCode) : countsText(run.counts)}</span>`;
  }

  private row(feed: Feed) {
    const text = t(m);
    const running = this.runningId === feed.id;
    return html`<tr>
      <th scope="row">
        ${feed.name}<br /><span class="muted">${feed.url}</span>
      </th>
      <td>${text.hours(feed.everyHours)}</td>
      <td><span class="badge ${feed.enabled ? 'ok' : ''}">${feed.enabled ? text.on : text.off}</span></td>
      <td>${this.lastRun(feed)}</td>
      <td>${feed.nextRunAt ? formatDateTime(feed.nextRunAt) : '—'}</td>
      <td>
        <div class="toolbar">
          <button type="button" class="primary" ?disabled=${this.runningId !== null} aria-busy=${running ? 'true' : 'false'} @click=${() => this.runNow(feed)}>
            ${running ? text.running : text.runNow}<span class="visually-hidden"> ${feed.name}</span>
          </button>
          <button type="button" @click=${() => this.set({ edit: feed.id, runs: null })}>${text.edit}<span class="visually-hidden"> ${feed.name}</span></button>
          <button type="button" @click=${() => this.set({ runs: feed.id, edit: null })}>${text.runs}<span class="visually-hidden"> ${feed.name}</span></button>
        </div>
      </td>
    </tr>`;
  }

  private list() {
    const text = t(m);
    const q = this.query;
    if (this.error) return html`<div class="notice error">${text[this.error]} <button type="button" @click=${() => this.load()}>${text.retry}</button></div>`;
    if (!this.page) return html`<p class="skeleton" aria-busy="true">${text.loading}</p>`;
    return html`<form class="toolbar" role="search" aria-label=${text.filters} @submit=${(e: Event) => this.search(e)}>
        <div class="field">
          <label for="q">${text.q}</label>
          <input id="q" name="q" type="search" .value=${q.get('q') ?? ''} aria-describedby="q-hint" />
          <span id="q-hint" class="hint">${text.qHint}</span>
        </div>
        <div class="field">
          <label for="enabled">${text.enabled}</label>
          <select id="enabled" name="enabled">
            <option value="">${text.any}</option>
            <option value="true" ?selected=${q.get('enabled') === 'true'}>${text.on}</option>
            <option value="false" ?selected=${q.get('enabled') === 'false'}>${text.off}</option>
          </select>
        </div>
        <div class="field">
          <label><input type="checkbox" name="failing" ?checked=${q.get('failing') === 'true'} /> ${text.failing}</label>
        </div>
        <button type="submit" class="primary">${text.search}</button>
        <button type="button" @click=${() => replaceQuery({})}>${text.clear}</button>
      </form>
      ${
        this.page.items.length === 0
          ? html`<p>${text.empty}</p>`
          : html`<div class="table-scroll">
            <table class="list stack">
              <caption class="visually-hidden">${text.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">${text.name}</th>
                  <th scope="col">${text.every}</th>
                  <th scope="col">${text.enabled}</th>
                  <th scope="col">${text.last}</th>
                  <th scope="col">${text.next}</th>
                  <th scope="col">${text.actions}</th>
                </tr>
              </thead>
              <tbody>
                ${this.page.items.map((f) => this.row(f))}
              </tbody>
            </table>
          </div>`
      }
      <pa-pager
        .offset=${this.offset}
        .count=${this.page.items.length}
        .total=${this.page.total}
        .limit=${this.limit}
        .hasPrevious=${this.offset > 0}
        .hasNext=${this.offset + this.page.items.length < this.page.total}
        @pa-previous=${() => this.set({ offset: Math.max(0, this.offset - this.limit) || null })}
        @pa-next=${() => this.set({ offset: this.offset + this.limit })}
        @pa-limit=${(e: CustomEvent<number>) => this.set({ limit: e.detail, offset: null })}
      ></pa-pager>`;
  }

  override render() {
    const text = t(m);
    const edit = this.query.get('edit');
    const runs = this.query.get('runs');
    const close = () => this.set({ edit: null, runs: null });
    const missing = (edit && edit !== 'new') || runs ? this.page !== null && this.selected === null : false;
    return html`<h1 tabindex="-1">${text.title}</h1>
      <p>${text.intro}</p>
      ${this.result ? html`<div id="run-result" tabindex="-1" class="notice ${this.result.kind}">${this.result.text}</div>` : nothing}
      ${missing ? html`<div class="notice error">${text.notFound}</div>` : nothing}
      ${
        edit === 'new' || (edit && this.selected)
          ? html`<pa-feed-form
            .feed=${edit === 'new' ? null : this.selected}
            .lists=${this.lists}
            @pa-feed-saved=${(e: CustomEvent<Feed>) => this.set({ edit: null, runs: e.detail.id })}
            @pa-feed-removed=${close}
            @pa-cancel=${close}
          ></pa-feed-form>`
          : runs && this.selected
            ? html`${this.runButton(this.selected)}
              <pa-feed-runs .feed=${this.selected} .version=${this.runsVersion} @pa-back=${close}></pa-feed-runs>`
            : html`<div class="toolbar"><button type="button" class="primary" @click=${() => this.set({ edit: 'new', runs: null })}>${text.add}</button></div>
              ${this.list()}`
      }`;
  }

  private runButton(feed: Feed) {
    const text = t(m);
    const running = this.runningId === feed.id;
    return html`<div class="toolbar">
      <button type="button" class="primary" ?disabled=${this.runningId !== null} aria-busy=${running ? 'true' : 'false'} @click=${() => this.runNow(feed)}>
        ${running ? text.running : text.runNow}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-feeds': PaFeeds;
  }
}
