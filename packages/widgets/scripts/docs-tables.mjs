// The tables of docs/embedding.md and docs/theming.md, from the manifest. A table sits between
//
//   <!-- generated: latest-laws attributes … -->
//   …
//   <!-- end generated -->
//
// where the first word is a widget ("latest-laws", or "all" for what every widget shares) and
// the second the table: attributes, events, parts, custom-properties (and "all shortcodes", for
// docs/wordpress.md). Everything outside the markers is written by hand.
import { LOADER_ONLY, attributeSpec } from './attribute-spec.mjs';
import { elementsOf } from './analyze.mjs';

const MARKER = /(<!-- generated: ([a-z-]+) ([a-z-]+)[^>]*-->\n)([\s\S]*?)(<!-- end generated -->)/g;

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');
const code = (text) => `\`${text}\``;
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n') + '\n';

/** The element's attributes, the two only the loader sets (api, site) last. */
const attributeRows = (el) => [...(el.attributes ?? [])].sort((a, b) => Number(LOADER_ONLY.includes(a.name)) - Number(LOADER_ONLY.includes(b.name)));

function attributes(el) {
  return table(
    ['attribute', 'values', 'default', 'meaning'],
    attributeRows(el).map((a) => {
      const spec = attributeSpec(a, el.tagName);
      const values = {
        integer: () => `${spec.min}–${spec.max}`,
        boolean: () => 'on when present',
        enum: () => spec.values.map(code).join(', '),
        code: () => 'a code',
        text: () => 'text',
      }[spec.kind]();
      const dflt = spec.kind === 'boolean' ? 'off' : spec.default === undefined ? '' : code(spec.default);
      return [code(a.name), values, dflt, a.description];
    }),
  );
}

/** The WordPress plugin's shortcodes ([pbgdpl_latest_laws …]) take the same attributes, but never api or site. */
function shortcodes(elements) {
  return table(
    ['shortcode', 'attribute', 'allowed values', 'meaning'],
    Object.entries(elements).flatMap(([name, el]) =>
      (el.attributes ?? [])
        .filter((a) => !LOADER_ONLY.includes(a.name))
        .map((a, i) => {
          const spec = attributeSpec(a, el.tagName);
          const dflt = 'default' in spec && spec.default !== undefined ? ` (default ${code(spec.default)})` : '';
          const values = {
            integer: () => `${spec.min}–${spec.max}${dflt}`,
            boolean: () => `on when written alone: ${code(`[pbgdpl_${name.replace(/-/g, '_')} ${a.name}]`)}`,
            enum: () => spec.values.map(code).join(', ') + dflt,
            code: () => 'a code',
            text: () => 'text',
          }[spec.kind]();
          return [i === 0 ? code(`[pbgdpl_${name.replace(/-/g, '_')}]`) : '', code(a.name), values, a.description];
        }),
    ),
  );
}

/** "… `detail: { count: number }`" -> ["…", "{ count: number }"]. */
const splitDetail = (description = '') => {
  const m = description.match(/\s*`detail: (.*)`\s*$/);
  return m ? [description.slice(0, m.index), m[1]] : [description, ''];
};

function events(el) {
  return table(
    ['event', '`detail`', 'when'],
    (el.events ?? []).map((e) => {
      const [when, detail] = splitDetail(e.description);
      return [code(e.name), detail ? code(detail) : '', when];
    }),
  );
}

function parts(el) {
  return table(
    ['part', 'what'],
    (el.cssParts ?? []).map((p) => [code(p.name), p.description]),
  );
}

/** "Links and buttons. Dark theme: #7cb4ff." -> ["Links and buttons.", "#7cb4ff"]. */
const splitDark = (description = '') => {
  const m = description.match(/\s*Dark theme: ([^\s]+?)\.?\s*$/);
  return m ? [description.slice(0, m.index), m[1]] : [description, ''];
};

function customProperties(props) {
  return table(
    ['property', 'default (light)', 'default (`theme="dark"`)', 'used for'],
    props.map((p) => {
      const [use, dark] = splitDark(p.description);
      return [code(p.name), p.default ? code(p.default) : '', dark ? code(dark) : '', use];
    }),
  );
}

/** The custom properties every widget has, with the same meaning everywhere. */
function sharedProperties(elements) {
  const [first, ...rest] = Object.values(elements);
  return (first?.cssProperties ?? []).filter((p) => rest.every((el) => el.cssProperties?.some((q) => q.name === p.name && q.description === p.description)));
}

export function docsTables(manifest) {
  const elements = elementsOf(manifest);
  const shared = sharedProperties(elements);
  const tables = { 'all custom-properties': customProperties(shared), 'all shortcodes': shortcodes(elements) };
  for (const [name, el] of Object.entries(elements)) {
    tables[`${name} attributes`] = attributes(el);
    tables[`${name} events`] = events(el);
    tables[`${name} parts`] = parts(el);
    // A widget's own knobs, or a shared one that means something more here.
    const own = (el.cssProperties ?? []).filter((p) => !shared.some((q) => q.name === p.name && q.description === p.description));
    if (own.length) tables[`${name} custom-properties`] = customProperties(own);
  }
  return tables;
}

/** The document with every generated table replaced; throws on a marker that names no table. */
export function fillTables(text, tables, file) {
  return text.replace(MARKER, (_, open, widget, kind, _old, close) => {
    const key = `${widget} ${kind}`;
    if (!(key in tables))
      throw new Error(
        `${file}: no generated table "${key}" (widgets: ${Object.keys(tables)
          .filter((k) => k.endsWith(' attributes'))
          .map((k) => k.split(' ')[0])
          .join(', ')})`,
      );
    return open + tables[key] + close;
  });
}

/** The tables every widget must have somewhere in the docs (attributes, parts) that none of the texts holds. */
export function missingTables(texts, tables) {
  const present = new Set(texts.flatMap((t) => [...t.matchAll(MARKER)].map((m) => `${m[2]} ${m[3]}`)));
  return Object.keys(tables).filter((k) => /^(all (custom-properties|shortcodes)|[a-z-]+ (attributes|parts))$/.test(k) && !present.has(k));
}
