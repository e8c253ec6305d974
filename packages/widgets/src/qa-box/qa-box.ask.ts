/**
 * The form to ask a question, a part of the Q&A box fetched once the page is idle (or when the
 * citizen opens it): fields with the site's rules, the consent notice, "Có thể bạn quan tâm" while
 * typing, the error summary, what the Sender says, and the receipt.
 */
import { html, nothing, type ReactiveController } from 'lit';
import type { PublicSite, QuestionReceipt, Suggestions } from '@pbgdpl/contract';
import { LIMITS, NOTICES } from '@pbgdpl/contract/constants';
import { textLength } from '@pbgdpl/contract/rules';
import { PublicSiteShape, SuggestionsShape } from '@pbgdpl/contract/shapes';
import { apiUrl } from '../core/api-url.js';
import type { WidgetHost } from '../core/base-element.js';
import { checked, fetchJson } from '../core/fetch-json.js';
import { common, fill, formatDate } from '../core/i18n.js';
import type { OutboxEntry } from '../core/outbox.js';
import { adoptPartStyles } from '../core/lazy-part.js';
import { Resource } from '../core/resource.js';
import { webUrl } from './qa-box.answers.js';
import { formatArticle } from './qa-box.citation.js';
import { REMEMBER_DAYS, forgetCode, rememberCode, savedCodes } from './qa-box.codes.js';
import type { QaShared } from './qa-box.context.js';
import { DEFAULT_RULES, FIELDS, serverErrors, validate, type AskValues, type Errors, type FieldName } from './qa-box.form.js';
import { formStyles } from './qa-box.forms.styles.js';
import { strings } from './qa-box.ask.i18n.js';

const SUGGEST_DELAY_MS = 500;

/** A text field's value; a file input (there is none, but FormData allows one) reads as empty. */
const formText = (data: FormData, name: string): string => {
  const v = data.get(name);
  return typeof v === 'string' ? v : '';
};
const NOTICE = NOTICES.question;
/** The optional consent to receive the answer by e-mail: offered only when the server sends mail and an address is given. */
const BY_EMAIL = 'nhan-tra-loi-qua-email';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

type Receipt = QuestionReceipt & { byEmail: boolean };

export class AskForm implements ReactiveController {
  private readonly siteInfo: Resource<PublicSite>;
  private started = false;
  private field = '';
  private contentLength = 0;
  /** What is in the e-mail field: the box to receive the answer by e-mail needs one. */
  private email = '';
  private errors: Errors = {};
  private general: string[] = [];
  private suggestions: Suggestions | null = null;
  private suggestNote = '';
  private suggestedFor = '';
  private suggestTimer: ReturnType<typeof setTimeout> | undefined;
  private suggestAbort: AbortController | undefined;
  private receipt: Receipt | null = null;
  private copied = false;
  private rememberFailed = false;
  /** Submitted in this visit (not resumed from storage): focus may move to what happened. */
  private submitted = false;

  constructor(
    private readonly host: WidgetHost,
    private readonly shared: QaShared,
  ) {
    host.addController(this);
    this.siteInfo = new Resource(host, (body) => checked<PublicSite>(PublicSiteShape, body));
    adoptPartStyles(host, formStyles);
  }

  hostDisconnected() {
    clearTimeout(this.suggestTimer);
    this.suggestAbort?.abort();
  }

  private get t() {
    return strings[this.host.language];
  }

  /** The site's rules; whether its server sends answers by e-mail. */
  private loadSite() {
    const { api, site } = this.host;
    if (site) void this.siteInfo.load(apiUrl(api, `/api/v1/sites/${encodeURIComponent(site)}`, {}));
  }

  /** The server sends answers by e-mail and the citizen has left an address: the box may be offered. */
  private get mailable() {
    return Boolean(this.siteInfo.data?.answersByEmail) && Boolean(this.email);
  }

  private get rules() {
    return this.siteInfo.data ?? DEFAULT_RULES;
  }

  private get form() {
    return this.host.renderRoot.querySelector<HTMLFormElement>('form.ask');
  }

  private update() {
    this.host.requestUpdate();
  }

  /** Something to show even with the form closed: the receipt, or a question waiting to go out. */
  get shown() {
    const kind = this.shared.sender.state.kind;
    return Boolean(this.receipt) || ((kind === 'queued' || kind === 'sending') && !this.submitted);
  }

  /** The citizen opened the form: the site's rules decide which contacts are required. */
  opened() {
    if (!this.started) this.field = this.shared.fields.chosen;
    this.started = true;
    this.shared.fields.load();
    this.loadSite();
    this.update();
  }

  closed() {
    this.receipt = null;
    if (this.shared.sender.state.kind === 'sent') this.shared.sender.state = { kind: 'idle' };
  }

  /** An empty form again (after a question went out: it must not be sent twice by mistake). */
  private reset() {
    this.form?.reset();
    this.field = this.shared.fields.chosen;
    this.contentLength = 0;
    this.email = '';
    this.suggestions = null;
    this.suggestedFor = '';
    this.suggestNote = '';
    this.errors = {};
    this.general = [];
    this.submitted = false;
  }

  private values(): AskValues {
    const data = new FormData(this.form!);
    const text = (name: string) => formText(data, name).trim();
    return {
      field: text('field'),
      title: text('title'),
      content: text('content'),
      name: text('name'),
      email: text('email'),
      phone: text('phone'),
      // The e-mail box is drawn only when it applies; a tick left from before does not go out either.
      consents: data
        .getAll('consents')
        .map(String)
        .filter((p) => p !== BY_EMAIL || this.mailable),
    };
  }

  private onInput = (e: Event) => {
    const target = e.target as HTMLInputElement;
    if (target.name === 'content') this.contentLength = textLength(target.value);
    if (target.name === 'email') this.email = target.value.trim();
    if (target.name === 'field') this.field = target.value;
    if (target.name === 'title' || target.name === 'content' || target.name === 'field') {
      clearTimeout(this.suggestTimer);
      this.suggestTimer = setTimeout(() => void this.suggest(), SUGGEST_DELAY_MS);
    }
    this.update();
  };

  /** "Có thể bạn quan tâm": published answers and documents close to what the citizen is writing. */
  private async suggest() {
    if (!this.form) return;
    const { title, content, field } = this.values();
    const text = `${title} ${content}`.trim().slice(0, 1000);
    const key = `${field}|${text}`;
    if (key === this.suggestedFor) return;
    this.suggestedFor = key;
    this.suggestAbort?.abort();
    if (words(text) < 3) {
      this.suggestions = null;
      return this.update();
    }
    const ac = (this.suggestAbort = new AbortController());
    const { api, site, language: lang } = this.host;
    try {
      const found = checked<Suggestions>(SuggestionsShape, await fetchJson(apiUrl(api, '/api/v1/questions/suggest', { text, field, lang, site }), ac.signal));
      if (ac.signal.aborted) return;
      const count = (s: Suggestions | null) => (s ? s.answers.length + s.laws.length : 0);
      const n = count(found);
      // Said once when suggestions appear or their number changes; focus stays where the citizen types.
      if (n && n !== count(this.suggestions)) this.suggestNote = fill(this.t.suggestFound, { n });
      this.suggestions = n ? found : null;
      this.update();
    } catch {
      // Suggestions are a help, not a step: without them the form works the same.
      if (!ac.signal.aborted) this.suggestedFor = '';
    }
  }

  private onSubmit = async (e: Event) => {
    e.preventDefault();
    const { sender } = this.shared;
    const kind = sender.state.kind;
    if (kind === 'sending' || kind === 'queued') return;
    const v = this.values();
    this.errors = validate(v, this.rules, this.t, NOTICE.required);
    this.general = [];
    if (Object.keys(this.errors).length) return this.showSummary();
    this.submitted = true;
    const href = location.href.split('#')[0]!;
    const website = formText(new FormData(this.form!), 'website');
    await sender.send(apiUrl(this.host.api, '/api/v1/questions', {}), {
      site: this.host.site,
      ...v,
      noticeVersion: NOTICE.version,
      website,
      ...(/^https?:/.test(href) && href.length <= 2000 ? { pageUrl: href } : {}),
    });
    const state = sender.state;
    if (state.kind === 'invalid') {
      const mapped = serverErrors(state.errors, this.rules, this.t);
      this.errors = mapped.errors;
      this.general = mapped.general;
      // What the citizen cannot fix (an unknown site key, say) is for the webmaster.
      if (mapped.general.length) console.warn('[PBGDPL]', state.detail);
      return this.showSummary();
    }
    if (state.kind === 'failed') console.warn('[PBGDPL]', state.detail);
  };

  private async showSummary() {
    this.update();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  /** The API accepted the question (now, or later from storage). */
  sent(receipt: QuestionReceipt, entry: OutboxEntry) {
    const { consents } = entry.body as { consents?: string[] };
    this.receipt = { ...receipt, byEmail: Boolean(consents?.includes(BY_EMAIL)) };
    if (!this.siteInfo.data) this.loadSite(); // sent from storage: whether mail goes out is the site's to say
    this.copied = false;
    this.rememberFailed = false;
    const focus = this.submitted;
    this.reset();
    this.update();
    if (focus) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('.receipt')?.focus());
  }

  private askAnother = async () => {
    this.closed();
    this.shared.openAsk();
    this.update();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#f-field')?.focus();
  };

  private async copy(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      this.copied = true;
      this.update();
    } catch {
      // No clipboard (an http page, an old browser): select the code so the citizen can copy it.
      const el = this.host.renderRoot.querySelector('.code');
      if (el) getSelection()?.selectAllChildren(el);
    }
  }

  /** Only on the citizen's word: the box starts unticked, and unticking forgets the code again. */
  private onRemember = (e: Event) => {
    const code = this.receipt?.trackingCode;
    if (!code) return;
    const box = e.target as HTMLInputElement;
    const done = box.checked ? rememberCode(code) : forgetCode(code);
    // The box shows what is stored: back as it was if the browser refused.
    if (!done) box.checked = !box.checked;
    this.rememberFailed = !done;
    this.update();
  };

  // ── Rendering ──

  render(open: boolean) {
    const t = this.t;
    if (this.receipt) return this.renderReceipt(this.receipt);
    const kind = this.shared.sender.state.kind;
    // A question left from an earlier visit goes out by itself; say so even with the form closed.
    const waiting =
      !open && (kind === 'queued' || kind === 'sending')
        ? html`<p class="notice" part="notice" role="status">${kind === 'queued' ? t.queued : t.sendingStatus}</p>`
        : nothing;
    return html`${waiting}${this.started ? html`<div ?hidden=${!open}>${this.renderForm()}</div>` : nothing}`;
  }

  private heading(id: string, text: string, cls = 'form-title') {
    return html`<div class=${cls} id=${id} role="heading" aria-level=${Math.min(6, this.host.level + 1)}>${text}</div>`;
  }

  private renderForm() {
    const t = this.t;
    const { fields: known, sender, proof } = this.shared;
    const rules = this.rules;
    const errs = this.errors;
    const busy = sender.state.kind === 'sending';
    const fields = known.list;
    const purposes = [...NOTICE.required, ...NOTICE.optional];
    const star = html`<span aria-hidden="true" class="star">*</span>`;
    const describe = (name: FieldName, ...ids: string[]) => [...ids, ...(errs[name] ? [`e-${name}`] : [])].join(' ') || nothing;
    const invalid = (name: FieldName) => (errs[name] ? 'true' : 'false');
    const needs = (c: 'email' | 'phone') => rules.contactRule === c || rules.contactRule === 'email-and-phone';
    return html`
      <form class="ask" part="form" novalidate aria-labelledby="ask-title" @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput} @focusin=${proof.start}>
        ${this.heading('ask-title', t.ask)}
        <p class="hint">${t.askIntro}</p>
        ${this.renderSummary()}
        <div class="row">
          <label for="f-field">${t.fieldFilter} ${star}</label>
          <select id="f-field" name="field" required aria-invalid=${invalid('field')} aria-describedby=${describe('field')}>
            <option value="">${!fields.length && known.loading ? common[this.host.language].loading : t.chooseField}</option>
            ${fields.map((f) => html`<option value=${f.code} ?selected=${f.code === this.field}>${f.label}</option>`)}
          </select>
          ${known.problem()} ${this.renderError('field')}
        </div>
        <div class="row">
          <label for="f-title">${t.title} ${star}</label>
          <p class="hint" id="h-title">${fill(t.titleHint, LIMITS.title)}</p>
          <input id="f-title" name="title" type="text" required maxlength=${LIMITS.title.max} autocomplete="off" aria-invalid=${invalid('title')} aria-describedby=${describe('title', 'h-title')} />
          ${this.renderError('title')}
        </div>
        <div class="row">
          <label for="f-content">${t.content} ${star}</label>
          <p class="hint" id="h-content">${t.contentHint}</p>
          <textarea id="f-content" name="content" rows="6" required maxlength=${LIMITS.content.max} aria-invalid=${invalid('content')} aria-describedby=${describe('content', 'h-content', 'c-content')}></textarea>
          <p class="count" id="c-content">${fill(t.count, { n: this.contentLength, max: LIMITS.content.max })}</p>
          ${this.renderError('content')}
        </div>
        ${this.renderSuggestions()}
        <p class="visually-hidden" role="status">${this.suggestNote}</p>
        <div class="row">
          <label for="f-name">${t.name} ${rules.requireName ? star : html`<span class="req">${t.optional}</span>`}</label>
          <input id="f-name" name="name" type="text" autocomplete="name" maxlength=${LIMITS.name.max} ?required=${rules.requireName} aria-invalid=${invalid('name')} aria-describedby=${describe('name')} />
          ${this.renderError('name')}
        </div>
        <fieldset aria-describedby="h-contact">
          <legend>${t.contacts} ${rules.contactRule === 'none' ? nothing : star}</legend>
          <p class="hint" id="h-contact">${t[`rule:${rules.contactRule}`]}</p>
          <div class="row">
            <label for="f-email">${t.email}</label>
            <input id="f-email" name="email" type="email" autocomplete="email" maxlength=${LIMITS.contact.max} ?required=${needs('email')} aria-invalid=${invalid('email')} aria-describedby=${describe('email')} />
            ${this.renderError('email')}
          </div>
          <div class="row">
            <label for="f-phone">${t.phone}</label>
            <input id="f-phone" name="phone" type="tel" autocomplete="tel" maxlength="20" ?required=${needs('phone')} aria-invalid=${invalid('phone')} aria-describedby=${describe('phone')} />
            ${this.renderError('phone')}
          </div>
        </fieldset>
        <div class="hp" inert>
          <label for="f-website">${t.honeypot}</label>
          <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <fieldset class="consent" aria-describedby=${describe('consents', 'notice-text')}>
          <legend>${t.consentLegend} ${star}</legend>
          <p class="notice-text" id="notice-text">${t.notice}</p>
          ${purposes.map((p, i) => {
            const required = (NOTICE.required as readonly string[]).includes(p);
            if (p === BY_EMAIL && !this.mailable) return nothing;
            return html`<div class="check">
              <input type="checkbox" id="f-consent-${i}" name="consents" value=${p} aria-invalid=${required ? invalid('consents') : 'false'} />
              <label for="f-consent-${i}">${t[`purpose:${p}`]} <span class="req">${required ? t.required : t.optional}</span></label>
            </div>`;
          })}
          ${this.renderError('consents')}
        </fieldset>
        <div class="form-status" role="status">${this.renderSendState()}</div>
        <button type="submit" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>${busy ? t.sending : t.send}</button>
      </form>
    `;
  }

  private renderError(name: FieldName) {
    const message = this.errors[name];
    return message ? html`<p class="field-error" id="e-${name}">${message}</p>` : nothing;
  }

  private renderSummary() {
    const list = [...FIELDS.filter((f) => this.errors[f]).map((f) => [f, this.errors[f]!] as const), ...this.general.map((m) => ['', m] as const)];
    if (!list.length) return nothing;
    return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
      <p id="summary-title" class="summary-title">${fill(this.t.summary, { n: list.length })}</p>
      <ul>
        ${list.map(([f, m]) => (f ? html`<li><a href="#f-${f}" @click=${(e: Event) => this.focusField(e, f)}>${m}</a></li>` : html`<li>${m}</li>`))}
      </ul>
    </div>`;
  }

  /** Links into a shadow root do not move focus by themselves. */
  private focusField(e: Event, name: FieldName) {
    e.preventDefault();
    const el = this.host.renderRoot.querySelector<HTMLElement>(name === 'consents' ? '#f-consent-0' : `#f-${name}`);
    el?.focus();
    el?.scrollIntoView?.({ block: 'center' });
  }

  private renderSendState() {
    const t = this.t;
    const s = this.shared.sender.state;
    if (s.kind === 'sending') return html`<p>${t.sendingStatus}</p>`;
    if (s.kind === 'queued') return html`<p class="notice" part="notice">${t.queued}</p>`;
    if (s.kind === 'failed') return html`<p class="notice error" part="notice">${t.failed}</p>`;
    if (s.kind === 'rate-limited') {
      const s2 = s.retryAfter;
      const wait = s2 >= 60 ? fill(t.minutes, { n: Math.ceil(s2 / 60) }) : s2 > 0 ? fill(t.seconds, { n: s2 }) : t.aMoment;
      return html`<p class="notice error" part="notice">${fill(t.rateLimited, { wait })}</p>`;
    }
    return nothing;
  }

  private renderSuggestions() {
    const s = this.suggestions;
    if (!s) return nothing;
    const t = this.t;
    const { answers } = this.shared;
    const lang = this.host.language;
    const newTab = html`<span class="visually-hidden"> ${common[lang].newTab}</span>`;
    return html`<section class="suggest" part="suggestions" aria-labelledby="sg-title">
      <div class="sg-title" id="sg-title" role="heading" aria-level=${Math.min(6, this.host.level + 2)}>${t.suggestHeading}</div>
      ${
        s.answers.length
          ? html`<p class="label">${t.suggestAnswers}</p>
            <ul class="sg-list">
              ${s.answers.map((a, i) => {
                const key = `s:${a.id}`;
                const open = answers.isOpen(key);
                return html`<li>
                  <button type="button" class="sg-q" aria-expanded=${open ? 'true' : 'false'} aria-controls="sg-${i}" @click=${() => answers.toggle(key)}>
                    <span class="sg-q-title">${a.title}</span>
                    <span class="excerpt">${a.excerpt}</span>
                  </button>
                  <div id="sg-${i}" class="answer" ?hidden=${!open}>${open ? answers.render(key, a.answerHtml, a.citations) : nothing}</div>
                </li>`;
              })}
            </ul>`
          : nothing
      }
      ${
        s.laws.length
          ? html`<p class="label">${t.suggestLaws}</p>
            <ul class="sg-list">
              ${s.laws.map((l) => {
                const url = webUrl(l.url);
                const label = html`<span class="sg-number">${l.type} ${l.number}:</span> ${l.abstract}`;
                return html`<li class="sg-law">
                  ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${label}${newTab}</a>` : label}
                  ${l.articles.length ? html`<span class="hint">${t.articles}: ${l.articles.map((a) => formatArticle(a, lang)).join('; ')}</span>` : nothing}
                </li>`;
              })}
            </ul>`
          : nothing
      }
    </section>`;
  }

  private renderReceipt(r: Receipt) {
    const t = this.t;
    return html`<div class="receipt" part="receipt" tabindex="-1" aria-labelledby="receipt-title">
      ${this.heading('receipt-title', t.sentHeading, 'receipt-title')}
      <p>${t.sentCode}</p>
      <p class="code-row">
        <strong class="code" part="tracking-code">${r.trackingCode}</strong>
        <button type="button" class="secondary" @click=${() => this.copy(r.trackingCode)}>${t.copy}</button>
        <span role="status" class="hint">${this.copied ? t.copied : ''}</span>
      </p>
      <p>${fill(t.sentDue, { date: formatDate(r.dueOn) })}</p>
      <p class="answer-by">${r.byEmail && this.siteInfo.data?.answersByEmail ? t.sentByEmail : t.sentLookUp}</p>
      <div class="check remember">
        <input type="checkbox" id="r-remember" .checked=${savedCodes().includes(r.trackingCode)} aria-describedby="r-remember-hint" @change=${this.onRemember} />
        <div>
          <label for="r-remember">${t.remember}</label>
          <p class="hint" id="r-remember-hint">${fill(t.rememberHint, { days: REMEMBER_DAYS })}</p>
          <p class="field-error" role="status">${this.rememberFailed ? t.rememberFailed : ''}</p>
        </div>
      </div>
      <button type="button" class="secondary" @click=${this.askAnother}>${t.askAnother}</button>
    </div>`;
  }
}
