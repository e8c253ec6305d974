// src/placeholder-attributes.ts, from the manifest: which data-* attributes of a placeholder the
// loader copies to each widget.
import { LOADER_ONLY, attributeSpec } from './attribute-spec.mjs';
import { elementsOf } from './analyze.mjs';

export function placeholderModule(manifest) {
  const rows = Object.entries(elementsOf(manifest)).map(([name, el]) => {
    const attrs = (el.attributes ?? []).filter((a) => !LOADER_ONLY.includes(a.name));
    for (const a of attrs) attributeSpec(a, el.tagName); // fails on an attribute no generator understands
    return `  '${name}': [${attrs.map((a) => `'${a.name}'`).join(', ')}],`;
  });
  return `// Generated from custom-elements.json by scripts/manifest.mjs (the widgets' build): edit the
// elements' JSDoc, not this file.

/**
 * The attributes a \`<div data-pbgdpl="…" data-…>\` placeholder may pass to its widget: each
 * widget's attributes. Only these are copied: a CMS lets page authors keep any data-* attribute,
 * and copying them all would turn \`data-onmouseover\` into an event handler. \`api\` and \`site\`
 * are never copied (\`data-api\` would send the widget to another server): they come from the
 * loader's own script tag.
 */
export const PLACEHOLDER_ATTRIBUTES: Record<string, readonly string[]> = {
${rows.join('\n')}
};
`;
}
