import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { resolveLang, type Lang } from './lang.js';

/**
 * What every PBGDPL widget accepts. The loader fills `api` and `site`;
 * a page without the loader sets them itself.
 */
export class PbgdplElement extends LitElement {
  /** vi (default) or en. */
  @property({ reflect: true }) override lang = '';
  /** light (default), dark, or auto (follows the reader's system setting). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Origin (or base URL) of the provincial API; empty means this page's origin. */
  @property() api = '';
  /** Site key the province registered for this website. */
  @property() site = '';

  protected get language(): Lang {
    return resolveLang(this.lang);
  }

  protected emit<T>(name: `pbgdpl-${string}`, detail: T) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
