import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HttpError } from './fetch-json.js';
import { outbox, type OutboxEntry } from './outbox.js';
import { postJson } from './post-json.js';
import type { Proof } from './proof.js';

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export type SendState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; body: unknown; entry: OutboxEntry }
  /** Kept in the page's storage; goes out by itself when the network is back. */
  | { kind: 'queued'; entry: OutboxEntry }
  | { kind: 'invalid'; errors: FieldError[]; detail: string }
  | { kind: 'rate-limited'; retryAfter: number }
  /** `status` 403: this page's origin may not send to the API (answered 403, or refused by CORS). */
  | { kind: 'failed'; detail: string; status?: number };

const MAX_BACKOFF_S = 300;
/** Entries some widget on this page is sending now: two widgets of a kind must not both send one. */
const inFlight = new Set<string>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a form exactly once, whatever the network does: the entry (with its Idempotency-Key) is
 * stored before the first attempt, retried with backoff and whenever the browser comes back
 * online, and removed only when the server has answered. A new proof of work goes with every
 * attempt; the key stays the same, so the server stores one row.
 */
export class Sender implements ReactiveController {
  state: SendState = { kind: 'idle' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempts = new Map<string, number>();
  private busy = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly kind: string,
    private readonly proof: () => Promise<Proof>,
    private readonly onSent: (body: unknown, entry: OutboxEntry) => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    addEventListener('online', this.flushSoon);
    // Something left from an earlier visit or a dropped connection: send it now.
    if (outbox.list(this.kind).length) {
      this.state = { kind: 'queued', entry: outbox.list(this.kind)[0]! };
      queueMicrotask(this.flushSoon);
    }
  }

  hostDisconnected() {
    removeEventListener('online', this.flushSoon);
    clearTimeout(this.timer);
  }

  get pending() {
    return outbox.list(this.kind);
  }

  async send(url: string, body: Record<string, unknown>) {
    const entry: OutboxEntry = { id: crypto.randomUUID(), kind: this.kind, url, body, createdAt: Date.now() };
    outbox.put(entry);
    await this.attempt(entry);
  }

  /** For listeners and timers: each entry's own failure is handled in `attempt`. */
  private readonly flushSoon = () => void this.flush();

  /** Sends every waiting entry of this kind, oldest first. */
  flush = async () => {
    if (this.busy) return;
    clearTimeout(this.timer);
    for (const entry of outbox.list(this.kind).sort((a, b) => a.createdAt - b.createdAt)) {
      if (!(await this.attempt(entry))) break;
    }
  };

  private set(state: SendState) {
    this.state = state;
    this.host.requestUpdate();
  }

  /** One entry, to an answer; false when it is waiting for the network. */
  private async attempt(entry: OutboxEntry, tries = 0): Promise<boolean> {
    if (tries === 0 && inFlight.has(entry.id)) return true;
    inFlight.add(entry.id);
    this.busy = true;
    this.set({ kind: 'sending' });
    let proof: Proof | undefined;
    let posted = false;
    try {
      proof = await this.proof();
      const payload = await proof.payload();
      posted = true;
      const { body } = await postJson(entry.url, { ...entry.body, altcha: payload }, entry.id);
      proof.next();
      outbox.remove(entry.id);
      this.attempts.delete(entry.id);
      this.set({ kind: 'sent', body, entry });
      this.onSent(body, entry);
      return true;
    } catch (err) {
      if (!(err instanceof HttpError)) return posted ? this.noAnswer(entry) : this.wait(entry); // or the proof could not load
      const problem = (err.body ?? {}) as { detail?: string; errors?: FieldError[] };
      const codes = (problem.errors ?? []).map((e) => e.code);
      if (err.status === 409 && tries < 5) {
        await sleep(Math.max(1, err.retryAfter) * 1000);
        return this.attempt(entry, tries + 1);
      }
      if (err.status === 400 && tries < 3 && codes.some((c) => c === 'altcha_expired' || c === 'altcha_replayed' || c === 'altcha_wrong')) {
        proof?.next();
        return this.attempt(entry, tries + 1);
      }
      if (err.status === 400 && tries < 3 && codes.includes('too_fast')) {
        await sleep(3000);
        return this.attempt(entry, tries + 1);
      }
      if (err.status >= 500) return this.wait(entry);
      outbox.remove(entry.id);
      if (err.status === 429) this.set({ kind: 'rate-limited', retryAfter: err.retryAfter });
      else if (problem.errors?.length) this.set({ kind: 'invalid', errors: problem.errors, detail: problem.detail ?? '' });
      else this.set({ kind: 'failed', detail: problem.detail ?? '', status: err.status });
      return true;
    } finally {
      this.busy = false;
      if (tries === 0) inFlight.delete(entry.id);
    }
  }

  /**
   * The POST got no answer at all. Usually the network (wait for it); but when the browser is
   * online and, for the second time running, the API answers a GET (reads are open to every
   * origin) while the POST fails, the browser itself refused the POST: CORS, because this page's
   * origin is not registered for the site. Waiting would never help, so that is a failure.
   */
  private async noAnswer(entry: OutboxEntry): Promise<boolean> {
    const refused =
      navigator.onLine &&
      (this.attempts.get(entry.id) ?? 0) >= 1 &&
      (await fetch(entry.url, { credentials: 'omit', cache: 'no-store' }).then(
        () => true,
        () => false,
      ));
    if (!refused) return this.wait(entry);
    outbox.remove(entry.id);
    this.attempts.delete(entry.id);
    this.set({ kind: 'failed', detail: "this page's origin is not registered for this site (CORS)", status: 403 });
    return true;
  }

  private wait(entry: OutboxEntry): false {
    const n = (this.attempts.get(entry.id) ?? 0) + 1;
    this.attempts.set(entry.id, n);
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flushSoon, Math.min(MAX_BACKOFF_S, 2 ** n) * 1000);
    this.set({ kind: 'queued', entry });
    return false;
  }
}
