import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LawSummary } from '@pbgdpl/contract';
import { LawPageShape } from '@pbgdpl/contract/shapes';
import { PbgdplElement } from '../core/base-element.js';
import { common, fill, formatDate } from '../core/i18n.js';
import { listFooter, loadFailedNotice, storedCopyNotice } from '../core/list-parts.js';
import { PagedList } from '../core/paged-list.js';
import { safeUrl } from '../core/safe-url.js';
import { baseStyles } from '../core/styles.js';
import { strings } from './latest-laws.i18n.js';
import { DEFAULT_LIMIT, clampLimit, latestLawsUrl } from './latest-laws.request.js';
import { latestLawsStyles } from './latest-laws.styles.js';

const SEARCH_DELAY_MS = 350;

/**
 * The newest legal documents of the province (văn bản pháp luật mới), newest first.
 *
 * @summary Latest legal documents, with an optional search box.
 *
 * @fires pbgdpl-loaded - Fresh data arrived. `detail: { count: number }`
 * @fires pbgdpl-error - Loading failed and nothing could be shown from storage. `detail: { offline: boolean }`
 *
 * @csspart base - The outer box.
 * @csspart heading - The title above the list.
 * @csspart search - The search form.
 * @csspart list - The list of documents.
 * @csspart item - One document.
 * @csspart number - Type and number of a document ("Luật 91/2025/QH15").
 * @csspart link - The abstract, a link to the full text.
 * @csspart meta - Validity, issue date and issuer.
 * @csspart badge - The validity badge.
 * @csspart more - The "Xem thêm" button.
 * @csspart notice - A message about errors, being offline or stored data.
 *
 * @cssprop [--pbgdpl-font=inherit] - Font family; the host page's by default.
 * @cssprop [--pbgdpl-accent=#0b57d0] - Links and buttons.
 * @cssprop [--pbgdpl-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--pbgdpl-radius=6px] - Corner radius.
 * @cssprop [--pbgdpl-surface=#ffffff] - Background.
 * @cssprop [--pbgdpl-text=#1f2328] - Text colour.
 * @cssprop [--pbgdpl-muted=#57606a] - Secondary text.
 * @cssprop [--pbgdpl-border=#d0d7de] - Borders and separators.
 */
export class PbgdplLatestLaws extends PbgdplElement {
  static override styles = [baseStyles, latestLawsStyles];

  /** How many documents to show at first and to add with "Xem thêm" (1–50). */
  @property({ type: Number }) limit = DEFAULT_LIMIT;
  /** Only this subject field (lĩnh vực), by code, e.g. "dat-dai". */
  @property() field = '';
  /** Only this document type, by code, e.g. "nghi-dinh". */
  @property() type = '';
  /** Only this issuer, by code, e.g. "quoc-hoi". */
  @property() issuer = '';
  /** Only this validity status, e.g. "con-hieu-luc". */
  @property() validity = '';
  /** Show a search box above the list. */
  @property({ type: Boolean, attribute: 'show-search' }) showSearch = false;
  /** One line per document, for sidebars. */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** Title above the list; the default is "Văn bản pháp luật mới". */
  @property() heading = '';
  /** Level of the title for screen readers (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private query = '';
  @state() private announcement = '';

  private readonly pages = new PagedList<LawSummary>(this, LawPageShape, (cursor) => this.request(cursor), () => this.afterLoad());
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private get t() {
    return strings[this.language];
  }

  private request(cursor?: string) {
    return latestLawsUrl({
      api: this.api,
      site: this.site,
      lang: this.language,
      limit: this.limit,
      field: this.field,
      type: this.type,
      issuer: this.issuer,
      validity: this.validity,
      q: this.query,
      cursor,
    });
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('limit')) this.limit = clampLimit(this.limit);
    this.pages.sync();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private afterLoad() {
    const { status, data, notice } = this.pages.first;
    if (status === 'ready' && data && !notice) {
      this.emit('pbgdpl-loaded', { count: data.items.length });
      if (this.query) this.announcement = data.items.length ? fill(this.t.found, { n: data.items.length }) : fill(this.t.emptySearch, { q: this.query });
    } else if (status === 'error' || status === 'offline') {
      this.emit('pbgdpl-error', { offline: status === 'offline' });
    }
  }

  private onSearchInput(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.query = value.trim()), SEARCH_DELAY_MS);
  }

  private onSearchSubmit(e: Event) {
    e.preventDefault();
    clearTimeout(this.searchTimer);
    const input = (e.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    this.query = input.value.trim();
  }

  private async loadMore() {
    this.announcement = this.t.loadingMore;
    if (await this.pages.loadMore()) this.announcement = fill(this.t.found, { n: this.pages.items.length });
  }

  override render() {
    const t = this.t;
    const level = Math.min(6, Math.max(1, this.headingLevel || 2));
    return html`
      <section class="base" part="base" lang=${this.language} aria-labelledby="heading">
        <div class="heading" part="heading" id="heading" role="heading" aria-level=${level}>${this.heading || t.heading}</div>
        ${this.showSearch ? this.renderSearch() : nothing}
        ${this.renderBody()}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }

  private renderSearch() {
    const t = this.t;
    return html`
      <form class="search" part="search" role="search" @submit=${this.onSearchSubmit}>
        <label class="visually-hidden" for="q">${t.searchLabel}</label>
        <input id="q" name="q" type="search" autocomplete="off" enterkeyhint="search" placeholder=${t.searchPlaceholder} @input=${this.onSearchInput} />
        <button type="submit">${t.searchButton}</button>
      </form>
    `;
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
        : html`<ul class="list" part="list">${items.map((law) => this.renderItem(law))}</ul>`}
      ${this.renderFooter(Boolean(this.pages.nextCursor))}
    `;
  }

  private renderItem(law: LawSummary) {
    const t = this.t;
    const c = common[this.language];
    // Compact rows have room for the number alone; the type stays for screen readers.
    const number = html`<span class="number" part="number"><span class=${this.compact ? 'visually-hidden' : ''}>${law.type.label} </span>${law.number}</span>`;
    return html`
      <li class="item" part="item">
        ${this.compact ? nothing : number}
        ${safeUrl(law.url)
          ? html`<a class="abstract" part="link" href=${safeUrl(law.url)!} target="_blank" rel="noopener">${law.abstract}<span class="visually-hidden"> ${c.newTab}</span></a>`
          : html`<span class="abstract" part="link">${law.abstract}</span>`}
        <div class="meta" part="meta">
          ${this.compact ? number : nothing}
          <span class="badge ${law.validity.code}" part="badge"><span class="visually-hidden">${t.validity}: </span>${law.validity.label}</span>
          <span class="date"><span class="visually-hidden">${t.issued} </span><time datetime=${law.issuedOn}>${formatDate(law.issuedOn)}</time></span>
          ${this.compact ? nothing : html`<span class="issuer"><span class="visually-hidden">${t.issuer}: </span>${law.issuer.label}</span>`}
        </div>
      </li>
    `;
  }

  private renderSkeleton() {
    const rows = Array.from({ length: this.limit }, () => html`
      <li class="item">
        ${this.compact ? nothing : html`<span class="skeleton bar-number"></span>`}
        <span class="abstract"><span class="skeleton bar-line"></span>${this.compact ? nothing : html`<span class="skeleton bar-line short"></span>`}</span>
        <span class="meta"><span class="skeleton bar-meta"></span></span>
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
    'pbgdpl-latest-laws': PbgdplLatestLaws;
  }
  interface GlobalEventHandlersEventMap {
    'pbgdpl-loaded': CustomEvent<{ count: number }>;
    'pbgdpl-error': CustomEvent<{ offline: boolean }>;
  }
}
