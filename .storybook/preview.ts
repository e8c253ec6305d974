import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { mockApiBeforeEach, mockApiDecorator } from '../stories/support/mock-api.js';
import { expectationDecorator } from '../stories/support/frame.js';
import { controlsFromManifest, storybookManifest } from './manifest.js';

// The docs tables (attributes, events, CSS parts, custom properties) and the controls come from
// packages/widgets/custom-elements.json, which the widgets' build makes from their JSDoc.
setCustomElementsManifest(storybookManifest());

const preview: Preview = {
  beforeEach: mockApiBeforeEach,
  argTypesEnhancers: [controlsFromManifest],
  // The last one runs first: the saved copy is in localStorage before the story's widget exists.
  decorators: [expectationDecorator, mockApiDecorator],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'none' },
    docs: {
      // The "Show code" snippet is the embed code, without the story's frame.
      source: { excludeDecorators: true },
      // Each story on the docs page in its own iframe: every story has its own fetch stub,
      // navigator.onLine and storage, which one shared page could not give them.
      story: { inline: false, iframeHeight: 560 },
    },
  },
};

export default preview;
