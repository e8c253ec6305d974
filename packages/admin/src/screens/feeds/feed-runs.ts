import type { Feed, FeedRun, FeedRunPage } from '@pbgdpl/contract';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { announce } from '../../ui/announce.js';
import { ConsoleElement } from '../../ui/console-element.js';
import '../../ui/pager.js';
import { countsText, runErrorText, runStateLabel, stateClass, triggerLabel } from './feed-words.js';
import './feed-items.js';

const m = messages({
  vi: {
    title: (name: string) => `Lịch sử chạy: ${name}`,
    state: 'Kết quả',
    any: 'Tất cả',
    loading: 'Đang tải lịch sử chạy…',
    empty: 'Chưa có lần chạy nào khớp. Bấm "Chạy ngay" để đọc nguồn tin.',
    failed: 'Không tải được lịch sử chạy.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
    back: 'Về danh sách nguồn tin',
    found: (n: number) => `${n} lần chạy`,
    started: 'Bắt đầu',
    details: 'Chi tiết từng mục',
  },
  en: {
    title: (name: string) => `Run history: ${name}`,
    state: 'Result',
    any: 'All',
    loading: 'Loading the run history…',
    empty: 'No run matches. Press "Run now" to read the feed.',
    failed: 'The run history could not be loaded.',
    offline: 'The network is down. Check it and try again.',
    retry: 'Try again',
    back: 'Back to the feeds',
    found: (n: number) => `${n} runs`,
    started: 'Started',
    details: 'Each item',
  },
});

const STATES: FeedRun['state'][] = ['ok', 'failed', 'interrupted', 'running'];

/** A feed's runs, newest first: when, how, counts, the error in the console's language, and each item. Fires `pa-back`. */
@customElement('pa-feed-runs')
export class PaFeedRuns extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      ol.runs {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ol.runs p {
        margin: 0 0 8px;
      }
    `,
  ];
  @property({ attribute: false }) feed!: Feed;
  /** Bumped by the screen after "run now", to load again. */
  @property({ type: Number }) version = 0;
  @state() private page: FeedRunPage | null = null;
  @state() private error: 'failed' | 'offline' | null = null;
  @state() private offset = 0;
  @state() private limit = 20;
  @state() private stateFilter = '';
  private abort: AbortController | null = null;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('feed') || changed.has('version')) void this.load();
  }

  protected override firstUpdated() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private async load() {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.error = null;
    try {
      this.page = await api<FeedRunPage>('GET', `/api/v1/admin/feeds/${this.feed.id}/runs`, {
        query: { limit: this.limit, offset: this.offset, state: this.stateFilter || undefined },
        signal: abort.signal,
      });
      announce(t(m).found(this.page.total));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error instanceof NetworkError ? 'offline' : 'failed';
      if (!(error instanceof ApiError || error instanceof NetworkError)) throw error;
      announce(t(m)[this.error], 'alert');
    }
  }

  private go(offset: number, limit = this.limit) {
    this.offset = Math.max(0, offset);
    this.limit = limit;
    void this.load().then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }

  private run(r: FeedRun) {
    const text = t(m);
    return html`<li class="panel">
      <p>
        <span class="badge ${stateClass(r.state)}">${runStateLabel(r.state)}</span>
        <strong>${formatDateTime(r.startedAt)}</strong> · ${triggerLabel(r.trigger)}
      </p>
      ${r.state === 'failed' || r.errorCode ? html`<p class="error">${runErrorText(r.errorCode)} <span class="muted">(${r.error})</span></p>` : html`<p>${countsText(r.counts)}</p>`}
      ${
        r.items.length
          ? html`<details>
            <summary>${text.details}</summary>
            <pa-feed-items .items=${r.items}></pa-feed-items>
          </details>`
          : nothing
      }
    </li>`;
  }

  override render() {
    const text = t(m);
    return html`<section aria-labelledby="runs-title">
      <h2 id="runs-title" tabindex="-1">${text.title(this.feed.name)}</h2>
      <div class="toolbar">
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('pa-back', { bubbles: true, composed: true }))}>${text.back}</button>
        <div class="field">
          <label for="run-state">${text.state}</label>
          <select
            id="run-state"
            @change=${(e: Event) => {
              this.stateFilter = (e.target as HTMLSelectElement).value;
              this.go(0);
            }}
          >
            <option value="">${text.any}</option>
            ${STATES.map((s) => html`<option value=${s} ?selected=${s === this.stateFilter}>${runStateLabel(s)}</option>`)}
          </select>
        </div>
      </div>
      ${
        this.error
          ? html`<div class="notice error">${text[this.error]} <button type="button" @click=${() => this.load()}>${text.retry}</button></div>`
          : !this.page
            ? html`<p class="skeleton" aria-busy="true">${text.loading}</p>`
            : this.page.items.length === 0
              ? html`<p>${text.empty}</p>`
              : html`<ol class="runs">
                ${this.page.items.map((r) => this.run(r))}
              </ol>`
      }
      ${
        this.page
          ? html`<pa-pager
            .offset=${this.offset}
            .count=${this.page.items.length}
            .total=${this.page.total}
            .limit=${this.limit}
            .hasPrevious=${this.offset > 0}
            .hasNext=${this.offset + this.page.items.length < this.page.total}
            @pa-previous=${() => this.go(this.offset - this.limit)}
            @pa-next=${() => this.go(this.offset + this.limit)}
            @pa-limit=${(e: CustomEvent<number>) => this.go(0, e.detail)}
          ></pa-pager>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-feed-runs': PaFeedRuns;
  }
}
