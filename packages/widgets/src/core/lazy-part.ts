import { adoptStyles, html, supportsAdoptingStyleSheets, type CSSResult, type LitElement, type ReactiveController } from 'lit';
import type { WidgetHost } from './base-element.js';
import { common } from './i18n.js';
import { whenIdle } from './idle.js';

/**
 * A part of a widget whose code comes later (a form the citizen opens), so the first chunk stays
 * small: `get()` loads it once, `value` is it once loaded. With `ahead`, it is fetched as soon as
 * the page is idle, so the form opens offline too. A load that failed is tried again when the
 * network comes back, on the next `get()`, or by the "Thử lại" of `placeholder()`.
 *
 * The part itself is a ReactiveController on the element (a WidgetHost), given what it shares
 * with the element, and it brings its own styles:
 *
 *     // in the element
 *     private readonly form = new LazyPart(this, () => import('./x.form.js').then((m) => new m.XForm(this, { sender: this.sender })), true);
 *     render() { return this.form.value?.render() ?? this.form.placeholder(); }
 *     // x.form.ts
 *     constructor(private readonly host: WidgetHost, private readonly shared: XShared) {
 *       host.addController(this);
 *       adoptPartStyles(host, formStyles);
 *     }
 */
export class LazyPart<T> implements ReactiveController {
  value: T | undefined;
  failed = false;
  private loading: Promise<T> | undefined;
  private cancelIdle = () => {};

  constructor(
    private readonly host: WidgetHost,
    private readonly load: () => Promise<T>,
    private readonly ahead = false,
  ) {
    host.addController(this);
  }

  hostConnected() {
    addEventListener('online', this.onOnline);
    if (this.ahead && !this.value) this.cancelIdle = whenIdle(this.prefetch);
  }

  hostDisconnected() {
    removeEventListener('online', this.onOnline);
    this.cancelIdle();
  }

  private onOnline = () => {
    if (this.failed) this.prefetch();
  };

  /** Starts loading; a failure shows in `failed`. */
  prefetch = () => void this.get().catch(() => {});

  get(): Promise<T> {
    if (!this.loading) {
      this.failed = false;
      this.loading = this.load().then(
        (value) => {
          this.value = value;
          this.host.requestUpdate();
          return value;
        },
        (err: unknown) => {
          this.loading = undefined;
          this.failed = true;
          this.host.requestUpdate();
          throw err;
        },
      );
    }
    return this.loading;
  }

  /** What to show where the part goes until it is there: "Đang tải…", or why not and "Thử lại". */
  placeholder() {
    const c = common[this.host.language];
    if (!this.failed) return html`<p class="hint" role="status">${c.loading}</p>`;
    return html`<div class="notice error" part="notice" role="alert">
      <span>${navigator.onLine ? c.error : c.partOffline}</span>
      <button type="button" class="secondary" @click=${this.prefetch}>${c.retry}</button>
    </div>`;
  }
}

const added = new WeakMap<ShadowRoot, CSSResult[]>();

/** A lazily loaded part's styles, added once to its element's shadow root after the element's own. */
export function adoptPartStyles(host: WidgetHost, styles: CSSResult) {
  const root = host.renderRoot;
  if (!(root instanceof ShadowRoot)) return;
  const list = added.get(root) ?? [];
  if (list.includes(styles)) return;
  added.set(root, [...list, styles]);
  // Without adoptedStyleSheets, Lit appends <style> elements: then only the new one.
  adoptStyles(root, supportsAdoptingStyleSheets ? [...(host.constructor as typeof LitElement).elementStyles, ...list, styles] : [styles]);
}
