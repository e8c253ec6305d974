import { adoptStyles, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FeedbackKindCode, FeedbackReceipt, LawSummary } from '@pbgdpl/contract';
import { FEEDBACK_KINDS } from '@pbgdpl/contract/constants';
import { FeedbackReceiptShape, LawPageShape, conforms, type Shape } from '@pbgdpl/contract/shapes';
import { apiUrl } from '../core/api-url.js';
import { PbgdplElement } from '../core/base-element.js';
import { checked } from '../core/fetch-json.js';
import { common } from '../core/i18n.js';
import type { Proof } from '../core/proof.js';
import { Resource } from '../core/resource.js';
import { Sender, type SendState } from '../core/sender.js';
import { baseStyles } from '../core/styles.js';
import { strings } from './feedback-form.i18n.js';
import type { FormHost, OpenForm } from './feedback-form.parts.js';
import { feedbackFormStyles } from './feedback-form.styles.js';
import type { Errors, FeedbackValues } from './feedback-form.validate.js';

/** A document as GET /api/v1/laws/{id} gives it has at least a list item's shape. */
const LAW_SHAPE = (LawPageShape as { items: readonly ['[]', Shape] }).items[1];
const RATINGS = [1, 2, 3, 4, 5] as const;
const KIND_TEXT = { page: 'Page', document: 'Document', draft: 'Draft' } as const;

/**
 * Citizens' feedback (góp ý, phản hồi): a satisfaction rating from 1 to 5 with an optional
 * message and contact, about this page, a legal document (phản ánh, kiến nghị) or a draft (góp ý
 * dự thảo). The province measures its satisfaction target by these ratings.
 *
 * Before the citizen interacts, only the title, the question and the five answers show, at a
 * height that does not depend on the width (docs/embedding.md). The rest of the form (message,
 * contact, privacy notice and consents, send) is a second small chunk, loaded when the form comes
 * into view or is first touched; the proof of work (ALTCHA) starts on the first touch. Sending goes
 * through the outbox: offline, the feedback waits on the device and goes out by itself.
 *
 * @summary Satisfaction rating and feedback form.
 *
 * @fires pbgdpl-feedback-sent - The server stored the feedback. `detail: { id: string }`
 *
 * @csspart base - The outer box.
 * @csspart heading - The title.
 * @csspart form - The form.
 * @csspart rating - The group of the five answers.
 * @csspart option - One answer (radio button and its words).
 * @csspart subject - The document or draft the feedback is about.
 * @csspart message - The message box.
 * @csspart contact - The contact field.
 * @csspart consent - The box with the privacy notice and the consent checkboxes.
 * @csspart error-summary - The list of problems shown when the form cannot be sent as it is.
 * @csspart error - A problem shown with its field.
 * @csspart submit - The "Gửi góp ý" button.
 * @csspart notice - Offline, rate-limit and failure messages.
 * @csspart done - The thanks shown once the feedback is stored.
 * @csspart another - The "Gửi góp ý khác" button.
 *
 * @cssprop [--pbgdpl-font=inherit] - Font family; the host page's by default.
 * @cssprop [--pbgdpl-accent=#0b57d0] - Buttons, the chosen answer, radio buttons and checkboxes.
 * @cssprop [--pbgdpl-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--pbgdpl-radius=6px] - Corner radius.
 * @cssprop [--pbgdpl-surface=#ffffff] - Background.
 * @cssprop [--pbgdpl-text=#1f2328] - Text colour.
 * @cssprop [--pbgdpl-muted=#57606a] - Hints and field borders.
 * @cssprop [--pbgdpl-border=#d0d7de] - Borders.
 * @cssprop [--pbgdpl-focus=var(--pbgdpl-accent)] - Keyboard focus ring.
 */
export class PbgdplFeedbackForm extends PbgdplElement implements FormHost {
  static override styles = [baseStyles, feedbackFormStyles];

  /** page (this page; default), document (a legal document: phản ánh, kiến nghị) or draft (góp ý dự thảo). */
  @property({ reflect: true }) kind: FeedbackKindCode = 'page';
  /** The document or draft, by id such as "91-2025-qh15"; needed for kind document and draft. */
  @property() document = '';
  /** Title; the default depends on the kind ("Góp ý, phản hồi" for a page). */
  @property() heading = '';
  /** Level of the title for screen readers (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  // What the open form (feedback-form.parts.ts) shares with the element. @internal
  /** @internal The rest of the form shows from the citizen's first interaction on. */
  @state() open = false;
  /** @internal */
  @state() values: FeedbackValues = { rating: 0, message: '', contact: '', consent: false, contactConsent: false };
  /** @internal */
  @state() errors: Errors = {};
  /** @internal */
  @state() honeypot = '';
  /** @internal What the polite live region says. */
  @state() announcement = '';
  /** @internal */
  focusNext: string | null = null;
  /** @internal */
  readonly sender = new Sender(this, 'feedback', () => this.startProof(), (body) => this.onSent(body));
  /** @internal */
  readonly subject = new Resource<LawSummary>(this, (body) => checked<LawSummary>(LAW_SHAPE, body));

  /** The open form, once its chunk has loaded. */
  @state() private form: OpenForm | undefined;
  @state() private formFailed = false;
  private formLoading: Promise<OpenForm | undefined> | undefined;
  private proof: Promise<Proof> | undefined;
  /** The sender state this element has reacted to. */
  private seen: SendState = this.sender.state;
  private subjectUrl = '';
  private warned = '';
  private visible: IntersectionObserver | undefined;

  /** @internal */
  get shownLang() {
    return this.language;
  }

  /** @internal The kind this form can honour: document and draft need the document attribute. */
  get shownKind(): FeedbackKindCode {
    const kind = (FEEDBACK_KINDS as readonly string[]).includes(this.kind) ? this.kind : 'page';
    return kind !== 'page' && !this.document.trim() ? 'page' : kind;
  }

  /**
   * The proof of work. A test seam: component tests and stories replace this with a fake
   * solver, so they need neither the altcha code nor a challenge from a server.
   */
  protected async loadProof(): Promise<Proof> {
    const { createProof } = await import('../core/proof.js');
    const container = this.renderRoot.querySelector<HTMLElement>('.proof')!;
    return createProof(container, apiUrl(this.api, '/api/v1/challenge', { site: this.site }), this.language);
  }

  private startProof(): Promise<Proof> {
    this.proof ??= this.loadProof().catch((err: unknown) => {
      this.proof = undefined; // the chunk or the challenge did not load: try again next time
      throw err;
    });
    return this.proof;
  }

  private loadForm(): Promise<OpenForm | undefined> {
    this.formLoading ??= import('./feedback-form.parts.js').then(
      (parts) => {
        // The open form's rules come with it, added to this shadow root's own.
        adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof PbgdplFeedbackForm).elementStyles, parts.styles]);
        this.formFailed = false;
        return (this.form = new parts.OpenForm(this));
      },
      () => {
        this.formLoading = undefined; // offline: again when the network is back, or on "Thử lại"
        this.formFailed = true;
        return undefined;
      },
    );
    return this.formLoading;
  }

  private onOnline = () => {
    if (this.formFailed) void this.loadForm();
  };

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('online', this.onOnline);
    // The rest of the form (a few KB) comes as the form scrolls into view, ready before the first touch.
    this.visible = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.visible?.disconnect();
        void this.loadForm();
      },
      { rootMargin: '200px' },
    );
    this.visible.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('online', this.onOnline);
    this.visible?.disconnect();
    this.subjectUrl = ''; // reconnecting loads the subject again
  }

  override willUpdate() {
    const kind = this.shownKind;
    const problem = kind === this.kind ? '' : `${this.kind}:${this.document}`;
    if (problem && problem !== this.warned) {
      console.warn('[PBGDPL]', `feedback-form: kind="${this.kind}" is not page, or has no document attribute (a law id such as 91-2025-qh15); asking about the page instead`);
    }
    this.warned = problem;
    if (this.open && kind !== 'page') {
      const url = apiUrl(this.api, `/api/v1/laws/${encodeURIComponent(this.document.trim())}`, { lang: this.language });
      if (url !== this.subjectUrl) {
        this.subjectUrl = url;
        void this.subject.load(url);
      }
    }
    const s = this.sender.state;
    if (s !== this.seen) {
      this.seen = s;
      const focusInside = Boolean(this.shadowRoot?.activeElement); // before the render that may remove it
      // A submission resumed at load may move on before the open form has loaded.
      if (this.form) this.form.react(s, focusInside);
      else if (s.kind !== 'idle') void this.loadForm().then((form) => this.sender.state === s && form?.react(s, focusInside));
    }
  }

  override updated() {
    const id = this.focusNext;
    this.focusNext = null;
    if (id) this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private onSent(body: unknown) {
    this.emit('pbgdpl-feedback-sent', { id: conforms(FeedbackReceiptShape, body) ? (body as FeedbackReceipt).id : '' });
  }

  /** The first focus, click or keystroke in the form: show the rest, start the proof of work. */
  private interact = () => {
    if (this.open) return;
    this.open = true;
    void this.loadForm();
    void this.startProof().catch(() => {}); // the sender asks again when sending
  };

  private onSubmit(e: Event) {
    e.preventDefault();
    this.form?.submit();
  }

  override render() {
    const t = strings[this.language];
    const kind = KIND_TEXT[this.shownKind];
    const form = this.form;
    const level = Math.min(6, Math.max(1, this.headingLevel || 2));
    const c = common[this.language];
    const rest = !this.open
      ? nothing
      : form
        ? form.fields()
        : this.formFailed
          ? html`<div class="notice error" part="notice" role="alert">
              <span>${navigator.onLine ? c.error : c.offline}</span>
              <button type="button" class="secondary" @click=${() => void this.loadForm()}>${c.retry}</button>
            </div>`
          : nothing;
    return html`
      <section class="base" part="base" lang=${this.language} aria-labelledby="heading">
        <div class="heading" part="heading" id="heading" role="heading" aria-level=${level}>${this.heading || t[`heading${kind}`]}</div>
        ${form?.panel() ??
        html`<form part="form" novalidate @submit=${this.onSubmit} @focusin=${this.interact} @pointerdown=${this.interact}>
          ${form?.summary()}
          <fieldset class="rating" part="rating" aria-describedby=${this.errors.rating ? 'rating-error' : nothing}>
            <legend><span class="question">${t[`rating${kind}`]}</span></legend>
            ${form?.error('rating', 'rating-error')}
            <div class="options">
              ${RATINGS.map(
                (n) => html`<label class="option" part="option">
                  <input type="radio" id="rating-${n}" name="rating" value=${n} .checked=${this.values.rating === n}
                    aria-invalid=${this.errors.rating ? 'true' : nothing} @change=${() => (this.values = { ...this.values, rating: n })} />
                  <span>${t[`rating${n}`]}</span>
                </label>`,
              )}
            </div>
          </fieldset>
          ${rest}
        </form>`}
        <p class="visually-hidden" role="status">${this.announcement}</p>
        <div class="proof"></div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pbgdpl-feedback-form': PbgdplFeedbackForm;
  }
  interface GlobalEventHandlersEventMap {
    'pbgdpl-feedback-sent': CustomEvent<{ id: string }>;
  }
}
