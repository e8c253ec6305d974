import type { Decorator } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { widgetOf } from './embed.js';
import { observe, type Expect, type Observed } from './observe.js';

/**
 * Wraps every story in <div class="story-frame" lang="…" data-expect="…">: the language and font of
 * the host page around the widget (Vietnamese unless `parameters.pageLang` says otherwise; Arial),
 * and the state the story should settle in (`parameters.expect`), which test/storybook reads back.
 */
export const expectationDecorator: Decorator = (story, { parameters }) => {
  const node = story();
  if (!(node instanceof Node)) return node;
  const frame = document.createElement('div');
  frame.className = 'story-frame';
  frame.lang = (parameters.pageLang as string | undefined) ?? 'vi';
  // A typical host page's text; the widget takes its font family and size from the page.
  frame.style.cssText = 'font-family: Arial, Helvetica, sans-serif; color: #1f2328';
  if (parameters.expect) frame.dataset.expect = JSON.stringify(parameters.expect);
  frame.append(node);
  return frame;
};

export const widgetIn = widgetOf('pbgdpl-latest-laws');

/** Waits until the widget shows `expected` (state, and items / more when given). */
export async function settlesIn(canvasElement: HTMLElement, expected: Expect, timeout = 8000): Promise<Observed> {
  let seen: Observed | undefined;
  await waitFor(
    async () => {
      seen = observe(widgetIn(canvasElement));
      await expect(seen, `the widget shows ${JSON.stringify(seen)}`).toMatchObject(expected);
    },
    { timeout },
  );
  return seen!;
}

/**
 * A story decorator that puts the widget into a host page, built from trusted story markup, at the
 * element marked data-widget. As a decorator, the page stays out of the "Show code" snippet.
 */
export const inHostPage =
  <TArgs>(markup: string): Decorator<TArgs> =>
  (story) => {
    const widget = story();
    if (!(widget instanceof Node)) return widget;
    const template = document.createElement('template');
    template.innerHTML = markup.trim();
    const page = template.content.firstElementChild as HTMLElement;
    const target = page.matches('[data-widget]') ? page : page.querySelector('[data-widget]');
    if (!target) throw new Error('host page markup has no [data-widget] element');
    target.append(widget);
    return page;
  };
