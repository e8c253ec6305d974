// What the npm package exports, as modules of src/: each becomes dist/lib/<name>.js with its
// .d.ts, which package.json's publishConfig.exports names (scripts/pack.test.mjs checks they match).
export const NPM_ENTRIES = {
  index: 'src/index.ts',
  'latest-laws/define': 'src/latest-laws/define.ts',
  'qa-box/define': 'src/qa-box/define.ts',
  'feedback-form/define': 'src/feedback-form/define.ts',
  prefetch: 'src/prefetch.ts',
  'core/api-url': 'src/core/api-url.ts',
  'placeholder-attributes': 'src/placeholder-attributes.ts',
};
