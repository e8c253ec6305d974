import type { PurgeRun, PurgeRunPage } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatDateTime, formatNumber } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { announce } from '../../ui/announce.js';
import { ConsoleElement } from '../../ui/console-element.js';
import '../../ui/pager.js';
import { purgeCountsText, runStateClass, runStateLabel, triggerLabel } from './privacy-words.js';

const m = messages({
  vi: {
    title: 'Xoá dữ liệu hết thời hạn lưu trữ',
    intro: 'Mỗi ngày hệ thống tự xoá dữ liệu cá nhân đã hết thời hạn lưu trữ. Thời hạn hiện hành:',
    retention: (q: number, f: number, mail: number) =>
      `thông tin người hỏi: ${formatNumber(q)} ngày sau khi trả lời hoặc từ chối; liên hệ trong góp ý: ${formatNumber(f)} ngày sau khi nhận; thư đã gửi: ${formatNumber(mail)} ngày.`,
    runNow: 'Chạy ngay',
    running: 'Đang chạy…',
    ran: (text: string) => `Đã chạy xong. ${text}.`,
    runFailed: 'Không chạy được. Thử lại sau.',
    started: 'Bắt đầu',
    by: 'Người chạy',
    how: 'Cách chạy',
    result: 'Kết quả',
    what: 'Đã xoá',
    history: 'Các lần chạy',
    loading: 'Đang tải các lần chạy…',
    empty: 'Chưa có lần chạy nào.',
    failed: 'Không tải được các lần chạy.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
    found: (n: number) => `${formatNumber(n)} lần chạy`,
  },
  en: {
    title: 'Erasing what is past retention',
    intro: 'Every day the system erases the personal data past its retention. Retention in force:',
    retention: (q: number, f: number, mail: number) =>
      `the asker's identity: ${formatNumber(q)} days after the answer or rejection; contacts in feedback: ${formatNumber(f)} days after it arrived; sent mails: ${formatNumber(mail)} days.`,
    runNow: 'Run now',
    running: 'Running…',
    ran: (text: string) => `Finished. ${text}.`,
    runFailed: 'The run failed. Try again later.',
    started: 'Started',
    by: 'Started by',
    how: 'How',
    result: 'Result',
    what: 'Erased',
    history: 'Runs',
    loading: 'Loading the runs…',
    empty: 'No run yet.',
    failed: 'The runs could not be loaded.',
    offline: 'The network is down. Check it and try again.',
    retry: 'Try again',
    found: (n: number) => `${formatNumber(n)} runs`,
  },
});

/** The retention purge: what is kept how long, each run (newest first, paged) and "run now". */
@customElement('pa-purge-runs')
export class PaPurgeRuns extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      .counts {
        min-width: 16em;
      }
    `,
  ];
  @state() private page: PurgeRunPage | null = null;
  @state() private error: 'failed' | 'offline' | null = null;
  @state() private busy = false;
  @state() private outcome: { ok: boolean; text: string } | null = null;
  @state() private limit = 10;
  /** Cursors of the pages before this one; the last is this page's. */
  @state() private cursors: (string | undefined)[] = [undefined];

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.error = null;
    try {
      this.page = await api<PurgeRunPage>('GET', '/api/v1/admin/privacy/purge-runs', { query: { limit: this.limit, cursor: this.cursors.at(-1) } });
    } catch (error) {
      if (!(error instanceof ApiError || error instanceof NetworkError)) throw error;
      this.error = error instanceof NetworkError ? 'offline' : 'failed';
      announce(t(m)[this.error], 'alert');
    }
  }

  private async runNow() {
    this.busy = true;
    this.outcome = null;
    try {
      const run = await api<PurgeRun>('POST', '/api/v1/admin/privacy/purge-runs');
      this.outcome = run.state === 'done' ? { ok: true, text: t(m).ran(purgeCountsText(run.counts)) } : { ok: false, text: t(m).runFailed };
      this.cursors = [undefined];
      await this.load();
    } catch (error) {
      if (!(error instanceof ApiError || error instanceof NetworkError)) throw error;
      this.outcome = { ok: false, text: t(m).runFailed };
    } finally {
      this.busy = false;
    }
    announce(this.outcome.text, this.outcome.ok ? 'status' : 'alert');
  }

  private go(cursors: (string | undefined)[], limit = this.limit) {
    this.cursors = cursors;
    this.limit = limit;
    void this.load().then(() => announce(t(m).found(this.page?.total ?? 0)));
  }

  private row(r: PurgeRun) {
    return html`<tr>
      <td>${formatDateTime(r.startedAt)}</td>
      <td>${triggerLabel(r.trigger)}</td>
      <td>${r.startedBy}</td>
      <td><span class="badge ${runStateClass(r.state)}">${runStateLabel(r.state)}</span></td>
      <td class="counts">${r.counts ? purgeCountsText(r.counts) : r.error ? html`<span class="muted">${r.error}</span>` : ''}</td>
    </tr>`;
  }

  override render() {
    const text = t(m);
    const page = this.page;
    const offset = (this.cursors.length - 1) * this.limit;
    return html`<section class="panel" aria-labelledby="purge-title">
      <h2 id="purge-title">${text.title}</h2>
      ${page ? html`<p>${text.intro} ${text.retention(page.retention.questionDays, page.retention.feedbackDays, page.retention.mailDays)}</p>` : nothing}
      <div class="toolbar">
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.runNow()}>${this.busy ? text.running : text.runNow}</button>
      </div>
      ${this.outcome ? html`<p class="notice ${this.outcome.ok ? 'ok' : 'error'}">${this.outcome.text}</p>` : nothing}
      <h3>${text.history}</h3>
      ${
        this.error
          ? html`<div class="notice error">${text[this.error]} <button type="button" @click=${() => this.load()}>${text.retry}</button></div>`
          : !page
            ? html`<p class="skeleton" aria-busy="true">${text.loading}</p>`
            : page.items.length === 0
              ? html`<p>${text.empty}</p>`
              : html`<div class="table-scroll">
                <table class="list stack">
                  <caption class="visually-hidden">${text.history}</caption>
                  <thead>
                    <tr>
                      <th scope="col">${text.started}</th>
                      <th scope="col">${text.how}</th>
                      <th scope="col">${text.by}</th>
                      <th scope="col">${text.result}</th>
                      <th scope="col">${text.what}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${page.items.map((r) => this.row(r))}
                  </tbody>
                </table>
              </div>`
      }
      ${
        page
          ? html`<pa-pager
            .offset=${offset}
            .count=${page.items.length}
            .total=${page.total}
            .limit=${this.limit}
            .hasPrevious=${this.cursors.length > 1}
            .hasNext=${page.nextCursor !== null}
            @pa-previous=${() => this.go(this.cursors.slice(0, -1))}
            @pa-next=${() => this.go([...this.cursors, page.nextCursor ?? undefined])}
            @pa-limit=${(e: CustomEvent<number>) => this.go([undefined], e.detail)}
          ></pa-pager>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-purge-runs': PaPurgeRuns;
  }
}
