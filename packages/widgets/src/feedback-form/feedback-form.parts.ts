/**
 * The part of the form a citizen sees once they interact, and what it does: the document named,
 * the message, contact, privacy notice and consents, the error summary, the send button, and the
 * reactions to each sending state. Loaded when the form comes into view or is first touched, so
 * the widget's first chunk holds only the title, the question and the five answers.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { FeedbackInput, FeedbackKindCode, LawSummary } from '@pbgdpl/contract';
import { LIMITS, NOTICES } from '@pbgdpl/contract/constants';
import { apiUrl } from '../core/api-url.js';
import { common, fill } from '../core/i18n.js';
import type { Lang } from '../core/lang.js';
import type { OutboxEntry } from '../core/outbox.js';
import type { Resource } from '../core/resource.js';
import type { Sender, SendState } from '../core/sender.js';
import { strings } from './feedback-form.parts.i18n.js';
import { FIELDS, fromServer, validate, type Errors, type FeedbackValues, type Field } from './feedback-form.validate.js';

export { partsStyles as styles } from './feedback-form.parts.styles.js';

/** What the element shares with the open form. */
export interface FormHost extends ReactiveControllerHost {
  readonly site: string;
  readonly api: string;
  readonly document: string;
  /** page, document or draft: the kind the form can honour. */
  readonly shownKind: FeedbackKindCode;
  readonly shownLang: Lang;
  readonly sender: Sender;
  /** The document or draft it is about. */
  readonly subject: Resource<LawSummary>;
  values: FeedbackValues;
  errors: Errors;
  honeypot: string;
  announcement: string;
  /** The id to focus after the next render. */
  focusNext: string | null;
  open: boolean;
}

const CONSENT = NOTICES.feedback.required[0];
const CONTACT_CONSENT = NOTICES.feedback.optional[0];

const LABEL: Record<FeedbackKindCode, 'messagePage' | 'messageDocument' | 'messageDraft'> = {
  page: 'messagePage',
  document: 'messageDocument',
  draft: 'messageDraft',
};

/** Where the summary's link for a field takes the citizen. */
const TARGET: Record<Field, string> = {
  rating: 'rating-1',
  message: 'message',
  contact: 'contact',
  consent: 'consent',
  contactConsent: 'contact-consent',
};

export const empty = (): FeedbackValues => ({ rating: 0, message: '', contact: '', consent: false, contactConsent: false });

/** The page it was sent from, without the fragment; the contract allows 2,000 characters. */
function pageUrl(): string | undefined {
  const href = location.href.split('#')[0]!;
  if (href.length <= 2000) return href;
  const short = location.origin + location.pathname;
  return short.length <= 2000 ? short : undefined;
}

export class OpenForm {
  /** The submission waiting in the outbox, to put back in the form if the server refuses it. */
  private waiting: OutboxEntry | undefined;
  private sentWithContact = false;

  constructor(private readonly host: FormHost) {}

  private get t() {
    return strings[this.host.shownLang];
  }

  private number(n: number) {
    return n.toLocaleString(this.host.shownLang === 'vi' ? 'vi-VN' : 'en-GB');
  }

  private message(key: NonNullable<Errors[Field]>) {
    return fill(this.t[key], { max: this.number(LIMITS.message.max) });
  }

  private set(change: Partial<FeedbackValues>) {
    this.host.values = { ...this.host.values, ...change };
  }

  // ── Behaviour ──────────────────────────────────────────────────────────────────────────────────

  /** "Gửi góp ý": the contract's checks here first, then the sender (which adds a fresh proof of work to every attempt). */
  submit() {
    const h = this.host;
    if (h.sender.state.kind === 'sending') return;
    h.errors = validate(h.values);
    if (Object.keys(h.errors).length) {
      h.focusNext = 'summary';
      h.requestUpdate();
      return;
    }
    void h.sender.send(apiUrl(h.api, '/api/v1/feedback', {}), this.body());
  }

  private body(): Omit<FeedbackInput, 'altcha'> {
    const h = this.host;
    const v = h.values;
    const kind = h.shownKind;
    const contact = v.contact.trim();
    return {
      site: h.site,
      kind,
      ...(kind === 'page' ? {} : { document: h.document.trim() }),
      rating: v.rating,
      message: v.message.trim(),
      ...(contact ? { contact } : {}),
      consents: [CONSENT, ...(contact && v.contactConsent ? [CONTACT_CONSENT] : [])],
      noticeVersion: NOTICES.feedback.version,
      website: h.honeypot,
      pageUrl: pageUrl(),
    };
  }

  /** The sender moved on. `focusInside`: whether the citizen was in the widget before this render. */
  react(s: SendState, focusInside: boolean) {
    const h = this.host;
    const t = this.t;
    switch (s.kind) {
      case 'idle':
        return;
      case 'queued':
        this.waiting = s.entry;
        h.open = true;
        if (focusInside) h.focusNext = 'queued';
        else h.announcement = t.queued;
        return;
      case 'sending':
        h.announcement = this.waiting ? t.queuedSending : t.announceSending;
        return;
      case 'sent':
        this.waiting = undefined;
        this.sentWithContact = Boolean((s.entry.body as Partial<FeedbackInput>).contact);
        h.announcement = focusInside ? '' : t.thanks;
        if (focusInside) h.focusNext = 'thanks';
        return;
      case 'invalid':
        this.restore();
        h.errors = fromServer(s.errors, h.values);
        h.announcement = '';
        h.focusNext = 'summary';
        return;
      default: // rate-limited, failed: the notice says it (role=alert)
        this.restore();
        h.announcement = '';
    }
  }

  /** A submission that waited in the outbox and then failed comes back into the form, to fix or resend. */
  private restore() {
    const entry = this.waiting;
    this.waiting = undefined;
    this.host.open = true;
    if (!entry) return;
    const b = entry.body as Partial<FeedbackInput>;
    this.host.values = {
      rating: Number(b.rating) || 0,
      message: String(b.message ?? ''),
      contact: String(b.contact ?? ''),
      consent: Boolean(b.consents?.includes(CONSENT)),
      contactConsent: Boolean(b.consents?.includes(CONTACT_CONSENT)),
    };
  }

  private another = () => {
    const h = this.host;
    h.values = empty();
    h.errors = {};
    h.honeypot = '';
    h.announcement = '';
    h.sender.state = { kind: 'idle' };
    h.focusNext = TARGET.rating;
    h.requestUpdate();
  };

  private goTo(e: Event, field: Field) {
    e.preventDefault();
    const { rating } = this.host.values;
    const id = field === 'rating' && rating ? `rating-${rating}` : TARGET[field];
    ((e.currentTarget as Element).getRootNode() as ShadowRoot).getElementById(id)?.focus();
  }

  // ── Views ──────────────────────────────────────────────────────────────────────────────────────

  /** Instead of the form once it is sent or waiting: the thanks, or the offline notice. */
  panel() {
    const s = this.host.sender.state;
    const t = this.t;
    if (s.kind === 'sent') {
      return html`<div class="done" part="done">
        <p class="thanks" id="thanks" tabindex="-1">${t.thanks}</p>
        <p>${t.thanksDetail}${this.sentWithContact ? ` ${t.thanksReply}` : ''}</p>
        <button type="button" class="secondary" part="another" @click=${this.another}>${t.another}</button>
      </div>`;
    }
    if (s.kind === 'queued' || (s.kind === 'sending' && this.waiting)) {
      return html`<div class="notice" part="notice" id="queued" tabindex="-1">${s.kind === 'sending' ? t.queuedSending : t.queued}</div>`;
    }
    return null;
  }

  /** A field's problem, above the field, referenced by its aria-describedby. */
  error(field: Field, id: string) {
    const e = this.host.errors[field];
    return e ? html`<p class="error" part="error" id=${id}>${this.message(e)}</p>` : nothing;
  }

  summary() {
    const e = this.host.errors;
    const fields = FIELDS.filter((f) => e[f]);
    if (!fields.length && !e.form) return nothing;
    return html`<div class="summary" part="error-summary" id="summary" tabindex="-1">
      <div role="alert">
        <p class="summary-title">${this.t.summaryTitle}</p>
        <ul>
          ${fields.map((f) => html`<li><a href="#${TARGET[f]}" @click=${(ev: Event) => this.goTo(ev, f)}>${this.message(e[f]!)}</a></li>`)}
          ${e.form ? html`<li>${this.t[e.form]}</li>` : nothing}
        </ul>
      </div>
    </div>`;
  }

  private subject() {
    const kind = this.host.shownKind;
    if (kind === 'page') return nothing;
    const t = this.t;
    const { data, status } = this.host.subject;
    const text = data
      ? html`<strong>${data.type.label} ${data.number}</strong> — ${data.abstract}`
      : status === 'loading'
        ? t.subjectLoading
        : t.subjectError;
    return html`<p class="subject" part="subject" id="subject">
      <span class="subject-label">${kind === 'draft' ? t.subjectDraft : t.subjectDocument}</span> ${text}
    </p>`;
  }

  /** Everything after the rating. */
  fields() {
    const t = this.t;
    const { values: v, errors: e, sender } = this.host;
    const invalid = (f: Field) => (e[f] ? 'true' : nothing);
    const over = v.message.length > LIMITS.message.max;
    const busy = sender.state.kind === 'sending';
    const value = (ev: Event) => (ev.target as HTMLInputElement).value;
    const ticked = (ev: Event) => (ev.target as HTMLInputElement).checked;
    return html`
      ${this.subject()}
      <div class="field">
        <label class="label" for="message">${t[LABEL[this.host.shownKind]]}</label>
        <p class="hint" id="message-hint">${t.messageHint}</p>
        ${this.error('message', 'message-error')}
        <textarea
          id="message"
          name="message"
          part="message"
          rows="5"
          aria-describedby="message-hint ${e.message ? 'message-error ' : ''}message-count"
          aria-invalid=${invalid('message')}
          .value=${v.message}
          @input=${(ev: Event) => this.set({ message: value(ev) })}
        ></textarea>
        <p class="count ${over ? 'over' : ''}" id="message-count">
          ${fill(over ? t.charsOver : t.charsLeft, { n: this.number(Math.abs(LIMITS.message.max - v.message.length)) })}
        </p>
      </div>
      <div class="field">
        <label class="label" for="contact">${t.contact}</label>
        <p class="hint" id="contact-hint">${t.contactHint}</p>
        ${this.error('contact', 'contact-error')}
        <input
          type="text"
          id="contact"
          name="contact"
          part="contact"
          autocomplete="email"
          spellcheck="false"
          aria-describedby="contact-hint${e.contact ? ' contact-error' : ''}"
          aria-invalid=${invalid('contact')}
          .value=${v.contact}
          @input=${(ev: Event) => this.set({ contact: value(ev) })}
        />
      </div>
      <fieldset class="consents" part="consent" aria-describedby="privacy">
        <legend>${t.consentLegend}</legend>
        <p class="privacy" id="privacy">${t.notice}</p>
        ${this.error('consent', 'consent-error')}
        <label class="check">
          <input
            type="checkbox"
            id="consent"
            name=${CONSENT}
            aria-invalid=${invalid('consent')}
            aria-describedby=${e.consent ? 'consent-error' : nothing}
            .checked=${v.consent}
            @change=${(ev: Event) => this.set({ consent: ticked(ev) })}
          />
          <span>${t.consentRequired}</span>
        </label>
        ${this.error('contactConsent', 'contact-consent-error')}
        <label class="check">
          <input
            type="checkbox"
            id="contact-consent"
            name=${CONTACT_CONSENT}
            aria-invalid=${invalid('contactConsent')}
            aria-describedby=${e.contactConsent ? 'contact-consent-error' : nothing}
            .checked=${v.contactConsent}
            @change=${(ev: Event) => this.set({ contactConsent: ticked(ev) })}
          />
          <span>${t.consentContact}</span>
        </label>
      </fieldset>
      <div class="honeypot" aria-hidden="true">
        <label for="website">${t.honeypot}</label>
        <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" .value=${this.host.honeypot} @input=${(ev: Event) => (this.host.honeypot = value(ev))} />
      </div>
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${busy ? 'true' : 'false'}>${busy ? t.sending : t.send}</button>
      </div>
      ${this.outcome()}
    `;
  }

  /** After a send that did not go through: why, and what the citizen can do. */
  private outcome() {
    const s = this.host.sender.state;
    const t = this.t;
    if (s.kind === 'rate-limited') {
      const wait = s.retryAfter > 90 ? fill(t.minutes, { n: Math.ceil(s.retryAfter / 60) }) : fill(t.seconds, { n: Math.max(1, s.retryAfter) });
      return html`<div class="notice error" part="notice" role="alert">${fill(t.rateLimited, { wait })}</div>`;
    }
    if (s.kind !== 'failed') return nothing;
    if (s.status === 403) return html`<div class="notice error" part="notice" role="alert">${t.forbidden}</div>`;
    return html`<div class="notice error" part="notice" role="alert">
      <span>${t.failed}</span>
      <button type="button" class="secondary" @click=${() => this.submit()}>${common[this.host.shownLang].retry}</button>
    </div>`;
  }
}
