// Generated from custom-elements.json by scripts/manifest.mjs (the widgets' build): edit the
// elements' JSDoc, not this file.

/**
 * The attributes a `<div data-pbgdpl="…" data-…>` placeholder may pass to its widget: each
 * widget's attributes. Only these are copied: a CMS lets page authors keep any data-* attribute,
 * and copying them all would turn `data-onmouseover` into an event handler. `api` and `site`
 * are never copied (`data-api` would send the widget to another server): they come from the
 * loader's own script tag.
 */
export const PLACEHOLDER_ATTRIBUTES: Record<string, readonly string[]> = {
  'feedback-form': ['kind', 'document', 'lang', 'theme', 'heading', 'heading-level'],
  'latest-laws': ['limit', 'field', 'type', 'issuer', 'validity', 'show-search', 'compact', 'lang', 'theme', 'heading', 'heading-level'],
  'qa-box': ['field', 'limit', 'lang', 'theme', 'heading', 'heading-level'],
};
