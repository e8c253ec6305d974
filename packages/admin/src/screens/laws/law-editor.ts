import type { AdminLawPage, Law, Meta, Problem } from '@pbgdpl/contract';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { formatDate, formatDateTime, parseDate } from '../../format.js';
import { lang, messages, t } from '../../i18n.js';
import { meta } from '../../labels.js';
import { href, navigate } from '../../router.js';
import { hasRole } from '../../session.js';
import { announce } from '../../ui/announce.js';
import { ScreenElement } from '../../ui/console-element.js';
import './law-attachments.js';
import { errorText } from './law-words.js';
import './relation-picker.js';
import type { Relation } from './relation-picker.js';
import type { TextInputType } from '../../ui/input-types.js';

const m = messages({
  vi: {
    newTitle: 'Đăng văn bản mới',
    editTitle: (n: string) => `Sửa văn bản ${n}`,
    back: 'Về danh sách văn bản',
    loading: 'Đang tải văn bản…',
    notFound: 'Không có văn bản này.',
    gone: 'Văn bản này đã bị thu hồi: không còn hiện trên các trang, và không sửa được nữa.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    failed: 'Có lỗi khi lưu. Hãy thử lại.',
    required: 'Bắt buộc',
    number: 'Số ký hiệu',
    numberHint: 'Ví dụ 91/2025/QH15 hoặc 184/KH-UBND',
    type: 'Loại văn bản',
    normative: 'Là văn bản quy phạm pháp luật (VBQPPL)?',
    normativeByType: 'Theo loại văn bản',
    yes: 'Có',
    no: 'Không',
    issuer: 'Cơ quan ban hành',
    signerName: 'Người ký',
    signerTitle: 'Chức vụ người ký',
    issuedOn: 'Ngày ban hành',
    effectiveOn: 'Ngày có hiệu lực',
    expiresOn: 'Ngày hết hiệu lực',
    dateHint: 'dd/mm/yyyy',
    notDate: 'Không phải ngày: hãy viết dd/mm/yyyy, ví dụ 01/07/2025',
    validity: 'Tình trạng hiệu lực',
    choose: '— Chọn —',
    fields: 'Lĩnh vực (chọn một hoặc nhiều)',
    abstract: 'Trích yếu',
    url: 'Đường dẫn toàn văn',
    urlHint: 'Để trống: dẫn tới Cơ sở dữ liệu quốc gia về pháp luật theo số ký hiệu',
    save: 'Lưu văn bản',
    publish: 'Đăng văn bản',
    saving: 'Đang lưu…',
    created: 'Đã đăng văn bản. Bây giờ có thể đính kèm tệp.',
    updated: 'Đã lưu các thay đổi.',
    asCitizens: 'Xem như người dân thấy',
    invalid: (n: number) => `Có ${n} chỗ cần sửa; xem thông báo bên cạnh từng ô.`,
    duplicate: (n: string) => `Số ký hiệu ${n} đã là số của một văn bản khác:`,
    duplicateWithdrawn: '(văn bản đó đã bị thu hồi)',
    duplicateUnknown: (n: string) => `Số ký hiệu ${n} đã là số của một văn bản khác. Tìm văn bản đó trong danh sách.`,
    withdraw: 'Thu hồi văn bản',
    withdrawTitle: 'Thu hồi văn bản này?',
    withdrawText: 'Văn bản sẽ không còn hiện trên mọi trang đang nhúng danh sách văn bản. Việc thu hồi được ghi vào nhật ký và không hoàn tác được.',
    withdrawConfirm: 'Thu hồi',
    cancel: 'Huỷ',
    withdrawn: (at: string, by: string) => `Đã thu hồi lúc ${at}${by ? ` bởi ${by}` : ''}.`,
    withdrawAdmin: 'Chỉ quản trị viên mới thu hồi được văn bản.',
    saveFirst: 'Lưu văn bản trước, rồi đính kèm tệp.',
  },
  en: {
    newTitle: 'Publish a new document',
    editTitle: (n: string) => `Edit document ${n}`,
    back: 'Back to the documents',
    loading: 'Loading the document…',
    notFound: 'There is no such document.',
    gone: 'This document was withdrawn: it no longer shows on any site and cannot be changed.',
    offline: 'The network is down. Check it and try again.',
    failed: 'Saving failed. Try again.',
    required: 'Required',
    number: 'Number',
    numberHint: 'Such as 91/2025/QH15 or 184/KH-UBND',
    type: 'Type',
    normative: 'Is it a normative legal document (VBQPPL)?',
    normativeByType: 'As its type usually is',
    yes: 'Yes',
    no: 'No',
    issuer: 'Issuer',
    signerName: 'Signer',
    signerTitle: "Signer's title",
    issuedOn: 'Issued on',
    effectiveOn: 'Effective from',
    expiresOn: 'Expires on',
    dateHint: 'dd/mm/yyyy',
    notDate: 'Not a date: write dd/mm/yyyy, such as 01/07/2025',
    validity: 'Validity',
    choose: '— Choose —',
    fields: 'Fields (one or several)',
    abstract: 'Abstract',
    url: 'Full-text link',
    urlHint: "Empty: the national legal database's page for the number",
    save: 'Save the document',
    publish: 'Publish the document',
    saving: 'Saving…',
    created: 'The document is published. You can attach files now.',
    updated: 'The changes are saved.',
    asCitizens: 'See it as citizens do',
    invalid: (n: number) => `${n} things to fix; see the message next to each.`,
    duplicate: (n: string) => `Number ${n} is already the number of another document:`,
    duplicateWithdrawn: '(that document was withdrawn)',
    duplicateUnknown: (n: string) => `Number ${n} is already the number of another document. Find it in the list.`,
    withdraw: 'Withdraw the document',
    withdrawTitle: 'Withdraw this document?',
    withdrawText: 'It will no longer show on any site that embeds the list. The withdrawal is audited and cannot be undone.',
    withdrawConfirm: 'Withdraw',
    cancel: 'Cancel',
    withdrawn: (at: string, by: string) => `Withdrawn on ${at}${by ? ` by ${by}` : ''}.`,
    withdrawAdmin: 'Only administrators can withdraw a document.',
    saveFirst: 'Save the document first, then attach files.',
  },
});

/** The page of the demo site that shows the latest documents as a department's site would. */
const CITIZEN_PAGE = '/agency.html';

interface Draft {
  number: string;
  type: string;
  normative: '' | 'yes' | 'no';
  issuer: string;
  signerName: string;
  signerTitle: string;
  issuedOn: string;
  effectiveOn: string;
  expiresOn: string;
  validity: string;
  fields: string[];
  abstract: string;
  url: string;
  relations: Relation[];
}

const EMPTY: Draft = {
  number: '',
  type: '',
  normative: '',
  issuer: '',
  signerName: '',
  signerTitle: '',
  issuedOn: '',
  effectiveOn: '',
  expiresOn: '',
  validity: 'con-hieu-luc',
  fields: [],
  abstract: '',
  url: '',
  relations: [],
};

const draftOf = (law: Law): Draft => ({
  number: law.number,
  type: law.type.code,
  normative: law.normative ? 'yes' : 'no',
  issuer: law.issuer.code,
  signerName: law.signer?.name ?? '',
  signerTitle: law.signer?.title ?? '',
  issuedOn: formatDate(law.issuedOn),
  effectiveOn: formatDate(law.effectiveOn),
  expiresOn: formatDate(law.expiresOn),
  validity: law.validity.code,
  fields: law.fields.map((f) => f.code),
  abstract: law.abstract,
  url: law.url,
  relations: law.relations.map((r) => ({ kind: r.kind, number: r.number })),
});

type AdminLaw = Law & { withdrawnAt?: string | null; withdrawnBy?: string | null };
type Duplicate = { number: string; other: { id: string; number: string; abstract: string; withdrawn: boolean } | null };

/** The form of a document: new (#/laws/new) or an existing one (#/laws/ID), its files, its withdrawal. */
@customElement('pa-law-editor')
export class PaLawEditor extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      fieldset.fields {
        border: 1px solid var(--pa-line);
        border-radius: 6px;
        padding: 12px 16px;
        margin: 0 0 12px;
      }
      fieldset.fields legend {
        font-weight: 600;
        padding: 0 4px;
      }
      .checks {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
        gap: 4px 12px;
      }
      .checks label {
        display: flex;
        gap: 8px;
        align-items: center;
        min-height: 44px;
      }
      .checks input {
        width: 20px;
        height: 20px;
      }
      .req {
        color: var(--pa-danger);
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        justify-content: space-between;
      }
      dialog {
        max-width: 32em;
        border: 1px solid var(--pa-line);
        border-radius: 6px;
        padding: 20px;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 40%);
      }
    `,
  ];

  @state() private lists: Meta | null = null;
  @state() private law: AdminLaw | null = null;
  @state() private draft: Draft = { ...EMPTY };
  @state() private status: 'loading' | 'ready' | 'not-found' | 'gone' | 'offline' = 'loading';
  @state() private errors = new Map<string, string>();
  @state() private duplicate: Duplicate | null = null;
  @state() private notice: { kind: 'ok' | 'error'; text: string } | null = null;
  @state() private saving = false;

  private get lawId(): string | null {
    return this.params.id ?? null;
  }

  override connectedCallback() {
    super.connectedCallback();
    void meta().then((lists) => (this.lists = lists));
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('params')) void this.load();
  }

  private async load() {
    this.errors = new Map();
    this.duplicate = null;
    const saved = this.query.get('saved');
    this.notice = saved === 'created' ? { kind: 'ok', text: t(m).created } : null;
    if (!this.lawId) {
      this.law = null;
      this.draft = { ...EMPTY };
      this.status = 'ready';
      return;
    }
    this.status = 'loading';
    try {
      const law = await api<AdminLaw>('GET', `/api/v1/admin/laws/${encodeURIComponent(this.lawId)}`);
      this.law = law;
      this.draft = draftOf(law);
      // A withdrawn document is kept as a record; it is not edited any more (the API refuses).
      this.status = law.withdrawnAt ? 'gone' : 'ready';
      if (this.notice) {
        announce(this.notice.text);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#notice')?.focus();
      }
    } catch (error) {
      this.law = null;
      this.status = error instanceof NetworkError ? 'offline' : error instanceof ApiError && error.status === 410 ? 'gone' : 'not-found';
    }
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]) {
    this.draft = { ...this.draft, [key]: value };
  }

  /** The body for POST or PATCH, or null when a date typed is not a date (then `errors` says which). */
  private body(): Record<string, unknown> | null {
    const d = this.draft;
    const errors = new Map<string, string>();
    const date = (key: 'issuedOn' | 'effectiveOn' | 'expiresOn') => {
      const text = d[key].trim();
      if (!text) return null;
      const iso = parseDate(text);
      if (!iso) errors.set(key, t(m).notDate);
      return iso;
    };
    const body: Record<string, unknown> = {
      number: d.number,
      type: d.type,
      issuer: d.issuer,
      signer: d.signerName.trim() ? { name: d.signerName, title: d.signerTitle } : null,
      issuedOn: date('issuedOn') ?? '',
      effectiveOn: date('effectiveOn'),
      expiresOn: date('expiresOn'),
      validity: d.validity,
      fields: d.fields,
      abstract: d.abstract,
      relations: d.relations,
    };
    if (d.normative) body.normative = d.normative === 'yes';
    if (d.url.trim()) body.url = d.url.trim();
    this.errors = errors;
    return errors.size ? null : body;
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    this.notice = null;
    this.duplicate = null;
    const body = this.body();
    if (!body) return this.showInvalid();
    this.saving = true;
    try {
      if (this.lawId) {
        const law = await api<AdminLaw>('PATCH', `/api/v1/admin/laws/${encodeURIComponent(this.lawId)}`, { json: body });
        this.law = law;
        this.draft = draftOf(law);
        this.notice = { kind: 'ok', text: t(m).updated };
        announce(t(m).updated);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#notice')?.focus();
      } else {
        const law = await api<Law>('POST', '/api/v1/admin/laws', { json: body });
        navigate(`laws/${law.id}`, { saved: 'created' });
      }
    } catch (error) {
      await this.failed(error);
    } finally {
      this.saving = false;
    }
  }

  private async failed(error: unknown) {
    if (error instanceof NetworkError) {
      this.notice = { kind: 'error', text: t(m).offline };
    } else if (error instanceof ApiError && error.status === 409 && error.problem?.errors?.some((e) => e.code === 'duplicate')) {
      this.duplicate = await this.findDuplicate(this.draft.number);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#duplicate')?.focus();
      return;
    } else if (error instanceof ApiError && error.problem?.errors?.length) {
      // "signer" (the whole object) is shown next to the signer's name.
      this.errors = new Map(error.problem.errors.map((e) => [e.path === 'signer' ? 'signer.name' : e.path, errorText(e)]));
      return this.showInvalid(error.problem);
    } else {
      this.notice = { kind: 'error', text: t(m).failed };
    }
    announce(this.notice.text, 'alert');
  }

  /** The other document of that number, found as staff would find it: in the list. */
  private async findDuplicate(number: string): Promise<Duplicate> {
    try {
      const page = await api<AdminLawPage>('GET', '/api/v1/admin/laws', { query: { q: number, limit: 10, lang: lang() } });
      const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
      const other = page.items.find((i) => norm(i.number) === norm(number) && i.id !== this.lawId);
      return { number, other: other ? { id: other.id, number: other.number, abstract: other.abstract, withdrawn: other.withdrawnAt !== null } : null };
    } catch {
      return { number, other: null };
    }
  }

  private async showInvalid(problem?: Problem) {
    const count = problem?.errors?.length ?? this.errors.size;
    announce(t(m).invalid(count), 'alert');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private openWithdraw() {
    // showModal() focuses the first button: "Huỷ", the safe one.
    this.renderRoot.querySelector<HTMLDialogElement>('#withdraw-dialog')?.showModal();
  }

  private async withdraw() {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#withdraw-dialog')!;
    dialog.close();
    try {
      await api<AdminLaw>('DELETE', `/api/v1/admin/laws/${encodeURIComponent(this.lawId!)}`);
      this.status = 'gone';
      this.law = null;
      announce(t(m).gone);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#gone')?.focus();
    } catch (error) {
      await this.failed(error);
    }
  }

  /** An input's error, by the API's path. */
  private error(path: string) {
    return this.errors.get(path) ?? null;
  }

  private input(
    key: 'number' | 'signerName' | 'signerTitle' | 'url',
    label: string,
    opts: { path?: string; hint?: string; required?: boolean; type?: TextInputType } = {},
  ) {
    const path = opts.path ?? key;
    const error = this.error(path);
    const describedBy = [opts.hint ? `${key}-hint` : '', error ? `${key}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${key}>${label}${opts.required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</label>
      <input
        id=${key}
        type=${opts.type ?? 'text'}
        .value=${this.draft[key]}
        ?required=${opts.required}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value)}
      />
      ${opts.hint ? html`<span class="hint" id="${key}-hint">${opts.hint}</span>` : nothing}
      ${error ? html`<span class="error" id="${key}-error">${error}</span>` : nothing}
    </div>`;
  }

  private date(key: 'issuedOn' | 'effectiveOn' | 'expiresOn', label: string, required = false) {
    const error = this.error(key);
    return html`<div class="field">
      <label for=${key}>${label}${required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</label>
      <input
        id=${key}
        inputmode="numeric"
        autocomplete="off"
        placeholder=${t(m).dateHint}
        .value=${this.draft[key]}
        ?required=${required}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${key}-hint${error ? ` ${key}-error` : ''}"
        @input=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value)}
      />
      <span class="hint" id="${key}-hint">${t(m).dateHint}</span>
      ${error ? html`<span class="error" id="${key}-error">${error}</span>` : nothing}
    </div>`;
  }

  private select(key: 'type' | 'issuer' | 'validity' | 'normative', label: string, options: readonly { code: string; label: string }[], first: string | null) {
    const error = this.error(key);
    return html`<div class="field">
      <label for=${key}>${label}${first === t(m).choose ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</label>
      <select
        id=${key}
        ?required=${first === t(m).choose}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${key}-error` : nothing}
        @change=${(e: Event) => this.set(key, (e.target as HTMLSelectElement).value)}
      >
        ${first !== null ? html`<option value="" ?selected=${!this.draft[key]}>${first}</option>` : nothing}
        ${options.map((o) => html`<option value=${o.code} ?selected=${o.code === this.draft[key]}>${o.label}</option>`)}
      </select>
      ${error ? html`<span class="error" id="${key}-error">${error}</span>` : nothing}
    </div>`;
  }

  override render() {
    const text = t(m);
    const title = this.law ? text.editTitle(this.law.number) : text.newTitle;
    return html`<p><a href=${href('laws')}>← ${text.back}</a></p>
      <h1 tabindex="-1">${this.lawId && !this.law ? text.editTitle(this.lawId) : title}</h1>
      ${this.renderBody()}`;
  }

  private renderBody() {
    const text = t(m);
    if (this.status === 'loading') return html`<p class="skeleton muted" aria-busy="true">${text.loading}</p>`;
    if (this.status === 'not-found') return html`<p class="notice error" role="alert">${text.notFound}</p>`;
    if (this.status === 'offline') return html`<p class="notice error" role="alert">${text.offline}</p>`;
    if (this.status === 'gone') return html`<p class="notice" id="gone" tabindex="-1">${text.gone}</p>`;
    const lists = this.lists;
    const d = this.draft;
    const fieldsError = this.error('fields') ?? [...this.errors].find(([p]) => p.startsWith('fields.'))?.[1] ?? null;
    const relationErrors = new Map(
      [...this.errors].filter(([p]) => p.startsWith('relations.')).map(([p, message]) => [Number(p.split('.')[1]), message] as const),
    );
    return html`
      ${
        this.notice
          ? html`<div class="notice ${this.notice.kind}" id="notice" tabindex="-1" role=${this.notice.kind === 'error' ? 'alert' : 'status'}>
            ${this.notice.text}
            ${this.notice.kind === 'ok' && this.law ? html` <a href=${CITIZEN_PAGE} target="_blank" rel="noopener">${text.asCitizens}</a>` : nothing}
          </div>`
          : nothing
      }
      ${this.duplicate ? this.renderDuplicate(this.duplicate) : nothing}
      <form class="panel" novalidate @submit=${this.save}>
        <div class="grid-2">
          ${this.input('number', text.number, { hint: text.numberHint, required: true })}
          ${this.select('type', text.type, lists?.types ?? [], text.choose)}
          ${this.select(
            'normative',
            text.normative,
            [
              { code: 'yes', label: text.yes },
              { code: 'no', label: text.no },
            ],
            text.normativeByType,
          )}
          ${this.select('issuer', text.issuer, lists?.issuers ?? [], text.choose)}
          ${this.input('signerName', text.signerName, { path: 'signer.name' })}
          ${this.input('signerTitle', text.signerTitle, { path: 'signer.title' })} ${this.date('issuedOn', text.issuedOn, true)}
          ${this.date('effectiveOn', text.effectiveOn)} ${this.date('expiresOn', text.expiresOn)}
          ${this.select('validity', text.validity, lists?.validity ?? [], null)}
        </div>
        <fieldset class="fields" aria-invalid=${fieldsError ? 'true' : 'false'} aria-describedby=${fieldsError ? 'fields-error' : nothing}>
          <legend>${text.fields} <span class="req" aria-hidden="true">*</span></legend>
          <div class="checks">
            ${(lists?.fields ?? []).map(
              (f) =>
                html`<label
                  ><input
                    type="checkbox"
                    .checked=${d.fields.includes(f.code)}
                    @change=${(e: Event) =>
                      this.set('fields', (e.target as HTMLInputElement).checked ? [...d.fields, f.code] : d.fields.filter((c) => c !== f.code))}
                  />${f.label}</label
                >`,
            )}
          </div>
          ${fieldsError ? html`<span class="error" id="fields-error">${fieldsError}</span>` : nothing}
        </fieldset>
        <div class="field">
          <label for="abstract">${text.abstract} <span class="req" aria-hidden="true">*</span></label>
          <textarea
            id="abstract"
            required
            maxlength="1000"
            .value=${d.abstract}
            aria-invalid=${this.error('abstract') ? 'true' : 'false'}
            aria-describedby=${this.error('abstract') ? 'abstract-error' : nothing}
            @input=${(e: Event) => this.set('abstract', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${this.error('abstract') ? html`<span class="error" id="abstract-error">${this.error('abstract')}</span>` : nothing}
        </div>
        ${this.input('url', text.url, { hint: text.urlHint, type: 'url' })}
        <pa-relation-picker
          .relations=${d.relations}
          .errors=${relationErrors}
          .self=${this.lawId}
          @pa-relations-change=${(e: CustomEvent<Relation[]>) => this.set('relations', e.detail)}
        ></pa-relation-picker>
        <div class="row-actions">
          <button class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? text.saving : this.lawId ? text.save : text.publish}</button>
          ${this.lawId && hasRole('admin') ? html`<button type="button" class="danger" @click=${this.openWithdraw}>${text.withdraw}</button>` : nothing}
        </div>
      </form>
      ${
        this.law
          ? html`<pa-law-attachments .law=${this.law} @pa-law-changed=${(e: CustomEvent<AdminLaw>) => (this.law = e.detail)}></pa-law-attachments>`
          : html`<p class="muted">${text.saveFirst}</p>`
      }
      ${this.law?.withdrawnAt ? html`<p class="muted">${text.withdrawn(formatDateTime(this.law.withdrawnAt), this.law.withdrawnBy ?? '')}</p>` : nothing}
      <dialog id="withdraw-dialog" aria-labelledby="withdraw-h" aria-describedby="withdraw-p">
        <h2 id="withdraw-h">${text.withdrawTitle}</h2>
        <p id="withdraw-p">${text.withdrawText}</p>
        <div class="row-actions">
          <button type="button" @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('#withdraw-dialog')?.close()}>${text.cancel}</button>
          <button type="button" class="danger" @click=${this.withdraw}>${text.withdrawConfirm}</button>
        </div>
      </dialog>
    `;
  }

  private renderDuplicate(dup: Duplicate) {
    const text = t(m);
    return html`<div class="notice error" id="duplicate" tabindex="-1" role="alert">
      ${
        dup.other
          ? html`${text.duplicate(dup.number)} <a href=${href(`laws/${dup.other.id}`)}>${dup.other.number} — ${dup.other.abstract}</a>
            ${dup.other.withdrawn ? text.duplicateWithdrawn : nothing}`
          : text.duplicateUnknown(dup.number)
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-law-editor': PaLawEditor;
  }
}
