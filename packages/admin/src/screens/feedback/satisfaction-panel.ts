import type { Satisfaction, SatisfactionTarget } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatNumber } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { hasRole } from '../../session.js';
import { announce } from '../../ui/announce.js';
import '../../ui/bar-chart.js';
import { ConsoleElement } from '../../ui/console-element.js';

const m = messages({
  vi: {
    title: 'Mức độ hài lòng theo tháng',
    explain: 'Tỉ lệ đánh giá 4 hoặc 5 sao (trên 5) trong các góp ý nhận được mỗi tháng, so với mục tiêu của tỉnh.',
    site: 'Trang thông tin điện tử',
    all: 'Toàn tỉnh',
    month: 'Tháng',
    share: 'Tỉ lệ hài lòng',
    ratings: 'Số đánh giá',
    satisfied: 'Số đánh giá 4–5 sao',
    target: (n: string) => `Mục tiêu ${n}`,
    caption: (where: string) => `Tỉ lệ hài lòng theo tháng: ${where}`,
    overall: (p: string, s: number, r: number) => `Cả 12 tháng: ${p} (${formatNumber(s)} trên ${formatNumber(r)} đánh giá).`,
    noRatings: 'Chưa có đánh giá nào trong 12 tháng qua.',
    setTarget: 'Mục tiêu của tỉnh (%)',
    save: 'Lưu mục tiêu',
    saved: (n: string) => `Đã đặt mục tiêu hài lòng ${n}.`,
    badTarget: 'Mục tiêu là một số từ 1 đến 100.',
    loading: 'Đang tải số liệu…',
    failed: 'Không tải được số liệu hài lòng.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
  },
  en: {
    title: 'Satisfaction per month',
    explain: 'The share of ratings of 4 or 5 (of 5) in the feedback received each month, against the province’s target.',
    site: 'Website',
    all: 'Whole province',
    month: 'Month',
    share: 'Satisfied',
    ratings: 'Ratings',
    satisfied: 'Ratings of 4–5',
    target: (n: string) => `Target ${n}`,
    caption: (where: string) => `Satisfaction per month: ${where}`,
    overall: (p: string, s: number, r: number) => `All 12 months: ${p} (${formatNumber(s)} of ${formatNumber(r)} ratings).`,
    noRatings: 'No ratings in the last 12 months.',
    setTarget: 'The province’s target (%)',
    save: 'Save the target',
    saved: (n: string) => `The satisfaction target is now ${n}.`,
    badTarget: 'The target is a number from 1 to 100.',
    loading: 'Loading the figures…',
    failed: 'The satisfaction figures could not be loaded.',
    offline: 'The network is down. Check it and try again.',
    retry: 'Try again',
  },
});

const percent = (n: number) => `${formatNumber(Math.round(n * 10) / 10)}%`;
/** "2026-03" → "03/2026". */
const monthLabel = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;

/** The satisfaction chart of the feedback screen: one site or the province, the last 12 months, against the target. */
@customElement('pa-satisfaction-panel')
export class PaSatisfactionPanel extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: end;
      }
      .row .field {
        min-width: 14em;
      }
      input[type='number'] {
        width: 7em;
      }
    `,
  ];

  /** Registered sites, key → name, for the site filter. */
  @property({ attribute: false }) sites = new Map<string, string>();
  @state() private site = '';
  @state() private data: Satisfaction | null = null;
  @state() private error: 'failed' | 'offline' | null = null;
  @state() private targetError = '';
  private abort?: AbortController;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.error = null;
    try {
      this.data = await api<Satisfaction>('GET', '/api/v1/admin/feedback/satisfaction', { query: { site: this.site || undefined }, signal: abort.signal });
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.error = error instanceof NetworkError ? 'offline' : 'failed';
    }
  }

  private async saveTarget(e: SubmitEvent) {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#target')!;
    const target = Number(input.value.replace(',', '.'));
    if (!input.value || !Number.isFinite(target) || target < 1 || target > 100) {
      this.targetError = t(m).badTarget;
      input.focus();
      return;
    }
    try {
      const saved = await api<SatisfactionTarget>('PUT', '/api/v1/admin/feedback/satisfaction-target', { json: { target } });
      this.targetError = '';
      announce(t(m).saved(percent(saved.target)));
      await this.load();
    } catch (error) {
      this.targetError = error instanceof ApiError && error.status === 400 ? t(m).badTarget : t(m).failed;
      input.focus();
    }
  }

  override render() {
    const text = t(m);
    const d = this.data;
    const where = this.site ? (this.sites.get(this.site) ?? this.site) : text.all;
    return html`<section class="panel" aria-labelledby="sat-title">
      <h2 id="sat-title">${text.title}</h2>
      <p class="muted">${text.explain}</p>
      <div class="row">
        <div class="field">
          <label for="sat-site">${text.site}</label>
          <select
            id="sat-site"
            @change=${(e: Event) => {
              this.site = (e.target as HTMLSelectElement).value;
              void this.load();
            }}
          >
            <option value="">${text.all}</option>
            ${[...this.sites].map(([key, name]) => html`<option value=${key} ?selected=${key === this.site}>${name}</option>`)}
          </select>
        </div>
        ${
          hasRole('admin') && d
            ? html`<form class="row" @submit=${this.saveTarget}>
              <div class="field">
                <label for="target">${text.setTarget}</label>
                <input
                  id="target"
                  type="number"
                  min="1"
                  max="100"
                  step="0.1"
                  .value=${String(d.target)}
                  aria-invalid=${this.targetError ? 'true' : 'false'}
                  aria-describedby=${this.targetError ? 'target-error' : nothing}
                />
                ${this.targetError ? html`<span class="error" id="target-error">${this.targetError}</span>` : nothing}
              </div>
              <button type="submit">${text.save}</button>
            </form>`
            : nothing
        }
      </div>
      ${
        this.error
          ? html`<div class="notice error" role="alert">
            ${this.error === 'offline' ? text.offline : text.failed}
            <button type="button" @click=${() => void this.load()}>${text.retry}</button>
          </div>`
          : !d
            ? html`<p class="skeleton muted" aria-busy="true">${text.loading}</p>`
            : html`<p aria-live="polite">
                ${d.overall.percent === null ? text.noRatings : text.overall(percent(d.overall.percent), d.overall.satisfied, d.overall.ratings)}
              </p>
              <pa-bar-chart
                .heading=${text.caption(where)}
                category-header=${text.month}
                .categories=${d.months.map((x) => monthLabel(x.month))}
                .series=${[{ name: text.share, values: d.months.map((x) => x.percent) }]}
                .extra=${[
                  { name: text.satisfied, cells: d.months.map((x) => formatNumber(x.satisfied)) },
                  { name: text.ratings, cells: d.months.map((x) => formatNumber(x.ratings)) },
                ]}
                .max=${100}
                .target=${d.target}
                target-label=${text.target(percent(d.target))}
                .format=${percent}
              ></pa-bar-chart>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-satisfaction-panel': PaSatisfactionPanel;
  }
}
