import type { Law } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api, upload } from '../../api.js';
import { formatDateTime, formatNumber } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { announce } from '../../ui/announce.js';
import { ConsoleElement } from '../../ui/console-element.js';

const m = messages({
  vi: {
    heading: 'Tệp đính kèm',
    none: 'Chưa có tệp đính kèm.',
    choose: 'Chọn tệp PDF hoặc DOCX',
    hint: 'Toàn văn đã ký, phụ lục… Tệp được kiểm tra theo nội dung, không theo tên.',
    send: 'Tải lên',
    sending: 'Đang tải lên',
    remove: (name: string) => `Xoá tệp ${name}`,
    added: (name: string) => `Đã đính kèm tệp ${name}`,
    removed: (name: string) => `Đã xoá tệp ${name}`,
    notFile: 'Tệp không phải PDF hoặc DOCX (xét theo nội dung). Chỉ nhận hai loại tệp này.',
    tooLarge: 'Tệp quá lớn so với giới hạn cho phép.',
    offline: 'Mất kết nối mạng: tệp chưa được tải lên.',
    failed: 'Không tải được tệp lên.',
    size: (kb: string) => `${kb} KB`,
  },
  en: {
    heading: 'Attachments',
    none: 'No attachments yet.',
    choose: 'Choose a PDF or DOCX file',
    hint: 'The signed full text, an appendix… Files are checked by content, not by name.',
    send: 'Upload',
    sending: 'Uploading',
    remove: (name: string) => `Remove ${name}`,
    added: (name: string) => `Attached ${name}`,
    removed: (name: string) => `Removed ${name}`,
    notFile: 'The file is not a PDF or DOCX (by its content); only those are accepted.',
    tooLarge: 'The file is larger than allowed.',
    offline: 'The network is down: the file was not uploaded.',
    failed: 'The file could not be uploaded.',
    size: (kb: string) => `${kb} KB`,
  },
});

/**
 * A document's files: upload with progress, download, remove.
 *
 * @fires pa-law-changed - detail: the document as the API answers after the change
 */
@customElement('pa-law-attachments')
export class PaLawAttachments extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      ul {
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
        padding: 4px 0;
      }
      progress {
        width: 100%;
        max-width: 24em;
        height: 1em;
      }
    `,
  ];

  @property({ attribute: false }) law!: Law;
  @state() private progress: number | null = null;
  @state() private error: string | null = null;

  private changed(law: Law) {
    this.dispatchEvent(new CustomEvent('pa-law-changed', { detail: law, bubbles: true, composed: true }));
  }

  private async send() {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#attach-file')!;
    const file = input.files?.[0];
    if (!file) return input.focus();
    this.error = null;
    this.progress = 0;
    const form = new FormData();
    form.append('file', file);
    try {
      const law = await upload<Law>('POST', `/api/v1/admin/laws/${encodeURIComponent(this.law.id)}/attachments`, form, (share) => (this.progress = share));
      input.value = '';
      this.changed(law);
      announce(t(m).added(file.name));
    } catch (error) {
      const text = t(m);
      this.error =
        error instanceof NetworkError
          ? text.offline
          : error instanceof ApiError && error.status === 415
            ? text.notFile
            : error instanceof ApiError && error.status === 413
              ? text.tooLarge
              : text.failed;
      announce(this.error, 'alert');
    } finally {
      this.progress = null;
    }
  }

  private async removeFile(id: string, name: string) {
    try {
      const law = await api<Law>('DELETE', `/api/v1/admin/laws/${encodeURIComponent(this.law.id)}/attachments/${encodeURIComponent(id)}`);
      this.changed(law);
      announce(t(m).removed(name));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#attach-file')?.focus();
    } catch (error) {
      this.error = error instanceof NetworkError ? t(m).offline : t(m).failed;
      announce(this.error, 'alert');
    }
  }

  override render() {
    const text = t(m);
    const files = this.law.attachments;
    return html`<section class="panel" aria-labelledby="attach-h">
      <h2 id="attach-h">${text.heading}</h2>
      ${
        files.length
          ? html`<ul>
            ${files.map(
              (f) =>
                html`<li>
                  <a href=${f.url} download=${f.name}>${f.name}</a>
                  <span class="muted">${text.size(formatNumber(Math.ceil(f.size / 1024)))} · ${formatDateTime(f.addedAt)}</span>
                  <button type="button" class="danger" aria-label=${text.remove(f.name)} @click=${() => this.removeFile(f.id, f.name)}>✕</button>
                </li>`,
            )}
          </ul>`
          : html`<p class="muted">${text.none}</p>`
      }
      <div class="field">
        <label for="attach-file">${text.choose}</label>
        <input
          id="attach-file"
          type="file"
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-describedby="attach-hint"
        />
        <span class="hint" id="attach-hint">${text.hint}</span>
      </div>
      <button type="button" ?disabled=${this.progress !== null} @click=${this.send}>${text.send}</button>
      ${this.progress !== null ? html`<label class="field">${text.sending}<progress max="1" .value=${this.progress}></progress></label>` : nothing}
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-law-attachments': PaLawAttachments;
  }
}
