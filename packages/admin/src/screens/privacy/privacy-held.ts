import type { ConsentPurpose, ErasureResult, HeldConsent, PrivacySubject, WithdrawalEffects, WithdrawalResult } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api, apiUrl } from '../../api.js';
import { formatDateTime, formatNumber } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { href } from '../../router.js';
import { consentPurposeLabel, feedbackKindLabel, feedbackStatusLabel, questionStatusLabel } from '../../labels.js';
import { announce } from '../../ui/announce.js';
import { ConsoleElement } from '../../ui/console-element.js';
import { mailStateLabel } from './privacy-words.js';

const m = messages({
  vi: {
    held: 'Dữ liệu đang lưu giữ',
    nothing: 'Không có dữ liệu nào gắn với liên hệ này. Kiểm tra lại địa chỉ thư điện tử hoặc số điện thoại người yêu cầu đã cung cấp.',
    summary: (q: number, f: number) => `${formatNumber(q)} câu hỏi, ${formatNumber(f)} góp ý`,
    questions: 'Câu hỏi',
    feedback: 'Góp ý, phản ánh',
    consents: 'Sự đồng ý',
    mail: 'Thư gửi trả lời',
    title: 'Tiêu đề',
    askedAt: 'Ngày gửi',
    status: 'Trạng thái',
    identity: 'Thông tin người hỏi',
    published: 'Đang công khai',
    notPublished: 'Không công khai',
    erased: (at: string) => `Đã xoá thông tin cá nhân ${at}`,
    kind: 'Loại',
    message: 'Nội dung',
    contact: 'Liên hệ',
    about: 'Thuộc về',
    question: (title: string) => `Câu hỏi “${title}”`,
    feedbackItem: (at: string) => `Góp ý gửi ${at}`,
    inForce: 'Còn hiệu lực',
    withdrawnList: 'Đã rút',
    givenAt: 'Ngày đồng ý',
    noticeVersion: 'Phiên bản thông báo',
    withdrawnBy: (p: string, at: string, by: string) => `${p}: rút ngày ${at}, do ${by} ghi nhận`,
    none: 'Không còn',
    mailState: 'Tình trạng',
    holdsAddress: 'Còn lưu địa chỉ',
    queuedAt: 'Ngày tạo',
    export: 'Tải bản sao dữ liệu (JSON)',
    exportHint: 'Tệp gửi cho người yêu cầu: có nhãn tiếng Việt và ngày tháng dạng dd/mm/yyyy.',
    withdrawTitle: 'Rút lại sự đồng ý',
    purpose: 'Mục đích',
    which: 'Áp dụng cho',
    all: 'Tất cả dữ liệu của người này',
    withdraw: 'Ghi nhận rút đồng ý',
    withdrawn: (p: string, e: WithdrawalEffects) =>
      `Đã ghi nhận rút đồng ý “${p}” (${formatNumber(e.consents)} bản đồng ý).` +
      (e.unpublished ? ` Gỡ công khai ${formatNumber(e.unpublished)} câu hỏi.` : '') +
      (e.mailCancelled ? ` Huỷ ${formatNumber(e.mailCancelled)} thư chờ gửi.` : '') +
      (e.closed ? ` Đưa ${formatNumber(e.closed)} câu hỏi ra khỏi hàng chờ xử lý.` : '') +
      (e.contactsRemoved ? ` Xoá liên hệ của ${formatNumber(e.contactsRemoved)} góp ý.` : '') +
      (e.feedbackErased ? ` Xoá nội dung và liên hệ của ${formatNumber(e.feedbackErased)} góp ý.` : ''),
    notInForce: 'Không có dữ liệu nào của người này còn sự đồng ý cho mục đích này.',
    eraseTitle: 'Xoá dữ liệu cá nhân',
    eraseHint: 'Xoá họ tên, thư điện tử, số điện thoại, liên hệ và địa chỉ trang khỏi mọi câu hỏi, góp ý ở trên.',
    erase: 'Xoá dữ liệu cá nhân…',
    confirmTitle: 'Xoá dữ liệu cá nhân của người này?',
    willRemove: (q: number, f: number, mail: number) =>
      `Sẽ xoá: họ tên, thư điện tử, số điện thoại của ${formatNumber(q)} câu hỏi; liên hệ của ${formatNumber(f)} góp ý; phần truy vấn của địa chỉ trang đã gửi; mã tra cứu liên hệ.` +
      (mail ? ` Huỷ ${formatNumber(mail)} thư chờ gửi.` : ''),
    willStay: (published: number) =>
      `Vẫn giữ: nội dung câu hỏi, góp ý và câu trả lời; ${formatNumber(published)} câu trả lời đang công khai vẫn công khai nhưng không còn tên người hỏi; các bản đồng ý được giữ làm bằng chứng. Không hoàn tác được.`,
    cancel: 'Huỷ',
    confirm: 'Xoá dữ liệu cá nhân',
    erasedDone: (q: number, f: number, mail: number) =>
      `Đã xoá dữ liệu cá nhân khỏi ${formatNumber(q)} câu hỏi và ${formatNumber(f)} góp ý; huỷ ${formatNumber(mail)} thư. Liên hệ này không còn gắn với dữ liệu nào.`,
    failed: 'Không thực hiện được. Thử lại.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
  },
  en: {
    held: 'What is held',
    nothing: 'Nothing is held under this contact. Check the e-mail address or phone number the person gave.',
    summary: (q: number, f: number) => `${formatNumber(q)} questions, ${formatNumber(f)} feedback`,
    questions: 'Questions',
    feedback: 'Feedback',
    consents: 'Consents',
    mail: 'Answer mails',
    title: 'Title',
    askedAt: 'Sent on',
    status: 'Status',
    identity: 'Asker',
    published: 'Published',
    notPublished: 'Not published',
    erased: (at: string) => `Personal data erased ${at}`,
    kind: 'Kind',
    message: 'Message',
    contact: 'Contact',
    about: 'About',
    question: (title: string) => `Question “${title}”`,
    feedbackItem: (at: string) => `Feedback sent ${at}`,
    inForce: 'In force',
    withdrawnList: 'Withdrawn',
    givenAt: 'Given on',
    noticeVersion: 'Notice version',
    withdrawnBy: (p: string, at: string, by: string) => `${p}: withdrawn ${at}, recorded by ${by}`,
    none: 'None left',
    mailState: 'State',
    holdsAddress: 'Address still held',
    queuedAt: 'Created',
    export: 'Download a copy of the data (JSON)',
    exportHint: 'The file for the person: Vietnamese labels and dates as dd/mm/yyyy.',
    withdrawTitle: 'Withdraw a consent',
    purpose: 'Purpose',
    which: 'Applies to',
    all: 'All of this person’s data',
    withdraw: 'Record the withdrawal',
    withdrawn: (p: string, e: WithdrawalEffects) =>
      `Withdrawal of “${p}” recorded (${formatNumber(e.consents)} consents).` +
      (e.unpublished ? ` ${formatNumber(e.unpublished)} questions unpublished.` : '') +
      (e.mailCancelled ? ` ${formatNumber(e.mailCancelled)} pending mails cancelled.` : '') +
      (e.closed ? ` ${formatNumber(e.closed)} questions taken out of the queue.` : '') +
      (e.contactsRemoved ? ` Contact removed from ${formatNumber(e.contactsRemoved)} feedback.` : '') +
      (e.feedbackErased ? ` Message and contact removed from ${formatNumber(e.feedbackErased)} feedback.` : ''),
    notInForce: 'None of this person’s data holds consent to this purpose any more.',
    eraseTitle: 'Erase personal data',
    eraseHint: 'Removes name, e-mail, phone, contact and page address from every question and feedback above.',
    erase: 'Erase personal data…',
    confirmTitle: 'Erase this person’s personal data?',
    willRemove: (q: number, f: number, mail: number) =>
      `Removed: name, e-mail and phone of ${formatNumber(q)} questions; the contact of ${formatNumber(f)} feedback; the query part of the page addresses; the contact keys.` +
      (mail ? ` ${formatNumber(mail)} pending mails cancelled.` : ''),
    willStay: (published: number) =>
      `Kept: the questions, feedback and answers; ${formatNumber(published)} published answers stay published without the asker's name; the consents, as proof. This cannot be undone.`,
    cancel: 'Cancel',
    confirm: 'Erase personal data',
    erasedDone: (q: number, f: number, mail: number) =>
      `Personal data erased from ${formatNumber(q)} questions and ${formatNumber(f)} feedback; ${formatNumber(mail)} mails cancelled. Nothing is held under this contact any more.`,
    failed: 'That did not work. Try again.',
    offline: 'The network is down. Check it and try again.',
  },
});

const QUESTION_PURPOSES: ConsentPurpose[] = ['xu-ly-cau-hoi', 'cong-khai-hoi-dap', 'nhan-tra-loi-qua-email'];
const FEEDBACK_PURPOSES: ConsentPurpose[] = ['xu-ly-gop-y', 'lien-he-phan-hoi'];

/**
 * What is held about one person (found by `contact`), and the requests on it: a copy to download,
 * a consent withdrawn for one purpose, erasure after a confirmation naming what goes and what stays.
 * Everything a citizen wrote is shown as text.
 */
@customElement('pa-privacy-held')
export class PaPrivacyHeld extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      h3 {
        margin: 20px 0 8px;
      }
      ul.plain {
        margin: 0;
        padding-left: 1.2em;
      }
      .message {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      dialog {
        max-width: 34em;
        border: 1px solid var(--pa-line);
        border-radius: 6px;
        padding: 20px;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 40%);
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        justify-content: space-between;
      }
    `,
  ];
  @property() contact = '';
  @property({ attribute: false }) held!: PrivacySubject;
  @state() private purpose: ConsentPurpose | '' = '';
  @state() private target = '';
  @state() private busy = false;
  @state() private notice: { ok: boolean; text: string } | null = null;

  private subjectLabel(c: HeldConsent) {
    const text = t(m);
    if (c.subject.type === 'question') return text.question(this.held.questions.find((q) => q.id === c.subject.id)?.title ?? c.subject.id);
    return text.feedbackItem(formatDateTime(this.held.feedback.find((f) => f.id === c.subject.id)?.createdAt));
  }

  private async show(notice: { ok: boolean; text: string }) {
    this.notice = notice;
    announce(notice.text, notice.ok ? 'status' : 'alert');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
  }

  private problemText(error: unknown, notFound: string) {
    if (error instanceof NetworkError) return t(m).offline;
    if (error instanceof ApiError && error.status === 404) return notFound;
    if (error instanceof ApiError) return t(m).failed;
    throw error;
  }

  private async withdraw(e: Event) {
    e.preventDefault();
    if (!this.purpose) return;
    const [type, id] = this.target ? this.target.split(':') : [];
    this.busy = true;
    try {
      const out = await api<WithdrawalResult>('POST', '/api/v1/admin/privacy/withdrawals', {
        json: { contact: this.contact, purpose: this.purpose, ...(type && id ? { subject: { type, id } } : {}) },
      });
      this.changed(out.held);
      await this.show({ ok: true, text: t(m).withdrawn(consentPurposeLabel(out.purpose), out.effects) });
    } catch (error) {
      await this.show({ ok: false, text: this.problemText(error, t(m).notInForce) });
    } finally {
      this.busy = false;
    }
  }

  private async erase() {
    this.renderRoot.querySelector<HTMLDialogElement>('#erase-dialog')?.close();
    this.busy = true;
    try {
      const out = await api<ErasureResult>('POST', '/api/v1/admin/privacy/erasures', { json: { contact: this.contact } });
      this.changed(out.held);
      await this.show({ ok: true, text: t(m).erasedDone(out.erased.questions, out.erased.feedback, out.erased.mailCancelled) });
    } catch (error) {
      await this.show({ ok: false, text: this.problemText(error, t(m).nothing) });
    } finally {
      this.busy = false;
    }
  }

  private changed(held: PrivacySubject) {
    this.held = held;
    this.purpose = '';
    this.target = '';
    this.dispatchEvent(new CustomEvent('pa-held-changed', { detail: held, bubbles: true, composed: true }));
  }

  private questions() {
    const text = t(m);
    return html`<h3>${text.questions}</h3>
      <div class="table-scroll">
        <table class="list stack">
          <thead>
            <tr>
              <th scope="col">${text.title}</th>
              <th scope="col">${text.askedAt}</th>
              <th scope="col">${text.status}</th>
              <th scope="col">${text.identity}</th>
            </tr>
          </thead>
          <tbody>
            ${this.held.questions.map(
              (q) => html`<tr>
                <td>
                  <a href=${href(`questions/${q.id}`)}>${q.title}</a><br /><span class="muted">${q.trackingCode}</span>
                </td>
                <td>${formatDateTime(q.createdAt)}</td>
                <td>
                  ${questionStatusLabel(q.status)}<br />
                  <span class="badge ${q.published ? 'ok' : ''}">${q.published ? text.published : text.notPublished}</span>
                </td>
                <td>
                  ${
                    q.erasedAt
                      ? html`<span class="badge warn">${text.erased(formatDateTime(q.erasedAt))}</span>`
                      : html`${[q.name, q.email, q.phone].filter(Boolean).join(' · ')}${q.pageUrl ? html`<br /><span class="muted">${q.pageUrl}</span>` : nothing}`
                  }
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private feedback() {
    const text = t(m);
    return html`<h3>${text.feedback}</h3>
      <div class="table-scroll">
        <table class="list stack">
          <thead>
            <tr>
              <th scope="col">${text.kind}</th>
              <th scope="col">${text.askedAt}</th>
              <th scope="col">${text.message}</th>
              <th scope="col">${text.contact}</th>
            </tr>
          </thead>
          <tbody>
            ${this.held.feedback.map(
              (f) => html`<tr>
                <td>${feedbackKindLabel(f.kind)}<br /><span class="muted">${feedbackStatusLabel(f.status)}</span></td>
                <td>${formatDateTime(f.createdAt)}</td>
                <td class="message">${f.message}</td>
                <td>${f.contact ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private consents() {
    const text = t(m);
    return html`<h3>${text.consents}</h3>
      <div class="table-scroll">
        <table class="list stack">
          <thead>
            <tr>
              <th scope="col">${text.about}</th>
              <th scope="col">${text.inForce}</th>
              <th scope="col">${text.withdrawnList}</th>
              <th scope="col">${text.givenAt}</th>
            </tr>
          </thead>
          <tbody>
            ${this.held.consents.map(
              (c) => html`<tr>
                <td>${this.subjectLabel(c)}</td>
                <td>
                  ${
                    c.purposes.length
                      ? html`<ul class="plain">
                        ${c.purposes.map((p) => html`<li>${consentPurposeLabel(p)}</li>`)}
                      </ul>`
                      : html`<span class="muted">${text.none}</span>`
                  }
                </td>
                <td>
                  ${
                    c.withdrawn.length
                      ? html`<ul class="plain">
                        ${c.withdrawn.map((w) => html`<li>${text.withdrawnBy(consentPurposeLabel(w.purpose), formatDateTime(w.at), w.by)}</li>`)}
                      </ul>`
                      : ''
                  }
                </td>
                <td>${formatDateTime(c.givenAt)}<br /><span class="muted">${text.noticeVersion}: ${c.noticeVersion}</span></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private mail() {
    const text = t(m);
    return html`<h3>${text.mail}</h3>
      <div class="table-scroll">
        <table class="list stack">
          <thead>
            <tr>
              <th scope="col">${text.about}</th>
              <th scope="col">${text.mailState}</th>
              <th scope="col">${text.queuedAt}</th>
            </tr>
          </thead>
          <tbody>
            ${this.held.mail.map(
              (x) => html`<tr>
                <td>${text.question(this.held.questions.find((q) => q.id === x.subjectId)?.title ?? x.subjectId)}</td>
                <td>${mailStateLabel(x.state)}${x.holdsAddress ? html` <span class="badge warn">${text.holdsAddress}</span>` : nothing}</td>
                <td>${formatDateTime(x.createdAt)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  /** Purposes some record still holds in force, for the withdrawal form. */
  private purposesInForce(): ConsentPurpose[] {
    const all = new Set(this.held.consents.flatMap((c) => c.purposes));
    return [...QUESTION_PURPOSES, ...FEEDBACK_PURPOSES].filter((p) => all.has(p));
  }

  private withdrawForm() {
    const text = t(m);
    const purposes = this.purposesInForce();
    if (!purposes.length) return nothing;
    const targets = this.held.consents.filter((c) => this.purpose && c.purposes.includes(this.purpose));
    return html`<form class="panel" @submit=${this.withdraw} aria-labelledby="withdraw-h">
      <h3 id="withdraw-h">${text.withdrawTitle}</h3>
      <div class="toolbar">
        <div class="field">
          <label for="purpose">${text.purpose}</label>
          <select id="purpose" required @change=${(e: Event) => ((this.purpose = (e.target as HTMLSelectElement).value as ConsentPurpose), (this.target = ''))}>
            <option value="" ?selected=${!this.purpose}>—</option>
            ${purposes.map((p) => html`<option value=${p} ?selected=${p === this.purpose}>${consentPurposeLabel(p)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="target">${text.which}</label>
          <select id="target" ?disabled=${!this.purpose} @change=${(e: Event) => (this.target = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.target}>${text.all}</option>
            ${targets.map(
              (c) =>
                html`<option value="${c.subject.type}:${c.subject.id}" ?selected=${this.target === `${c.subject.type}:${c.subject.id}`}>${this.subjectLabel(c)}</option>`,
            )}
          </select>
        </div>
        <button type="submit" ?disabled=${this.busy || !this.purpose}>${text.withdraw}</button>
      </div>
    </form>`;
  }

  private eraseDialog() {
    const text = t(m);
    const h = this.held;
    const live = h.questions.filter((q) => !q.erasedAt);
    const pendingMail = h.mail.filter((x) => x.state === 'pending').length;
    return html`<section class="panel" aria-labelledby="erase-h">
        <h3 id="erase-h">${text.eraseTitle}</h3>
        <p>${text.eraseHint}</p>
        <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('#erase-dialog')?.showModal()}>
          ${text.erase}
        </button>
      </section>
      <dialog id="erase-dialog" aria-labelledby="confirm-h" aria-describedby="confirm-remove confirm-stay">
        <h2 id="confirm-h">${text.confirmTitle}</h2>
        <p id="confirm-remove">${text.willRemove(live.length, h.feedback.length, pendingMail)}</p>
        <p id="confirm-stay">${text.willStay(live.filter((q) => q.published).length)}</p>
        <div class="row-actions">
          <button type="button" @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('#erase-dialog')?.close()}>${text.cancel}</button>
          <button type="button" class="danger" @click=${this.erase}>${text.confirm}</button>
        </div>
      </dialog>`;
  }

  override render() {
    const text = t(m);
    const h = this.held;
    const empty = !h.questions.length && !h.feedback.length;
    return html`<section aria-labelledby="held-h">
      <h2 id="held-h" tabindex="-1">${text.held}</h2>
      ${this.notice ? html`<p id="outcome" tabindex="-1" class="notice ${this.notice.ok ? 'ok' : 'error'}">${this.notice.text}</p>` : nothing}
      ${
        empty
          ? html`<p>${text.nothing}</p>`
          : html`<p>${text.summary(h.questions.length, h.feedback.length)}</p>
            <p>
              <a class="button" href=${apiUrl('/api/v1/admin/privacy/export', { contact: this.contact })} download>${text.export}</a>
              <span class="hint">${text.exportHint}</span>
            </p>
            ${h.questions.length ? this.questions() : nothing} ${h.feedback.length ? this.feedback() : nothing}
            ${h.consents.length ? this.consents() : nothing} ${h.mail.length ? this.mail() : nothing} ${this.withdrawForm()} ${this.eraseDialog()}`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-privacy-held': PaPrivacyHeld;
  }
}
