import { html, nothing } from 'lit';
import type { Shape } from '@pbgdpl/contract/shapes';
import { apiUrl } from '../core/api-url.js';
import type { WidgetHost } from '../core/base-element.js';
import { checked } from '../core/fetch-json.js';
import { common } from '../core/i18n.js';
import { Resource } from '../core/resource.js';
import { strings } from './qa-box.i18n.js';

export interface Field {
  code: string;
  label: string;
}

/** Only the part of GET /api/v1/meta this widget reads (the contract compiles no shape for Meta). */
const FieldsShape: Shape = { fields: ['[]', { code: 's', label: 's' }] };

/**
 * The subject fields (lĩnh vực): the one the list is filtered by (preselected in the ask form), and
 * the list of all, loaded when the filter or the form first opens. When it cannot come (offline),
 * the fields of the questions on screen stand in for it.
 */
export class Fields {
  /** The field the list is filtered by. */
  chosen = '';
  private readonly meta: Resource<{ fields: Field[] }>;

  constructor(
    private readonly host: WidgetHost,
    /** Fields the widget has seen (those of the questions listed). */
    private readonly seen: () => Field[],
  ) {
    this.meta = new Resource(host, (body) => checked<{ fields: Field[] }>(FieldsShape, body));
  }

  choose(code: string) {
    this.chosen = code;
    this.host.requestUpdate();
  }

  load() {
    if (!this.meta.data) void this.meta.load(apiUrl(this.host.api, '/api/v1/meta', { lang: this.host.language }));
  }

  get loading() {
    return this.meta.status === 'loading';
  }

  /**
   * Every field; while the list loads, only the one chosen; when it could not load (offline), the
   * fields of the questions on screen too, so a question can still be written and queued.
   */
  get list(): Field[] {
    if (this.meta.data) return this.meta.data.fields;
    const known = new Map<string, Field>();
    if (this.chosen) known.set(this.chosen, { code: this.chosen, label: this.label(this.chosen) });
    if (!this.loading) for (const f of this.seen()) known.set(f.code, f);
    return [...known.values()];
  }

  label(code: string) {
    return this.meta.data?.fields.find((f) => f.code === code)?.label ?? this.seen().find((f) => f.code === code)?.label ?? code;
  }

  /** "Could not load the fields" with a retry button, or nothing. */
  problem() {
    const { status, data } = this.meta;
    if (data || status === 'loading') return nothing;
    return html`<span class="hint">${strings[this.host.language].fieldsError}</span> <button type="button" class="secondary" @click=${() => this.meta.retry()}>${common[this.host.language].retry}</button>`;
  }
}
