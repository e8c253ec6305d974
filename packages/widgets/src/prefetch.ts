import { latestLawsUrl } from './latest-laws/latest-laws.request.js';
import { qaListUrl } from './qa-box/qa-box.request.js';

/**
 * A first request the loader started, in window.PBGDPL.prefetched under its URL: the widget takes
 * the promise, or, when it has already arrived, the result itself.
 */
export interface Prefetch {
  promise: Promise<{ status: number; body: unknown }>;
  result?: { status: number; body: unknown };
}

/**
 * For each widget, the URL of its first request given the element's attributes. The loader
 * bundles this (no Lit, no widget code) to start that request while the widget's chunk downloads.
 */
export const firstRequest: Record<string, (el: Element, api: string) => string | null> = {
  'latest-laws': (el, api) =>
    latestLawsUrl({
      api,
      site: el.getAttribute('site'),
      lang: el.getAttribute('lang'),
      limit: el.getAttribute('limit'),
      field: el.getAttribute('field'),
      type: el.getAttribute('type'),
      issuer: el.getAttribute('issuer'),
      validity: el.getAttribute('validity'),
    }),
  'qa-box': (el, api) =>
    qaListUrl({
      api,
      site: el.getAttribute('site'),
      lang: el.getAttribute('lang'),
      limit: el.getAttribute('limit'),
      field: el.getAttribute('field'),
    }),
};
