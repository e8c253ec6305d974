import { html, nothing } from 'lit';
import { formatDate } from '../format.js';

/**
 * The pieces every list screen's filter form and paging share. Filters live in the route's query
 * (see router.ts); these read them from there and render the inputs with labels and errors.
 */

/** The page sizes <pa-pager> offers; anything else in the query means the default. */
export const PAGE_SIZES = [20, 50, 100] as const;

export function pageLimit(query: URLSearchParams, sizes: readonly number[] = PAGE_SIZES, fallback = 20): number {
  const n = Number(query.get('limit'));
  return sizes.includes(n) ? n : fallback;
}

export interface Option {
  code: string;
  label: string;
}

/** A <select> filter named `name`, its current value from the query, "any" first. */
export function filterSelect(query: URLSearchParams, name: string, label: string, options: readonly Option[], anyLabel: string) {
  const value = query.get(name) ?? '';
  return html`<div class="field">
    <label for="f-${name}">${label}</label>
    <select id="f-${name}" name=${name}>
      <option value="">${anyLabel}</option>
      ${options.map((o) => html`<option value=${o.code} ?selected=${o.code === value}>${o.label}</option>`)}
    </select>
  </div>`;
}

/** A date filter typed as dd/mm/yyyy (the query holds YYYY-MM-DD), with its error beside it. */
export function filterDate(query: URLSearchParams, name: string, label: string, hint: string, error: string | undefined) {
  return html`<div class="field">
    <label for="f-${name}">${label}</label>
    <input
      id="f-${name}"
      name=${name}
      inputmode="numeric"
      placeholder=${hint}
      autocomplete="off"
      .value=${formatDate(query.get(name))}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `f-${name}-error` : nothing}
    />
    ${error ? html`<span class="error" id="f-${name}-error">${error}</span>` : nothing}
  </div>`;
}
