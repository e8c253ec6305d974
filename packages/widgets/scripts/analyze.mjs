// The custom-elements manifest of the widgets, from their sources and JSDoc, made by
// @custom-elements-manifest/analyzer with its Lit plugin (what `cem analyze --litelement` does),
// plus the few corrections listed in `corrections()` below. Pure: returns the manifest, writes
// nothing (scripts/manifest.mjs writes it).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

export const packageDir = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const srcDir = join(packageDir, 'src');

/** Every source module (tests and test helpers left out): imported constants must be resolvable. */
function sources(dir = srcDir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sources(path);
      return /\.ts$/.test(entry.name) && !/\.(test|spec|d)\.ts$/.test(entry.name) ? [path] : [];
    });
}

/** src/latest-laws/latest-laws.ts (or .js, or /src/…) -> dist/lib/latest-laws/latest-laws.js: where the module is in the built package. */
export const builtPath = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/lib/$1.js');

/**
 * What the analyzer gets wrong for this code base, fixed as a plugin so it happens in the phase
 * where the analyzer needs it:
 * - TypeScript imports name `.js` files whose source is `.ts`, so a field initialised from an
 *   imported constant (`limit = DEFAULT_LIMIT`) is never resolved: the module is looked up by the
 *   `.js` name (and with a leading slash it then compares as `//src/…`). Rewritten to the source's
 *   own path before the analyzer resolves it.
 * - An attribute is a copy of its field taken before that resolution: type and default are copied
 *   again once the field has them.
 */
function corrections() {
  return {
    name: 'pbgdpl-corrections',
    moduleLinkPhase({ moduleDoc }) {
      for (const decl of moduleDoc.declarations ?? []) {
        for (const member of decl.members ?? []) {
          if (member.resolveInitializer?.module) member.resolveInitializer.module = member.resolveInitializer.module.replace(/^\//, '').replace(/\.js$/, '.ts');
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          for (const attr of decl.attributes ?? []) {
            const field = decl.members?.find((m) => m.kind === 'field' && m.name === attr.fieldName);
            if (!field) continue;
            if (field.type && (!attr.type || attr.type.text !== field.type.text)) attr.type = field.type;
            if (field.default !== undefined) attr.default = field.default;
          }
        }
      }
    },
  };
}

/** The public face of a class: no private or protected members, no events without a literal name. */
function publicOnly(decl) {
  const out = { ...decl };
  if (out.members) out.members = out.members.filter((m) => !m.privacy || m.privacy === 'public');
  // `emit(name, detail)` in the base class dispatches `new CustomEvent(name, …)`: the analyzer reads
  // an event called "name". Real events are the ones the JSDoc declares with @fires.
  if (out.events) out.events = out.events.filter((e) => e.description);
  for (const key of ['members', 'events', 'attributes', 'cssParts', 'cssProperties', 'slots']) if (out[key]?.length === 0) delete out[key];
  return out;
}

/** Module paths and references as they are in the built package. */
function rewritePaths(node) {
  if (Array.isArray(node)) return node.map(rewritePaths);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, (k === 'path' || k === 'module') && typeof v === 'string' ? builtPath(v) : rewritePaths(v)]),
  );
}

/**
 * The manifest: only the modules that declare an element or a class an element extends, and the
 * modules that define elements. Helpers (request builders, dictionaries) are not the elements' API.
 */
export function analyze() {
  const modules = sources().map((file) => ts.createSourceFile(relative(packageDir, file), readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true));
  const manifest = create({ modules, plugins: [...litPlugin(), corrections()], context: { dev: false } });

  const classes = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === 'class'));
  const bases = new Set();
  for (const el of classes.filter((d) => d.customElement && d.tagName)) {
    for (let c = el; c; c = classes.find((d) => d.name === c.superclass?.name)) bases.add(c.name);
  }
  const kept = manifest.modules
    .map((m) => ({
      ...m,
      declarations: (m.declarations ?? []).filter((d) => d.kind === 'class' && bases.has(d.name)).map(publicOnly),
      exports: (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition' || bases.has(e.declaration?.name)),
    }))
    .filter((m) => m.declarations.length || m.exports.length);
  return rewritePaths({ schemaVersion: manifest.schemaVersion, readme: '', modules: kept });
}

/** The elements of a manifest, by widget name ("latest-laws" for <pbgdpl-latest-laws>), sorted. */
export function elementsOf(manifest) {
  const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName?.startsWith('pbgdpl-')));
  return Object.fromEntries(elements.map((d) => [d.tagName.slice('pbgdpl-'.length), d]).sort(([a], [b]) => a.localeCompare(b)));
}
