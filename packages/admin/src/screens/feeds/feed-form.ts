import type { Feed, FeedInput, FeedPreview, Meta } from '@pbgdpl/contract';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, NetworkError, api } from '../../api.js';
import { messages, t } from '../../i18n.js';
import { announce } from '../../ui/announce.js';
import { ConsoleElement } from '../../ui/console-element.js';
import { countsText, runErrorText } from './feed-words.js';
import './feed-items.js';
import type { TextInputType } from '../../ui/input-types.js';

const m = messages({
  vi: {
    add: 'Thêm nguồn tin',
    edit: (name: string) => `Sửa nguồn tin "${name}"`,
    name: 'Tên nguồn tin',
    nameHint: 'Ví dụ: Văn bản mới – Cổng thông tin tỉnh Bắc Ninh',
    url: 'Địa chỉ nguồn tin (RSS, Atom hoặc JSON Feed)',
    urlHint: 'Bắt đầu bằng https:// hoặc http://; thường có chữ rss hoặc feed',
    every: 'Tần suất đọc',
    hours: (n: number) => `${n} giờ một lần`,
    defaultType: 'Loại văn bản mặc định',
    defaultIssuer: 'Cơ quan ban hành mặc định',
    defaultField: 'Lĩnh vực của văn bản',
    defaultsHint: 'Dùng khi tiêu đề mục không nêu rõ; số ký hiệu và ngày ban hành luôn đọc từ tiêu đề.',
    none: '— Không đặt —',
    enabled: 'Đọc theo lịch',
    tryIt: 'Thử đọc nguồn tin',
    trying: 'Đang đọc thử nguồn tin…',
    tried: (counts: string) => `Đọc thử xong (chưa lưu gì): ${counts}`,
    tryFailed: 'Không đọc được nguồn tin:',
    save: 'Lưu',
    saving: 'Đang lưu…',
    cancel: 'Huỷ',
    remove: 'Xoá nguồn tin',
    confirmRemove: 'Xoá nguồn tin này và lịch sử chạy của nó? Các văn bản đã thêm vẫn giữ nguyên.',
    removed: 'Đã xoá nguồn tin.',
    saved: 'Đã lưu nguồn tin.',
    fix: 'Hãy sửa các ô được đánh dấu.',
    busy: 'Nguồn tin đang chạy; hãy thử lại khi lần chạy kết thúc.',
    failed: 'Không lưu được. Hãy thử lại.',
    offline: 'Mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    badName: 'Tên từ 2 đến 120 ký tự.',
    badUrl: 'Địa chỉ phải bắt đầu bằng http:// hoặc https://.',
    badEvery: 'Từ 1 đến 24 giờ.',
    unknown: 'Giá trị này không có trong danh mục.',
    required: 'Hãy chọn một giá trị.',
  },
  en: {
    add: 'Add a feed',
    edit: (name: string) => `Edit the feed "${name}"`,
    name: 'Feed name',
    nameHint: 'For example: New documents – Bắc Ninh provincial portal',
    url: 'Feed address (RSS, Atom or JSON Feed)',
    urlHint: 'Starts with https:// or http://; often contains rss or feed',
    every: 'Read every',
    hours: (n: number) => `${n} hour${n > 1 ? 's' : ''}`,
    defaultType: 'Default type',
    defaultIssuer: 'Default issuer',
    defaultField: 'Field of its documents',
    defaultsHint: "Used when an item's title does not say; the number and the date of issue are always read from the title.",
    none: '— None —',
    enabled: 'Read on schedule',
    tryIt: 'Try the feed',
    trying: 'Reading the feed…',
    tried: (counts: string) => `Tried (nothing stored): ${counts}`,
    tryFailed: 'The feed cannot be read:',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    remove: 'Remove the feed',
    confirmRemove: 'Remove this feed and its run history? The documents it added stay.',
    removed: 'Feed removed.',
    saved: 'Feed saved.',
    fix: 'Correct the marked fields.',
    busy: 'The feed is running; try again when the run has finished.',
    failed: 'Could not save. Try again.',
    offline: 'The network is down. Check it and try again.',
    badName: 'Between 2 and 120 characters.',
    badUrl: 'The address must start with http:// or https://.',
    badEvery: 'Between 1 and 24 hours.',
    unknown: 'This value is not in the list.',
    required: 'Choose a value.',
  },
});

type Field = 'name' | 'url' | 'everyHours' | 'defaultType' | 'defaultIssuer' | 'defaultField';
const HOURS = [1, 2, 3, 4, 6, 8, 12, 24];

/**
 * Adding or changing a feed, with "try it": the server reads the address now and says what a run
 * would create, skip and refuse, storing nothing. Fires `pa-feed-saved` (detail: the feed),
 * `pa-feed-removed` and `pa-cancel`.
 */
@customElement('pa-feed-form')
export class PaFeedForm extends ConsoleElement {
  @property({ attribute: false }) feed: Feed | null = null;
  @property({ attribute: false }) lists: Meta | null = null;
  @state() private value: FeedInput = { name: '', url: '', everyHours: 6, defaultType: null, defaultIssuer: null, defaultField: '', enabled: true };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private notice: { kind: 'error' | 'ok'; text: string } | null = null;
  @state() private busy: 'saving' | 'trying' | null = null;
  @state() private preview: FeedPreview | null = null;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('feed') && this.feed) {
      const f = this.feed;
      this.value = {
        name: f.name,
        url: f.url,
        everyHours: f.everyHours,
        defaultType: f.defaultType,
        defaultIssuer: f.defaultIssuer,
        defaultField: f.defaultField,
        enabled: f.enabled,
      };
    }
  }

  protected override firstUpdated() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private set(field: keyof FeedInput, value: unknown) {
    this.value = { ...this.value, [field]: value };
    if (field in this.errors) this.errors = { ...this.errors, [field]: undefined };
  }

  private fieldMessage(path: string, code: string): string {
    const text = t(m);
    if (code === 'unknown_value') return text.unknown;
    if (path === 'name') return text.badName;
    if (path === 'url') return text.badUrl;
    if (path === 'everyHours') return text.badEvery;
    return text.required;
  }

  private async fail(error: unknown) {
    const text = t(m);
    if (error instanceof ApiError && error.status === 400 && error.problem?.errors?.length) {
      this.errors = Object.fromEntries(error.problem.errors.map((e) => [e.path, this.fieldMessage(e.path, e.code)]));
      this.notice = { kind: 'error', text: text.fix };
      announce(text.fix, 'alert');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const say = error instanceof NetworkError ? text.offline : error instanceof ApiError && error.status === 409 ? text.busy : text.failed;
    this.notice = { kind: 'error', text: say };
    announce(say, 'alert');
  }

  private async save(e: Event) {
    e.preventDefault();
    this.busy = 'saving';
    this.notice = null;
    try {
      const feed = this.feed
        ? await api<Feed>('PATCH', `/api/v1/admin/feeds/${this.feed.id}`, { json: this.value })
        : await api<Feed>('POST', '/api/v1/admin/feeds', { json: this.value });
      announce(t(m).saved);
      this.dispatchEvent(new CustomEvent('pa-feed-saved', { detail: feed, bubbles: true, composed: true }));
    } catch (error) {
      await this.fail(error);
    } finally {
      this.busy = null;
    }
  }

  private async tryIt() {
    const text = t(m);
    this.busy = 'trying';
    this.notice = null;
    this.preview = null;
    announce(text.trying);
    try {
      const { url, defaultType, defaultIssuer, defaultField } = this.value;
      this.preview = await api<FeedPreview>('POST', '/api/v1/admin/feeds/preview', { json: { url, defaultType, defaultIssuer, defaultField } });
      announce(this.preview.errorCode ? `${text.tryFailed} ${runErrorText(this.preview.errorCode)}` : text.tried(countsText(this.preview.counts)));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#preview')?.focus();
    } catch (error) {
      await this.fail(error);
    } finally {
      this.busy = null;
    }
  }

  private async removeFeed() {
    if (!this.feed || !confirm(t(m).confirmRemove)) return;
    try {
      await api('DELETE', `/api/v1/admin/feeds/${this.feed.id}`);
      announce(t(m).removed);
      this.dispatchEvent(new CustomEvent('pa-feed-removed', { bubbles: true, composed: true }));
    } catch (error) {
      await this.fail(error);
    }
  }

  private select(field: 'defaultType' | 'defaultIssuer' | 'defaultField', label: string, list: readonly { code: string; label: string }[], optional: boolean) {
    const error = this.errors[field];
    const value = this.value[field] ?? '';
    return html`<div class="field">
      <label for=${field}>${label}</label>
      <select
        id=${field}
        ?required=${!optional}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${field}-error` : nothing}
        @change=${(e: Event) => this.set(field, (e.target as HTMLSelectElement).value || (optional ? null : ''))}
      >
        <option value="" ?selected=${value === ''}>${t(m).none}</option>
        ${list.map((o) => html`<option value=${o.code} ?selected=${o.code === value}>${o.label}</option>`)}
      </select>
      ${error ? html`<span id="${field}-error" class="error">${error}</span>` : nothing}
    </div>`;
  }

  private input(field: 'name' | 'url', label: string, hint: string, type: TextInputType) {
    const error = this.errors[field];
    return html`<div class="field">
      <label for=${field}>${label}</label>
      <input
        id=${field}
        type=${type}
        required
        .value=${this.value[field]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${field}-hint${error ? ` ${field}-error` : ''}"
        @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)}
      />
      <span id="${field}-hint" class="hint">${hint}</span>
      ${error ? html`<span id="${field}-error" class="error">${error}</span>` : nothing}
    </div>`;
  }

  override render() {
    const text = t(m);
    const lists = this.lists;
    return html`<section class="panel" aria-labelledby="form-title">
      <h2 id="form-title" tabindex="-1">${this.feed ? text.edit(this.feed.name) : text.add}</h2>
      ${this.notice ? html`<div class="notice ${this.notice.kind}">${this.notice.text}</div>` : nothing}
      <form @submit=${(e: Event) => this.save(e)} novalidate>
        ${this.input('name', text.name, text.nameHint, 'text')} ${this.input('url', text.url, text.urlHint, 'url')}
        <div class="grid-2">
          <div class="field">
            <label for="everyHours">${text.every}</label>
            <select id="everyHours" @change=${(e: Event) => this.set('everyHours', Number((e.target as HTMLSelectElement).value))}>
              ${[...new Set([...HOURS, this.value.everyHours])].sort((x, y) => x - y).map((h) => html`<option value=${h} ?selected=${h === this.value.everyHours}>${text.hours(h)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label
              ><input type="checkbox" .checked=${this.value.enabled !== false} @change=${(e: Event) => this.set('enabled', (e.target as HTMLInputElement).checked)} />
              ${text.enabled}</label
            >
          </div>
        </div>
        <p class="hint" id="defaults-hint">${text.defaultsHint}</p>
        <div class="grid-2">
          ${this.select('defaultField', text.defaultField, lists?.fields ?? [], false)} ${this.select('defaultType', text.defaultType, lists?.types ?? [], true)}
          ${this.select('defaultIssuer', text.defaultIssuer, lists?.issuers ?? [], true)}
        </div>
        <div class="toolbar">
          <button type="button" ?disabled=${this.busy !== null} aria-busy=${this.busy === 'trying' ? 'true' : 'false'} @click=${() => this.tryIt()}>
            ${this.busy === 'trying' ? text.trying : text.tryIt}
          </button>
          <button type="submit" class="primary" ?disabled=${this.busy !== null}>${this.busy === 'saving' ? text.saving : text.save}</button>
          <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('pa-cancel', { bubbles: true, composed: true }))}>${text.cancel}</button>
          ${this.feed ? html`<button type="button" class="danger" @click=${() => this.removeFeed()}>${text.remove}</button>` : nothing}
        </div>
      </form>
      ${
        this.preview
          ? html`<div id="preview" tabindex="-1">
            ${
              this.preview.errorCode
                ? html`<div class="notice error">${text.tryFailed} ${runErrorText(this.preview.errorCode)}</div>`
                : html`<p class="notice ok">${text.tried(countsText(this.preview.counts))}</p>
                  <pa-feed-items preview .items=${this.preview.items}></pa-feed-items>`
            }
          </div>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-feed-form': PaFeedForm;
  }
}
