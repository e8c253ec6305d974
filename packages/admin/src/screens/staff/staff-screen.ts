import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Role } from '@pbgdpl/contract';
import { api } from '../../api.js';
import { formatDate, formatDateTime } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { ROLES, optionsOf, roleLabel } from '../../labels.js';
import { replaceQuery } from '../../router.js';
import { session } from '../../session.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import { formText } from '../../ui/form-text.js';
import { offsetCursor, offsetOf } from '../../ui/offset-cursor.js';
import '../../ui/pager.js';
import { staffProblemText } from '../sign-in/staff-problems.js';
import { pageLimit } from '../../ui/list-filters.js';

const m = messages({
  vi: {
    title: 'Cán bộ',
    search: 'Tìm theo tên hoặc tên đăng nhập',
    role: 'Vai trò',
    state: 'Trạng thái',
    all: 'Tất cả',
    active: 'Đang hoạt động',
    disabled: 'Đã khoá',
    name: 'Họ tên',
    username: 'Tên đăng nhập',
    lastSignIn: 'Đăng nhập gần nhất',
    never: 'Chưa đăng nhập',
    totp: 'Hai bước',
    totpOn: 'Có',
    totpOff: 'Không',
    actions: 'Thao tác',
    roleOf: (name: string) => `Vai trò của ${name}`,
    disable: 'Khoá tài khoản',
    enable: 'Mở khoá',
    you: '(bạn)',
    empty: 'Không có cán bộ nào khớp với điều kiện tìm.',
    loading: 'Đang tải danh sách…',
    count: (n: number) => `${n} cán bộ`,
    saved: (name: string) => `Đã cập nhật tài khoản ${name}.`,
    retry: 'Thử lại',
    inviteTitle: 'Mời cán bộ mới',
    inviteName: 'Họ tên người được mời',
    inviteRole: 'Vai trò',
    invite: 'Tạo lời mời',
    inviteMade: (name: string) =>
      `Đã tạo lời mời cho ${name}. Gửi đường dẫn dưới đây cho người được mời; đường dẫn chỉ hiện một lần, dùng được một lần, trong 7 ngày.`,
    link: 'Đường dẫn lời mời',
    copy: 'Sao chép đường dẫn',
    copied: 'Đã sao chép đường dẫn.',
    pendingTitle: 'Lời mời chưa được nhận',
    noPending: 'Không có lời mời nào đang chờ.',
    invitedBy: 'Người mời',
    expires: 'Hết hạn',
    nameTooShort: 'Nhập họ tên (ít nhất 2 ký tự).',
  },
  en: {
    title: 'Staff',
    search: 'Search by name or user name',
    role: 'Role',
    state: 'State',
    all: 'All',
    active: 'Active',
    disabled: 'Disabled',
    name: 'Name',
    username: 'User name',
    lastSignIn: 'Last sign-in',
    never: 'Never signed in',
    totp: 'Two-step',
    totpOn: 'Yes',
    totpOff: 'No',
    actions: 'Actions',
    roleOf: (name: string) => `Role of ${name}`,
    disable: 'Disable account',
    enable: 'Enable',
    you: '(you)',
    empty: 'No staff match the search.',
    loading: 'Loading the list…',
    count: (n: number) => `${n} staff`,
    saved: (name: string) => `Account of ${name} updated.`,
    retry: 'Try again',
    inviteTitle: 'Invite a new staff member',
    inviteName: 'Name of the person invited',
    inviteRole: 'Role',
    invite: 'Create the invitation',
    inviteMade: (name: string) => `Invitation for ${name} created. Send them the link below; it is shown only now, works once, for 7 days.`,
    link: 'Invitation link',
    copy: 'Copy the link',
    copied: 'Link copied.',
    pendingTitle: 'Invitations not yet accepted',
    noPending: 'No invitation is waiting.',
    invitedBy: 'Invited by',
    expires: 'Expires',
    nameTooShort: 'Enter the name (at least 2 characters).',
  },
});

interface Member {
  id: string;
  username: string;
  name: string;
  role: Role;
  state: 'active' | 'disabled';
  totp: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}
interface Page {
  items: Member[];
  total: number;
  nextCursor: string | null;
}
interface Invite {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  invitedBy: string;
  link?: string;
}

/** Staff accounts (administrators): search and filter, change a role, disable or enable; invite by a one-time link. */
@customElement('pa-staff')
export class PaStaff extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      .link {
        width: 100%;
        font-family: monospace;
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
    `,
  ];

  @state() private page: Page | null = null;
  @state() private error = '';
  @state() private actionError = '';
  @state() private invites: Invite[] = [];
  @state() private made: Invite | null = null;
  @state() private inviteError = '';
  private loadedFor: string | null = null;

  override willUpdate() {
    const key = this.query.toString();
    if (key !== this.loadedFor) {
      this.loadedFor = key;
      void this.load();
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.loadInvites();
  }

  private get limit() {
    return pageLimit(this.query, [10, 20, 50, 100]);
  }

  private async load() {
    this.error = '';
    try {
      this.page = await api<Page>('GET', '/api/v1/admin/staff', {
        query: {
          q: this.query.get('q'),
          role: this.query.get('role'),
          state: this.query.get('state'),
          limit: this.limit,
          cursor: offsetCursor(offsetOf(this.query)),
        },
      });
      announce(t(m).count(this.page.total));
    } catch (error) {
      this.page = null;
      this.error = staffProblemText(error);
    }
  }

  private async loadInvites() {
    try {
      this.invites = (await api<{ items: Invite[] }>('GET', '/api/v1/admin/staff/invites')).items;
    } catch (error) {
      this.inviteError = staffProblemText(error);
    }
  }

  private filter(changes: Record<string, string | number | null>) {
    const next: Record<string, string | number | null> = Object.fromEntries(this.query.entries());
    replaceQuery({ ...next, offset: null, ...changes });
  }

  private async update_(member: Member, patch: { role?: Role; disabled?: boolean }, focusId: string) {
    this.actionError = '';
    try {
      const saved = await api<Member>('PATCH', `/api/v1/admin/staff/${member.id}`, { json: patch });
      if (this.page) this.page = { ...this.page, items: this.page.items.map((x) => (x.id === saved.id ? saved : x)) };
      announce(t(m).saved(saved.name));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${focusId}`)?.focus();
    } catch (error) {
      this.actionError = staffProblemText(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#pa-staff-action-error')?.focus();
    }
  }

  private async invite(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const name = formText(data, 'name').trim();
    this.inviteError = name.length < 2 ? t(m).nameTooShort : '';
    if (this.inviteError) return;
    try {
      this.made = await api<Invite>('POST', '/api/v1/admin/staff/invites', { json: { name, role: formText(data, 'role') } });
      form.reset();
      await this.loadInvites();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#pa-staff-link')?.focus();
    } catch (error) {
      this.inviteError = staffProblemText(error);
    }
  }

  private async copy() {
    if (!this.made?.link) return;
    await navigator.clipboard.writeText(new URL(this.made.link, location.origin).href);
    announce(t(m).copied);
  }

  private renderRow(member: Member) {
    const text = t(m);
    const self = member.id === session()?.user.id;
    return html`<tr>
      <td data-label=${text.name}>${member.name} ${self ? html`<span class="muted">${text.you}</span>` : nothing}</td>
      <td data-label=${text.username}>${member.username}</td>
      <td data-label=${text.state}>
        <span class="badge ${member.state === 'active' ? 'ok' : 'danger'}">${member.state === 'active' ? text.active : text.disabled}</span>
      </td>
      <td data-label=${text.totp}>${member.totp ? text.totpOn : text.totpOff}</td>
      <td data-label=${text.lastSignIn}>${member.lastSignInAt ? formatDateTime(member.lastSignInAt) : text.never}</td>
      <td data-label=${text.actions}>
        <div class="row-actions">
          <label class="visually-hidden" for="pa-staff-role-${member.id}">${text.roleOf(member.name)}</label>
          <select
            id="pa-staff-role-${member.id}"
            ?disabled=${self}
            @change=${(e: Event) => void this.update_(member, { role: (e.target as HTMLSelectElement).value as Role }, `pa-staff-role-${member.id}`)}
          >
            ${optionsOf(ROLES).map((o) => html`<option value=${o.code} ?selected=${o.code === member.role}>${o.label}</option>`)}
          </select>
          ${
            self
              ? nothing
              : html`<button
                id="pa-staff-toggle-${member.id}"
                type="button"
                class=${member.state === 'active' ? 'danger' : ''}
                @click=${() => void this.update_(member, { disabled: member.state === 'active' }, `pa-staff-toggle-${member.id}`)}
              >
                ${member.state === 'active' ? text.disable : text.enable}<span class="visually-hidden">: ${member.name}</span>
              </button>`
          }
        </div>
      </td>
    </tr>`;
  }

  private renderList() {
    const text = t(m);
    if (this.error)
      return html`<p class="notice error" role="alert">${this.error}</p><button type="button" @click=${() => void this.load()}>${text.retry}</button>`;
    if (!this.page) return html`<p class="skeleton" aria-busy="true">${text.loading}</p>`;
    if (!this.page.items.length) return html`<p class="notice">${text.empty}</p>`;
    const offset = offsetOf(this.query);
    return html`<div class="table-scroll">
        <table class="list stack">
          <caption class="visually-hidden">
            ${text.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">${text.name}</th>
              <th scope="col">${text.username}</th>
              <th scope="col">${text.state}</th>
              <th scope="col">${text.totp}</th>
              <th scope="col">${text.lastSignIn}</th>
              <th scope="col">${text.actions}</th>
            </tr>
          </thead>
          <tbody>
            ${this.page.items.map((x) => this.renderRow(x))}
          </tbody>
        </table>
      </div>
      <pa-pager
        .offset=${offset}
        .count=${this.page.items.length}
        .total=${this.page.total}
        .limit=${this.limit}
        .hasPrevious=${offset > 0}
        .hasNext=${this.page.nextCursor !== null}
        @pa-previous=${() => this.filter({ offset: Math.max(0, offset - this.limit) || null })}
        @pa-next=${() => this.filter({ offset: offset + this.limit })}
        @pa-limit=${(e: CustomEvent<number>) => this.filter({ limit: e.detail })}
      ></pa-pager>`;
  }

  private renderInvites() {
    const text = t(m);
    return html`<section class="panel" aria-labelledby="pa-staff-invite-title">
      <h2 id="pa-staff-invite-title">${text.inviteTitle}</h2>
      <div role="alert">${this.inviteError ? html`<p class="notice error">${this.inviteError}</p>` : nothing}</div>
      <form class="toolbar" @submit=${this.invite} novalidate>
        <div class="field">
          <label for="pa-staff-invite-name">${text.inviteName}</label>
          <input id="pa-staff-invite-name" name="name" autocomplete="off" required />
        </div>
        <div class="field">
          <label for="pa-staff-invite-role">${text.inviteRole}</label>
          <select id="pa-staff-invite-role" name="role">
            ${optionsOf(ROLES).map((o) => html`<option value=${o.code}>${o.label}</option>`)}
          </select>
        </div>
        <div class="field"><button class="primary" type="submit">${text.invite}</button></div>
      </form>
      ${
        this.made?.link
          ? html`<div class="notice ok" role="status">
            <p>${text.inviteMade(this.made.name)}</p>
            <div class="field">
              <label for="pa-staff-link">${text.link}</label>
              <input id="pa-staff-link" class="link" readonly .value=${new URL(this.made.link, location.origin).href} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
            </div>
            <button type="button" @click=${() => void this.copy()}>${text.copy}</button>
          </div>`
          : nothing
      }
      <h3>${text.pendingTitle}</h3>
      ${
        this.invites.length
          ? html`<table class="list stack">
            <thead>
              <tr>
                <th scope="col">${text.name}</th>
                <th scope="col">${text.role}</th>
                <th scope="col">${text.invitedBy}</th>
                <th scope="col">${text.expires}</th>
              </tr>
            </thead>
            <tbody>
              ${this.invites.map(
                (i) => html`<tr>
                  <td data-label=${text.name}>${i.name}</td>
                  <td data-label=${text.role}>${roleLabel(i.role)}</td>
                  <td data-label=${text.invitedBy}>${i.invitedBy}</td>
                  <td data-label=${text.expires}>${formatDate(i.expiresAt)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : html`<p class="muted">${text.noPending}</p>`
      }
    </section>`;
  }

  override render() {
    const text = t(m);
    const q = this.query;
    return html`<h1>${text.title}</h1>
      <form class="toolbar" role="search" @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label for="pa-staff-q">${text.search}</label>
          <input id="pa-staff-q" type="search" .value=${q.get('q') ?? ''} @change=${(e: Event) => this.filter({ q: (e.target as HTMLInputElement).value.trim() || null })} />
        </div>
        <div class="field">
          <label for="pa-staff-role">${text.role}</label>
          <select id="pa-staff-role" @change=${(e: Event) => this.filter({ role: (e.target as HTMLSelectElement).value || null })}>
            <option value="">${text.all}</option>
            ${optionsOf(ROLES).map((o) => html`<option value=${o.code} ?selected=${q.get('role') === o.code}>${o.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="pa-staff-state">${text.state}</label>
          <select id="pa-staff-state" @change=${(e: Event) => this.filter({ state: (e.target as HTMLSelectElement).value || null })}>
            <option value="">${text.all}</option>
            <option value="active" ?selected=${q.get('state') === 'active'}>${text.active}</option>
            <option value="disabled" ?selected=${q.get('state') === 'disabled'}>${text.disabled}</option>
          </select>
        </div>
      </form>
      <div role="alert">${this.actionError ? html`<p class="notice error" id="pa-staff-action-error" tabindex="-1">${this.actionError}</p>` : nothing}</div>
      ${this.renderList()} ${this.renderInvites()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-staff': PaStaff;
  }
}
