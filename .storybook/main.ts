import { createRequire } from 'node:module';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

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
  // The docs page (autodocs, with the tables of packages/widgets/custom-elements.json, which
  // preview.ts hands to Storybook) comes from @storybook/addon-docs, which is not a root
  // devDependency yet; with it installed, the docs page appears with no change here.
  addons: installed('@storybook/addon-docs') ? ['@storybook/addon-docs'] : [],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The widgets come from their TypeScript sources. Vite compiles them with the tsconfig next to
  // them (packages/widgets/tsconfig.json extends the root one: experimentalDecorators and
  // useDefineForClassFields false), which Lit's decorators need; test/storybook checks it in Chromium.
  viteFinal: (vite) => mergeConfig(vite, { build: { chunkSizeWarningLimit: 2000 } }),
};
export default config;
