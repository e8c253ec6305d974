import { LitElement, html, type ReactiveControllerHost } from 'lit';
import { property } from 'lit/decorators.js';
import type { PbgdplEvents } from './events.js';
import { resolveLang, type Lang } from './lang.js';

/**
 * What a widget's controllers (and the parts it loads later) may read from their element: its
 * settings and its shadow root. Every PBGDPL element is one.
 */
export interface WidgetHost extends ReactiveControllerHost, HTMLElement {
  readonly api: string;
  readonly site: string;
  readonly language: Lang;
  /** Level of the widget's title; titles inside it are one level below. */
  readonly level: number;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * What every PBGDPL widget accepts. The loader fills `api` and `site`;
 * a page without the loader sets them itself.
 *
 * The custom properties inherit like `color` does: set them on the widget, a wrapper or `:root`.
 * A value you set wins in both themes; "Dark theme" gives the default of `theme="dark"`.
 *
 * @cssprop [--pbgdpl-font=inherit] - Font family; the host page's by default.
 * @cssprop [--pbgdpl-accent=#0b57d0] - Links, buttons and the focus ring. Dark theme: #7cb4ff.
 * @cssprop [--pbgdpl-on-accent=#ffffff] - Text on accent-coloured buttons. Dark theme: #0d1117.
 * @cssprop [--pbgdpl-radius=6px] - Corners.
 * @cssprop [--pbgdpl-surface=#ffffff] - Background. Dark theme: #161b22.
 * @cssprop [--pbgdpl-text=#1f2328] - Text. Dark theme: #e6edf3.
 * @cssprop [--pbgdpl-muted=#57606a] - Secondary text (issuer, date). Dark theme: #9ea7b3.
 * @cssprop [--pbgdpl-border=#d0d7de] - Borders and separators. Dark theme: #3d444d.
 * @cssprop [--pbgdpl-focus=var(--pbgdpl-accent)] - Keyboard focus ring.
 */
export class PbgdplElement extends LitElement implements WidgetHost {
  /**
   * The language: `vi` (Vietnamese, the default) or `en`.
   * @type {'' | 'vi' | 'en'}
   */
  @property({ reflect: true }) override lang = '';
  /** `light`, `dark`, or `auto` to follow the reader's system setting. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /**
   * Origin (or base URL) of the provincial API. The loader sets it; without the loader, set it
   * yourself (empty: this page's origin).
   */
  @property() api = '';
  /**
   * The site key the province registered for this website. The loader sets it from its `data-site`;
   * without the loader, set it yourself.
   * @type {Code}
   */
  @property() site = '';
  /**
   * The title above the widget; empty: the widget's own ("Văn bản pháp luật mới" for latest-laws,
   * "Hỏi đáp pháp luật" for qa-box; for feedback-form one for each kind, "Góp ý, phản hồi" for a page).
   */
  @property() heading = '';
  /**
   * The title's level for screen readers (1–6); titles inside the widget are one level below (`3`
   * under your own `h2`).
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The language the widget speaks: Vietnamese unless `lang` asks for English. */
  get language(): Lang {
    return resolveLang(this.lang);
  }

  /** `heading-level` within 1–6. */
  get level(): number {
    return Math.min(6, Math.max(1, this.headingLevel || 2));
  }

  /** The title, `heading` or the widget's own. */
  protected renderHeading(own: string) {
    return html`<div class="heading" part="heading" id="heading" role="heading" aria-level=${this.level}>${this.heading || own}</div>`;
  }

  protected emit<K extends keyof PbgdplEvents>(name: K, detail: PbgdplEvents[K]) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
