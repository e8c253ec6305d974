import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

const DELAY_MS = 350;

/** A list's search box: `query` changes after a pause in typing, or at once on Enter. */
export class Search implements ReactiveController {
  query = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.timer);
  }

  private set(value: string) {
    const query = value.trim();
    if (query === this.query) return;
    this.query = query;
    this.host.requestUpdate();
  }

  private onInput = (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.set(value), DELAY_MS);
  };

  private onSubmit = (e: Event) => {
    e.preventDefault();
    clearTimeout(this.timer);
    this.set(((e.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value);
  };

  render(t: { searchLabel: string; searchPlaceholder: string; searchButton: string }) {
    return html`<form class="search" part="search" role="search" @submit=${this.onSubmit}>
      <label class="visually-hidden" for="q">${t.searchLabel}</label>
      <input id="q" name="q" type="search" autocomplete="off" enterkeyhint="search" placeholder=${t.searchPlaceholder} @input=${this.onInput} />
      <button type="submit">${t.searchButton}</button>
    </form>`;
  }
}
