import type { SiteActivity } from '@pbgdpl/contract';
import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NetworkError, api } from '../../api.js';
import { formatDate, formatNumber } from '../../format.js';
import { messages, t } from '../../i18n.js';
import '../../ui/bar-chart.js';
import { ConsoleElement } from '../../ui/console-element.js';
import '../../ui/line-chart.js';

const m = messages({
  vi: {
    title: 'Hoạt động của trang',
    views: 'Lượt xem trang có mô-đun',
    viewsHint: 'Lượt xem do mô-đun báo về từ các địa chỉ đã đăng ký của trang.',
    byDay: 'Theo ngày (90 ngày)',
    byWeek: 'Theo tuần (26 tuần)',
    period: 'Xem theo',
    day: 'Ngày',
    week: 'Tuần bắt đầu',
    viewsCount: 'Lượt xem',
    viewsCaption: 'Lượt xem theo ngày',
    viewsWeekCaption: 'Lượt xem theo tuần',
    received: 'Câu hỏi và góp ý nhận được theo tháng',
    month: 'Tháng',
    questions: 'Câu hỏi',
    feedback: 'Góp ý',
    loading: 'Đang tải số liệu…',
    failed: 'Không tải được số liệu hoạt động.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
  },
  en: {
    title: 'Activity',
    views: 'Page views with the module',
    viewsHint: "Views the module reported from the site's registered origins.",
    byDay: 'Per day (90 days)',
    byWeek: 'Per week (26 weeks)',
    period: 'Show',
    day: 'Day',
    week: 'Week from',
    viewsCount: 'Views',
    viewsCaption: 'Page views per day',
    viewsWeekCaption: 'Page views per week',
    received: 'Questions and feedback received per month',
    month: 'Month',
    questions: 'Questions',
    feedback: 'Feedback',
    loading: 'Loading the figures…',
    failed: 'The activity could not be loaded.',
    offline: 'The network is down. Check it and try again.',
    retry: 'Try again',
  },
});

const monthLabel = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;
const shortDay = (day: string) => formatDate(day).slice(0, 5);

/** A site's reads and submissions over time, as charts with their tables. */
@customElement('pa-site-activity')
export class PaSiteActivity extends ConsoleElement {
  @property() siteKey = '';
  @state() private data: SiteActivity | null = null;
  @state() private error: 'failed' | 'offline' | null = null;
  @state() private period: 'day' | 'week' = 'week';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.error = null;
    try {
      this.data = await api<SiteActivity>('GET', `/api/v1/admin/sites/${encodeURIComponent(this.siteKey)}/activity`);
    } catch (error) {
      this.error = error instanceof NetworkError ? 'offline' : 'failed';
    }
  }

  override render() {
    const text = t(m);
    const d = this.data;
    if (this.error)
      return html`<div class="notice error" role="alert">
        ${this.error === 'offline' ? text.offline : text.failed}
        <button type="button" @click=${() => void this.load()}>${text.retry}</button>
      </div>`;
    if (!d) return html`<p class="skeleton muted" aria-busy="true">${text.loading}</p>`;
    const byDay = this.period === 'day';
    return html`<section class="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">${text.title}</h2>
      <h3>${text.views}</h3>
      <p class="muted">${text.viewsHint}</p>
      <div class="field">
        <label for="activity-period">${text.period}</label>
        <select id="activity-period" @change=${(e: Event) => (this.period = (e.target as HTMLSelectElement).value as 'day' | 'week')}>
          <option value="week" ?selected=${!byDay}>${text.byWeek}</option>
          <option value="day" ?selected=${byDay}>${text.byDay}</option>
        </select>
      </div>
      <pa-line-chart
        .heading=${byDay ? text.viewsCaption : text.viewsWeekCaption}
        category-header=${byDay ? text.day : text.week}
        value-header=${text.viewsCount}
        .categories=${byDay ? d.days.map((x) => shortDay(x.day)) : d.weeks.map((x) => formatDate(x.week))}
        .values=${byDay ? d.days.map((x) => x.views) : d.weeks.map((x) => x.views)}
        .format=${formatNumber}
      ></pa-line-chart>
      <h3>${text.received}</h3>
      <pa-bar-chart
        .heading=${text.received}
        category-header=${text.month}
        .categories=${d.months.map((x) => monthLabel(x.month))}
        .series=${[
          { name: text.questions, values: d.months.map((x) => x.questions) },
          { name: text.feedback, values: d.months.map((x) => x.feedback) },
        ]}
        .format=${(n: number) => formatNumber(Math.round(n))}
      ></pa-bar-chart>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-site-activity': PaSiteActivity;
  }
}
