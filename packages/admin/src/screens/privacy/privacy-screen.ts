import type { PrivacySubject } from '@pbgdpl/contract';
import { isContact } from '@pbgdpl/contract/rules';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatNumber } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import './privacy-held.js';
import './purge-runs.js';

const m = messages({
  vi: {
    title: 'Dữ liệu cá nhân',
    intro:
      'Giải quyết yêu cầu của chủ thể dữ liệu theo Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 và Nghị định 356/2025/NĐ-CP: tìm dữ liệu đang lưu giữ, cung cấp bản sao, rút lại sự đồng ý, xoá dữ liệu.',
    contact: 'Thư điện tử hoặc số điện thoại người yêu cầu đã cung cấp',
    contactHint: 'Viết thế nào cũng được: chữ hoa, dấu cách, +84 hay 0 đều tìm ra.',
    find: 'Tìm',
    finding: 'Đang tìm…',
    invalid: 'Nhập một địa chỉ thư điện tử hoặc số điện thoại Việt Nam.',
    found: (q: number, f: number) => `Tìm thấy ${formatNumber(q)} câu hỏi và ${formatNumber(f)} góp ý.`,
    failed: 'Không tìm được. Thử lại.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
  },
  en: {
    title: 'Personal data',
    intro:
      "Data subjects' requests under the Personal Data Protection Law 91/2025/QH15 and Decree 356/2025/NĐ-CP: find what is held, give a copy, withdraw a consent, erase.",
    contact: 'The e-mail address or phone number the person gave',
    contactHint: 'Any way of writing it: capitals, spaces, +84 or 0 all find it.',
    find: 'Find',
    finding: 'Finding…',
    invalid: 'Enter an e-mail address or a Vietnamese phone number.',
    found: (q: number, f: number) => `Found ${formatNumber(q)} questions and ${formatNumber(f)} feedback.`,
    failed: 'The search failed. Try again.',
    offline: 'The network is down. Check it and try again.',
  },
});

/**
 * Privacy requests (administrators): find by the person's contact, then what is held with its
 * actions, and the retention purge. The contact stays in the screen's state, not in the route's
 * query, so it is kept out of the browser's history.
 */
@customElement('pa-privacy')
export class PaPrivacy extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      form .field {
        flex: 1 1 20em;
      }
    `,
  ];
  @state() private contact = '';
  @state() private searched = '';
  @state() private held: PrivacySubject | null = null;
  @state() private busy = false;
  @state() private error: string | null = null;

  private async find(e: Event) {
    e.preventDefault();
    const contact = this.contact.trim();
    const text = t(m);
    if (!isContact(contact)) {
      this.error = text.invalid;
      announce(text.invalid, 'alert');
      this.renderRoot.querySelector<HTMLInputElement>('#contact')?.focus();
      return;
    }
    this.error = null;
    this.busy = true;
    try {
      this.held = await api<PrivacySubject>('GET', '/api/v1/admin/privacy/subjects', { query: { contact } });
      this.searched = contact;
      announce(text.found(this.held.questions.length, this.held.feedback.length));
      await this.updateComplete;
      this.renderRoot.querySelector('pa-privacy-held')?.renderRoot.querySelector<HTMLElement>('#held-h')?.focus();
    } catch (error) {
      if (!(error instanceof ApiError || error instanceof NetworkError)) throw error;
      this.error = error instanceof NetworkError ? text.offline : error.status === 400 ? text.invalid : text.failed;
      announce(this.error, 'alert');
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const text = t(m);
    return html`<h1>${text.title}</h1>
      <p>${text.intro}</p>
      <form class="panel" role="search" @submit=${this.find} novalidate>
        <div class="toolbar">
          <div class="field">
            <label for="contact">${text.contact}</label>
            <input
              id="contact"
              name="contact"
              type="text"
              autocomplete="off"
              spellcheck="false"
              maxlength="254"
              aria-describedby="contact-hint ${this.error ? 'contact-error' : ''}"
              aria-invalid=${this.error ? 'true' : 'false'}
              .value=${this.contact}
              @input=${(e: Event) => (this.contact = (e.target as HTMLInputElement).value)}
            />
            <span id="contact-hint" class="hint">${text.contactHint}</span>
            ${this.error ? html`<span id="contact-error" class="error">${this.error}</span>` : nothing}
          </div>
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? text.finding : text.find}</button>
        </div>
      </form>
      ${this.held ? html`<pa-privacy-held .contact=${this.searched} .held=${this.held}></pa-privacy-held>` : nothing}
      <pa-purge-runs></pa-purge-runs>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-privacy': PaPrivacy;
  }
}
