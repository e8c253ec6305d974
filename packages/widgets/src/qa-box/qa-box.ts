import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Citation, PublishedQuestion, QuestionReceipt } from '@pbgdpl/contract';
import { QuestionPageShape, QuestionReceiptShape, conforms, type Shape } from '@pbgdpl/contract/shapes';
import { apiUrl } from '../core/api-url.js';
import { PbgdplElement } from '../core/base-element.js';
import { checked } from '../core/fetch-json.js';
import { common, fill, formatDate } from '../core/i18n.js';
import type { OutboxEntry } from '../core/outbox.js';
import type { Proof } from '../core/proof.js';
import { listFooter, loadFailedNotice, storedCopyNotice } from '../core/list-parts.js';
import { PagedList } from '../core/paged-list.js';
import { Resource } from '../core/resource.js';
import { Sender } from '../core/sender.js';
import { baseStyles } from '../core/styles.js';
import type { AskForm } from './qa-box.ask.js';
import { dropUnaskedCodes } from './qa-box.codes.v1.js';
import type { Field, QaContext } from './qa-box.context.js';
import { strings } from './qa-box.i18n.js';
import { DEFAULT_LIMIT, clampLimit, qaListUrl } from './qa-box.request.js';
import { qaBoxStyles } from './qa-box.styles.js';
import type { Tracker } from './qa-box.track.js';

const SEARCH_DELAY_MS = 350;

/** Only the part of GET /api/v1/meta this widget reads (the contract compiles no shape for Meta). */
const FieldsShape: Shape = { fields: ['[]', { code: 's', label: 's' }] };

type Sanitize = typeof import('../core/sanitize.js');

/** Staff write URLs; only web links become links (never javascript: or data:). */
const webUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/**
 * Online legal questions and answers (hỏi đáp pháp luật): the province's published answers with a
 * search and a field filter, a form to ask a question (with answers found automatically while the
 * citizen types), and a lookup of a question by its tracking code.
 *
 * @summary Legal Q&A: read published answers, ask a question, track it.
 *
 * @fires pbgdpl-loaded - Fresh published Q&A arrived. `detail: { count: number }`
 * @fires pbgdpl-question-sent - The API accepted a question. `detail: { trackingCode: string }`
 *
 * @csspart base - The outer box.
 * @csspart heading - The title above the widget.
 * @csspart actions - The row with "Đặt câu hỏi" and "Tra cứu câu hỏi".
 * @csspart ask-button - The "Đặt câu hỏi" button.
 * @csspart track-button - The "Tra cứu câu hỏi" button.
 * @csspart search - The search form.
 * @csspart filter - The field filter button.
 * @csspart list - The list of published questions.
 * @csspart item - One published question.
 * @csspart question - The button that opens and closes one question's answer (title, field, date).
 * @csspart answer - The question's text, the answer and its citations, when open.
 * @csspart citations - A list of citations (article and document number).
 * @csspart more - The "Xem thêm" button.
 * @csspart notice - A message about errors, being offline or stored data.
 * @csspart form - The form to ask a question.
 * @csspart suggestions - "Có thể bạn quan tâm": answers and documents found while the citizen types.
 * @csspart error-summary - The list of errors at the top of the form.
 * @csspart receipt - The confirmation with the tracking code.
 * @csspart tracking-code - The tracking code in the confirmation.
 * @csspart track - The tracking form.
 * @csspart track-result - The status (and answer) of the question looked up.
 *
 * @cssprop [--pbgdpl-font=inherit] - Font family; the host page's by default.
 * @cssprop [--pbgdpl-accent=#0b57d0] - Links and buttons.
 * @cssprop [--pbgdpl-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--pbgdpl-radius=6px] - Corner radius.
 * @cssprop [--pbgdpl-surface=#ffffff] - Background.
 * @cssprop [--pbgdpl-text=#1f2328] - Text colour.
 * @cssprop [--pbgdpl-muted=#57606a] - Secondary text.
 * @cssprop [--pbgdpl-border=#d0d7de] - Borders and separators.
 * @cssprop [--pbgdpl-focus=var(--pbgdpl-accent)] - Keyboard focus ring.
 */
export class PbgdplQaBox extends PbgdplElement {
  static override styles = [baseStyles, qaBoxStyles];

  /** Only this subject field (lĩnh vực), by code, e.g. "hon-nhan-gia-dinh"; also preselected in the form. */
  @property() field = '';
  /** How many published questions to show at first and to add with "Xem thêm" (1–20). */
  @property({ type: Number }) limit = DEFAULT_LIMIT;
  /** Title above the widget; the default is "Hỏi đáp pháp luật". */
  @property() heading = '';
  /** Level of the title for screen readers (1–6); question titles are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private query = '';
  @state() private filter = '';
  @state() private announcement = '';
  @state() private expanded = new Set<string>();
  @state() private filterOpen = false;
  @state() private askOpen = false;
  @state() private trackOpen = false;
  @state() private san: Sanitize | undefined;
  @state() private askForm: AskForm | undefined;
  @state() private tracker: Tracker | undefined;
  @state() private partFailed = false;

  private readonly pages = new PagedList<PublishedQuestion>(this, QuestionPageShape, (cursor) => this.request(cursor), () => this.afterLoad());
  private readonly meta = new Resource(this, (body) => checked<{ fields: Field[] }>(FieldsShape, body));
  private readonly sender = new Sender(this, 'question', () => this.proof(), (body, entry) => this.onSent(body, entry));
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private loading: Record<'ask' | 'track' | 'sanitize', Promise<unknown> | undefined> = { ask: undefined, track: undefined, sanitize: undefined };
  private proofStarted: Promise<Proof> | undefined;
  private answers = new Map<string, { source: string; node: HTMLElement }>();

  private get t() {
    return strings[this.language];
  }

  private get level() {
    return Math.min(6, Math.max(1, this.headingLevel || 2));
  }

  private request(cursor?: string) {
    return qaListUrl({ api: this.api, site: this.site, lang: this.language, limit: this.limit, field: this.filter, q: this.query, cursor });
  }

  override connectedCallback() {
    super.connectedCallback();
    dropUnaskedCodes();
    // A question from an earlier visit is waiting to go out (the Sender resumes it): show it.
    if (this.sender.state.kind !== 'idle') void this.loadAsk();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('limit')) this.limit = clampLimit(this.limit);
    if (changed.has('field')) this.filter = this.field;
    this.pages.sync();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.askForm?.stop();
    this.tracker?.stop();
  }

  private afterLoad() {
    const { status, data, notice } = this.pages.first;
    if (status === 'ready' && data && !notice) {
      this.emit('pbgdpl-loaded', { count: data.items.length });
      if (this.query) this.announcement = data.items.length ? fill(this.t.found, { n: data.items.length }) : fill(this.t.emptySearch, { q: this.query });
    }
  }

  // ── Code loaded when it is needed ────────────────────────────────────────────────────────────

  private lazy<T>(name: 'ask' | 'track' | 'sanitize', load: () => Promise<T>): Promise<T> {
    return (this.loading[name] ??= load().catch((err: unknown) => {
      this.loading[name] = undefined;
      this.partFailed = true;
      throw err;
    })) as Promise<T>;
  }

  /** DOMPurify, the first time an answer is shown. */
  private loadSanitizer() {
    void this.lazy('sanitize', () => import('../core/sanitize.js').then((m) => (this.san = m))).catch(() => {});
  }

  /** The ask form, when the citizen opens it (or points at the button). */
  private loadAsk() {
    return this.lazy('ask', () => import('./qa-box.ask.js').then((m) => (this.askForm = new m.AskForm(this.context))));
  }

  private loadTracker() {
    return this.lazy('track', () => import('./qa-box.track.js').then((m) => (this.tracker = new m.Tracker(this.context))));
  }

  private prefetchAsk = () => void this.loadAsk().catch(() => {});

  /**
   * The proof of work (ALTCHA, ~30 KB), when the citizen starts on the form. Tests replace this
   * method with one that returns a fake proof.
   */
  protected async loadProof(): Promise<Proof> {
    const { createProof } = await import('../core/proof.js');
    return createProof(this.renderRoot.querySelector<HTMLElement>('.proof')!, apiUrl(this.api, '/api/v1/challenge', { site: this.site }), this.language);
  }

  private proof(): Promise<Proof> {
    return (this.proofStarted ??= this.loadProof().catch((err: unknown) => {
      this.proofStarted = undefined;
      throw err;
    }));
  }

  private loadMeta() {
    if (!this.meta.data) void this.meta.load(apiUrl(this.api, '/api/v1/meta', { lang: this.language }));
  }

  /** What the forms need from the element. */
  private readonly context: QaContext = (() => {
    const el = this;
    return {
      host: el,
      get root() {
        return el.renderRoot;
      },
      get api() {
        return el.api;
      },
      get site() {
        return el.site;
      },
      get lang() {
        return el.language;
      },
      get level() {
        return el.level;
      },
      get filter() {
        return el.filter;
      },
      get fields() {
        return el.meta.data?.fields;
      },
      get fieldsLoading() {
        return el.meta.status === 'loading';
      },
      get sender() {
        return el.sender;
      },
      fieldLabel: (code) => el.fieldLabel(code),
      fieldsProblem: () => el.renderMetaProblem(),
      answer: (key, source, citations) => el.renderAnswer(key, source, citations),
      isOpen: (key) => el.expanded.has(key),
      toggle: (key) => el.toggle(key),
      startProof: () => void el.proof().catch(() => {}),
      openAsk: () => el.openAsk(),
    };
  })();

  // ── Reading ──────────────────────────────────────────────────────────────────────────────────

  private onSearchInput(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.query = value.trim()), SEARCH_DELAY_MS);
  }

  private onSearchSubmit(e: Event) {
    e.preventDefault();
    clearTimeout(this.searchTimer);
    this.query = ((e.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value.trim();
  }

  private toggleFilter() {
    this.filterOpen = !this.filterOpen;
    if (this.filterOpen) this.loadMeta();
  }

  private async loadMore() {
    this.announcement = this.t.loadingMore;
    if (await this.pages.loadMore()) this.announcement = fill(this.t.found, { n: this.pages.items.length });
  }

  private toggle(key: string) {
    const next = new Set(this.expanded);
    if (!next.delete(key)) {
      next.add(key);
      this.loadSanitizer();
    }
    this.expanded = next;
  }

  /** A field's label: from the field list once loaded, else from a question in that field. */
  private fieldLabel(code: string) {
    const items = this.pages.items;
    return this.meta.data?.fields.find((f) => f.code === code)?.label ?? items.find((q) => q.field.code === code)?.field.label ?? code;
  }

  // ── Asking and tracking ──────────────────────────────────────────────────────────────────────

  private get askShown() {
    return this.askOpen || Boolean(this.askForm?.shown);
  }

  private toggleAsk() {
    if (this.askShown) {
      this.askOpen = false;
      this.askForm?.closed();
      return;
    }
    this.openAsk();
  }

  private openAsk() {
    this.askOpen = true;
    this.partFailed = false;
    this.loadMeta();
    void this.loadAsk().then((form) => form.opened(), () => {});
  }

  private toggleTrack() {
    this.trackOpen = !this.trackOpen;
    this.partFailed = false;
    if (this.trackOpen) void this.loadTracker().catch(() => {});
  }

  private onSent(body: unknown, entry: OutboxEntry) {
    if (!conforms(QuestionReceiptShape, body)) return;
    const receipt = body as QuestionReceipt;
    this.emit('pbgdpl-question-sent', { trackingCode: receipt.trackingCode });
    void this.loadAsk().then((form) => form.sent(receipt, entry), () => {});
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────

  override render() {
    const t = this.t;
    const askShown = this.askShown;
    return html`
      <section class="base" part="base" lang=${this.language} aria-labelledby="heading">
        <div class="heading" part="heading" id="heading" role="heading" aria-level=${this.level}>${this.heading || t.heading}</div>
        <div class="actions" part="actions">
          <button part="ask-button" aria-expanded=${askShown ? 'true' : 'false'} aria-controls="ask-panel" @click=${this.toggleAsk} @pointerenter=${this.prefetchAsk} @focus=${this.prefetchAsk}>${t.ask}</button>
          <button class="secondary" part="track-button" aria-expanded=${this.trackOpen ? 'true' : 'false'} aria-controls="track-panel" @click=${this.toggleTrack}>${t.track}</button>
        </div>
        <div id="ask-panel" class="panel" ?hidden=${!askShown}>${this.askForm ? this.askForm.render(this.askOpen) : askShown ? this.renderPartLoading() : nothing}</div>
        <div id="track-panel" class="panel" ?hidden=${!this.trackOpen}>${this.tracker ? this.tracker.render() : this.trackOpen ? this.renderPartLoading() : nothing}</div>
        <form class="search" part="search" role="search" @submit=${this.onSearchSubmit}>
          <label class="visually-hidden" for="q">${t.searchLabel}</label>
          <input id="q" name="q" type="search" autocomplete="off" enterkeyhint="search" placeholder=${t.searchPlaceholder} @input=${this.onSearchInput} />
          <button type="submit">${t.searchButton}</button>
        </form>
        <div class="filter">
          <button class="secondary" part="filter" aria-expanded=${this.filterOpen ? 'true' : 'false'} aria-controls="filter-panel" @click=${this.toggleFilter}>
            ${t.fieldFilter}: ${this.filter ? this.fieldLabel(this.filter) : t.allFields}
          </button>
        </div>
        <div id="filter-panel" class="panel" ?hidden=${!this.filterOpen}>${this.filterOpen ? this.renderFilter() : nothing}</div>
        ${this.renderBody()}
        <p class="visually-hidden" role="status">${this.announcement}</p>
        <div class="proof"></div>
      </section>
    `;
  }

  /** While a form's code downloads (or when it could not). */
  private renderPartLoading() {
    const c = common[this.language];
    if (!this.partFailed) return html`<p class="hint" role="status">${c.loading}</p>`;
    return html`<div class="notice error" part="notice" role="alert">
      <span>${c.error}</span>
      <button class="secondary" @click=${this.retryParts}>${c.retry}</button>
    </div>`;
  }

  private retryParts() {
    this.partFailed = false;
    if (this.askOpen) void this.loadAsk().then((form) => form.opened(), () => {});
    if (this.trackOpen) void this.loadTracker().catch(() => {});
  }

  private renderFilter() {
    const t = this.t;
    const fields = this.meta.data?.fields ?? (this.filter ? [{ code: this.filter, label: this.fieldLabel(this.filter) }] : []);
    return html`
      <label for="filter-field">${t.fieldFilter}</label>
      <select id="filter-field" @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.filter}>${t.allFields}</option>
        ${fields.map((f) => html`<option value=${f.code} ?selected=${f.code === this.filter}>${f.label}</option>`)}
      </select>
      ${this.meta.status === 'loading' ? html`<span class="hint">${common[this.language].loading}</span>` : this.renderMetaProblem()}
    `;
  }

  private renderMetaProblem() {
    const c = common[this.language];
    const { status, data } = this.meta;
    if (data || status === 'loading') return nothing;
    return html`<span class="hint">${this.t.fieldsError}</span> <button type="button" class="secondary" @click=${() => this.meta.retry()}>${c.retry}</button>`;
  }

  private renderBody() {
    const { status } = this.pages.first;
    if (status === 'loading') return this.renderSkeleton();
    if (status === 'error' || status === 'offline') return html`${loadFailedNotice(this.pages, this.language)}${this.renderFooter(false)}`;
    const items = this.pages.items;
    return html`
      ${storedCopyNotice(this.pages, this.language)}
      ${items.length === 0
        ? html`<p class="empty">${this.query ? fill(this.t.emptySearch, { q: this.query }) : this.t.empty}</p>`
        : html`<ul class="list" part="list">${items.map((q, i) => this.renderItem(q, i))}</ul>`}
      ${this.renderFooter(Boolean(this.pages.nextCursor))}
    `;
  }

  private renderItem(q: PublishedQuestion, i: number) {
    const t = this.t;
    const key = `l:${q.id}`;
    const open = this.expanded.has(key);
    return html`
      <li class="item" part="item">
        <div role="heading" aria-level=${Math.min(6, this.level + 1)}>
          <button class="q" part="question" aria-expanded=${open ? 'true' : 'false'} aria-controls="qa-${i}" @click=${() => this.toggle(key)}>
            <span class="q-title">${q.title}</span>
            <span class="q-meta"><span class="q-field">${q.field.label}</span><span class="q-date"><span class="visually-hidden">${t.answeredOn} </span><time datetime=${q.answeredOn}>${formatDate(q.answeredOn)}</time></span></span>
          </button>
        </div>
        <div id="qa-${i}" class="answer" part="answer" ?hidden=${!open}>
          ${open
            ? html`<p class="label">${t.question}</p>
                <p class="content">${q.content}</p>
                <p class="label">${t.answer}</p>
                ${this.renderAnswer(key, q.answerHtml, q.citations)}`
            : nothing}
        </div>
      </li>
    `;
  }

  /** Staff HTML only through DOMPurify (loaded on first use), then the citations. */
  private renderAnswer(key: string, source: string, citations: Citation[]) {
    const t = this.t;
    const c = common[this.language];
    let body: unknown = html`<p class="hint">${this.partFailed ? c.error : c.loading}</p>`;
    if (!this.san) this.loadSanitizer();
    else {
      let hit = this.answers.get(key);
      if (!hit || hit.source !== source) {
        const node = document.createElement('div');
        node.className = 'answer-html';
        node.append(this.san.sanitizeAnswer(source));
        this.answers.set(key, (hit = { source, node }));
      }
      body = hit.node;
    }
    return html`${body}
      ${citations.length
        ? html`<p class="label">${t.citations}</p>
            <ul class="cites" part="citations">
              ${citations.map((cite) => {
                const doc = `${t.docNo} ${cite.number}`;
                const url = webUrl(cite.url);
                return html`<li>${cite.article ? `${cite.article}, ` : ''}${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${doc}<span class="visually-hidden"> ${c.newTab}</span></a>` : doc}</li>`;
              })}
            </ul>`
        : nothing}`;
  }

  private renderSkeleton() {
    const rows = Array.from({ length: this.limit }, () => html`
      <li class="item">
        <span class="q">
          <span class="q-title"><span class="skeleton bar-line"></span><span class="skeleton bar-line short"></span></span>
          <span class="q-meta"><span class="skeleton bar-meta"></span></span>
        </span>
      </li>`);
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
  interface GlobalEventHandlersEventMap {
    'pbgdpl-question-sent': CustomEvent<{ trackingCode: string }>;
  }
}
