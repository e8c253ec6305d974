/** What a story expects the widget to show once it has settled (parameters.expect). */
export interface Expect {
  state: State;
  /** Documents in the list. */
  items?: number;
  /** Whether the "Xem thêm" button is there. */
  more?: boolean;
}

export type State = 'none' | 'loading' | 'data' | 'loading-more' | 'more-failed' | 'empty' | 'empty-search' | 'error' | 'offline' | 'offline-cached' | 'stale';

export interface Observed {
  state: State;
  items: number;
  more: boolean;
  /** Text of the notice, the empty message or the error under the list, for messages in tests. */
  text: string;
}

/**
 * Which state a <pbgdpl-latest-laws> shows, read from its shadow DOM. Self-contained (no imports,
 * no outer variables) so the Playwright test can run the same function in the page.
 */
export function observe(el: Element): Observed {
  const root = el.shadowRoot;
  const base = root?.querySelector('.base');
  if (!root || !base) return { state: 'none', items: 0, more: false, text: '' };
  const text = (sel: string) => (root.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const items = root.querySelectorAll('ul.list:not([aria-hidden="true"]) > li.item a.abstract').length;
  const moreButton = root.querySelector('.footer button');
  const more = Boolean(moreButton);
  const online = navigator.onLine;
  let state: State;
  if (root.querySelector('ul.list[aria-hidden="true"]')) state = 'loading';
  else if (root.querySelector('.notice.error')) state = online ? 'error' : 'offline';
  else if (root.querySelector('.notice')) state = online ? 'stale' : 'offline-cached';
  else if (root.querySelector('.more-error')) state = 'more-failed';
  else if (moreButton?.getAttribute('aria-busy') === 'true') state = 'loading-more';
  else if (root.querySelector('p.empty')) {
    const input = root.querySelector<HTMLInputElement>('input[type="search"]');
    state = input?.value.trim() ? 'empty-search' : 'empty';
  } else state = items > 0 ? 'data' : 'none';
  return { state, items, more, text: text('.notice') || text('p.empty') || text('.more-error') };
}
