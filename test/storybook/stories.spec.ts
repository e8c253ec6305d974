/**
 * Opens every story of the built Storybook (storybook-static/index.json) on its own, waits until
 * Storybook reports it finished (play function included) and the widget shows the state the story
 * declares (parameters.expect, read from the story frame), then runs axe. A story fails on a page
 * error, a console error or warning (Lit's dev-mode warnings among them), a request that leaves
 * the Storybook server, a failed play function, or any axe violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { observe, type Expect } from '../../stories/support/observe.js';
import { observeQaBox } from '../../stories/support/qa-observe.js';
import { observeFeedbackForm } from '../../stories/support/feedback-observe.js';
import { BASE_URL, STATIC_DIR } from './paths.js';

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  importPath: string;
  tags?: string[];
}

const index = JSON.parse(readFileSync(join(STATIC_DIR, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** The states the widget has; each needs a story. */
const REQUIRED = [
  'Default',
  'Loading',
  'Empty',
  'Empty Search',
  'Error',
  'Offline',
  'Offline Nothing Cached',
  'With Search',
  'Compact',
  'Long Abstracts',
  'English',
  'Dark',
  'Brand Colour',
  'Narrow 320',
  'Host With Rem Base',
];

/** Each widget with stories, and the self-contained function (run in the page) that reads which state it shows. */
const WIDGETS: Record<string, (el: Element) => unknown> = {
  'pbgdpl-latest-laws': observe,
  'pbgdpl-qa-box': observeQaBox,
  'pbgdpl-feedback-form': observeFeedbackForm,
};

/** The states of <pbgdpl-qa-box>; each needs a story. */
const REQUIRED_QA = [
  'Default',
  'Loading',
  'Empty',
  'Error',
  'Offline',
  'Search Results',
  'Answer Expanded',
  'Ask Form Empty',
  'Typing With Suggestions',
  'Validation Errors',
  'Sending',
  'Sent With Tracking Code',
  'Offline Queued',
  'Rate Limited',
  'Tracking Lookup Answered',
  'Dark',
  'Brand Colour',
  'Narrow 320',
  'English',
];

/** The states of <pbgdpl-feedback-form>; each needs a story. */
const REQUIRED_FEEDBACK = [
  'Empty Page Feedback',
  'Document Complaint',
  'Draft Comment',
  'Validation Errors',
  'Sending',
  'Sent',
  'Offline Queued',
  'Rate Limited',
  'Failed',
  'Dark',
  'Brand Colour',
  'Narrow 320',
  'English',
];

/** Storybook's own channel events of the story, recorded from the moment the channel exists. */
function recordStorybookEvents() {
  const w = window as unknown as { __sbEvents: { name: string; args: unknown[] }[]; __STORYBOOK_ADDONS_CHANNEL__?: unknown };
  w.__sbEvents = [];
  const names = [
    'storyFinished',
    'storyRendered',
    'playFunctionThrewException',
    'storyThrewException',
    'storyErrored',
    'storyMissing',
    'unhandledErrorsWhilePlaying',
  ];
  let channel: unknown;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next: { on?: (name: string, fn: (...args: unknown[]) => void) => void } | undefined) {
      channel = next;
      for (const name of names) next?.on?.(name, (...args: unknown[]) => w.__sbEvents.push({ name, args }));
    },
  });
}

type SbEvent = { name: string; args: unknown[] };
const sbEvents = (page: Page) => page.evaluate(() => (window as unknown as { __sbEvents: SbEvent[] }).__sbEvents);

/** Lit's development build warns about itself and about misuse; the static build must be the production one. */
const LIT_WARNING = /lit\.dev\/msg|Lit is in dev mode|Multiple versions of Lit/i;

test('Storybook has a story for every state of <pbgdpl-latest-laws>', () => {
  const names = stories.filter((s) => s.title === 'Widgets/Latest laws').map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(REQUIRED));
});

test('Storybook has a story for every state of <pbgdpl-qa-box>', () => {
  const names = stories.filter((s) => s.title === 'Widgets/Q&A box').map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(REQUIRED_QA));
});

test('Storybook has a story for every state of <pbgdpl-feedback-form>', () => {
  const names = stories.filter((s) => s.title === 'Widgets/Feedback form').map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(REQUIRED_FEEDBACK));
});

for (const story of stories) {
  test(`${story.title} › ${story.name}`, async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      const text = msg.text();
      if (msg.type() === 'error') problems.push(`console.error: ${text}`);
      else if (msg.type() === 'warning') problems.push(`${LIT_WARNING.test(text) ? 'Lit dev-mode warning' : 'console.warn'}: ${text}`);
    });
    // Stories talk to the mock API only; anything leaving the Storybook server is a leak.
    await page.route(
      (url) => url.origin !== BASE_URL,
      (route) => {
        problems.push(`request outside Storybook: ${route.request().url()}`);
        return route.abort('blockedbyclient');
      },
    );
    await page.addInitScript(recordStorybookEvents);

    await page.goto(`/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);

    // Storybook says the story finished: rendered, play function (if any) done, or failed.
    await page.waitForFunction(() => (window as unknown as { __sbEvents: SbEvent[] }).__sbEvents.some((e) => e.name === 'storyFinished'), null, {
      polling: 50,
      timeout: 20_000,
    });
    const events = await sbEvents(page);
    const failures = events.filter((e) => e.name !== 'storyFinished' && e.name !== 'storyRendered');
    // Soft from here on: a story whose play function or state fails still gets its axe scan and
    // console check, so one run reports everything that is wrong with it.
    const soft = expect.configure({ soft: true });
    soft(failures, 'Storybook reported errors while rendering or playing').toEqual([]);
    const finished = events.find((e) => e.name === 'storyFinished')!.args[0] as { status: string };
    soft(finished.status, 'storyFinished status').toBe('success');

    // The widget is defined, upgraded and in the state the story declares.
    const tag = await page.evaluate((tags) => tags.find((t) => document.querySelector(t)) ?? tags[0]!, Object.keys(WIDGETS));
    const widget = page.locator(tag);
    await expect(widget).toHaveCount(1);
    const declared = await page.locator('.story-frame').getAttribute('data-expect');
    expect(declared, 'the story declares parameters.expect').toBeTruthy();
    const expected = JSON.parse(declared!) as Expect & Record<string, unknown>;
    await soft.poll(() => widget.evaluate(WIDGETS[tag]!), { message: 'widget state', timeout: 10_000, intervals: [50, 100, 250] }).toMatchObject(expected);

    // A story page has no frames, so axe runs in the page itself (legacy mode: the same rules and
    // nodes, without the extra blank page the frame-by-frame mode opens for every scan).
    expect(await page.locator('iframe, frame').count()).toBe(0);
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
    const violations = axe.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ')}`),
    }));
    soft(violations, `axe ${axe.testEngine.version} (${AXE_TAGS.join(', ')})`).toEqual([]);

    soft(problems, 'page errors, console errors and warnings, requests leaving Storybook').toEqual([]);
  });
}

test('switching stories in one page leaves no stub, offline flag or saved copy behind', async ({ page }) => {
  const id = (name: string) => stories.find((s) => s.title === 'Widgets/Latest laws' && s.name === name)!.id;
  await page.addInitScript(recordStorybookEvents);
  await page.goto(`/iframe.html?id=${id('Offline')}&viewMode=story`);
  const finishedCount = () => sbEvents(page).then((events) => events.filter((e) => e.name === 'storyFinished').length);
  await expect.poll(finishedCount).toBe(1);
  const widgetState = () => page.locator('pbgdpl-latest-laws').evaluate(observe);
  await expect.poll(widgetState).toMatchObject({ state: 'offline-cached', items: 5 });

  // As the Storybook sidebar does: the next story in the same window.
  const show = async (name: string, finished: number) => {
    await page.evaluate((storyId) => {
      const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit: (name: string, arg: unknown) => void } }).__STORYBOOK_ADDONS_CHANNEL__;
      channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
    }, id(name));
    await expect.poll(finishedCount).toBe(finished);
  };
  await show('Default', 2);
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await expect.poll(widgetState).toMatchObject({ state: 'data', items: 5, more: true });

  // Default saved its list in localStorage; the next story must not find it.
  await show('Offline Nothing Cached', 3);
  await expect.poll(widgetState).toMatchObject({ state: 'offline', items: 0 });

  await show('Empty', 4);
  await expect.poll(widgetState).toMatchObject({ state: 'empty', items: 0 });
  const leftovers = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pbgdpl:')));
  expect(leftovers.length).toBeLessThanOrEqual(1); // Empty's own answer, nothing older
});

test('axe sees inside the widget: a flaw put into its shadow root is reported', async ({ page }) => {
  const id = stories.find((s) => s.title === 'Widgets/Latest laws' && s.name === 'Default')!.id;
  await page.addInitScript(recordStorybookEvents);
  await page.goto(`/iframe.html?id=${id}&viewMode=story`);
  await expect.poll(() => page.locator('pbgdpl-latest-laws').evaluate(observe)).toMatchObject({ state: 'data' });
  await page.locator('pbgdpl-latest-laws').evaluate((el) => {
    el.shadowRoot!.querySelector('.list')!.insertAdjacentHTML('beforeend', '<li><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></li>');
  });
  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  expect(axe.violations.map((v) => v.id)).toContain('image-alt');
});
