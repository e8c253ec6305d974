import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ModerationSettings } from '@pbgdpl/contract';
import { ANSWER_DAYS } from '@pbgdpl/contract/constants';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { href } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';

const m = messages({
  vi: {
    title: 'Cài đặt của tỉnh',
    intro: 'Các con số áp dụng cho mọi trang tích hợp. Mỗi lần thay đổi được ghi vào nhật ký thao tác.',
    deadlineTitle: 'Thời hạn trả lời câu hỏi',
    answerDays: 'Số ngày làm việc để trả lời',
    answerDaysHint:
      'Hạn trả lời của một câu hỏi được tính từ ngày người dân gửi, không kể thứ Bảy, Chủ nhật; tính lại khi câu hỏi được phân loại. Trang nào hứa ít ngày hơn thì giữ số ngày của trang.',
    targetElsewhere: 'Chỉ tiêu mức độ hài lòng được đặt cạnh biểu đồ, ở trang',
    feedbackLink: 'Góp ý, phản ánh',
    save: 'Lưu',
    saved: 'Đã lưu.',
    lastChange: (at: string, by: string) => `Thay đổi lần cuối ${at} bởi ${by}.`,
    never: 'Chưa thay đổi: đang dùng giá trị mặc định.',
    wholeNumber: (min: number, max: number) => `Nhập một số nguyên từ ${min} đến ${max}.`,
    loading: 'Đang tải…',
    failed: 'Không tải được cài đặt.',
    offline: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    saveFailed: 'Không lưu được. Thử lại sau ít phút.',
    retry: 'Thử lại',
  },
  en: {
    title: "The province's settings",
    intro: 'Figures that apply to every site. Each change is written to the audit log.',
    deadlineTitle: 'Answer deadline',
    answerDays: 'Working days to answer',
    answerDaysHint:
      "A question's due date counts from the day it was sent, Saturdays and Sundays aside, and again when it is classified. A site that promises fewer days keeps its own.",
    targetElsewhere: 'The satisfaction target is set beside its chart, on',
    feedbackLink: 'Feedback',
    save: 'Save',
    saved: 'Saved.',
    lastChange: (at: string, by: string) => `Last changed ${at} by ${by}.`,
    never: 'Never changed: the default applies.',
    wholeNumber: (min: number, max: number) => `Type a whole number from ${min} to ${max}.`,
    loading: 'Loading…',
    failed: 'The settings could not be loaded.',
    offline: 'The server cannot be reached. Check the network and try again.',
    saveFailed: 'Not saved. Try again in a few minutes.',
    retry: 'Try again',
  },
});

interface Setting {
  key: 'answerDays';
  path: string;
  min: number;
  max: number;
}

const DEADLINE: Setting = { key: 'answerDays', path: '/api/v1/admin/settings/moderation', ...ANSWER_DAYS };

type Saved = { value: number; updatedAt: string | null; updatedBy: string | null };

/** The province-wide figures administrators set: the answer deadline (the satisfaction target sits beside its chart). */
@customElement('pa-settings')
export class PaSettings extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      form {
        max-width: 40em;
      }
      input {
        width: 8em;
      }
    `,
  ];

  @state() private values: Partial<Record<Setting['key'], Saved>> = {};
  @state() private errors: Partial<Record<Setting['key'], string>> = {};
  @state() private status: 'loading' | 'ready' | 'failed' | 'offline' = 'loading';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.status = 'loading';
    try {
      const deadline = await api<ModerationSettings>('GET', DEADLINE.path);
      this.values = { answerDays: { value: deadline.answerDays, updatedAt: deadline.updatedAt, updatedBy: deadline.updatedBy } };
      this.status = 'ready';
    } catch (error) {
      this.status = error instanceof NetworkError ? 'offline' : 'failed';
    }
  }

  private async save(e: SubmitEvent, setting: Setting) {
    e.preventDefault();
    const text = t(m);
    const input = (e.target as HTMLFormElement).elements.namedItem(setting.key) as HTMLInputElement;
    const value = Number(input.value.trim());
    const invalid = !Number.isInteger(value) || value < setting.min || value > setting.max;
    this.errors = { ...this.errors, [setting.key]: invalid ? text.wholeNumber(setting.min, setting.max) : undefined };
    if (invalid) {
      input.focus();
      return;
    }
    try {
      const saved = await api<{ updatedAt: string | null; updatedBy: string | null } & Record<string, number>>('PUT', setting.path, {
        json: { [setting.key]: value },
      });
      this.values = { ...this.values, [setting.key]: { value: saved[setting.key]!, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy } };
      announce(text.saved);
    } catch (error) {
      const message = error instanceof ApiError && error.status === 400 ? text.wholeNumber(setting.min, setting.max) : text.saveFailed;
      this.errors = { ...this.errors, [setting.key]: message };
      announce(message, 'alert');
    }
  }

  private form(setting: Setting, title: string, label: string, hint: string) {
    const text = t(m);
    const saved = this.values[setting.key];
    const error = this.errors[setting.key];
    const id = `s-${setting.key}`;
    return html`<form class="panel" @submit=${(e: SubmitEvent) => void this.save(e, setting)}>
      <h2>${title}</h2>
      <div class="field">
        <label for=${id}>${label}</label>
        <input
          id=${id}
          name=${setting.key}
          inputmode="numeric"
          autocomplete="off"
          required
          .value=${String(saved?.value ?? '')}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"
        />
        <span class="hint" id="${id}-hint">${hint}</span>
        ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
      </div>
      <p class="muted">${saved?.updatedAt ? text.lastChange(formatDateTime(saved.updatedAt), saved.updatedBy ?? '') : text.never}</p>
      <button class="primary" type="submit">${text.save}</button>
    </form>`;
  }

  override render() {
    const text = t(m);
    if (this.status === 'loading') return html`<h1>${text.title}</h1><p class="skeleton" aria-busy="true">${text.loading}</p>`;
    if (this.status !== 'ready')
      return html`<h1>${text.title}</h1>
        <p class="notice error" role="alert">${this.status === 'offline' ? text.offline : text.failed}</p>
        <button type="button" @click=${() => void this.load()}>${text.retry}</button>`;
    return html`<h1>${text.title}</h1>
      <p>${text.intro}</p>
      ${this.form(DEADLINE, text.deadlineTitle, text.answerDays, text.answerDaysHint)}
      <p>${text.targetElsewhere} <a href=${href('feedback')}>${text.feedbackLink}</a>.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-settings': PaSettings;
  }
}
