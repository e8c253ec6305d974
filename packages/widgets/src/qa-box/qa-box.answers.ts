import { html, nothing } from 'lit';
import type { Citation } from '@pbgdpl/contract';
import type { WidgetHost } from '../core/base-element.js';
import { common } from '../core/i18n.js';
import { LazyPart } from '../core/lazy-part.js';
import type * as SanitizeModule from '../core/sanitize.js';
import { formatCitation } from './qa-box.citation.js';
import { strings } from './qa-box.i18n.js';

type Sanitize = typeof SanitizeModule;

/** Staff write URLs; only web links become links (never javascript: or data:). */
export const webUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/**
 * Answers wherever the Q&A box shows one (the list, the suggestions, a tracked question): which are
 * open, and each drawn from staff HTML through DOMPurify (loaded the first time one opens), then
 * its citations.
 */
export class Answers {
  private open = new Set<string>();
  private readonly sanitizer: LazyPart<Sanitize>;
  private drawn = new Map<string, { source: string; node: HTMLElement }>();

  constructor(private readonly host: WidgetHost) {
    this.sanitizer = new LazyPart(host, () => import('../core/sanitize.js'));
  }

  isOpen(key: string) {
    return this.open.has(key);
  }

  toggle(key: string) {
    if (!this.open.delete(key)) {
      this.open.add(key);
      this.sanitizer.prefetch();
    }
    this.host.requestUpdate();
  }

  render(key: string, source: string, citations: Citation[]) {
    const lang = this.host.language;
    const c = common[lang];
    const san = this.sanitizer.value;
    let body: unknown = html`<p class="hint">${this.sanitizer.failed ? c.error : c.loading}</p>`;
    if (!san) this.sanitizer.prefetch();
    else {
      let hit = this.drawn.get(key);
      if (!hit || hit.source !== source) {
        const node = document.createElement('div');
        node.className = 'answer-html';
        node.append(san.sanitizeAnswer(source));
        this.drawn.set(key, (hit = { source, node }));
      }
      body = hit.node;
    }
    return html`${body}
      ${
        citations.length
          ? html`<p class="label">${strings[lang].citations}</p>
            <ul class="cites" part="citations">
              ${citations.map((cite) => {
                const { provision, document } = formatCitation(cite, lang);
                const url = webUrl(cite.url);
                return html`<li>${provision}${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${document}<span class="visually-hidden"> ${c.newTab}</span></a>` : document}</li>`;
              })}
            </ul>`
          : nothing
      }`;
  }
}
