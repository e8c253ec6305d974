import { LitElement } from 'lit';
import { onLangChange } from '../i18n.js';
import { sharedStyles } from './styles.js';

/**
 * The base of every console element: the shared styles, and a re-render when the language changes.
 * Screens also receive `params` and `query` from the route (see screens.ts).
 */
export class ConsoleElement extends LitElement {
  static override styles = [sharedStyles];

  private stopListening?: () => void;

  override connectedCallback() {
    super.connectedCallback();
    this.stopListening = onLangChange(() => this.requestUpdate());
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopListening?.();
  }
}

/** A screen: an element the shell shows for a route. */
export class ScreenElement extends ConsoleElement {
  static override properties = { params: { attribute: false }, query: { attribute: false } };
  params: Record<string, string> = {};
  query: URLSearchParams = new URLSearchParams();
}
