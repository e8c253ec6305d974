import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Shape } from '@pbgdpl/contract/shapes';
import { checked, fetchJson } from './fetch-json.js';
import { Resource } from './resource.js';

interface Page<I> {
  items: I[];
  nextCursor: string | null;
}

/**
 * A list read a page at a time: the first page through a Resource (the stored copy first, offline
 * and stale notices, retry), later pages by "Xem thêm". The first page loads again whenever its
 * URL changes — a filter, a search, the language.
 */
export class PagedList<I> implements ReactiveController {
  readonly first: Resource<Page<I>>;
  more: I[] = [];
  nextCursor: string | null = null;
  loadingMore = false;
  moreFailed = false;
  private url = '';
  private moreAbort: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly shape: Shape,
    /** The URL of the page after `cursor` (the first page without one), from the host's state. */
    private readonly urlFor: (cursor?: string) => string,
    /** After every load of the first page, however it started (a retry, the network coming back). */
    private readonly onFirstPage: () => void,
  ) {
    host.addController(this);
    this.first = new Resource(
      host,
      (body) => checked<Page<I>>(shape, body),
      () => this.firstPageSettled(),
    );
  }

  get items(): I[] {
    return [...(this.first.data?.items ?? []), ...this.more];
  }

  /** Call from the host's willUpdate: loads the first page when what it asks for changed. */
  sync() {
    const url = this.urlFor();
    if (url === this.url) return;
    this.url = url;
    this.moreAbort?.abort();
    this.more = [];
    this.nextCursor = null;
    this.loadingMore = false;
    this.moreFailed = false;
    void this.first.load(url);
  }

  hostDisconnected() {
    this.moreAbort?.abort();
    this.url = ''; // reconnecting loads again
  }

  private firstPageSettled() {
    const { status, data, notice } = this.first;
    // A fresh page says where the next one starts; a stored copy only until a fresh one comes.
    if (data) this.nextCursor = status === 'ready' && !notice ? data.nextCursor : (this.nextCursor ?? data.nextCursor);
    this.onFirstPage();
  }

  /** Appends the next page; false when there was none or it failed (then `moreFailed` says so). */
  async loadMore(): Promise<boolean> {
    if (!this.nextCursor || this.loadingMore) return false;
    const ac = (this.moreAbort = new AbortController());
    this.loadingMore = true;
    this.moreFailed = false;
    this.host.requestUpdate();
    try {
      const page = checked<Page<I>>(this.shape, await fetchJson(this.urlFor(this.nextCursor), ac.signal));
      if (ac.signal.aborted) return false;
      this.more = [...this.more, ...page.items];
      this.nextCursor = page.nextCursor;
      return true;
    } catch {
      if (!ac.signal.aborted) this.moreFailed = true;
      return false;
    } finally {
      if (!ac.signal.aborted) {
        this.loadingMore = false;
        this.host.requestUpdate();
      }
    }
  }
}
