/** What a <pbgdpl-qa-box> story expects the widget to show once it has settled (parameters.expect). */
export interface QaExpect {
  /** What the citizen is looking at: the list's state, or the open form's. */
  state: QaState;
  /** The list's own state underneath (loading, data, empty, …). */
  list?: QaListState;
  /** Questions in the list. */
  items?: number;
  /** Whether "Xem thêm" is there. */
  more?: boolean;
  /** Tracking codes offered under "Tra cứu câu hỏi" (those remembered on this device). */
  remembered?: number;
}

export type QaListState = 'none' | 'loading' | 'data' | 'empty' | 'empty-search' | 'error' | 'offline' | 'offline-cached' | 'stale';

export type QaState =
  | QaListState
  /** A question in the list is open, its answer shown. */
  | 'expanded'
  /** The ask form, with nothing sent and no errors. */
  | 'ask'
  /** "Có thể bạn quan tâm" under the question being written. */
  | 'suggestions'
  /** The error summary. */
  | 'invalid'
  | 'sending'
  | 'sent'
  | 'queued'
  | 'rate-limited'
  /** A question looked up by its code. */
  | 'tracked'
  /** "Tra cứu câu hỏi" open, nothing looked up yet. */
  | 'track';

export interface QaObserved {
  state: QaState;
  list: QaListState;
  items: number;
  more: boolean;
  remembered: number;
  /** The receipt's tracking code, a notice, the empty message or the error, for messages in tests. */
  text: string;
}

/**
 * Which state a <pbgdpl-qa-box> shows, read from its shadow DOM. Self-contained (no imports, no
 * outer variables) so the Playwright test can run the same function in the page.
 */
export function observeQaBox(el: Element): QaObserved {
  const root = el.shadowRoot;
  const base = root?.querySelector('.base');
  if (!root || !base) return { state: 'none', list: 'none', items: 0, more: false, remembered: 0, text: '' };
  const text = (sel: string) => (root.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const shown = (sel: string) => {
    const node = root.querySelector(sel);
    return Boolean(node && (node as HTMLElement).offsetParent !== null);
  };
  const items = root.querySelectorAll('ul.list:not([aria-hidden="true"]) > li.item button.q').length;
  const more = Boolean(root.querySelector('.footer button'));
  const online = navigator.onLine;
  let list: QaListState;
  if (root.querySelector('ul.list[aria-hidden="true"]')) list = 'loading';
  else if (root.querySelector('.base > .notice.error')) list = online ? 'error' : 'offline';
  else if (root.querySelector('.base > .notice')) list = online ? 'stale' : 'offline-cached';
  else if (root.querySelector('p.empty')) list = root.querySelector<HTMLInputElement>('input[type="search"]')?.value.trim() ? 'empty-search' : 'empty';
  else list = items > 0 ? 'data' : 'none';

  const status = text('.form-status');
  const submit = root.querySelector('form.ask button[type="submit"]');
  let state: QaState = list;
  if (shown('.receipt')) state = 'sent';
  else if (shown('form.ask')) {
    if (submit?.getAttribute('aria-busy') === 'true') state = 'sending';
    else if (/Chưa có mạng|No network/.test(status)) state = 'queued';
    else if (/thử lại sau|try again in/.test(status)) state = 'rate-limited';
    else if (root.querySelector('.summary')) state = 'invalid';
    else if (root.querySelector('[part="suggestions"]')) state = 'suggestions';
    else state = 'ask';
  } else if (shown('.result')) state = 'tracked';
  else if (root.querySelector('ul.list > li.item .answer:not([hidden]) .answer-html')) state = 'expanded';
  else if (shown('form.track')) state = 'track';
  const remembered = root.querySelectorAll('form.track .codes .saved-code').length;
  const message = text('[part="tracking-code"]') || status || text('.base > .notice') || text('p.empty');
  return { state, list, items, more, remembered, text: message };
}
