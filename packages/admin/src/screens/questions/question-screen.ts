import type { AdminQuestion, AnswerPreview, Meta } from '@pbgdpl/contract';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatDate, formatDateTime } from '../../format.js';
import { t } from '../../i18n.js';
import { consentPurposeLabel, labelOf, meta, questionStatusLabel } from '../../labels.js';
import { href } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import './answer-editor.js';
import type { PaAnswerEditor } from './answer-editor.js';
import './answer-preview.js';
import './citation-picker.js';
import type { CitationDraft } from './citation-picker.js';
import { formText } from './form-text.js';
import { m } from './question-screen.i18n.js';
import { siteNames } from '../../site-names.js';

const PUBLISH_CONSENT = 'cong-khai-hoi-dap';

/**
 * One question: what the citizen asked (always shown as text), who asked and what they consented
 * to, and the work on it: classify, answer with the editor and citations, preview, publish or
 * withdraw, reject with a reason.
 */
@customElement('pa-question')
export class PaQuestion extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      .content {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(8em, max-content) 1fr;
        gap: 4px 16px;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      @media (max-width: 600px) {
        dl {
          grid-template-columns: 1fr;
        }
        dd {
          margin-bottom: 8px;
        }
      }
      .grow {
        flex: 1 1 14em;
      }
      .grow input,
      .grow select,
      textarea {
        width: 100%;
      }
    `,
  ];

  @state() private item: AdminQuestion | null = null;
  @state() private lists: Meta | null = null;
  @state() private sites = new Map<string, string>();
  @state() private problem: 'offline' | 'failed' | 'missing' | null = null;
  @state() private busy = false;
  @state() private errors = new Map<string, string>();
  @state() private message: { kind: 'ok' | 'error'; text: string } | null = null;
  @state() private draft = '';
  @state() private citations: CitationDraft[] = [];
  @state() private preview: AnswerPreview | null = null;

  @query('pa-answer-editor') private editor?: PaAnswerEditor;

  private loadedId = '';

  override connectedCallback() {
    super.connectedCallback();
    void meta().then((x) => (this.lists = x));
    void siteNames()
      .then((x) => (this.sites = x))
      .catch(() => undefined);
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('params') && this.params.id && this.params.id !== this.loadedId) void this.load();
  }

  private async load() {
    this.loadedId = this.params.id!;
    this.problem = null;
    try {
      this.take(await api<AdminQuestion>('GET', `/api/v1/admin/questions/${encodeURIComponent(this.loadedId)}`));
    } catch (error) {
      this.problem = error instanceof NetworkError ? 'offline' : error instanceof ApiError && error.status === 404 ? 'missing' : 'failed';
    }
  }

  private take(item: AdminQuestion) {
    this.item = item;
    this.draft = item.answerHtml ?? '';
    this.citations = item.citations.map((c) => ({ number: c.number, article: c.article }));
  }

  /** Runs a change; shows and announces the outcome, and moves focus to the outcome message. */
  private async act(run: () => Promise<AdminQuestion>, done: (q: AdminQuestion) => string) {
    this.busy = true;
    this.errors = new Map();
    this.message = null;
    try {
      const next = await run();
      this.take(next);
      this.message = { kind: 'ok', text: done(next) };
      announce(this.message.text);
    } catch (error) {
      const text = t(m);
      if (error instanceof ApiError && error.status === 400) this.errors = error.fieldErrors();
      const said =
        error instanceof NetworkError
          ? text.offline
          : error instanceof ApiError && error.status === 409
            ? text.conflict
            : error instanceof ApiError && error.status === 403
              ? text.forbidden
              : error instanceof ApiError && error.status === 400
                ? text.invalid
                : text.failed;
      this.message = { kind: 'error', text: said };
      announce(said, 'alert');
    } finally {
      this.busy = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
    }
  }

  private path(suffix = '') {
    return `/api/v1/admin/questions/${encodeURIComponent(this.item!.id)}${suffix}`;
  }

  private classify(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const json = {
      field: formText(data, 'field'),
      handlingUnit: formText(data, 'handlingUnit') || null,
      status: formText(data, 'status') as 'classified' | 'in-progress',
    };
    void this.act(
      () => api<AdminQuestion>('PATCH', this.path(), { json }),
      (q) => t(m).classified(formatDate(q.dueOn)),
    );
  }

  private answerBody() {
    return { html: this.editor?.html ?? this.draft, citations: this.citations.map(({ number, article }) => ({ number, article })) };
  }

  private async showPreview() {
    const body = this.answerBody();
    this.errors = new Map();
    if (!body.html) {
      this.errors = new Map([['html', t(m).answerEmpty]]);
      this.editor?.focus();
      return;
    }
    try {
      this.preview = await api<AnswerPreview>('POST', '/api/v1/admin/questions/preview', { json: body });
      announce(t(m).previewReady);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#preview-heading')?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) this.errors = error.fieldErrors();
      this.message = { kind: 'error', text: error instanceof NetworkError ? t(m).offline : t(m).invalid };
      announce(this.message.text, 'alert');
    }
  }

  private answer(publish: boolean) {
    const body = this.answerBody();
    if (!body.html) {
      this.errors = new Map([['html', t(m).answerEmpty]]);
      this.editor?.focus();
      return;
    }
    void this.act(
      () => api<AdminQuestion>('POST', this.path('/answer'), { json: { ...body, publish } }),
      (q) => (q.published ? t(m).savedPublished : t(m).saved),
    );
  }

  private publish(published: boolean) {
    void this.act(
      () => api<AdminQuestion>('POST', this.path('/publish'), { json: { published } }),
      () => (published ? t(m).publishedNow : t(m).unpublishedNow),
    );
  }

  private reject(e: Event) {
    e.preventDefault();
    const reason = formText(new FormData(e.target as HTMLFormElement), 'reason');
    if (reason.length < 3) {
      this.errors = new Map([['reason', t(m).tooShort]]);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#reason')?.focus());
      return;
    }
    void this.act(
      () => api<AdminQuestion>('POST', this.path('/reject'), { json: { reason } }),
      () => t(m).rejected,
    );
  }

  private fieldError(path: string) {
    const error = this.errors.get(path);
    return error ? html`<span class="error" id="${path}-error">${error}</span>` : nothing;
  }

  private renderFacts(q: AdminQuestion) {
    const text = t(m);
    return html`<section class="panel" aria-labelledby="facts-heading">
      <h2 id="facts-heading" class="visually-hidden">${text.question}</h2>
      <p>
        <span class="badge">${questionStatusLabel(q.status)}</span>
        ${q.overdue ? html`<span class="badge danger">${text.overdue}</span>` : nothing}
        <span class="badge ${q.published ? 'ok' : ''}">${q.published ? text.published : text.notPublished}</span>
      </p>
      <dl>
        <dt>${text.tracking}</dt>
        <dd>${q.trackingCode}</dd>
        <dt>${text.received}</dt>
        <dd>${formatDateTime(q.createdAt)}</dd>
        <dt>${text.due}</dt>
        <dd>${formatDate(q.dueOn)}${q.overdue ? ` — ${text.overdue}` : ''}</dd>
        <dt>${text.field}</dt>
        <dd>${labelOf(this.lists?.fields ?? [], q.field)}</dd>
        <dt>${text.unit}</dt>
        <dd>${q.handlingUnit ?? text.none}</dd>
        <dt>${text.site}</dt>
        <dd>${this.sites.get(q.site) ?? q.site}</dd>
        ${q.pageUrl ? html`<dt>${text.page}</dt><dd>${q.pageUrl}</dd>` : nothing}
      </dl>
      <h2>${text.question}</h2>
      <p class="content">${q.content}</p>
      ${q.status === 'rejected' ? html`<h2>${text.rejectedReason}</h2><p class="content">${q.rejectedReason}</p>` : nothing}
    </section>`;
  }

  private renderAsker(q: AdminQuestion) {
    const text = t(m);
    return html`<section class="panel" aria-labelledby="asker-heading">
      <h2 id="asker-heading">${text.asker}</h2>
      ${q.contactOverLimit ? html`<p class="notice error">${text.overLimit}</p>` : nothing}
      <dl>
        <dt>${text.name}</dt>
        <dd>${q.name ?? text.none}</dd>
        <dt>${text.email}</dt>
        <dd>${q.email ?? text.none}</dd>
        <dt>${text.phone}</dt>
        <dd>${q.phone ?? text.none}</dd>
        <dt>${text.consent}</dt>
        <dd>
          ${
            q.consent.purposes.length
              ? html`<ul>
                  ${q.consent.purposes.map((p) => html`<li>${consentPurposeLabel(p)}</li>`)}
                </ul>
                <span class="hint">${text.consentGiven(formatDateTime(q.consent.givenAt), q.consent.noticeVersion)}</span>`
              : text.noConsent
          }
        </dd>
      </dl>
    </section>`;
  }

  private renderClassify(q: AdminQuestion) {
    const text = t(m);
    return html`<section class="panel" aria-labelledby="classify-heading">
      <h2 id="classify-heading">${text.classify}</h2>
      <form class="toolbar" @submit=${this.classify}>
        <div class="field grow">
          <label for="c-field">${text.field}</label>
          <select id="c-field" name="field" aria-describedby="field-error">
            ${(this.lists?.fields ?? [{ code: q.field, label: q.field }]).map(
              (f) => html`<option value=${f.code} ?selected=${f.code === q.field}>${f.label}</option>`,
            )}
          </select>
          ${this.fieldError('field')}
        </div>
        <div class="field grow">
          <label for="c-unit">${text.unit}</label>
          <input id="c-unit" name="handlingUnit" maxlength="200" .value=${q.handlingUnit ?? ''} aria-describedby="c-unit-hint" />
          <span class="hint" id="c-unit-hint">${text.dueHint}</span>
          ${this.fieldError('handlingUnit')}
        </div>
        <div class="field grow">
          <label for="c-status">${text.stage}</label>
          <select id="c-status" name="status">
            ${(['classified', 'in-progress'] as const).map(
              (s) => html`<option value=${s} ?selected=${q.status === s || (s === 'classified' && q.status === 'new')}>${questionStatusLabel(s)}</option>`,
            )}
          </select>
        </div>
        <div class="field"><button type="submit" class="primary" ?disabled=${this.busy}>${text.classifySave}</button></div>
      </form>
    </section>`;
  }

  private renderAnswer(q: AdminQuestion) {
    const text = t(m);
    const mayPublish = q.consent.purposes.includes(PUBLISH_CONSENT);
    return html`<section class="panel" aria-labelledby="answer-heading">
      <h2 id="answer-heading">${text.answer}</h2>
      ${q.answeredBy && q.answeredAt ? html`<p class="muted">${text.answeredBy(q.answeredBy, formatDateTime(q.answeredAt))}</p>` : nothing}
      <pa-answer-editor
        .label=${text.answerLabel}
        .value=${this.draft}
        .invalid=${this.errors.has('html')}
        .errorText=${this.errors.get('html') ?? ''}
      ></pa-answer-editor>
      <pa-citation-picker .value=${this.citations} @pa-change=${(e: CustomEvent<CitationDraft[]>) => (this.citations = e.detail)}></pa-citation-picker>
      ${mayPublish ? nothing : html`<p class="notice" id="no-publish">${text.noPublish}</p>`}
      <div class="toolbar">
        <button type="button" @click=${this.showPreview}>${text.preview}</button>
        <button type="button" class=${mayPublish ? '' : 'primary'} ?disabled=${this.busy} @click=${() => this.answer(false)}>${text.save}</button>
        ${mayPublish ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.answer(true)}>${text.savePublish}</button>` : nothing}
      </div>
      ${
        this.preview
          ? html`<h3 id="preview-heading" tabindex="-1">${text.previewHeading}</h3>
            <pa-answer-preview .preview=${this.preview} .heading=${q.title} .content=${q.content}></pa-answer-preview>`
          : nothing
      }
    </section>`;
  }

  private renderPublishing(q: AdminQuestion) {
    const text = t(m);
    const mayPublish = q.consent.purposes.includes(PUBLISH_CONSENT);
    return html`<section class="panel" aria-labelledby="publishing-heading">
      <h2 id="publishing-heading">${text.publishing}</h2>
      <p>${q.published ? text.published : text.notPublished}</p>
      ${
        q.published
          ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.publish(false)}>${text.unpublish}</button>`
          : mayPublish
            ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.publish(true)}>${text.publish}</button>`
            : html`<p class="notice">${text.noPublish}</p>`
      }
    </section>`;
  }

  private renderReject() {
    const text = t(m);
    const error = this.errors.get('reason');
    return html`<section class="panel" aria-labelledby="reject-heading">
      <h2 id="reject-heading">${text.reject}</h2>
      <form @submit=${this.reject}>
        <div class="field">
          <label for="reason">${text.reason}</label>
          <textarea id="reason" name="reason" maxlength="1000" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'reason-error' : nothing}></textarea>
          ${this.fieldError('reason')}
        </div>
        <button type="submit" class="danger" ?disabled=${this.busy}>${text.rejectDo}</button>
      </form>
    </section>`;
  }

  override render() {
    const text = t(m);
    const back = html`<p><a href=${href('questions')}>${text.back}</a></p>`;
    if (this.problem) {
      const said = this.problem === 'missing' ? text.notFound : this.problem === 'offline' ? text.offline : text.failed;
      return html`${back}
        <h1>${text.question}</h1>
        <div class="notice error" role="alert">
          <p>${said}</p>
          ${this.problem === 'missing' ? nothing : html`<button type="button" @click=${() => this.load()}>${text.retry}</button>`}
        </div>`;
    }
    const q = this.item;
    if (!q) return html`${back}<h1>${text.question}</h1><p class="skeleton muted" aria-busy="true">${text.loading}</p>`;
    const open = q.status !== 'answered' && q.status !== 'rejected';
    return html`${back}
      <h1 class="content">${q.title}</h1>
      <div id="outcome" tabindex="-1">${this.message ? html`<p class="notice ${this.message.kind}">${this.message.text}</p>` : nothing}</div>
      ${this.renderFacts(q)} ${this.renderAsker(q)} ${open ? this.renderClassify(q) : nothing}
      ${q.status === 'rejected' ? nothing : this.renderAnswer(q)} ${q.status === 'answered' ? this.renderPublishing(q) : nothing}
      ${open ? this.renderReject() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-question': PaQuestion;
  }
}
