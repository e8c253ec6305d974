/** The bits of browser state the story mocks set and put back. */

/** Removes every widget key (stored lists, the outbox) from localStorage. */
export function clearWidgetStorage(prefix = 'pbgdpl:') {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key?.startsWith(prefix)) localStorage.removeItem(key);
  }
}

/** navigator.onLine as the story wants it; `true` restores the browser's own. */
export function setOnline(online: boolean) {
  if (online) delete (navigator as { onLine?: boolean }).onLine;
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
}
