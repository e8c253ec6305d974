import type { FeedRunItem } from '@pbgdpl/contract';
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { messages, t } from '../../i18n.js';
import { href } from '../../router.js';
import { ConsoleElement } from '../../ui/console-element.js';
import { actionLabel, itemNote } from './feed-words.js';

const m = messages({
  vi: {
    caption: 'Kết quả từng mục của nguồn tin',
    title: 'Tiêu đề mục',
    number: 'Số ký hiệu',
    action: 'Kết quả',
    note: 'Ghi chú',
    open: 'Xem văn bản',
    none: 'Không có mục nào.',
  },
  en: {
    caption: 'What became of each item',
    title: 'Item title',
    number: 'Number',
    action: 'Result',
    note: 'Note',
    open: 'Open the document',
    none: 'No items.',
  },
});

const BADGE: Record<FeedRunItem['action'], string> = { create: 'ok', duplicate: '', refused: 'warn' };

/** The items of a run or a preview: their titles as text (never markup), the number read, what became of each. */
@customElement('pa-feed-items')
export class PaFeedItems extends ConsoleElement {
  @property({ attribute: false }) items: FeedRunItem[] = [];
  /** Items of a "try it": the documents they would create do not exist, so they are not linked. */
  @property({ type: Boolean }) preview = false;

  override render() {
    const text = t(m);
    if (this.items.length === 0) return html`<p class="muted">${text.none}</p>`;
    return html`<div class="table-scroll">
      <table class="list stack">
        <caption class="visually-hidden">${text.caption}</caption>
        <thead>
          <tr><th scope="col">${text.title}</th><th scope="col">${text.number}</th><th scope="col">${text.action}</th><th scope="col">${text.note}</th></tr>
        </thead>
        <tbody>
          ${this.items.map(
            (item) =>
              html`<tr>
                <td>${item.link ? html`<a href=${item.link} rel="noopener noreferrer" target="_blank">${item.title}</a>` : item.title}</td>
                <td>${item.number ?? '—'}</td>
                <td><span class="badge ${BADGE[item.action]}">${actionLabel(item.action)}</span></td>
                <td>${itemNote(item)} ${item.id && !(this.preview && item.action === 'create') ? html`<a href=${href(`laws/${item.id}`)}>${text.open}<span class="visually-hidden"> ${item.number}</span></a>` : nothing}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-feed-items': PaFeedItems;
  }
}
