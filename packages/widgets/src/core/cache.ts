/** Last good response per URL in localStorage, so a repeat visit renders at once and offline still shows something. */
const PREFIX = 'pbgdpl:v1:';
const MAX_ENTRIES = 24;

export interface Cached<T> {
  savedAt: number;
  data: T;
}

export function readCache<T>(url: string): Cached<T> | null {
  try {
    const raw = localStorage.getItem(PREFIX + url);
    return raw ? (JSON.parse(raw) as Cached<T>) : null;
  } catch {
    return null;
  }
}

export function writeCache(url: string, data: unknown): void {
  try {
    localStorage.setItem(PREFIX + url, JSON.stringify({ savedAt: Date.now(), data }));
    prune();
  } catch {
    // Storage full or disabled (private mode): the widget works without it.
  }
}

function prune() {
  const ours: [string, number][] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith(PREFIX)) ours.push([key, readCache(key.slice(PREFIX.length))?.savedAt ?? 0]);
  }
  ours.sort((a, b) => b[1] - a[1]);
  for (const [key] of ours.slice(MAX_ENTRIES)) localStorage.removeItem(key);
}
