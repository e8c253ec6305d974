import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { onSignedOut, NetworkError } from '../api.js';
import { messages, pick, setLang, t } from '../i18n.js';
import { roleLabel } from '../labels.js';
import { currentRoute, href, match, type Route } from '../router.js';
import { HOME, screens, type ScreenDef } from '../screens.js';
import { hasRole, loadSession, onSessionChange, session, setSession, signOut, type StaffSession } from '../session.js';
import { ConsoleElement } from '../ui/console-element.js';
import '../screens/sign-in/sign-in-screen.js';

const m = messages({
  vi: {
    product: 'Bảng điều khiển PBGDPL',
    skip: 'Bỏ qua đến nội dung chính',
    menu: 'Danh mục',
    menuButton: 'Danh mục chức năng',
    content: 'Nội dung',
    citizens: 'Người dân',
    sites: 'Trang tích hợp',
    administration: 'Quản trị',
    account: 'Tài khoản',
    signOut: 'Đăng xuất',
    otherLang: 'English',
    otherLangCode: 'en',
    loading: 'Đang tải…',
    notFound: 'Không có trang này.',
    notAllowed: 'Chức năng này dành cho quản trị viên.',
    offline: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
    failed: 'Máy chủ gặp lỗi khi mở bảng điều khiển. Thử lại sau ít phút; nếu vẫn lỗi, báo cho bộ phận kỹ thuật.',
    expired: 'Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.',
  },
  en: {
    product: 'PBGDPL console',
    skip: 'Skip to main content',
    menu: 'Menu',
    menuButton: 'Menu',
    content: 'Content',
    citizens: 'Citizens',
    sites: 'Sites',
    administration: 'Administration',
    account: 'Account',
    signOut: 'Sign out',
    otherLang: 'Tiếng Việt',
    otherLangCode: 'vi',
    loading: 'Loading…',
    notFound: 'There is no such page.',
    notAllowed: 'This is for administrators.',
    offline: 'The server cannot be reached. Check the network and try again.',
    retry: 'Try again',
    failed: 'The server failed to open the console. Try again in a few minutes; if it persists, tell the technical team.',
    expired: 'Your session has ended. Please sign in again.',
  },
});

const GROUPS = ['citizens', 'content', 'sites', 'administration'] as const;

/** The console: signs staff in, then shows the screen of the route with the menu their role allows. */
@customElement('pa-app')
export class PaApp extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      :host {
        min-height: 100vh;
      }
      .skip {
        position: absolute;
        left: -9999px;
      }
      .skip:focus {
        left: 8px;
        top: 8px;
        z-index: 10;
        background: #fff;
        padding: 8px;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 16px;
        padding: 8px 16px;
        background: #0b3a75;
        color: #fff;
      }
      header a,
      header button {
        color: #fff;
        border-color: #fff;
        background: transparent;
      }
      .product {
        font-weight: 700;
        font-size: 1.1em;
        margin-right: auto;
        color: #fff;
        text-decoration: none;
      }
      .who {
        font-size: 0.9em;
      }
      .layout {
        display: grid;
        grid-template-columns: 15em 1fr;
        min-height: calc(100vh - 60px);
      }
      nav.menu {
        background: #fff;
        border-right: 1px solid var(--pa-line);
        padding: 12px 0;
      }
      nav.menu h2 {
        font-size: 0.8em;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--pa-muted);
        margin: 12px 16px 4px;
      }
      nav.menu ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav.menu a {
        display: block;
        padding: 10px 16px;
        text-decoration: none;
        color: var(--pa-ink);
      }
      nav.menu a[aria-current='page'] {
        background: #e8f0fb;
        border-left: 4px solid var(--pa-primary);
        font-weight: 600;
      }
      main {
        padding: 20px 24px 48px;
        min-width: 0;
      }
      main:focus {
        outline: none;
      }
      .menu-toggle {
        display: none;
      }
      @media (max-width: 800px) {
        .layout {
          grid-template-columns: 1fr;
        }
        .menu-toggle {
          display: inline-flex;
        }
        nav.menu:not(.open) {
          display: none;
        }
        nav.menu {
          border-right: 0;
          border-bottom: 1px solid var(--pa-line);
        }
        main {
          padding: 16px 12px 40px;
        }
      }
    `,
  ];

  @state() private user: StaffSession['user'] | null | undefined = undefined;
  @state() private route: Route = currentRoute();
  @state() private loaded = new Set<string>();
  @state() private failure: 'offline' | 'error' | null = null;
  @state() private expired = false;
  @state() private menuOpen = false;
  @query('main') private main?: HTMLElement;

  private stops: (() => void)[] = [];
  private readonly onHash = () => {
    this.route = currentRoute();
    this.menuOpen = false;
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.stops.push(
      onSessionChange((s) => (this.user = s?.user ?? null)),
      onSignedOut(() => {
        this.expired = session() !== null;
        setSession(null);
      }),
    );
    void this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    for (const stop of this.stops) stop();
  }

  private async start() {
    this.failure = null;
    try {
      this.user = (await loadSession())?.user ?? null;
    } catch (error) {
      this.failure = error instanceof NetworkError ? 'offline' : 'error';
    }
  }

  private get screen(): { def: ScreenDef; params: Record<string, string> } | null {
    for (const def of screens) {
      const params = match(def.pattern, this.route.path || HOME);
      if (params) return { def, params };
    }
    return null;
  }

  override willUpdate(changed: PropertyValues) {
    const found = this.screen;
    if (found && !this.loaded.has(found.def.tag)) {
      void found.def.load().then(() => (this.loaded = new Set([...this.loaded, found.def.tag])));
    }
    if (changed.has('route') || changed.has('user')) {
      document.title = `${found ? `${pick(found.def.title)} — ` : ''}${t(m).product}`;
    }
  }

  override updated(changed: PropertyValues) {
    // After a route change the reader starts at the new screen, not at the menu link just followed.
    if (changed.has('route') && changed.get('route') !== undefined) this.main?.focus();
  }

  private signedIn(e: CustomEvent<StaffSession>) {
    this.expired = false;
    setSession(e.detail);
  }

  override render() {
    const text = t(m);
    const found = this.screen;
    if (this.failure)
      return html`<main id="main" tabindex="-1"
        ><p class="notice error" role="alert">${this.failure === 'offline' ? text.offline : text.failed}</p>
        <button type="button" @click=${() => void this.start()}>${text.retry}</button></main
      >`;
    if (this.user === undefined) return html`<main id="main" tabindex="-1" aria-busy="true"><p>${text.loading}</p></main>`;
    if (found?.def.role === 'public') return this.frame(this.renderScreen(found.def, found.params), false);
    if (this.user === null) {
      return this.frame(
        html`${this.expired ? html`<p class="notice" role="status">${text.expired}</p>` : nothing}
          <pa-sign-in @pa-signed-in=${this.signedIn}></pa-sign-in>`,
        false,
      );
    }
    if (!found) return this.frame(html`<h1>${text.notFound}</h1>`, true);
    if (!hasRole(found.def.role)) return this.frame(html`<h1>${pick(found.def.title)}</h1><p class="notice">${text.notAllowed}</p>`, true);
    return this.frame(this.renderScreen(found.def, found.params), true);
  }

  private renderScreen(def: ScreenDef, params: Record<string, string>) {
    if (!this.loaded.has(def.tag)) return html`<p aria-busy="true" class="skeleton">${t(m).loading}</p>`;
    const tag = unsafeStatic(def.tag);
    return staticHtml`<${tag} .params=${params} .query=${this.route.query}></${tag}>`;
  }

  private frame(content: unknown, withMenu: boolean) {
    const text = t(m);
    const other = text.otherLangCode as 'vi' | 'en';
    return html`<a class="skip" href="#main" @click=${(e: Event) => (e.preventDefault(), this.main?.focus())}>${text.skip}</a>
      <header>
        <a class="product" href=${href(HOME)}>${text.product}</a>
        ${
          withMenu
            ? html`<button
              class="menu-toggle"
              type="button"
              aria-expanded=${this.menuOpen ? 'true' : 'false'}
              aria-controls="menu"
              @click=${() => (this.menuOpen = !this.menuOpen)}
            >
              ${text.menuButton}
            </button>`
            : nothing
        }
        <button type="button" lang=${other} @click=${() => setLang(other)}>${text.otherLang}</button>
        ${
          this.user
            ? html`<span class="who">${this.user.name} · ${roleLabel(this.user.role)}</span>
              <a class="button" href=${href('account')}>${text.account}</a>
              <button type="button" @click=${() => void signOut()}>${text.signOut}</button>`
            : nothing
        }
      </header>
      <div class=${withMenu ? 'layout' : ''}>
        ${withMenu ? this.menu() : nothing}
        <main id="main" tabindex="-1">${content}</main>
      </div>`;
  }

  private menu() {
    const text = t(m);
    const here = this.screen?.def.pattern.split('/')[0];
    return html`<nav id="menu" class=${this.menuOpen ? 'menu open' : 'menu'} aria-label=${text.menu}>
      ${GROUPS.map((group) => {
        const items = screens.filter((s) => s.menu === group && s.role !== 'public' && hasRole(s.role));
        if (!items.length) return nothing;
        return html`<h2>${text[group]}</h2>
          <ul>
            ${items.map(
              (s) =>
                html`<li>
                  <a href=${href(s.pattern)} aria-current=${s.pattern === here ? 'page' : 'false'}>${pick(s.title)}</a>
                </li>`,
            )}
          </ul>`;
      })}
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-app': PaApp;
  }
}
