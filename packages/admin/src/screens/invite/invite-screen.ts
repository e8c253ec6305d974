import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { PASSWORD_MIN } from '@pbgdpl/contract/constants';
import { ApiError, api } from '../../api.js';
import { formatDate } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { roleLabel } from '../../labels.js';
import { navigate } from '../../router.js';
import { HOME } from '../../screens.js';
import { setSession, type StaffSession } from '../../session.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import { formText } from '../../ui/form-text.js';
import { staffProblemText, staffWords } from '../sign-in/staff-problems.js';
import type { AutofillToken, TextInputType } from '../../ui/input-types.js';

const m = messages({
  vi: {
    title: 'Nhận lời mời',
    loading: 'Đang mở lời mời…',
    offer: (name: string, role: string, until: string) => `Lời mời dành cho ${name}, vai trò ${role}, còn hiệu lực đến ${until}.`,
    username: 'Tên đăng nhập',
    usernameHint: 'Từ 3 đến 40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới. Ví dụ: lan.nguyen',
    password: 'Mật khẩu',
    passwordHint: `Ít nhất ${PASSWORD_MIN} ký tự. Nên dùng một câu dễ nhớ.`,
    repeat: 'Nhập lại mật khẩu',
    mismatch: 'Hai mật khẩu không giống nhau.',
    tooShort: `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự.`,
    badUsername: 'Tên đăng nhập chưa đúng quy định.',
    submit: 'Tạo tài khoản',
    done: 'Đã tạo tài khoản và đăng nhập.',
  },
  en: {
    title: 'Accept an invitation',
    loading: 'Opening the invitation…',
    offer: (name: string, role: string, until: string) => `Invitation for ${name}, role ${role}, valid until ${until}.`,
    username: 'User name',
    usernameHint: '3 to 40 characters: letters without marks, digits, dots, dashes or underscores. For example: lan.nguyen',
    password: 'Password',
    passwordHint: `At least ${PASSWORD_MIN} characters. A sentence you remember works well.`,
    repeat: 'Repeat the password',
    mismatch: 'The two passwords differ.',
    tooShort: `The password needs at least ${PASSWORD_MIN} characters.`,
    badUsername: 'The user name does not follow the rules.',
    submit: 'Create the account',
    done: 'Account created; you are signed in.',
  },
});

interface InviteView {
  name: string;
  role: 'editor' | 'admin';
  expiresAt: string;
}

/** The page an invite link opens: choose a user name and a password; the new account is signed in. */
@customElement('pa-invite')
export class PaInvite extends ScreenElement {
  @state() private invite: InviteView | null = null;
  @state() private problem = '';
  @state() private fieldErrors = new Map<string, string>();
  @state() private busy = false;
  @query('[aria-invalid="true"]') private firstInvalid?: HTMLInputElement;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.invite = await api<InviteView>('GET', `/api/v1/admin/invites/${encodeURIComponent(this.params.token ?? '')}`);
    } catch (error) {
      this.problem = error instanceof ApiError && error.status === 404 ? staffWords().inviteUsed : staffProblemText(error);
    }
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const text = t(m);
    const data = new FormData(e.target as HTMLFormElement);
    const username = formText(data, 'username').trim();
    const password = formText(data, 'password');
    const errors = new Map<string, string>();
    if (!/^[A-Za-z0-9._-]{3,40}$/.test(username)) errors.set('username', text.badUsername);
    if (password.length < PASSWORD_MIN) errors.set('password', text.tooShort);
    else if (password !== formText(data, 'repeat')) errors.set('repeat', text.mismatch);
    this.fieldErrors = errors;
    this.problem = '';
    if (errors.size) return this.focusInvalid();
    this.busy = true;
    try {
      const session = await api<StaffSession>('POST', `/api/v1/admin/invites/${encodeURIComponent(this.params.token ?? '')}`, { json: { username, password } });
      announce(text.done);
      setSession(session);
      navigate(HOME);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) this.fieldErrors = new Map([['username', staffWords().usernameTaken]]);
      else if (error instanceof ApiError && error.status === 404) this.problem = staffWords().inviteUsed;
      else this.problem = staffProblemText(error);
      await this.focusInvalid();
    } finally {
      this.busy = false;
    }
  }

  private async focusInvalid() {
    await this.updateComplete;
    this.firstInvalid?.focus();
  }

  private field(name: 'username' | 'password' | 'repeat', label: string, hint: string | null, attrs: { type: TextInputType; autocomplete: AutofillToken }) {
    const error = this.fieldErrors.get(name);
    const describedBy = [hint ? `pa-invite-${name}-hint` : '', error ? `pa-invite-${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="pa-invite-${name}">${label}</label>
      <input
        id="pa-invite-${name}"
        name=${name}
        type=${attrs.type}
        .autocomplete=${attrs.autocomplete}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
      />
      ${hint ? html`<span class="hint" id="pa-invite-${name}-hint">${hint}</span>` : nothing}
      ${error ? html`<span class="error" id="pa-invite-${name}-error">${error}</span>` : nothing}
    </div>`;
  }

  override render() {
    const text = t(m);
    if (!this.invite) {
      return html`<h1>${text.title}</h1>
        ${this.problem ? html`<p class="notice error" role="alert">${this.problem}</p>` : html`<p aria-busy="true">${text.loading}</p>`}`;
    }
    return html`<h1>${text.title}</h1>
      <p>${text.offer(this.invite.name, roleLabel(this.invite.role), formatDate(this.invite.expiresAt))}</p>
      <div role="alert">${this.problem ? html`<p class="notice error">${this.problem}</p>` : nothing}</div>
      <form @submit=${this.submit} novalidate class="panel">
        ${this.field('username', text.username, text.usernameHint, { type: 'text', autocomplete: 'username' })}
        ${this.field('password', text.password, text.passwordHint, { type: 'password', autocomplete: 'new-password' })}
        ${this.field('repeat', text.repeat, null, { type: 'password', autocomplete: 'new-password' })}
        <button class="primary" type="submit" ?disabled=${this.busy}>${text.submit}</button>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-invite': PaInvite;
  }
}
