import type { AdminFeedback } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { consentPurposeLabel, feedbackKindLabel, feedbackStatusLabel } from '../../labels.js';
import { announce } from '../../ui/announce.js';
import { ConsoleElement } from '../../ui/console-element.js';

const m = messages({
  vi: {
    rating: (n: number) => `${n}/5 sao`,
    received: 'Nhận lúc',
    contact: 'Liên hệ',
    noContact: 'Không để lại',
    overLimit: 'Liên hệ này được dùng nhiều lần hơn giới hạn: kiểm tra trước khi liên lạc',
    page: 'Trang gửi',
    document: 'Văn bản',
    consent: 'Đồng ý',
    reply: 'Trả lời',
    replyLabel: 'Nội dung trả lời',
    replyHint: 'Ghi lại câu trả lời đã gửi cho người góp ý (tối đa 5000 ký tự).',
    send: 'Ghi nhận trả lời',
    repliedBy: (who: string, at: string) => `${who} trả lời lúc ${at}`,
    empty: 'Hãy viết nội dung trả lời.',
    saved: 'Đã ghi nhận trả lời.',
    failed: 'Không ghi nhận được trả lời. Thử lại.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
  },
  en: {
    rating: (n: number) => `${n}/5 stars`,
    received: 'Received',
    contact: 'Contact',
    noContact: 'None given',
    overLimit: 'This contact was given more often than the limit allows: check before writing to it',
    page: 'Sent from',
    document: 'Document',
    consent: 'Consent',
    reply: 'Reply',
    replyLabel: 'Reply',
    replyHint: 'Record the reply given to the citizen (at most 5000 characters).',
    send: 'Record the reply',
    repliedBy: (who: string, at: string) => `${who} replied at ${at}`,
    empty: 'Write the reply first.',
    saved: 'The reply is recorded.',
    failed: 'The reply could not be recorded. Try again.',
    offline: 'The network is down. Check it and try again.',
  },
});

/**
 * One citizen's feedback, and the reply to it. Everything the citizen wrote is shown as text:
 * Lit escapes it, and the page URL they sent is not made a link.
 *
 * @fires pa-replied - the reply was recorded; detail: the feedback as the API returned it
 */
@customElement('pa-feedback-item')
export class PaFeedbackItem extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      article {
        margin-bottom: 12px;
      }
      h3 {
        font-size: 1em;
        margin: 0 0 8px;
      }
      .message {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 8px 0;
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 4px 12px;
        margin: 0 0 8px;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .reply {
        border-left: 4px solid var(--pa-ok-ink);
        padding-left: 12px;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) item!: AdminFeedback;
  @property() siteName = '';
  @state() private error = '';
  @state() private sending = false;

  private async reply(e: SubmitEvent) {
    e.preventDefault();
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')!;
    if (!box.value.trim()) {
      this.error = t(m).empty;
      box.focus();
      return;
    }
    this.sending = true;
    try {
      const updated = await api<AdminFeedback>('POST', `/api/v1/admin/feedback/${encodeURIComponent(this.item.id)}/reply`, { json: { reply: box.value } });
      this.item = updated;
      this.error = '';
      announce(t(m).saved);
      this.dispatchEvent(new CustomEvent('pa-replied', { detail: updated, bubbles: true, composed: true }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.reply')?.focus();
    } catch (error) {
      this.error = error instanceof NetworkError ? t(m).offline : error instanceof ApiError && error.status === 400 ? t(m).empty : t(m).failed;
      box.focus();
    } finally {
      this.sending = false;
    }
  }

  override render() {
    const text = t(m);
    const f = this.item;
    const id = `fb-${f.id}`;
    return html`<article class="panel" aria-labelledby="${id}-title">
      <h3 id="${id}-title">
        ${feedbackKindLabel(f.kind)} · ${this.siteName || f.site} · ${text.rating(f.rating)}
        <span class="badge ${f.status === 'replied' ? 'ok' : 'warn'}">${feedbackStatusLabel(f.status)}</span>
      </h3>
      <p class="message">${f.message}</p>
      <dl>
        <dt>${text.received}</dt>
        <dd>${formatDateTime(f.createdAt)}</dd>
        <dt>${text.contact}</dt>
        <dd>
          ${f.contact ?? text.noContact} ${f.contactOverLimit ? html`<span class="badge danger">${text.overLimit}</span>` : nothing}
        </dd>
        ${f.document ? html`<dt>${text.document}</dt><dd>${f.document}</dd>` : nothing}
        ${f.pageUrl ? html`<dt>${text.page}</dt><dd>${f.pageUrl}</dd>` : nothing}
        <dt>${text.consent}</dt>
        <dd>${f.consent.purposes.map(consentPurposeLabel).join(', ')}</dd>
      </dl>
      ${
        f.reply
          ? html`<p class="reply" tabindex="-1">${f.reply}</p>
            <p class="muted">${text.repliedBy(f.repliedBy ?? '', formatDateTime(f.repliedAt))}</p>`
          : html`<form @submit=${this.reply}>
            <div class="field">
              <label for="${id}-reply">${text.replyLabel}</label>
              <textarea
                id="${id}-reply"
                rows="3"
                maxlength="5000"
                aria-describedby="${id}-hint${this.error ? ` ${id}-error` : ''}"
                aria-invalid=${this.error ? 'true' : 'false'}
              ></textarea>
              <span class="hint" id="${id}-hint">${text.replyHint}</span>
              ${this.error ? html`<span class="error" id="${id}-error">${this.error}</span>` : nothing}
            </div>
            <button class="primary" type="submit" ?disabled=${this.sending}>${text.send}</button>
          </form>`
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-feedback-item': PaFeedbackItem;
  }
}
