/**
 * Runs `task` once the page is idle (at the latest after `timeout` ms), to fetch ahead what a
 * citizen may need offline. Not at all when the reader asked the browser to save data. Returns a
 * function that cancels it.
 */
export function whenIdle(task: () => void, timeout = 4000): () => void {
  if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) return () => {};
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(id);
  }
  // Safari has no requestIdleCallback: after the page's own start-up work, roughly.
  const t = setTimeout(task, 1500);
  return () => clearTimeout(t);
}
