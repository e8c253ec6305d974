import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { FeedbackKindCode, FeedbackReceipt } from '@pbgdpl/contract';
import { FeedbackReceiptShape, conforms } from '@pbgdpl/contract/shapes';
import { PbgdplElement } from '../core/base-element.js';
import { LazyPart } from '../core/lazy-part.js';
import { ProofOfWork } from '../core/proof-of-work.js';
import { Sender } from '../core/sender.js';
import { baseStyles } from '../core/styles.js';
import { Draft, shownKind, type FeedbackShared } from './feedback-form.draft.js';
import { strings } from './feedback-form.i18n.js';
import { feedbackFormStyles } from './feedback-form.styles.js';

const RATINGS = [1, 2, 3, 4, 5] as const;
const KIND_TEXT = { page: 'Page', document: 'Document', draft: 'Draft' } as const;

/**
 * Citizens' feedback (góp ý, phản hồi): a satisfaction rating from 1 to 5 with an optional
 * message and contact, about this page, a legal document (phản ánh, kiến nghị) or a draft (góp ý
 * dự thảo). The province measures its satisfaction target by these ratings.
 *
 * Before the citizen interacts, only the title, the question and the five answers show, at a
 * height that does not depend on the width (docs/embedding.md). The rest of the form (message,
 * contact, privacy notice and consents, send) is a second small chunk, fetched with the proof of
 * work's code once the page is idle (so the form opens offline too) or on the first touch; the proof
 * itself starts on the first touch. Sending goes through the outbox: offline, the feedback waits on
 * the device and goes out by itself, its proof solved once the network is back.
 *
 * @summary Satisfaction rating and feedback form.
 *
 * @fires pbgdpl-feedback-sent - The server stored the feedback (also when it went out later, after being offline). `detail: { id: string }`
 *
 * @csspart base - The outer box.
 * @csspart heading - The title.
 * @csspart form - The form.
 * @csspart rating - The group of the five answers (a `fieldset`).
 * @csspart option - One answer: its radio button and words.
 * @csspart subject - The document or draft the feedback is about.
 * @csspart message - The message box.
 * @csspart contact - The e-mail or phone field.
 * @csspart consent - The box with the privacy notice and the consent checkboxes.
 * @csspart error-summary - The list of problems shown when the form cannot be sent as it is.
 * @csspart error - A problem shown with its field.
 * @csspart submit - The "Gửi góp ý" button.
 * @csspart notice - Offline, rate-limit and failure messages.
 * @csspart done - The thanks shown once the feedback is stored.
 * @csspart another - The "Gửi góp ý khác" button.
 *
 * The custom properties (`--pbgdpl-accent` and the others) are every widget's: see PbgdplElement.
 * Here `--pbgdpl-accent` also outlines the chosen answer and colours the radio buttons and
 * checkboxes, and `--pbgdpl-muted` the hints and field borders.
 */
export class PbgdplFeedbackForm extends PbgdplElement {
  static override styles = [baseStyles, feedbackFormStyles];

  /**
   * What the feedback is about: `page` (this page), `document` (a legal document: phản ánh, kiến nghị) or `draft` (a draft: góp ý dự thảo).
   * @type {'page' | 'document' | 'draft'}
   */
  @property({ reflect: true }) kind: FeedbackKindCode = 'page';
  /**
   * The document or draft, by its id as the API gives it (`91-2025-qh15`); needed for kind `document` and `draft`. Without it the form asks about the page and says why in the console.
   * @type {Code}
   */
  @property() document = '';

  private readonly draft = new Draft(this);
  private readonly proof = new ProofOfWork(this);
  private readonly sender = new Sender(
    this,
    'feedback',
    () => this.proof.get(),
    (body) => this.onSent(body),
  );
  private readonly shared: FeedbackShared = { draft: this.draft, sender: this.sender };
  // The rest of the form, fetched ahead once the page is idle: offline, it still opens.
  private readonly form = new LazyPart(this, () => import('./feedback-form.parts.js').then((m) => new m.OpenForm(this, this.shared)), true);
  private warned = '';

  override willUpdate() {
    const kind = shownKind(this.kind, this.document);
    const problem = kind === this.kind ? '' : `${this.kind}:${this.document}`;
    if (problem && problem !== this.warned) {
      console.warn(
        '[PBGDPL]',
        `feedback-form: kind="${this.kind}" is not page, or has no document attribute (a law id such as 91-2025-qh15); asking about the page instead`,
      );
    }
    this.warned = problem;
    // A submission resumed from storage moves on before anyone touches the form: the open form says what happens.
    if (this.sender.state.kind !== 'idle') this.form.prefetch();
  }

  private onSent(body: unknown) {
    this.emit('pbgdpl-feedback-sent', { id: conforms(FeedbackReceiptShape, body) ? (body as FeedbackReceipt).id : '' });
  }

  /** The first focus, click or keystroke in the form: show the rest, start the proof of work. */
  private interact = () => {
    if (this.draft.open) return;
    this.draft.set({ open: true });
    this.form.prefetch();
    this.proof.start(); // the sender asks again when sending
  };

  private onSubmit(e: Event) {
    e.preventDefault();
    this.form.value?.submit();
  }

  override render() {
    const t = strings[this.language];
    const kind = KIND_TEXT[shownKind(this.kind, this.document)];
    const form = this.form.value;
    const { values, errors, open, announcement } = this.draft;
    const rest = !open ? nothing : form ? form.fields() : this.form.failed ? this.form.placeholder() : nothing;
    return html`
      <section class="base" part="base" lang=${this.language} aria-labelledby="heading">
        ${this.renderHeading(t[`heading${kind}`])}
        ${
          form?.panel() ??
          html`<form part="form" novalidate @submit=${this.onSubmit} @focusin=${this.interact} @pointerdown=${this.interact}>
          ${form?.summary()}
          <fieldset class="rating" part="rating" aria-describedby=${errors.rating ? 'rating-error' : nothing}>
            <legend><span class="question">${t[`rating${kind}`]}</span></legend>
            ${form?.error('rating', 'rating-error')}
            <div class="options">
              ${RATINGS.map(
                (n) => html`<label class="option" part="option">
                  <input type="radio" id="rating-${n}" name="rating" value=${n} .checked=${values.rating === n}
                    aria-invalid=${errors.rating ? 'true' : 'false'} @change=${() => this.draft.set({ values: { ...this.draft.values, rating: n } })} />
                  <span>${t[`rating${n}`]}</span>
                </label>`,
              )}
            </div>
          </fieldset>
          ${rest}
        </form>`
        }
        <p class="visually-hidden" role="status">${announcement}</p>
        <div class="proof"></div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pbgdpl-feedback-form': PbgdplFeedbackForm;
  }
}
