import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LawSummary } from '@pbgdpl/contract';
import { LawPageShape } from '@pbgdpl/contract/shapes';
import { PbgdplElement } from '../core/base-element.js';
import { common, fill, formatDate } from '../core/i18n.js';
import { listFooter, loadFailedNotice, storedCopyNotice } from '../core/list-parts.js';
import { PagedList } from '../core/paged-list.js';
import { safeUrl } from '../core/safe-url.js';
import { Search } from '../core/search.js';
import { baseStyles } from '../core/styles.js';
import { strings } from './latest-laws.i18n.js';
import { DEFAULT_LIMIT, clampLimit, latestLawsUrl } from './latest-laws.request.js';
import { latestLawsStyles } from './latest-laws.styles.js';

/**
 * The newest legal documents of the province (văn bản pháp luật mới), newest first.
 *
 * @summary Latest legal documents, with an optional search box.
 *
 * @fires pbgdpl-loaded - Fresh data arrived and is shown. `detail: { count: number }`
 * @fires pbgdpl-error - Nothing could be shown: no network (and nothing stored), or the server failed. `detail: { offline: boolean }`
 *
 * @csspart base - The outer box.
 * @csspart heading - The title above the list.
 * @csspart search - The search form.
 * @csspart list - The list of documents.
 * @csspart item - One document.
 * @csspart number - Its type and number ("Luật 91/2025/QH15").
 * @csspart link - Its abstract, linking to the full text.
 * @csspart meta - Its validity, issue date and issuer.
 * @csspart badge - The validity badge.
 * @csspart more - The "Xem thêm" button.
 * @csspart notice - Messages about errors, being offline or stored data.
 *
 * The custom properties (`--pbgdpl-accent` and the others) are every widget's: see PbgdplElement.
 */
export class PbgdplLatestLaws extends PbgdplElement {
  static override styles = [baseStyles, latestLawsStyles];

  /** How many documents to show, and to add with "Xem thêm" (1–50). */
  @property({ type: Number }) limit = DEFAULT_LIMIT;
  /**
   * Only one subject field (lĩnh vực), by code, e.g. `dat-dai`.
   * @type {Code}
   */
  @property() field = '';
  /**
   * Only one document type, by code, e.g. `luat`, `nghi-dinh`, `quyet-dinh`.
   * @type {Code}
   */
  @property() type = '';
  /**
   * Only one issuer, by code, e.g. `quoc-hoi`, `ubnd-tinh-bac-ninh`.
   * @type {Code}
   */
  @property() issuer = '';
  /**
   * Only one validity status (tình trạng hiệu lực).
   * @type {'' | 'con-hieu-luc' | 'het-hieu-luc-mot-phan' | 'het-hieu-luc-toan-bo' | 'chua-co-hieu-luc' | 'ngung-hieu-luc'}
   */
  @property() validity = '';
  /** A search box above the list; citizens may type without diacritics (`dat dai` finds `đất đai`). */
  @property({ type: Boolean, attribute: 'show-search' }) showSearch = false;
  /** One line per document, for sidebars. */
  @property({ type: Boolean, reflect: true }) compact = false;
  @state() private announcement = '';

  private readonly search = new Search(this);
  private readonly pages = new PagedList<LawSummary>(
    this,
    LawPageShape,
    (cursor) => this.request(cursor),
    () => this.afterLoad(),
  );

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
      q: this.search.query,
      cursor,
    });
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('limit')) this.limit = clampLimit(this.limit);
    this.pages.sync();
  }

  private afterLoad() {
    const { status, data, notice } = this.pages.first;
    if (status === 'ready' && data && !notice) {
      this.emit('pbgdpl-loaded', { count: data.items.length });
      const q = this.search.query;
      if (q) this.announcement = data.items.length ? fill(this.t.found, { n: data.items.length }) : fill(this.t.emptySearch, { q });
    } else if (status === 'error' || status === 'offline') {
      this.emit('pbgdpl-error', { offline: status === 'offline' });
    }
  }

  private async loadMore() {
    this.announcement = this.t.loadingMore;
    if (await this.pages.loadMore()) this.announcement = fill(this.t.found, { n: this.pages.items.length });
  }

  override render() {
    const t = this.t;
    return html`
      <section class="base" part="base" lang=${this.language} aria-labelledby="heading">
        ${this.renderHeading(t.heading)}
        ${this.showSearch ? this.search.render(t) : nothing}
        ${this.renderBody()}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }

  private renderBody() {
    const { status } = this.pages.first;
    if (status === 'loading') return this.renderSkeleton();
    if (status === 'error' || status === 'offline') return html`${loadFailedNotice(this.pages, this.language)}${this.renderFooter(false)}`;
    const items = this.pages.items;
    return html`
      ${storedCopyNotice(this.pages, this.language)}
      ${
        items.length === 0
          ? html`<p class="empty">${this.search.query ? fill(this.t.emptySearch, { q: this.search.query }) : this.t.empty}</p>`
          : html`<ul class="list" part="list">${items.map((law) => this.renderItem(law))}</ul>`
      }
      ${this.renderFooter(Boolean(this.pages.nextCursor))}
    `;
  }

  private renderItem(law: LawSummary) {
    const t = this.t;
    const c = common[this.language];
    // Compact rows have room for the number alone; the type stays for screen readers. The number
    // moves to a line of its own rather than breaking.
    const number = html`<span class="number" part="number"><span class=${this.compact ? 'visually-hidden' : ''}>${law.type.label} </span><span class="no">${law.number}</span></span>`;
    return html`
      <li class="item" part="item">
        ${this.compact ? nothing : number}
        ${
          safeUrl(law.url)
            ? html`<a class="abstract" part="link" href=${safeUrl(law.url)!} target="_blank" rel="noopener">${law.abstract}<span class="visually-hidden"> ${c.newTab}</span></a>`
            : html`<span class="abstract" part="link">${law.abstract}</span>`
        }
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
    const rows = Array.from(
      { length: this.limit },
      () => html`
      <li class="item">
        ${this.compact ? nothing : html`<span class="skeleton bar-number"></span>`}
        <span class="abstract"><span class="skeleton bar-line"></span>${this.compact ? nothing : html`<span class="skeleton bar-line short"></span>`}</span>
        <span class="meta"><span class="skeleton bar-meta"></span></span>
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
    'pbgdpl-latest-laws': PbgdplLatestLaws;
  }
}
