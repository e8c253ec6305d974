import { html, nothing } from 'lit';
import { common, fill, formatDateTime } from './i18n.js';
import type { Lang } from './lang.js';
import type { PagedList } from './paged-list.js';

/** The first page could not be loaded and nothing is stored: why, and a way to try again. */
export const loadFailedNotice = (pages: PagedList<unknown>, lang: Lang) => {
  const c = common[lang];
  return html`<div class="notice error" part="notice" role="alert">
    <span>${pages.first.status === 'offline' ? c.offline : c.error}</span>
    <button class="secondary" @click=${() => pages.first.retry()}>${c.retry}</button>
  </div>`;
};

/** The list on screen is a stored copy (offline, or the refresh failed): since when, and a retry. */
export const storedCopyNotice = (pages: PagedList<unknown>, lang: Lang) => {
  const { notice, savedAt } = pages.first;
  if (!notice) return nothing;
  const c = common[lang];
  const when = savedAt ? formatDateTime(new Date(savedAt)) : '';
  return html`<div class="notice" part="notice" role="status">
    <span>${fill(notice === 'offline' ? c.offlineCached : c.staleCached, { time: when })}</span>
    <button class="secondary" @click=${() => pages.first.retry()}>${c.retry}</button>
  </div>`;
};

/**
 * "Xem thêm" and its failure. The footer is always rendered, loading included, so the button
 * appearing does not move what follows the widget.
 */
export const listFooter = (
  pages: PagedList<unknown>,
  hasMore: boolean,
  labels: { more: string; loadingMore: string },
  lang: Lang,
  onMore: () => void,
) => html`<div class="footer">
  ${
    hasMore
      ? html`<button class="secondary" part="more" @click=${onMore} ?disabled=${pages.loadingMore} aria-busy=${pages.loadingMore ? 'true' : 'false'}>
        ${pages.loadingMore ? labels.loadingMore : labels.more}
      </button>`
      : nothing
  }
  ${pages.moreFailed ? html`<span class="more-error" role="alert">${common[lang].error}</span>` : nothing}
</div>`;
