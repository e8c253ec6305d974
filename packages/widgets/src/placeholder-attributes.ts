/**
 * The attributes a `<div data-pbgdpl="…" data-…>` placeholder may pass to its widget. Only these
 * are copied: a CMS lets page authors keep any data-* attribute, and copying them all would turn
 * `data-onmouseover` into an event handler or `data-api` into another server. `api` and `site`
 * come from the loader's own script tag, never from a placeholder.
 */
const COMMON = ['lang', 'theme', 'heading', 'heading-level'];

export const PLACEHOLDER_ATTRIBUTES: Record<string, readonly string[]> = {
  'latest-laws': [...COMMON, 'limit', 'field', 'type', 'issuer', 'validity', 'show-search', 'compact'],
  'qa-box': [...COMMON, 'limit', 'field'],
  'feedback-form': [...COMMON, 'kind', 'document'],
};
