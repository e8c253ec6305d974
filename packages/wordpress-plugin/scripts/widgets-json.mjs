// widgets.json, the plugin's list of widgets (includes/widgets.php reads it; the build makes each
// block.json from it): the elements of packages/widgets/custom-elements.json, in WordPress's words
// from plugin/widgets.overlay.json. Types, ranges, defaults and allowed values are the elements'
// own; labels, help texts, icons and reserved heights are WordPress's.
import { readFileSync } from 'node:fs';
import { LOADER_ONLY, attributeSpec } from '../../widgets/scripts/attribute-spec.mjs';

export const manifestPath = new URL('../../widgets/custom-elements.json', import.meta.url).pathname;
export const overlayPath = new URL('../plugin/widgets.overlay.json', import.meta.url).pathname;

const TEXT_MAX = 120;
const WIDGET_KEYS = ['title', 'description', 'icon', 'reserve', 'attributes'];
const ATTRIBUTE_KEYS = ['label', 'help', 'meta', 'values', 'preset'];

const COMMENT =
  'Made by the build (scripts/widgets-json.mjs) from packages/widgets/custom-elements.json and plugin/widgets.overlay.json: edit those. One entry per widget: its block (blocks/<name>/block.json), its shortcode [pbgdpl_<name with _>] and its classic widget. Attribute types: integer (min, max, default), code (a lower-case code such as dat-dai; meta names the list in GET /api/v1/meta that the block sidebar offers), enum (values: code -> label; default), boolean, text (max). reserve is the height the widget takes before it has loaded, per item of count_attribute.';

/** The elements of the manifest by widget name ("latest-laws"). */
function elements(manifest) {
  const all = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName?.startsWith('pbgdpl-')));
  return new Map(all.map((d) => [d.tagName.slice('pbgdpl-'.length), d]));
}

/**
 * @param {object} manifest custom-elements.json
 * @param {object} overlay widgets.overlay.json
 * @returns {object} widgets.json; throws, saying what to fix, when the two do not fit together
 */
export function widgetsJson(manifest, overlay) {
  const problems = [];
  const els = elements(manifest);
  const common = overlay.$common?.attributes ?? {};
  const out = { $comment: COMMENT };

  for (const name of els.keys())
    if (!(name in overlay)) problems.push(`<pbgdpl-${name}> has no entry in widgets.overlay.json (title, description, icon, labels)`);
  for (const [name, entry] of Object.entries(overlay)) {
    if (name.startsWith('$')) continue;
    const el = els.get(name);
    if (!el) {
      problems.push(`widgets.overlay.json: "${name}" is no element of custom-elements.json`);
      continue;
    }
    for (const key of Object.keys(entry))
      if (!WIDGET_KEYS.includes(key)) problems.push(`widgets.overlay.json: ${name}.${key} is not WordPress's to say (allowed: ${WIDGET_KEYS.join(', ')})`);
    const attrs = (el.attributes ?? []).filter((a) => !LOADER_ONLY.includes(a.name));
    // The widget's own attributes in its order, then the shared ones in $common's order.
    const ordered = [...attrs.filter((a) => !(a.name in common)), ...Object.keys(common).flatMap((n) => attrs.filter((a) => a.name === n))];
    const attributes = {};
    for (const a of ordered) {
      const words = { ...common[a.name], ...entry.attributes?.[a.name] };
      for (const key of Object.keys(entry.attributes?.[a.name] ?? {}))
        if (!ATTRIBUTE_KEYS.includes(key))
          problems.push(`widgets.overlay.json: ${name}.attributes.${a.name}.${key} comes from the element's JSDoc, not from here`);
      if (!words.label) problems.push(`widgets.overlay.json: ${name}.attributes.${a.name} needs a label`);
      let spec;
      try {
        spec = attributeSpec(a, el.tagName);
      } catch (e) {
        problems.push(e.message);
        continue;
      }
      const wp = { type: spec.kind };
      if (spec.kind === 'integer') Object.assign(wp, { min: spec.min, max: spec.max });
      // Free text is WordPress's to cap: what an editor may type, and what the PHP keeps.
      if (spec.kind === 'text') wp.max = TEXT_MAX;
      // preset: false leaves the element's default to the element: the block then prints the
      // attribute only when an editor picks a value, and the sidebar offers "(default)".
      if (spec.default !== undefined && words.preset !== false) wp.default = spec.default;
      if (words.meta) {
        if (spec.kind !== 'code') problems.push(`widgets.overlay.json: ${name}.attributes.${a.name}.meta needs a Code attribute, not ${spec.kind}`);
        wp.meta = words.meta;
      }
      wp.label = words.label;
      if (words.help) wp.help = words.help;
      if (spec.kind === 'enum') {
        const labels = words.values ?? {};
        const missing = spec.values.filter((v) => !(v in labels));
        const extra = Object.keys(labels).filter((v) => !spec.values.includes(v));
        if (missing.length) problems.push(`widgets.overlay.json: ${name}.attributes.${a.name}.values lacks a label for ${missing.join(', ')}`);
        if (extra.length)
          problems.push(`widgets.overlay.json: ${name}.attributes.${a.name}.values names ${extra.join(', ')}, which <${el.tagName}> does not accept`);
        wp.values = Object.fromEntries(spec.values.map((v) => [v, labels[v]]));
      } else if (words.values) problems.push(`widgets.overlay.json: ${name}.attributes.${a.name} has values, but it is no enum (${spec.kind})`);
      attributes[a.name] = wp;
    }
    for (const attr of Object.keys(entry.attributes ?? {}))
      if (!attrs.some((a) => a.name === attr))
        problems.push(`widgets.overlay.json: ${name}.attributes.${attr}: <${el.tagName}> has no such attribute (or the loader alone sets it)`);
    const counted = entry.reserve?.count_attribute;
    if (counted && attributes[counted]?.type !== 'integer')
      problems.push(`widgets.overlay.json: ${name}.reserve.count_attribute "${counted}" is no integer attribute`);
    out[name] = {
      tag: el.tagName,
      title: entry.title,
      description: entry.description,
      icon: entry.icon,
      ...(entry.reserve ? { reserve: entry.reserve } : {}),
      attributes,
    };
    for (const key of ['title', 'description', 'icon']) if (!entry[key]) problems.push(`widgets.overlay.json: ${name} needs a ${key}`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return out;
}

/** widgets.json from the files on disk. */
export const readWidgetsJson = () => widgetsJson(JSON.parse(readFileSync(manifestPath, 'utf8')), JSON.parse(readFileSync(overlayPath, 'utf8')));
