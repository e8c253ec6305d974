import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig, type Plugin } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const widgetsSrc = join(root, 'packages/widgets/src');

/** Widget sources the manifest is made from (tests and test helpers left out). */
function widgetSources(dir = widgetsSrc): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : widgetSources(path);
    return /\.ts$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * `import manifest from 'virtual:pbgdpl/custom-elements-manifest'`: the custom-elements manifest of
 * packages/widgets/src, made in memory by @custom-elements-manifest/analyzer (with its Lit plugin,
 * like `cem analyze --litelement`) whenever Storybook builds or a widget source changes. Nothing is
 * written to disk, and `cem analyze`'s habit of adding "customElements" to package.json is avoided.
 * Storybook turns it into the docs tables (attributes, events, CSS parts, CSS custom properties).
 */
function customElementsManifest(): Plugin {
  const id = 'virtual:pbgdpl/custom-elements-manifest';
  const resolved = `\0${id}`;
  return {
    name: 'pbgdpl-custom-elements-manifest',
    // Filters keep Vite from calling these hooks for every other module.
    resolveId: { filter: { id: /^virtual:pbgdpl\// }, handler: (source) => (source === id ? resolved : null) },
    load: {
      filter: { id: /^\0virtual:pbgdpl\// },
      async handler(source) {
        if (source !== resolved) return null;
        const files = widgetSources();
        for (const file of files) this.addWatchFile(file);
        return `export default ${JSON.stringify(await analyze(files))};`;
      },
    },
  };
}

/** The part of the analyzer's programmatic API used here (its index.d.ts declares only the plugin types). */
interface Analyzer {
  create(options: { modules: unknown[]; plugins: unknown[]; context: { dev: boolean } }): Manifest;
  ts: typeof import('typescript');
}
interface Manifest {
  modules: { declarations?: { kind: string; members?: unknown[]; events?: { name: string }[]; cssParts?: { name: string }[] }[] }[];
}

async function analyze(files: string[]): Promise<Manifest> {
  // Paths in variables, so TypeScript takes them as the untyped modules they are.
  const analyzerPath = '@custom-elements-manifest/analyzer';
  const litPluginPath = '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
  const { create, ts } = (await import(analyzerPath)) as Analyzer;
  const { litPlugin } = (await import(litPluginPath)) as { litPlugin: () => unknown[] };
  const modules = files.map((file) => ts.createSourceFile(relative(root, file), readFileSync(file, 'utf8'), ts.ScriptTarget.ES2015, true));
  const manifest = create({ modules, plugins: litPlugin(), context: { dev: false } });
  for (const mod of manifest.modules) {
    for (const decl of mod.declarations ?? []) {
      if (decl.kind !== 'class') continue;
      // Every public property is also an attribute, and the docs table lists attributes (what an
      // embed snippet uses); the members would only repeat them, next to private state.
      delete decl.members;
      // `emit(name, detail)` in the base class is read as an event called "name".
      if (decl.events) decl.events = decl.events.filter((e) => e.name !== 'name');
      // Storybook keys its tables by name, and parts share names with attributes (heading).
      for (const part of decl.cssParts ?? []) part.name = `::part(${part.name})`;
    }
  }
  return manifest;
}

/** Whether a package is installed at the workspace root. */
function installed(name: string) {
  try {
    createRequire(import.meta.url).resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // The docs page (autodocs, with the manifest's tables) comes from @storybook/addon-docs, which is
  // not a root devDependency yet; with it installed, the docs page appears with no change here.
  addons: installed('@storybook/addon-docs') ? ['@storybook/addon-docs'] : [],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The widgets come from their TypeScript sources. Vite compiles them with the tsconfig next to
  // them (packages/widgets/tsconfig.json extends the root one: experimentalDecorators and
  // useDefineForClassFields false), which Lit's decorators need; test/storybook checks it in Chromium.
  viteFinal: (vite) =>
    mergeConfig(vite, {
      plugins: [customElementsManifest()],
      build: { chunkSizeWarningLimit: 2000 },
    }),
};
export default config;
