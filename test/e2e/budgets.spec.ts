import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

// Sizes are deterministic for a build, so budgets are tests; timings are not, so they are benchmarks (pnpm bench).
const dist = new URL('../../packages/loader/dist/v1/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dist), 'utf8')) as {
  widgets: Record<string, { file: string; deps: string[] }>;
};
const brotli = (file: string) => brotliCompressSync(readFileSync(new URL(file, dist)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Bytes on the wire (brotli) the first time a page shows the widget: loader + widget chunk + what it imports. */
const firstLoad = (widget: string) => {
  const w = manifest.widgets[widget]!;
  return ['loader.js', w.file, ...w.deps].reduce((sum, f) => sum + brotli(f), 0);
};

const BUDGETS: Record<string, number> = { 'latest-laws': 16 * 1024, 'feedback-form': 16 * 1024, 'qa-box': 24 * 1024 };

test('the loader stays within 2 KB brotli', () => {
  const size = brotli('loader.js');
  console.log(`loader.js: ${size} B brotli (budget 2048)`);
  expect(size).toBeLessThanOrEqual(2048);
});

for (const [widget, budget] of Object.entries(BUDGETS)) {
  test(`${widget}: loader + widget + Lit + shared code within ${budget / 1024} KB brotli on first load`, () => {
    const size = firstLoad(widget);
    console.log(`${widget} first load: ${size} B brotli (budget ${budget})`);
    expect(size).toBeLessThanOrEqual(budget);
  });
}

test('every widget in the bundle has a budget', () => {
  expect(Object.keys(manifest.widgets).sort()).toEqual(Object.keys(BUDGETS).sort());
});
