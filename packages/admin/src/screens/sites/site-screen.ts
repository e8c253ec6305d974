import type { Site } from '@pbgdpl/contract';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { lang, messages, t } from '../../i18n.js';
import { SITE_KINDS, optionsOf } from '../../labels.js';
import { href, navigate } from '../../router.js';
import { hasRole } from '../../session.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import './site-activity.js';
import { forgetSiteNames } from '../../site-names.js';
import './site-snippet.js';
import { CONTACT_RULES, SITE_LEVELS } from './site-words.js';
import type { AutofillToken, TextInputType } from '../../ui/input-types.js';

const m = messages({
  vi: {
    newTitle: 'Đăng ký trang mới',
    back: 'Danh sách trang',
    about: 'Thông tin trang',
    name: 'Tên trang (cơ quan)',
    key: 'Mã trang',
    keyHint: 'Chữ thường không dấu, nối bằng gạch ngang. Để trống: tạo từ tên trang. Không đổi được sau khi đăng ký.',
    kind: 'Loại cơ quan',
    level: 'Cấp',
    levelAuto: 'Theo loại cơ quan',
    origins: 'Địa chỉ được phép gửi câu hỏi, góp ý',
    originsHint: 'Mỗi dòng một địa chỉ, ví dụ https://xatamson.bacninh.gov.vn (không có đường dẫn phía sau).',
    webmaster: 'Người quản trị trang',
    wmName: 'Họ và tên',
    wmPhone: 'Số điện thoại',
    wmEmail: 'Thư điện tử',
    rules: 'Quy định cho biểu mẫu hỏi đáp',
    contactRule: 'Thông tin liên hệ bắt buộc',
    requireName: 'Bắt buộc ghi họ tên',
    answerDays: 'Thời hạn trả lời (ngày làm việc)',
    contact: 'Ghi chú liên hệ cơ quan',
    register: 'Đăng ký trang',
    save: 'Lưu thay đổi',
    registered: (name: string) => `Đã đăng ký trang ${name}. Các địa chỉ của trang gửi được ngay.`,
    saved: 'Đã lưu thay đổi.',
    created: (at: string) => `Đăng ký lúc ${at}`,
    fix: 'Hãy sửa các ô được đánh dấu.',
    errName: 'Tên trang cần từ 2 đến 200 ký tự.',
    errKey: 'Mã trang chỉ gồm chữ thường không dấu, số và gạch ngang, ví dụ ubnd-xa-tam-son.',
    errOrigin: (line: number) => `Dòng ${line} không phải địa chỉ trang, hãy viết dạng https://ten-mien.gov.vn`,
    errOrigins: 'Có địa chỉ bị lặp lại, hoặc quá 20 địa chỉ.',
    errPhone: 'Số điện thoại không hợp lệ, ví dụ 0222 3822 123.',
    errEmail: 'Thư điện tử không hợp lệ.',
    errDays: 'Thời hạn là số ngày từ 1 đến 60.',
    errOther: 'Giá trị không hợp lệ.',
    duplicate: 'Mã trang này đã được đăng ký. Hãy chọn mã khác hoặc để trống.',
    notFound: 'Không có trang nào với mã này.',
    failed: 'Không lưu được. Thử lại.',
    loadFailed: 'Không tải được thông tin trang.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
    loading: 'Đang tải…',
  },
  en: {
    newTitle: 'Register a site',
    back: 'All sites',
    about: 'The site',
    name: 'Name (the body that runs it)',
    key: 'Site key',
    keyHint: 'Lower case without diacritics, joined by hyphens. Empty: made from the name. It cannot change once registered.',
    kind: 'Kind',
    level: 'Level',
    levelAuto: 'From the kind',
    origins: 'Origins allowed to send questions and feedback',
    originsHint: 'One per line, such as https://xatamson.bacninh.gov.vn (no path after it).',
    webmaster: 'Webmaster',
    wmName: 'Name',
    wmPhone: 'Phone',
    wmEmail: 'E-mail',
    rules: 'Rules of the Q&A form',
    contactRule: 'Contact required',
    requireName: 'Name required',
    answerDays: 'Answer within (working days)',
    contact: "Note on reaching the site's office",
    register: 'Register the site',
    save: 'Save the changes',
    registered: (name: string) => `${name} is registered. Its origins may send from now on.`,
    saved: 'The changes are saved.',
    created: (at: string) => `Registered ${at}`,
    fix: 'Correct the fields marked.',
    errName: 'The name needs 2 to 200 characters.',
    errKey: 'The key is lower-case letters without diacritics, digits and hyphens, such as ubnd-xa-tam-son.',
    errOrigin: (line: number) => `Line ${line} is not an origin: write it as https://domain.gov.vn`,
    errOrigins: 'An origin is listed twice, or there are more than 20.',
    errPhone: 'Not a phone number, such as 0222 3822 123.',
    errEmail: 'Not an e-mail address.',
    errDays: 'A number of days from 1 to 60.',
    errOther: 'Not a valid value.',
    duplicate: 'This key is registered already. Choose another, or leave it empty.',
    notFound: 'No site has this key.',
    failed: 'Could not save. Try again.',
    loadFailed: 'The site could not be loaded.',
    offline: 'The network is down. Check it and try again.',
    retry: 'Try again',
    loading: 'Loading…',
  },
});

type Field = 'name' | 'key' | 'origins' | 'webmaster.phone' | 'webmaster.email' | 'answerDays' | 'other';

/** Register a site (#/sites/new) or see and change one (#/sites/KEY): its snippet and its activity too. */
@customElement('pa-site')
export class PaSite extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      fieldset {
        border: 1px solid var(--pa-line);
        border-radius: 6px;
        margin: 0 0 16px;
        padding: 12px 16px;
      }
      legend {
        font-weight: 600;
        padding: 0 4px;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: 44px;
      }
    `,
  ];

  @state() private site: Site | null = null;
  @state() private loadError: 'failed' | 'offline' | 'missing' | null = null;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private saving = false;

  private get isNew() {
    return !this.params.key;
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('params')) {
      this.site = null;
      this.errors = {};
      if (!this.isNew) void this.load();
    }
  }

  private async load() {
    this.loadError = null;
    try {
      this.site = await api<Site>('GET', `/api/v1/admin/sites/${encodeURIComponent(this.params.key!)}`);
    } catch (error) {
      this.loadError = error instanceof NetworkError ? 'offline' : error instanceof ApiError && error.status === 404 ? 'missing' : 'failed';
    }
  }

  private body(form: HTMLFormElement) {
    const d = new FormData(form);
    const s = (name: string) => ((d.get(name) as string | null) ?? '').trim();
    return {
      ...(this.isNew && s('key') ? { key: s('key') } : {}),
      name: s('name'),
      kind: s('kind'),
      ...(s('level') ? { level: s('level') } : {}),
      origins: s('origins')
        .split(/\s*\n\s*/)
        .filter(Boolean),
      webmaster: { name: s('wm-name') || null, phone: s('wm-phone') || null, email: s('wm-email') || null },
      contactRule: s('contactRule'),
      requireName: d.get('requireName') === 'on',
      answerDays: Number(s('answerDays')),
      contact: s('contact') || null,
    };
  }

  private fieldErrors(error: ApiError): Partial<Record<Field, string>> {
    const text = t(m);
    const out: Partial<Record<Field, string>> = {};
    for (const path of error.fieldErrors().keys()) {
      const origin = /^origins\.(\d+)$/.exec(path);
      if (origin) out.origins ??= text.errOrigin(Number(origin[1]) + 1);
      else if (path === 'origins') out.origins ??= text.errOrigins;
      else if (path === 'name') out.name = text.errName;
      else if (path === 'key') out.key = text.errKey;
      else if (path === 'webmaster.phone') out['webmaster.phone'] = text.errPhone;
      else if (path === 'webmaster.email') out['webmaster.email'] = text.errEmail;
      else if (path === 'answerDays') out.answerDays = text.errDays;
      else out.other = text.errOther;
    }
    return out;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const text = t(m);
    const body = this.body(e.target as HTMLFormElement);
    this.saving = true;
    try {
      const saved = this.isNew
        ? await api<Site>('POST', '/api/v1/admin/sites', { json: body })
        : await api<Site>('PUT', `/api/v1/admin/sites/${encodeURIComponent(this.site!.key)}`, { json: body });
      this.errors = {};
      forgetSiteNames();
      if (this.isNew) {
        announce(text.registered(saved.name));
        navigate(`sites/${saved.key}`);
      } else {
        this.site = saved;
        announce(text.saved);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) this.errors = this.fieldErrors(error);
      else if (error instanceof ApiError && error.status === 409) this.errors = { key: text.duplicate };
      else this.errors = { other: error instanceof NetworkError ? text.offline : text.failed };
      announce(this.errors.other ?? text.fix, 'alert');
      // The fields were disabled while saving: enable them before focusing the first one to correct.
      this.saving = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], #form-error')?.focus();
    } finally {
      this.saving = false;
    }
  }

  private input(
    id: string,
    field: Field | null,
    label: string,
    value: string,
    extra: { type?: TextInputType; hint?: string; autocomplete?: AutofillToken } = {},
  ) {
    const error = field ? this.errors[field] : undefined;
    const described = [extra.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        name=${id}
        type=${extra.type ?? 'text'}
        .autocomplete=${extra.autocomplete ?? 'off'}
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
      />
      ${extra.hint ? html`<span class="hint" id="${id}-hint">${extra.hint}</span>` : nothing}
      ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
    </div>`;
  }

  override render() {
    const text = t(m);
    if (this.loadError)
      return html`<h1 tabindex="-1">${text.about}</h1>
        <div class="notice error" role="alert">
          ${this.loadError === 'missing' ? text.notFound : this.loadError === 'offline' ? text.offline : text.loadFailed}
          ${this.loadError === 'missing' ? nothing : html`<button type="button" @click=${() => void this.load()}>${text.retry}</button>`}
        </div>
        <p><a href=${href('sites')}>${text.back}</a></p>`;
    if (!this.isNew && !this.site) return html`<p class="skeleton muted" aria-busy="true">${text.loading}</p>`;
    const s = this.site;
    const admin = hasRole('admin');
    return html`
      <p><a href=${href('sites')}>← ${text.back}</a></p>
      <h1 tabindex="-1">${s ? s.name : text.newTitle}</h1>
      ${s ? html`<p class="muted">${text.key}: ${s.key} · ${text.created(formatDateTime(s.createdAt))}</p>` : nothing}
      ${s ? html`<pa-site-snippet siteKey=${s.key}></pa-site-snippet>` : nothing} ${this.renderForm(s, admin)}
      ${s ? html`<pa-site-activity siteKey=${s.key}></pa-site-activity>` : nothing}
    `;
  }

  private renderForm(s: Site | null, admin: boolean) {
    const text = t(m);
    const kind = s?.kind ?? 'ubnd-xa';
    const originsError = this.errors.origins;
    const rules = Object.entries(CONTACT_RULES);
    return html`<form class="panel" @submit=${this.submit} aria-labelledby="form-title" novalidate>
      <h2 id="form-title">${text.about}</h2>
      ${this.errors.other ? html`<p class="notice error" id="form-error" tabindex="-1">${this.errors.other}</p>` : nothing}
      <fieldset ?disabled=${!admin || this.saving}>
        <legend>${text.about}</legend>
        ${this.input('name', 'name', text.name, s?.name ?? '', { autocomplete: 'organization' })}
        ${this.isNew ? this.input('key', 'key', text.key, '', { hint: text.keyHint }) : nothing}
        <div class="grid-2">
          <div class="field">
            <label for="kind">${text.kind}</label>
            <select id="kind" name="kind">
              ${optionsOf(SITE_KINDS).map((o) => html`<option value=${o.code} ?selected=${o.code === kind}>${o.label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="level">${text.level}</label>
            <select id="level" name="level">
              ${this.isNew ? html`<option value="">${text.levelAuto}</option>` : nothing}
              ${Object.entries(SITE_LEVELS).map(([code, both]) => html`<option value=${code} ?selected=${code === s?.level}>${both[lang()]}</option>`)}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="origins">${text.origins}</label>
          <textarea
            id="origins"
            name="origins"
            rows="3"
            autocomplete="off"
            spellcheck="false"
            .value=${(s?.origins ?? []).join('\n')}
            aria-invalid=${originsError ? 'true' : 'false'}
            aria-describedby="origins-hint${originsError ? ' origins-error' : ''}"
          ></textarea>
          <span class="hint" id="origins-hint">${text.originsHint}</span>
          ${originsError ? html`<span class="error" id="origins-error">${originsError}</span>` : nothing}
        </div>
      </fieldset>
      <fieldset ?disabled=${!admin || this.saving}>
        <legend>${text.webmaster}</legend>
        <div class="grid-2">
          ${this.input('wm-name', null, text.wmName, s?.webmaster.name ?? '', { autocomplete: 'name' })}
          ${this.input('wm-phone', 'webmaster.phone', text.wmPhone, s?.webmaster.phone ?? '', { type: 'tel', autocomplete: 'tel' })}
          ${this.input('wm-email', 'webmaster.email', text.wmEmail, s?.webmaster.email ?? '', { type: 'email', autocomplete: 'email' })}
          ${this.input('contact', null, text.contact, s?.contact ?? '')}
        </div>
      </fieldset>
      <fieldset ?disabled=${!admin || this.saving}>
        <legend>${text.rules}</legend>
        <div class="grid-2">
          <div class="field">
            <label for="contactRule">${text.contactRule}</label>
            <select id="contactRule" name="contactRule">
              ${rules.map(([code, both]) => html`<option value=${code} ?selected=${code === (s?.contactRule ?? 'email-or-phone')}>${both[lang()]}</option>`)}
            </select>
          </div>
          ${this.input('answerDays', 'answerDays', text.answerDays, String(s?.answerDays ?? 10), { type: 'number' })}
        </div>
        <label class="check"><input type="checkbox" name="requireName" ?checked=${s?.requireName ?? true} /> ${text.requireName}</label>
      </fieldset>
      ${admin ? html`<button class="primary" type="submit" ?disabled=${this.saving}>${s ? text.save : text.register}</button>` : nothing}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-site': PaSite;
  }
}
