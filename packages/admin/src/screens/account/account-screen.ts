import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { PASSWORD_MIN } from '@pbgdpl/contract/constants';
import { api } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { roleLabel } from '../../labels.js';
import { onSessionChange, session, setSession, type StaffSession } from '../../session.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import { formText } from '../../ui/form-text.js';
import { staffProblemText } from '../sign-in/staff-problems.js';

const m = messages({
  vi: {
    title: 'Tài khoản của tôi',
    who: (name: string, username: string, role: string) => `${name} — tên đăng nhập ${username}, vai trò ${role}.`,
    until: (at: string) => `Phiên làm việc kết thúc muộn nhất lúc ${at}.`,
    passwordTitle: 'Đổi mật khẩu',
    current: 'Mật khẩu hiện tại',
    next: 'Mật khẩu mới',
    nextHint: `Ít nhất ${PASSWORD_MIN} ký tự. Các phiên đăng nhập khác của bạn sẽ kết thúc.`,
    tooShort: `Mật khẩu mới cần ít nhất ${PASSWORD_MIN} ký tự.`,
    changePassword: 'Đổi mật khẩu',
    passwordDone: 'Đã đổi mật khẩu.',
    totpTitle: 'Đăng nhập hai bước',
    totpOn: 'Đang bật: khi đăng nhập cần thêm mã từ ứng dụng xác thực.',
    totpOff:
      'Đang tắt. Bật để tài khoản an toàn hơn: khi đăng nhập cần thêm mã 6 chữ số từ ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…).',
    start: 'Bật đăng nhập hai bước',
    scan: 'Quét mã QR bằng ứng dụng xác thực, rồi nhập mã 6 chữ số ứng dụng hiện ra.',
    qrAlt: 'Mã QR để thêm tài khoản vào ứng dụng xác thực',
    manual: 'Không quét được? Nhập khoá này vào ứng dụng:',
    code: 'Mã xác thực (6 chữ số)',
    confirm: 'Xác nhận và bật',
    cancel: 'Huỷ',
    onDone: 'Đã bật đăng nhập hai bước.',
    offPassword: 'Mật khẩu (để tắt đăng nhập hai bước)',
    turnOff: 'Tắt đăng nhập hai bước',
    offDone: 'Đã tắt đăng nhập hai bước.',
  },
  en: {
    title: 'My account',
    who: (name: string, username: string, role: string) => `${name} — user name ${username}, role ${role}.`,
    until: (at: string) => `This session ends at ${at} at the latest.`,
    passwordTitle: 'Change password',
    current: 'Current password',
    next: 'New password',
    nextHint: `At least ${PASSWORD_MIN} characters. Your other sessions will end.`,
    tooShort: `The new password needs at least ${PASSWORD_MIN} characters.`,
    changePassword: 'Change password',
    passwordDone: 'Password changed.',
    totpTitle: 'Two-step sign-in',
    totpOn: 'On: signing in also needs a code from the authenticator app.',
    totpOff:
      'Off. Turn it on to protect the account: signing in will also need a 6-digit code from an authenticator app (Google Authenticator, Microsoft Authenticator…).',
    start: 'Turn two-step sign-in on',
    scan: 'Scan the QR code with the authenticator app, then enter the 6-digit code it shows.',
    qrAlt: 'QR code to add the account to the authenticator app',
    manual: 'Cannot scan? Enter this key in the app:',
    code: 'Verification code (6 digits)',
    confirm: 'Confirm and turn on',
    cancel: 'Cancel',
    onDone: 'Two-step sign-in is on.',
    offPassword: 'Password (to turn two-step sign-in off)',
    turnOff: 'Turn two-step sign-in off',
    offDone: 'Two-step sign-in is off.',
  },
});

interface Enrolment {
  secret: string;
  uri: string;
  qr: string;
}

/** One's own account: change the password; turn two-step sign-in on (QR and a confirm code) or off. */
@customElement('pa-account')
export class PaAccount extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      form {
        max-width: 28em;
      }
      input {
        width: 100%;
      }
      .qr {
        width: 200px;
        height: 200px;
        background: #fff;
      }
      code {
        word-break: break-all;
      }
    `,
  ];

  @state() private me: StaffSession | null = session();
  @state() private enrolment: Enrolment | null = null;
  @state() private passwordError = '';
  @state() private totpError = '';
  @state() private busy = false;
  private stop?: () => void;

  override connectedCallback() {
    super.connectedCallback();
    this.stop = onSessionChange((s) => (this.me = s));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stop?.();
  }

  private async run(action: () => Promise<void>, onError: (message: string) => void, focusId: string) {
    this.busy = true;
    try {
      await action();
    } catch (error) {
      onError(staffProblemText(error));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${focusId}`)?.focus();
    } finally {
      this.busy = false;
    }
  }

  private changePassword(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const next = formText(data, 'next');
    this.passwordError = next.length < PASSWORD_MIN ? t(m).tooShort : '';
    if (this.passwordError) return void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#pa-account-next')?.focus());
    return this.run(
      async () => {
        await api('POST', '/api/v1/admin/session/password', { json: { current: formText(data, 'current'), next } });
        form.reset();
        announce(t(m).passwordDone);
      },
      (message) => (this.passwordError = message),
      'pa-account-current',
    );
  }

  private startTotp() {
    return this.run(
      async () => {
        this.enrolment = await api<Enrolment>('POST', '/api/v1/admin/session/totp');
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#pa-account-code')?.focus();
      },
      (message) => (this.totpError = message),
      'pa-account-start',
    );
  }

  private confirmTotp(e: SubmitEvent) {
    e.preventDefault();
    const code = formText(new FormData(e.target as HTMLFormElement), 'code').trim();
    return this.run(
      async () => {
        setSession(await api<StaffSession>('POST', '/api/v1/admin/session/totp/confirm', { json: { code } }));
        this.enrolment = null;
        this.totpError = '';
        announce(t(m).onDone);
      },
      (message) => (this.totpError = message),
      'pa-account-code',
    );
  }

  private turnOff(e: SubmitEvent) {
    e.preventDefault();
    const password = formText(new FormData(e.target as HTMLFormElement), 'password');
    return this.run(
      async () => {
        setSession(await api<StaffSession>('POST', '/api/v1/admin/session/totp/off', { json: { password } }));
        this.totpError = '';
        announce(t(m).offDone);
      },
      (message) => (this.totpError = message),
      'pa-account-off-password',
    );
  }

  private renderTotp() {
    const text = t(m);
    const error = html`<div role="alert">${this.totpError ? html`<p class="notice error">${this.totpError}</p>` : nothing}</div>`;
    if (this.me?.user.totp) {
      return html`<p><span class="badge ok">${text.totpOn}</span></p>
        ${error}
        <form @submit=${this.turnOff}>
          <div class="field">
            <label for="pa-account-off-password">${text.offPassword}</label>
            <input id="pa-account-off-password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button class="danger" type="submit" ?disabled=${this.busy}>${text.turnOff}</button>
        </form>`;
    }
    if (!this.enrolment) {
      return html`<p>${text.totpOff}</p>
        ${error}
        <button id="pa-account-start" class="primary" type="button" ?disabled=${this.busy} @click=${() => void this.startTotp()}>${text.start}</button>`;
    }
    return html`<p>${text.scan}</p>
      <img class="qr" src=${this.enrolment.qr} alt=${text.qrAlt} width="200" height="200" />
      <p>${text.manual} <code>${this.enrolment.secret}</code></p>
      ${error}
      <form @submit=${this.confirmTotp}>
        <div class="field">
          <label for="pa-account-code">${text.code}</label>
          <input id="pa-account-code" name="code" inputmode="numeric" .autocomplete=${'one-time-code'} maxlength="6" pattern="[0-9]{6}" required />
        </div>
        <div class="toolbar">
          <button class="primary" type="submit" ?disabled=${this.busy}>${text.confirm}</button>
          <button type="button" @click=${() => (this.enrolment = null)}>${text.cancel}</button>
        </div>
      </form>`;
  }

  override render() {
    const text = t(m);
    const me = this.me;
    return html`<h1>${text.title}</h1>
      ${me ? html`<p>${text.who(me.user.name, me.user.username, roleLabel(me.user.role))}</p><p class="muted">${text.until(formatDateTime(me.expiresAt))}</p>` : nothing}
      <section class="panel" aria-labelledby="pa-account-password-title">
        <h2 id="pa-account-password-title">${text.passwordTitle}</h2>
        <div role="alert">${this.passwordError ? html`<p class="notice error">${this.passwordError}</p>` : nothing}</div>
        <form @submit=${this.changePassword}>
          <div class="field">
            <label for="pa-account-current">${text.current}</label>
            <input id="pa-account-current" name="current" type="password" autocomplete="current-password" required />
          </div>
          <div class="field">
            <label for="pa-account-next">${text.next}</label>
            <input id="pa-account-next" name="next" type="password" autocomplete="new-password" aria-describedby="pa-account-next-hint" required />
            <span class="hint" id="pa-account-next-hint">${text.nextHint}</span>
          </div>
          <button class="primary" type="submit" ?disabled=${this.busy}>${text.changePassword}</button>
        </form>
      </section>
      <section class="panel" aria-labelledby="pa-account-totp-title">
        <h2 id="pa-account-totp-title">${text.totpTitle}</h2>
        ${this.renderTotp()}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-account': PaAccount;
  }
}
