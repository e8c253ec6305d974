import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Role } from '@pbgdpl/contract';
import { api } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { ROLES, optionsOf, roleLabel } from '../../labels.js';
import { replaceQuery } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import { formText } from '../../ui/form-text.js';
import '../../ui/pager.js';
import { staffProblemText } from '../sign-in/staff-problems.js';

const m = messages({
  vi: {
    title: 'Khoá truy cập API',
    intro: 'Khoá dành cho chương trình, kịch bản tự động (không dành cho người): gửi kèm mỗi yêu cầu trong tiêu đề Authorization: Bearer <khoá>.',
    createTitle: 'Tạo khoá mới',
    name: 'Tên khoá (dùng cho việc gì)',
    role: 'Vai trò',
    create: 'Tạo khoá',
    secretTitle: 'Khoá vừa tạo',
    secretNote: 'Sao chép và cất giữ khoá này ngay: nó chỉ hiện một lần.',
    secret: 'Khoá',
    copy: 'Sao chép khoá',
    copied: 'Đã sao chép khoá.',
    search: 'Tìm theo tên khoá',
    state: 'Trạng thái',
    all: 'Tất cả',
    active: 'Đang dùng',
    revoked: 'Đã thu hồi',
    created: 'Ngày tạo',
    actions: 'Thao tác',
    revoke: 'Thu hồi',
    confirmRevoke: (name: string) => `Thu hồi khoá “${name}”? Các chương trình đang dùng khoá sẽ bị từ chối ngay.`,
    revokedDone: (name: string) => `Đã thu hồi khoá ${name}.`,
    madeDone: (name: string) => `Đã tạo khoá ${name}.`,
    empty: 'Không có khoá nào khớp với điều kiện tìm.',
    loading: 'Đang tải danh sách…',
    nameTooShort: 'Nhập tên khoá (ít nhất 2 ký tự).',
    retry: 'Thử lại',
  },
  en: {
    title: 'API tokens',
    intro: 'Tokens are for programs and scripts (not people): send one with every request as Authorization: Bearer <token>.',
    createTitle: 'Create a token',
    name: 'Token name (what it is for)',
    role: 'Role',
    create: 'Create the token',
    secretTitle: 'The new token',
    secretNote: 'Copy and keep this token now: it is shown only once.',
    secret: 'Token',
    copy: 'Copy the token',
    copied: 'Token copied.',
    search: 'Search by token name',
    state: 'State',
    all: 'All',
    active: 'In use',
    revoked: 'Revoked',
    created: 'Created',
    actions: 'Actions',
    revoke: 'Revoke',
    confirmRevoke: (name: string) => `Revoke the token “${name}”? Programs using it are refused at once.`,
    revokedDone: (name: string) => `Token ${name} revoked.`,
    madeDone: (name: string) => `Token ${name} created.`,
    empty: 'No token matches the search.',
    loading: 'Loading the list…',
    nameTooShort: 'Enter the token name (at least 2 characters).',
    retry: 'Try again',
  },
});

interface Token {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
  token?: string;
}

/**
 * Bearer tokens for scripts: create one (its secret shown once), search, filter and page the
 * list, revoke. The API returns the whole (short) list; the screen searches and pages it.
 */
@customElement('pa-tokens')
export class PaTokens extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      .secret {
        width: 100%;
        font-family: monospace;
      }
    `,
  ];

  @state() private tokens: Token[] | null = null;
  @state() private made: Token | null = null;
  @state() private error = '';
  @state() private formError = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.error = '';
    try {
      this.tokens = (await api<{ items: Token[] }>('GET', '/api/v1/admin/tokens')).items;
    } catch (error) {
      this.error = staffProblemText(error);
    }
  }

  private filter(changes: Record<string, string | number | null>) {
    replaceQuery({ ...Object.fromEntries(this.query.entries()), offset: null, ...changes });
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const name = formText(data, 'name').trim();
    this.formError = name.length < 2 ? t(m).nameTooShort : '';
    if (this.formError) return;
    try {
      this.made = await api<Token>('POST', '/api/v1/admin/tokens', { json: { name, role: formText(data, 'role') } });
      form.reset();
      announce(t(m).madeDone(name));
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#pa-tokens-secret')?.focus();
    } catch (error) {
      this.formError = staffProblemText(error);
    }
  }

  private async revoke(token: Token) {
    if (!confirm(t(m).confirmRevoke(token.name))) return;
    try {
      await api('DELETE', `/api/v1/admin/tokens/${token.id}`);
      announce(t(m).revokedDone(token.name));
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      this.error = staffProblemText(error);
    }
  }

  private get visible() {
    const q = (this.query.get('q') ?? '').toLocaleLowerCase('vi');
    const wanted = this.query.get('state');
    return (this.tokens ?? []).filter(
      (x) => (!q || x.name.toLocaleLowerCase('vi').includes(q)) && (!wanted || (wanted === 'revoked') === (x.revokedAt !== null)),
    );
  }

  private renderList() {
    const text = t(m);
    if (this.error)
      return html`<p class="notice error" role="alert">${this.error}</p><button type="button" @click=${() => void this.load()}>${text.retry}</button>`;
    if (!this.tokens) return html`<p class="skeleton" aria-busy="true">${text.loading}</p>`;
    const all = this.visible;
    if (!all.length) return html`<p class="notice">${text.empty}</p>`;
    const limit = [10, 20, 50, 100].includes(Number(this.query.get('limit'))) ? Number(this.query.get('limit')) : 20;
    const offset = Math.min(Math.max(0, Number(this.query.get('offset')) || 0), Math.max(0, all.length - 1));
    const rows = all.slice(offset, offset + limit);
    return html`<div class="table-scroll">
        <table class="list stack">
          <caption class="visually-hidden">
            ${text.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">${text.name}</th>
              <th scope="col">${text.role}</th>
              <th scope="col">${text.state}</th>
              <th scope="col">${text.created}</th>
              <th scope="col">${text.actions}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (x) => html`<tr>
                <td data-label=${text.name}>${x.name}</td>
                <td data-label=${text.role}>${roleLabel(x.role)}</td>
                <td data-label=${text.state}>
                  ${
                    x.revokedAt
                      ? html`<span class="badge">${text.revoked} ${formatDateTime(x.revokedAt)}</span>`
                      : html`<span class="badge ok">${text.active}</span>`
                  }
                </td>
                <td data-label=${text.created}>${formatDateTime(x.createdAt)}</td>
                <td data-label=${text.actions}>
                  ${
                    x.revokedAt
                      ? nothing
                      : html`<button type="button" class="danger" @click=${() => void this.revoke(x)}>
                        ${text.revoke}<span class="visually-hidden">: ${x.name}</span>
                      </button>`
                  }
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <pa-pager
        .offset=${offset}
        .count=${rows.length}
        .total=${all.length}
        .limit=${limit}
        .hasPrevious=${offset > 0}
        .hasNext=${offset + limit < all.length}
        @pa-previous=${() => this.filter({ offset: Math.max(0, offset - limit) || null })}
        @pa-next=${() => this.filter({ offset: offset + limit })}
        @pa-limit=${(e: CustomEvent<number>) => this.filter({ limit: e.detail })}
      ></pa-pager>`;
  }

  override render() {
    const text = t(m);
    const q = this.query;
    return html`<h1 tabindex="-1">${text.title}</h1>
      <p>${text.intro}</p>
      <section class="panel" aria-labelledby="pa-tokens-create-title">
        <h2 id="pa-tokens-create-title">${text.createTitle}</h2>
        <div role="alert">${this.formError ? html`<p class="notice error">${this.formError}</p>` : nothing}</div>
        <form class="toolbar" @submit=${this.create} novalidate>
          <div class="field">
            <label for="pa-tokens-name">${text.name}</label>
            <input id="pa-tokens-name" name="name" autocomplete="off" required />
          </div>
          <div class="field">
            <label for="pa-tokens-role">${text.role}</label>
            <select id="pa-tokens-role" name="role">
              ${optionsOf(ROLES).map((o) => html`<option value=${o.code}>${o.label}</option>`)}
            </select>
          </div>
          <div class="field"><button class="primary" type="submit">${text.create}</button></div>
        </form>
        ${
          this.made?.token
            ? html`<div class="notice ok" role="status">
              <h3>${text.secretTitle}</h3>
              <p>${text.secretNote}</p>
              <div class="field">
                <label for="pa-tokens-secret">${text.secret}</label>
                <input id="pa-tokens-secret" class="secret" readonly .value=${this.made.token} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
              </div>
              <button
                type="button"
                @click=${async () => {
                  await navigator.clipboard.writeText(this.made?.token ?? '');
                  announce(text.copied);
                }}
              >
                ${text.copy}
              </button>
            </div>`
            : nothing
        }
      </section>
      <form class="toolbar" role="search" @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label for="pa-tokens-q">${text.search}</label>
          <input id="pa-tokens-q" type="search" .value=${q.get('q') ?? ''} @change=${(e: Event) => this.filter({ q: (e.target as HTMLInputElement).value.trim() || null })} />
        </div>
        <div class="field">
          <label for="pa-tokens-state">${text.state}</label>
          <select id="pa-tokens-state" @change=${(e: Event) => this.filter({ state: (e.target as HTMLSelectElement).value || null })}>
            <option value="">${text.all}</option>
            <option value="active" ?selected=${q.get('state') === 'active'}>${text.active}</option>
            <option value="revoked" ?selected=${q.get('state') === 'revoked'}>${text.revoked}</option>
          </select>
        </div>
      </form>
      ${this.renderList()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-tokens': PaTokens;
  }
}
