import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PublishedQuestion, QuestionReceipt } from '@pbgdpl/contract';
import { QuestionPageShape, QuestionReceiptShape, conforms } from '@pbgdpl/contract/shapes';
import { PbgdplElement } from '../core/base-element.js';
import { common, fill, formatDate } from '../core/i18n.js';
import { LazyPart } from '../core/lazy-part.js';
import { listFooter, loadFailedNotice, storedCopyNotice } from '../core/list-parts.js';
import type { OutboxEntry } from '../core/outbox.js';
import { PagedList } from '../core/paged-list.js';
import { ProofOfWork } from '../core/proof-of-work.js';
import { Search } from '../core/search.js';
import { Sender } from '../core/sender.js';
import { baseStyles } from '../core/styles.js';
import { Answers } from './qa-box.answers.js';
import { dropUnaskedCodes } from './qa-box.codes.v1.js';
import type { QaShared } from './qa-box.context.js';
import { Fields } from './qa-box.fields.js';
import { strings } from './qa-box.i18n.js';
import { DEFAULT_LIMIT, clampLimit, qaListUrl } from './qa-box.request.js';
import { qaBoxStyles } from './qa-box.styles.js';

/**
 * Online legal questions and answers (hỏi đáp pháp luật): the province's published answers with a
 * search and a field filter, a form to ask a question (with answers found automatically while the
 * citizen types), and a lookup of a question by its tracking code.
 *
 * @summary Legal Q&A: read published answers, ask a question, track it.
 *
 * @fires pbgdpl-loaded - Fresh published questions arrived and are shown. `detail: { count: number }`
 * @fires pbgdpl-question-sent - The server accepted a question (also when it went out later, after being offline). `detail: { trackingCode: string }`
 *
 * @csspart base - The outer box.
 * @csspart heading - The title above the widget.
 * @csspart actions - The row with "Đặt câu hỏi" and "Tra cứu câu hỏi".
 * @csspart ask-button - The "Đặt câu hỏi" button.
 * @csspart track-button - The "Tra cứu câu hỏi" button.
 * @csspart search - The search form.
 * @csspart filter - The field filter button ("Lĩnh vực: …").
 * @csspart list - The list of published questions.
 * @csspart item - One published question.
 * @csspart question - The button that opens and closes one question's answer (title, field, date).
 * @csspart answer - The question's text, the answer and its citations, when open.
 * @csspart citations - A list of citations (article and document number).
 * @csspart more - The "Xem thêm" button.
 * @csspart notice - Messages about errors, being offline, stored data and sending.
 * @csspart form - The form to ask a question.
 * @csspart suggestions - "Có thể bạn quan tâm": answers and documents found while the citizen types.
 * @csspart error-summary - The list of errors at the top of the form.
 * @csspart receipt - The confirmation with the tracking code.
 * @csspart tracking-code - The tracking code in the confirmation.
 * @csspart track - The tracking form.
 * @csspart track-result - The status (and answer) of the question looked up.
 *
 * The custom properties (`--pbgdpl-accent` and the others) are every widget's: see PbgdplElement.
 * Question titles and links use `--pbgdpl-accent`.
 */
export class PbgdplQaBox extends PbgdplElement {
  static override styles = [baseStyles, qaBoxStyles];

  /**
   * Only one subject field (lĩnh vực), by code (`GET /api/v1/meta` lists them), e.g. `hon-nhan-gia-dinh`; also preselected in the form.
   * @type {Code}
   */
  @property() field = '';
  /** How many published questions to show, and to add with "Xem thêm" (1–20). */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

  @state() private announcement = '';
  @state() private filterOpen = false;
  @state() private askOpen = false;
  @state() private trackOpen = false;

  private readonly search = new Search(this);
  private readonly pages: PagedList<PublishedQuestion> = new PagedList<PublishedQuestion>(
    this,
    QuestionPageShape,
    (cursor) => this.request(cursor),
    () => this.afterLoad(),
  );
  private readonly fields: Fields = new Fields(this, () => this.pages.items.map((q) => q.field));
  private readonly answers = new Answers(this);
  private readonly proof = new ProofOfWork(this);
  private readonly sender = new Sender(
    this,
    'question',
    () => this.proof.get(),
    (body, entry) => this.onSent(body, entry),
  );
  private readonly shared: QaShared = { sender: this.sender, proof: this.proof, fields: this.fields, answers: this.answers, openAsk: () => this.openAsk() };
  // The forms come later, fetched ahead once the page is idle: offline, they still open.
  private readonly ask = new LazyPart(this, () => import('./qa-box.ask.js').then((m) => new m.AskForm(this, this.shared)), true);
  private readonly track = new LazyPart(this, () => import('./qa-box.track.js').then((m) => new m.Tracker(this, this.shared)), true);

  private get t() {
    return strings[this.language];
  }

  private request(cursor?: string): string {
    return qaListUrl({ api: this.api, site: this.site, lang: this.language, limit: this.limit, field: this.fields.chosen, q: this.search.query, cursor });
  }

  override connectedCallback() {
    super.connectedCallback();
    dropUnaskedCodes();
    // A question from an earlier visit is waiting to go out (the Sender resumes it): show it.
    if (this.sender.state.kind !== 'idle') this.ask.prefetch();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('limit')) this.limit = clampLimit(this.limit);
    if (changed.has('field')) this.fields.chosen = this.field;
    this.pages.sync();
  }

  private afterLoad() {
    const { status, data, notice } = this.pages.first;
    if (status === 'ready' && data && !notice) {
      this.emit('pbgdpl-loaded', { count: data.items.length });
      const q = this.search.query;
      if (q) this.announcement = data.items.length ? (this.results() ?? fill(this.t.found, { n: data.items.length })) : fill(this.t.emptySearch, { q });
    }
  }

  /** "12 kết quả": how many questions a search found in all, when the API says (`total`). */
  private results(): string | undefined {
    const total = (this.pages.first.data as { total?: unknown } | undefined)?.total;
    if (!this.search.query || typeof total !== 'number') return undefined;
    return fill(total === 1 ? this.t.result : this.t.results, { n: total.toLocaleString(this.language === 'vi' ? 'vi-VN' : 'en-GB') });
  }

  private toggleFilter() {
    this.filterOpen = !this.filterOpen;
    if (this.filterOpen) this.fields.load();
  }

  private async loadMore() {
    this.announcement = this.t.loadingMore;
    if (await this.pages.loadMore()) this.announcement = fill(this.t.found, { n: this.pages.items.length });
  }

  // ── Asking and tracking ──────────────────────────────────────────────────────────────────────

  private get askShown() {
    return this.askOpen || Boolean(this.ask.value?.shown);
  }

  private toggleAsk() {
    if (this.askShown) {
      this.askOpen = false;
      this.ask.value?.closed();
      return;
    }
    this.openAsk();
  }

  private openAsk() {
    this.askOpen = true;
    void this.ask.get().then(
      (form) => form.opened(),
      () => {},
    );
  }

  private toggleTrack() {
    this.trackOpen = !this.trackOpen;
    if (this.trackOpen) this.track.prefetch();
  }

  private onSent(body: unknown, entry: OutboxEntry) {
    if (!conforms(QuestionReceiptShape, body)) return;
    const receipt = body as QuestionReceipt;
    this.emit('pbgdpl-question-sent', { trackingCode: receipt.trackingCode });
    void this.ask.get().then(
      (form) => form.sent(receipt, entry),
      () => {},
    );
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────

  override render() {
    const t = this.t;
    const askShown = this.askShown;
    const chosen = this.fields.chosen;
    return html`
      <section class="base" part="base" lang=${this.language} aria-labelledby="heading">
        ${this.renderHeading(t.heading)}
        <div class="actions" part="actions">
          <button part="ask-button" aria-expanded=${askShown ? 'true' : 'false'} aria-controls="ask-panel" @click=${this.toggleAsk} @pointerenter=${this.ask.prefetch} @focus=${this.ask.prefetch}>${t.ask}</button>
          <button class="secondary" part="track-button" aria-expanded=${this.trackOpen ? 'true' : 'false'} aria-controls="track-panel" @click=${this.toggleTrack}>${t.track}</button>
        </div>
        <div id="ask-panel" class="panel" ?hidden=${!askShown}>${this.ask.value ? this.ask.value.render(this.askOpen) : askShown ? this.ask.placeholder() : nothing}</div>
        <div id="track-panel" class="panel" ?hidden=${!this.trackOpen}>${this.track.value ? this.track.value.render() : this.trackOpen ? this.track.placeholder() : nothing}</div>
        ${this.search.render(t)}
        <div class="filter">
          <button class="secondary" part="filter" aria-expanded=${this.filterOpen ? 'true' : 'false'} aria-controls="filter-panel" @click=${this.toggleFilter}>
            ${t.fieldFilter}: ${chosen ? this.fields.label(chosen) : t.allFields}
          </button>
        </div>
        <div id="filter-panel" class="panel" ?hidden=${!this.filterOpen}>${this.filterOpen ? this.renderFilter() : nothing}</div>
        ${this.renderBody()}
        <p class="visually-hidden" role="status">${this.announcement}</p>
        <div class="proof"></div>
      </section>
    `;
  }

  private renderFilter() {
    const t = this.t;
    const chosen = this.fields.chosen;
    return html`
      <label for="filter-field">${t.fieldFilter}</label>
      <select id="filter-field" @change=${(e: Event) => this.fields.choose((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!chosen}>${t.allFields}</option>
        ${this.fields.list.map((f) => html`<option value=${f.code} ?selected=${f.code === chosen}>${f.label}</option>`)}
      </select>
      ${this.fields.loading ? html`<span class="hint">${common[this.language].loading}</span>` : this.fields.problem()}
    `;
  }

  private renderBody() {
    const { status } = this.pages.first;
    if (status === 'loading') return this.renderSkeleton();
    if (status === 'error' || status === 'offline') return html`${loadFailedNotice(this.pages, this.language)}${this.renderFooter(false)}`;
    const items = this.pages.items;
    const q = this.search.query;
    return html`
      ${storedCopyNotice(this.pages, this.language)}
      ${items.length && this.results() ? html`<p class="total">${this.results()}</p>` : nothing}
      ${
        items.length === 0
          ? html`<p class="empty">${q ? fill(this.t.emptySearch, { q }) : this.t.empty}</p>`
          : html`<ul class="list" part="list">${items.map((item, i) => this.renderItem(item, i))}</ul>`
      }
      ${this.renderFooter(Boolean(this.pages.nextCursor))}
    `;
  }

  private renderItem(q: PublishedQuestion, i: number) {
    const t = this.t;
    const key = `l:${q.id}`;
    const open = this.answers.isOpen(key);
    return html`
      <li class="item" part="item">
        <div role="heading" aria-level=${Math.min(6, this.level + 1)}>
          <button class="q" part="question" aria-expanded=${open ? 'true' : 'false'} aria-controls="qa-${i}" @click=${() => this.answers.toggle(key)}>
            <span class="q-title">${q.title}</span>
            <span class="q-meta"><span class="q-field">${q.field.label}</span><span class="q-date"><span class="visually-hidden">${t.answeredOn} </span><time datetime=${q.answeredOn}>${formatDate(q.answeredOn)}</time></span></span>
          </button>
        </div>
        <div id="qa-${i}" class="answer" part="answer" ?hidden=${!open}>
          ${
            open
              ? html`<p class="label">${t.question}</p>
                <p class="content">${q.content}</p>
                <p class="label">${t.answer}</p>
                ${this.answers.render(key, q.answerHtml, q.citations)}`
              : nothing
          }
        </div>
      </li>
    `;
  }

  private renderSkeleton() {
    const rows = Array.from(
      { length: this.limit },
      () => html`
      <li class="item">
        <span class="q">
          <span class="q-title"><span class="skeleton bar-line"></span><span class="skeleton bar-line short"></span></span>
          <span class="q-meta"><span class="skeleton bar-meta"></span></span>
        </span>
      </li>`,
    );
    return html`
      <ul class="list" aria-hidden="true">${rows}</ul>
      <p class="visually-hidden" role="status">${common[this.language].loading}</p>
      ${this.renderFooter(false)}
    `;
  }

  private renderFooter(hasMore: boolean) {
    return listFooter(this.pages, hasMore, this.t, this.language, () => void this.loadMore());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pbgdpl-qa-box': PbgdplQaBox;
  }
}
