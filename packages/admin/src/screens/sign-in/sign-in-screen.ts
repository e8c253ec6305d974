import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Problem } from '@pbgdpl/contract';
import { STAFF_PROBLEMS } from '@pbgdpl/contract/constants';
import { ApiError, NetworkError } from '../../api.js';
import { messages, t } from '../../i18n.js';
import type { StaffSession } from '../../session.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import { formText } from '../../ui/form-text.js';
import { staffProblemText } from './staff-problems.js';

const m = messages({
  vi: {
    title: 'Đăng nhập',
    intro: 'Trang quản trị dành cho cán bộ Sở Tư pháp.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    totp: 'Mã xác thực (6 chữ số)',
    totpHint: 'Mở ứng dụng xác thực trên điện thoại và nhập mã đang hiện.',
    submit: 'Đăng nhập',
    busy: 'Đang đăng nhập…',
    done: 'Đã đăng nhập.',
    firstRun: 'Lần đầu cài đặt: tài khoản “admin”, mật khẩu nằm trong tệp admin-password của thư mục dữ liệu.',
  },
  en: {
    title: 'Sign in',
    intro: 'The console of the Department of Justice staff.',
    username: 'User name',
    password: 'Password',
    totp: 'Verification code (6 digits)',
    totpHint: 'Open the authenticator app on your phone and enter the code it shows.',
    submit: 'Sign in',
    busy: 'Signing in…',
    done: 'Signed in.',
    firstRun: 'First install: user “admin”, its password is in the admin-password file of the data folder.',
  },
});

/**
 * The sign-in form: user name and password, then the TOTP code when the account asks for one.
 * Errors are worded by problem type in the console's language.
 *
 * @fires pa-signed-in - CustomEvent<StaffSession>: signed in; the shell takes the session.
 */
@customElement('pa-sign-in')
export class PaSignIn extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      form {
        max-width: 24em;
      }
      input {
        width: 100%;
      }
    `,
  ];

  @state() private error = '';
  @state() private busy = false;
  @state() private needsCode = false;
  @query('#pa-sign-in-username') private usernameInput?: HTMLInputElement;
  @query('#pa-sign-in-totp') private totpInput?: HTMLInputElement;
  @query('.notice.error') private errorBox?: HTMLElement;

  override firstUpdated() {
    this.usernameInput?.focus();
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const totp = formText(data, 'totp').trim();
    const body = { username: formText(data, 'username'), password: formText(data, 'password'), ...(totp ? { totp } : {}) };
    this.busy = true;
    this.error = '';
    try {
      const session = await signIn(body);
      announce(t(m).done);
      this.dispatchEvent(new CustomEvent<StaffSession>('pa-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      const retryAfter = error instanceof SignInError ? error.retryAfter : undefined;
      this.error = staffProblemText(error instanceof SignInError ? error.cause : error, retryAfter);
      if (error instanceof SignInError && (error.cause.type === STAFF_PROBLEMS.totpRequired || error.cause.type === STAFF_PROBLEMS.totpInvalid)) {
        this.needsCode = true;
      }
      await this.updateComplete;
      if (this.needsCode && this.totpInput) {
        this.totpInput.value = '';
        this.totpInput.focus();
      } else this.errorBox?.focus();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const text = t(m);
    return html`<h1>${text.title}</h1>
      <p>${text.intro}</p>
      <form @submit=${this.submit} novalidate aria-describedby="pa-sign-in-error">
        <div id="pa-sign-in-error" role="alert">${this.error ? html`<p class="notice error" tabindex="-1">${this.error}</p>` : nothing}</div>
        <div class="field">
          <label for="pa-sign-in-username">${text.username}</label>
          <input id="pa-sign-in-username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required />
        </div>
        <div class="field">
          <label for="pa-sign-in-password">${text.password}</label>
          <input id="pa-sign-in-password" name="password" type="password" autocomplete="current-password" required />
        </div>
        ${
          this.needsCode
            ? html`<div class="field">
              <label for="pa-sign-in-totp">${text.totp}</label>
              <input
                id="pa-sign-in-totp"
                name="totp"
                inputmode="numeric"
                .autocomplete=${'one-time-code'}
                pattern="[0-9]{6}"
                maxlength="6"
                aria-describedby="pa-sign-in-totp-hint"
              />
              <span class="hint" id="pa-sign-in-totp-hint">${text.totpHint}</span>
            </div>`
            : nothing
        }
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? text.busy : text.submit}</button>
      </form>
      <p class="hint">${text.firstRun}</p>`;
  }
}

/** A refused sign-in with its Retry-After (api.ts's ApiError carries no headers). */
class SignInError extends Error {
  constructor(
    override readonly cause: ApiError,
    readonly retryAfter?: number,
  ) {
    super(cause.message);
  }
}

async function signIn(body: { username: string; password: string; totp?: string }): Promise<StaffSession> {
  let res: Response;
  try {
    res = await fetch('/api/v1/admin/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  if (res.ok) return (await res.json()) as StaffSession;
  const problem = (res.headers.get('Content-Type') ?? '').includes('json') ? ((await res.json().catch(() => null)) as Problem | null) : null;
  const wait = Number(res.headers.get('Retry-After'));
  throw new SignInError(new ApiError(res.status, problem), Number.isFinite(wait) && wait > 0 ? wait : undefined);
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-sign-in': PaSignIn;
  }
}
