/**
 * "Tra cứu câu hỏi", loaded when the citizen opens it: a question's status (and its answer) by
 * tracking code, with the codes of questions sent from this browser offered as buttons.
 */
import { html, nothing } from 'lit';
import type { QuestionStatusView } from '@pbgdpl/contract';
import { QuestionStatusViewShape } from '@pbgdpl/contract/shapes';
import { apiUrl } from '../core/api-url.js';
import { HttpError, checked, fetchJson } from '../core/fetch-json.js';
import { common, formatDate } from '../core/i18n.js';
import { normaliseCode, savedCodes } from './qa-box.codes.js';
import type { QaContext } from './qa-box.context.js';
import { adoptFormStyles } from './qa-box.forms.styles.js';
import { strings } from './qa-box.track.i18n.js';

export class Tracker {
  private error = '';
  private busy = false;
  private view: QuestionStatusView | null = null;
  private abort: AbortController | undefined;

  constructor(private readonly ctx: QaContext) {
    adoptFormStyles(ctx.root);
  }

  private get t() {
    return strings[this.ctx.lang];
  }

  private update() {
    this.ctx.host.requestUpdate();
  }

  stop() {
    this.abort?.abort();
  }

  private onSubmit = (e: Event) => {
    e.preventDefault();
    void this.lookup(((e.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement).value);
  };

  private async focus(selector: string) {
    this.update();
    await this.ctx.host.updateComplete;
    this.ctx.root.querySelector<HTMLElement>(selector)?.focus();
  }

  async lookup(input: string) {
    const code = normaliseCode(input);
    const t = this.t;
    this.view = null;
    this.abort?.abort();
    if (!code) {
      this.error = t.trackInvalid;
      return this.focus('#t-code');
    }
    const field = this.ctx.root.querySelector<HTMLInputElement>('#t-code');
    if (field) field.value = code;
    const ac = (this.abort = new AbortController());
    this.error = '';
    this.busy = true;
    this.update();
    try {
      const url = apiUrl(this.ctx.api, `/api/v1/questions/${code}`, { lang: this.ctx.lang });
      const view = checked<QuestionStatusView>(QuestionStatusViewShape, await fetchJson(url, ac.signal));
      if (ac.signal.aborted) return;
      this.view = view;
      this.busy = false;
      await this.focus('.result');
    } catch (err) {
      if (ac.signal.aborted) return;
      const c = common[this.ctx.lang];
      const status = err instanceof HttpError ? err.status : 0;
      this.error = status === 404 ? t.trackNotFound : status === 429 ? t.rateLimitedLookup : navigator.onLine ? c.error : c.offline;
      this.busy = false;
      this.update();
    }
  }

  render() {
    const t = this.t;
    const err = this.error;
    const codes = savedCodes();
    return html`
      <form class="track" part="track" novalidate aria-labelledby="track-title" @submit=${this.onSubmit}>
        <div class="form-title" id="track-title" role="heading" aria-level=${Math.min(6, this.ctx.level + 1)}>${t.track}</div>
        <label for="t-code">${t.trackLabel}</label>
        <p class="hint" id="t-hint">${t.trackHint}</p>
        <div class="inline">
          <input id="t-code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? 't-hint t-err' : 't-hint'} />
          <button type="submit" ?disabled=${this.busy}>${t.trackButton}</button>
        </div>
        ${err ? html`<p class="field-error" id="t-err" role="alert">${err}</p>` : nothing}
        ${codes.length
          ? html`<p class="hint">${t.trackSaved}</p>
              <ul class="codes">
                ${codes.map((c) => html`<li><button type="button" class="secondary" @click=${() => this.lookup(c)}>${c}</button></li>`)}
              </ul>`
          : nothing}
        <p class="visually-hidden" role="status">${this.busy ? t.trackBusy : ''}</p>
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
      ${v.answer ? html`<p class="label">${t.answer}</p>${this.ctx.answer(`t:${v.trackingCode}`, v.answer.html, v.answer.citations)}` : nothing}
    </div>`;
  }
}
