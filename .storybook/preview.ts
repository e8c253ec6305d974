import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from 'virtual:pbgdpl/custom-elements-manifest';
import { mockApiBeforeEach, mockApiDecorator } from '../stories/support/mock-api.js';
import { expectationDecorator } from '../stories/support/frame.js';

setCustomElementsManifest(manifest);

/** CSS parts and events are documented in the tables but are not something a control can set. */
const noControlsFor = new Set(['css shadow parts', 'events']);

const preview: Preview = {
  beforeEach: mockApiBeforeEach,
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([key, argType]) => [
          key,
          noControlsFor.has(String(argType.table?.category)) ? { ...argType, control: false as const } : argType,
        ]),
      ),
  ],
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
