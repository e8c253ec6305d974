import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readCache, writeCache } from './cache.js';
import { HttpError, fetchJson, takeArrived } from './fetch-json.js';

export type Status = 'loading' | 'ready' | 'error' | 'offline';

/**
 * One GET resource of a widget, rendered from the last good copy first and revalidated behind.
 * A newer load() aborts the older one, so a slow stale reply never overwrites a fresh one.
 */
export class Resource<T> implements ReactiveController {
  status: Status = 'loading';
  data: T | undefined;
  /** When the data on screen came from storage: the time it was saved. */
  savedAt: number | undefined;
  /** Shown over cached data when the refresh failed. */
  notice: 'offline' | 'stale' | null = null;
  private url: string | undefined;
  private inflight: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly check: (body: unknown) => T,
    /** Called after every load, however it was started (a retry, the network coming back). */
    private readonly settled?: () => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    addEventListener('online', this.onOnline);
  }

  hostDisconnected() {
    removeEventListener('online', this.onOnline);
    this.inflight?.abort();
  }

  private onOnline = () => {
    if (this.url && (this.status === 'offline' || this.notice)) void this.load(this.url);
  };

  retry() {
    if (this.url) void this.load(this.url);
  }

  private accept(url: string, data: T) {
    writeCache(url, data);
    this.data = data;
    this.savedAt = undefined;
    this.status = 'ready';
    this.host.requestUpdate();
    this.settled?.();
  }

  async load(url: string): Promise<void> {
    this.inflight?.abort();
    const inflight = (this.inflight = new AbortController());
    if (url !== this.url || !this.data) {
      const cached = readCache<T>(url);
      this.data = cached?.data;
      this.savedAt = cached?.savedAt;
      this.status = cached ? 'ready' : 'loading';
    }
    this.url = url;
    this.notice = null;
    // The loader's request already came back: draw it in this very render, no skeleton, no fetch.
    const arrived = takeArrived(url);
    if (arrived !== undefined) {
      try {
        this.accept(url, this.check(arrived));
        return;
      } catch {
        // Not the contract's shape: fall through to a normal request and its error handling.
      }
    }
    this.host.requestUpdate();
    try {
      const data = this.check(await fetchJson(url, inflight.signal));
      if (inflight.signal.aborted) return;
      this.accept(url, data);
      return;
    } catch (err) {
      if (inflight.signal.aborted) return;
      // A 4xx means the page asked for something wrong (an unknown field code, say): tell the webmaster.
      if (err instanceof HttpError && err.status < 500) console.warn('[PBGDPL]', url, (err.body as { detail?: string } | null)?.detail ?? err.message);
      const offline = !navigator.onLine;
      if (this.data) this.notice = offline ? 'offline' : 'stale';
      else this.status = offline ? 'offline' : 'error';
    }
    this.host.requestUpdate();
    this.settled?.();
  }
}
