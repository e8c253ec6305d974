/**
 * The part of the form a citizen sees once they interact, and what it does: the document named,
 * the message, contact, privacy notice and consents, the error summary, the send button, and the
 * reactions to each sending state. Fetched once the page is idle or when the form is first
 * touched, so the widget's first chunk holds only the title, the question and the five answers.
 */
import { html, nothing, type ReactiveController } from 'lit';
import type { FeedbackInput, FeedbackKindCode, LawSummary } from '@pbgdpl/contract';
import { LIMITS, NOTICES } from '@pbgdpl/contract/constants';
import { textLength } from '@pbgdpl/contract/rules';
import { LawPageShape, type Shape } from '@pbgdpl/contract/shapes';
import { apiUrl } from '../core/api-url.js';
import { checked } from '../core/fetch-json.js';
import { common, fill } from '../core/i18n.js';
import { adoptPartStyles } from '../core/lazy-part.js';
import type { OutboxEntry } from '../core/outbox.js';
import { Resource } from '../core/resource.js';
import type { SendState } from '../core/sender.js';
import { emptyValues, shownKind, type FeedbackHost, type FeedbackShared } from './feedback-form.draft.js';
import { strings } from './feedback-form.parts.i18n.js';
import { partsStyles } from './feedback-form.parts.styles.js';
import { FIELDS, fromServer, validate, type Errors, type FeedbackValues, type Field } from './feedback-form.validate.js';

/** A document as GET /api/v1/laws/{id} gives it has at least a list item's shape. */
const LAW_SHAPE = (LawPageShape as { items: readonly ['[]', Shape] }).items[1];
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

/** The page it was sent from, without the fragment; the contract allows 2,000 characters. */
function pageUrl(): string | undefined {
  const href = location.href.split('#')[0]!;
  if (href.length <= 2000) return href;
  const short = location.origin + location.pathname;
  return short.length <= 2000 ? short : undefined;
}

export class OpenForm implements ReactiveController {
  /** The document or draft it is about. */
  private readonly about: Resource<LawSummary>;
  private subjectUrl = '';
  /** The submission waiting in the outbox, to put back in the form if the server refuses it. */
  private waiting: OutboxEntry | undefined;
  private sentWithContact = false;
  /** The sender state this form has reacted to: none yet, so one resumed from storage is too. */
  private seen: SendState = { kind: 'idle' };

  constructor(
    private readonly host: FeedbackHost,
    private readonly shared: FeedbackShared,
  ) {
    host.addController(this);
    this.about = new Resource<LawSummary>(host, (body) => checked<LawSummary>(LAW_SHAPE, body));
    adoptPartStyles(host, partsStyles);
  }

  private get kind() {
    return shownKind(this.host.kind, this.host.document);
  }

  private get t() {
    return strings[this.host.language];
  }

  private number(n: number) {
    return n.toLocaleString(this.host.language === 'vi' ? 'vi-VN' : 'en-GB');
  }

  private message(key: NonNullable<Errors[Field]>) {
    return fill(this.t[key], { max: this.number(LIMITS.message.max) });
  }

  private set(change: Partial<FeedbackValues>) {
    const { draft } = this.shared;
    draft.set({ values: { ...draft.values, ...change } });
  }

  /** Before each render: the document it is about once the form is open, and what the sender did. */
  hostUpdate() {
    const { draft, sender } = this.shared;
    if (draft.open && this.kind !== 'page') {
      const url = apiUrl(this.host.api, `/api/v1/laws/${encodeURIComponent(this.host.document.trim())}`, { lang: this.host.language });
      if (url !== this.subjectUrl) {
        this.subjectUrl = url;
        void this.about.load(url);
      }
    }
    if (sender.state !== this.seen) {
      this.seen = sender.state;
      // Before the render that may remove what has focus.
      this.react(sender.state, Boolean(this.host.shadowRoot?.activeElement));
    }
  }

  hostDisconnected() {
    this.subjectUrl = ''; // reconnecting loads the subject again
  }

  // ── Behaviour ──────────────────────────────────────────────────────────────────────────────────

  /** "Gửi góp ý": the contract's checks here first, then the sender (which adds a fresh proof of work to every attempt). */
  submit() {
    const { draft, sender } = this.shared;
    if (sender.state.kind === 'sending') return;
    const errors = validate(draft.values);
    if (Object.keys(errors).length) return draft.set({ errors, focusNext: 'summary' });
    draft.set({ errors });
    void sender.send(apiUrl(this.host.api, '/api/v1/feedback', {}), this.body());
  }

  private body(): Omit<FeedbackInput, 'altcha'> {
    const h = this.host;
    const { values: v, honeypot } = this.shared.draft;
    const kind = this.kind;
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
      website: honeypot,
      pageUrl: pageUrl(),
    };
  }

  /** The sender moved on. `focusInside`: whether the citizen was in the widget before this render. */
  private react(s: SendState, focusInside: boolean) {
    const { draft } = this.shared;
    const t = this.t;
    switch (s.kind) {
      case 'idle':
        return;
      case 'queued':
        this.waiting = s.entry;
        return draft.set(focusInside ? { open: true, focusNext: 'queued' } : { open: true, announcement: t.queued });
      case 'sending':
        return draft.set({ announcement: this.waiting ? t.queuedSending : t.announceSending });
      case 'sent':
        this.waiting = undefined;
        this.sentWithContact = Boolean((s.entry.body as Partial<FeedbackInput>).contact);
        return draft.set(focusInside ? { announcement: '', focusNext: 'thanks' } : { announcement: t.thanks });
      case 'invalid':
        this.restore();
        return draft.set({ errors: fromServer(s.errors, draft.values), announcement: '', focusNext: 'summary' });
      default: // rate-limited, failed: the notice says it (role=alert)
        this.restore();
        draft.set({ announcement: '' });
    }
  }

  /** A submission that waited in the outbox and then failed comes back into the form, to fix or resend. */
  private restore() {
    const entry = this.waiting;
    this.waiting = undefined;
    const { draft } = this.shared;
    if (!entry) return draft.set({ open: true });
    const b = entry.body as Partial<FeedbackInput>;
    draft.set({
      open: true,
      values: {
        rating: Number(b.rating) || 0,
        message: String(b.message ?? ''),
        contact: String(b.contact ?? ''),
        consent: Boolean(b.consents?.includes(CONSENT)),
        contactConsent: Boolean(b.consents?.includes(CONTACT_CONSENT)),
      },
    });
  }

  private another = () => {
    this.shared.sender.state = { kind: 'idle' };
    this.seen = this.shared.sender.state;
    this.shared.draft.set({ values: emptyValues(), errors: {}, honeypot: '', announcement: '', focusNext: TARGET.rating });
  };

  private goTo(e: Event, field: Field) {
    e.preventDefault();
    const { rating } = this.shared.draft.values;
    const id = field === 'rating' && rating ? `rating-${rating}` : TARGET[field];
    ((e.currentTarget as Element).getRootNode() as ShadowRoot).getElementById(id)?.focus();
  }

  // ── Views ──────────────────────────────────────────────────────────────────────────────────────

  /** Instead of the form once it is sent or waiting: the thanks, or the offline notice. */
  panel() {
    const s = this.shared.sender.state;
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
    const e = this.shared.draft.errors[field];
    return e ? html`<p class="error" part="error" id=${id}>${this.message(e)}</p>` : nothing;
  }

  summary() {
    const e = this.shared.draft.errors;
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
    const kind = this.kind;
    if (kind === 'page') return nothing;
    const t = this.t;
    const { data, status } = this.about;
    const text = data ? html`<strong>${data.type.label} ${data.number}</strong> — ${data.abstract}` : status === 'loading' ? t.subjectLoading : t.subjectError;
    return html`<p class="subject" part="subject" id="subject">
      <span class="subject-label">${kind === 'draft' ? t.subjectDraft : t.subjectDocument}</span> ${text}
    </p>`;
  }

  /** Everything after the rating. */
  fields() {
    const t = this.t;
    const { values: v, errors: e, honeypot } = this.shared.draft;
    const { sender } = this.shared;
    const invalid = (f: Field) => (e[f] ? 'true' : 'false');
    const length = textLength(v.message);
    const over = length > LIMITS.message.max;
    const busy = sender.state.kind === 'sending';
    const value = (ev: Event) => (ev.target as HTMLInputElement).value;
    const ticked = (ev: Event) => (ev.target as HTMLInputElement).checked;
    return html`
      ${this.subject()}
      <div class="field">
        <label class="label" for="message">${t[LABEL[this.kind]]}</label>
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
          ${fill(over ? t.charsOver : t.charsLeft, { n: this.number(Math.abs(LIMITS.message.max - length)) })}
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
        <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" .value=${honeypot} @input=${(ev: Event) => (this.shared.draft.honeypot = value(ev))} />
      </div>
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${busy ? 'true' : 'false'}>${busy ? t.sending : t.send}</button>
      </div>
      ${this.outcome()}
    `;
  }

  /** After a send that did not go through: why, and what the citizen can do. */
  private outcome() {
    const s = this.shared.sender.state;
    const t = this.t;
    if (s.kind === 'rate-limited') {
      const wait = s.retryAfter > 90 ? fill(t.minutes, { n: Math.ceil(s.retryAfter / 60) }) : fill(t.seconds, { n: Math.max(1, s.retryAfter) });
      return html`<div class="notice error" part="notice" role="alert">${fill(t.rateLimited, { wait })}</div>`;
    }
    if (s.kind !== 'failed') return nothing;
    if (s.status === 403) return html`<div class="notice error" part="notice" role="alert">${t.forbidden}</div>`;
    return html`<div class="notice error" part="notice" role="alert">
      <span>${t.failed}</span>
      <button type="button" class="secondary" @click=${() => this.submit()}>${common[this.host.language].retry}</button>
    </div>`;
  }
}
