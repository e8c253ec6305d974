import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api } from '../../api.js';
import { formatDate, formatDateTime, parseDate } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { replaceQuery } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import { formText } from '../../ui/form-text.js';
import { offsetCursor, offsetOf } from '../../ui/offset-cursor.js';
import '../../ui/pager.js';
import { staffProblemText } from '../sign-in/staff-problems.js';
import { auditActionLabel } from './audit-actions.js';
import { pageLimit } from '../../ui/list-filters.js';

const m = messages({
  vi: {
    title: 'Nhật ký thao tác',
    intro: 'Mọi lần xem, xuất dữ liệu cá nhân, mọi thay đổi và mọi lần đăng nhập đều được ghi lại.',
    actor: 'Người thực hiện',
    action: 'Thao tác',
    subject: 'Đối tượng (tìm theo mã)',
    from: 'Từ ngày',
    to: 'Đến ngày',
    datePlaceholder: 'dd/mm/yyyy',
    notDate: 'Chưa phải ngày (dd/mm/yyyy).',
    all: 'Tất cả',
    apply: 'Lọc',
    clear: 'Xoá bộ lọc',
    at: 'Thời điểm',
    detail: 'Chi tiết',
    empty: 'Không có dòng nhật ký nào khớp với điều kiện lọc.',
    loading: 'Đang tải nhật ký…',
    count: (n: number) => `${n} dòng nhật ký`,
    retry: 'Thử lại',
  },
  en: {
    title: 'Audit log',
    intro: 'Every read and export of personal data, every change and every sign-in is recorded.',
    actor: 'Actor',
    action: 'Action',
    subject: 'Subject (search by id)',
    from: 'From',
    to: 'To',
    datePlaceholder: 'dd/mm/yyyy',
    notDate: 'Not a date (dd/mm/yyyy).',
    all: 'All',
    apply: 'Filter',
    clear: 'Clear filters',
    at: 'When',
    detail: 'Detail',
    empty: 'No audit entry matches the filters.',
    loading: 'Loading the log…',
    count: (n: number) => `${n} audit entries`,
    retry: 'Try again',
  },
});

interface Entry {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string | null;
}
interface Page {
  items: Entry[];
  total: number;
  nextCursor: string | null;
}

/** The audit log (administrators): who did what to what, when; filtered, searched and paged. */
@customElement('pa-audit')
export class PaAudit extends ScreenElement {
  @state() private page: Page | null = null;
  @state() private actions: string[] = [];
  @state() private error = '';
  @state() private dateErrors = new Map<string, string>();
  private loadedFor: string | null = null;

  override connectedCallback() {
    super.connectedCallback();
    void api<{ items: string[] }>('GET', '/api/v1/admin/audit/actions')
      .then((r) => (this.actions = r.items))
      .catch(() => (this.actions = []));
  }

  override willUpdate() {
    const key = this.query.toString();
    if (key !== this.loadedFor) {
      this.loadedFor = key;
      void this.load();
    }
  }

  private get limit() {
    return pageLimit(this.query, [10, 20, 50, 100]);
  }

  private async load() {
    this.error = '';
    const q = this.query;
    try {
      this.page = await api<Page>('GET', '/api/v1/admin/audit', {
        query: {
          actor: q.get('actor'),
          action: q.get('action'),
          q: q.get('q'),
          from: q.get('from'),
          to: q.get('to'),
          limit: this.limit,
          cursor: offsetCursor(offsetOf(q)),
        },
      });
      announce(t(m).count(this.page.total));
    } catch (error) {
      this.page = null;
      this.error = staffProblemText(error);
    }
  }

  private filter(changes: Record<string, string | number | null>) {
    replaceQuery({ ...Object.fromEntries(this.query.entries()), offset: null, ...changes });
  }

  private apply(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const errors = new Map<string, string>();
    const day = (name: 'from' | 'to') => {
      const typed = formText(data, name).trim();
      if (!typed) return null;
      const parsed = parseDate(typed);
      if (!parsed) errors.set(name, t(m).notDate);
      return parsed;
    };
    const from = day('from');
    const to = day('to');
    this.dateErrors = errors;
    if (errors.size) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const text = (name: string) => formText(data, name).trim() || null;
    this.filter({ actor: text('actor'), action: text('action'), q: text('q'), from, to });
  }

  private clear(e: Event) {
    (e.target as HTMLButtonElement).form?.reset();
    this.dateErrors = new Map();
    replaceQuery({});
  }

  private dateField(name: 'from' | 'to', label: string) {
    const error = this.dateErrors.get(name);
    const value = this.query.get(name);
    return html`<div class="field">
      <label for="pa-audit-${name}">${label}</label>
      <input
        id="pa-audit-${name}"
        name=${name}
        inputmode="numeric"
        placeholder=${t(m).datePlaceholder}
        .value=${value ? formatDate(`${value}T12:00:00+07:00`) : ''}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `pa-audit-${name}-error` : nothing}
      />
      ${error ? html`<span class="error" id="pa-audit-${name}-error">${error}</span>` : nothing}
    </div>`;
  }

  private renderList() {
    const text = t(m);
    if (this.error)
      return html`<p class="notice error" role="alert">${this.error}</p><button type="button" @click=${() => void this.load()}>${text.retry}</button>`;
    if (!this.page) return html`<p class="skeleton" aria-busy="true">${text.loading}</p>`;
    if (!this.page.items.length) return html`<p class="notice">${text.empty}</p>`;
    const offset = offsetOf(this.query);
    return html`<div class="table-scroll">
        <table class="list stack">
          <caption class="visually-hidden">
            ${text.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">${text.at}</th>
              <th scope="col">${text.actor}</th>
              <th scope="col">${text.action}</th>
              <th scope="col">${text.subject}</th>
              <th scope="col">${text.detail}</th>
            </tr>
          </thead>
          <tbody>
            ${this.page.items.map(
              (e) => html`<tr>
                <td data-label=${text.at}>${formatDateTime(e.at)}</td>
                <td data-label=${text.actor}>${e.actor}</td>
                <td data-label=${text.action}>${auditActionLabel(e.action)}</td>
                <td data-label=${text.subject}><code>${e.subject}</code></td>
                <td data-label=${text.detail}>${e.detail ? html`<code>${e.detail}</code>` : nothing}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <pa-pager
        .offset=${offset}
        .count=${this.page.items.length}
        .total=${this.page.total}
        .limit=${this.limit}
        .hasPrevious=${offset > 0}
        .hasNext=${this.page.nextCursor !== null}
        @pa-previous=${() => this.filter({ offset: Math.max(0, offset - this.limit) || null })}
        @pa-next=${() => this.filter({ offset: offset + this.limit })}
        @pa-limit=${(e: CustomEvent<number>) => this.filter({ limit: e.detail })}
      ></pa-pager>`;
  }

  override render() {
    const text = t(m);
    const q = this.query;
    return html`<h1>${text.title}</h1>
      <p>${text.intro}</p>
      <form class="toolbar" role="search" @submit=${this.apply} novalidate>
        <div class="field">
          <label for="pa-audit-actor">${text.actor}</label>
          <input id="pa-audit-actor" name="actor" type="search" .value=${q.get('actor') ?? ''} />
        </div>
        <div class="field">
          <label for="pa-audit-action">${text.action}</label>
          <select id="pa-audit-action" name="action">
            <option value="">${text.all}</option>
            ${this.actions.map((a) => html`<option value=${a} ?selected=${q.get('action') === a}>${auditActionLabel(a)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="pa-audit-q">${text.subject}</label>
          <input id="pa-audit-q" name="q" type="search" .value=${q.get('q') ?? ''} />
        </div>
        ${this.dateField('from', text.from)} ${this.dateField('to', text.to)}
        <div class="field"><button class="primary" type="submit">${text.apply}</button></div>
        <div class="field"><button type="button" @click=${this.clear}>${text.clear}</button></div>
      </form>
      ${this.renderList()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-audit': PaAudit;
  }
}
