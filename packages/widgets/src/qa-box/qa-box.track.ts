/**
 * "Tra cứu câu hỏi", a part of the Q&A box fetched once the page is idle (or when the citizen
 * opens it): a question's status (and its answer) by tracking code, with the codes the citizen
 * asked this browser to remember offered as buttons, and a way to forget them.
 */
import { html, nothing, type ReactiveController } from 'lit';
import type { QuestionStatusView } from '@pbgdpl/contract';
import { QuestionStatusViewShape } from '@pbgdpl/contract/shapes';
import { apiUrl } from '../core/api-url.js';
import type { WidgetHost } from '../core/base-element.js';
import { HttpError, checked, fetchJson } from '../core/fetch-json.js';
import { common, fill, formatDate } from '../core/i18n.js';
import { adoptPartStyles } from '../core/lazy-part.js';
import { forgetAllCodes, forgetCode, normaliseCode, savedCodes } from './qa-box.codes.js';
import type { QaShared } from './qa-box.context.js';
import { formStyles } from './qa-box.forms.styles.js';
import { strings } from './qa-box.track.i18n.js';

export class Tracker implements ReactiveController {
  private error = '';
  private busy = false;
  /** What the last "Xoá" did, for screen readers. */
  private note = '';
  private view: QuestionStatusView | null = null;
  private abort: AbortController | undefined;

  constructor(
    private readonly host: WidgetHost,
    private readonly shared: QaShared,
  ) {
    host.addController(this);
    adoptPartStyles(host, formStyles);
  }

  hostDisconnected() {
    this.abort?.abort();
  }

  private get t() {
    return strings[this.host.language];
  }

  private update() {
    this.host.requestUpdate();
  }

  private onSubmit = (e: Event) => {
    e.preventDefault();
    void this.lookup(((e.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement).value);
  };

  private async focus(selector: string) {
    this.update();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async lookup(input: string) {
    const code = normaliseCode(input);
    const t = this.t;
    this.note = '';
    this.view = null;
    this.abort?.abort();
    if (!code) {
      this.error = t.trackInvalid;
      return this.focus('#t-code');
    }
    const field = this.host.renderRoot.querySelector<HTMLInputElement>('#t-code');
    if (field) field.value = code;
    const ac = (this.abort = new AbortController());
    this.error = '';
    this.busy = true;
    this.update();
    try {
      const url = apiUrl(this.host.api, `/api/v1/questions/${code}`, { lang: this.host.language });
      const view = checked<QuestionStatusView>(QuestionStatusViewShape, await fetchJson(url, ac.signal));
      if (ac.signal.aborted) return;
      this.view = view;
      this.busy = false;
      await this.focus('.result');
    } catch (err) {
      if (ac.signal.aborted) return;
      const status = err instanceof HttpError ? err.status : 0;
      this.error =
        status === 404 ? t.trackNotFound : status === 429 ? t.rateLimitedLookup : navigator.onLine ? common[this.host.language].error : t.trackOffline;
      this.busy = false;
      this.update();
    }
  }

  /** Focus goes to the code that takes the forgotten one's place, or to the field once none is left. */
  private forget(code: string, index: number) {
    forgetCode(code);
    this.note = fill(this.t.forgotOne, { code });
    const left = savedCodes().length;
    void this.focus(left ? `.codes li:nth-child(${Math.min(index, left - 1) + 1}) .saved-code` : '#t-code');
  }

  private forgetAll = () => {
    forgetAllCodes();
    this.note = this.t.forgotAll;
    void this.focus('#t-code');
  };

  render() {
    const t = this.t;
    const err = this.error;
    const codes = savedCodes();
    return html`
      <form class="track" part="track" novalidate aria-labelledby="track-title" @submit=${this.onSubmit}>
        <div class="form-title" id="track-title" role="heading" aria-level=${Math.min(6, this.host.level + 1)}>${t.track}</div>
        <label for="t-code">${t.trackLabel}</label>
        <p class="hint" id="t-hint">${t.trackHint}</p>
        <div class="inline">
          <input id="t-code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? 't-hint t-err' : 't-hint'} />
          <button type="submit" ?disabled=${this.busy}>${t.trackButton}</button>
        </div>
        ${err ? html`<p class="field-error" id="t-err" role="alert">${err}</p>` : nothing}
        ${
          codes.length
            ? html`<p class="hint" id="t-saved">${t.trackSaved}</p>
              <ul class="codes" aria-labelledby="t-saved">
                ${codes.map(
                  (c, i) => html`<li>
                    <button type="button" class="secondary saved-code" @click=${() => this.lookup(c)}>${c}</button>
                    <button type="button" class="secondary forget-code" aria-label=${fill(t.forgetCode, { code: c })} @click=${() => this.forget(c, i)}>${t.forget}</button>
                  </li>`,
                )}
              </ul>
              <button type="button" class="secondary forget-all" @click=${this.forgetAll}>${t.forgetAll}</button>`
            : nothing
        }
        <p class="visually-hidden" role="status">${this.busy ? t.trackBusy : this.note}</p>
      </form>
      ${this.view ? this.renderView(this.view) : nothing}
    `;
  }

  private renderView(v: QuestionStatusView) {
    const t = this.t;
    const open = v.status !== 'answered' && v.status !== 'rejected';
    const fact = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<div class="result" part="track-result" tabindex="-1" aria-labelledby="result-title">
      <p class="result-title" id="result-title">${v.title}</p>
      <dl class="facts">
        ${fact(t.trackLabel, v.trackingCode)}
        ${fact(t.trackStatus, html`<span class="status ${v.status}">${t[`status:${v.status}`]}</span>`)}
        ${fact(t.fieldFilter, v.field.label)}
        ${fact(t.askedOn, formatDate(v.askedOn))}
        ${open ? fact(t.dueOn, formatDate(v.dueOn)) : nothing}
        ${v.answer ? fact(t.answeredOn, formatDate(v.answer.answeredOn)) : nothing}
      </dl>
      ${v.rejectedReason ? html`<p><strong>${t.reason}:</strong> ${v.rejectedReason}</p>` : nothing}
      ${v.answer ? html`<p class="label">${t.answer}</p>${this.shared.answers.render(`t:${v.trackingCode}`, v.answer.html, v.answer.citations)}` : nothing}
    </div>`;
  }
}
