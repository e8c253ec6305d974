// ESLint for the whole workspace: TypeScript with type information, Lit and web-component rules for
// the widgets, accessibility rules for their templates. `pnpm lint` runs it with Prettier, lit-analyzer
// and phpcs (scripts/lint.mjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

const typed = ['**/*.ts'];
const browserCode = [
  'packages/widgets/src/**',
  'packages/admin/src/**',
  'packages/loader/src/**',
  'stories/**',
  '.storybook/**',
  'packages/wordpress-plugin/src/**',
];
const browserScripts = ['packages/api/demo/*.js', 'packages/wordpress-plugin/plugin/assets/*.js'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
      'packages/wordpress-plugin/build/**',
      '.cache/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  { files: typed, extends: [tseslint.configs.recommendedTypeChecked] },
  {
    files: typed,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Unused names are TypeScript's job (noUnusedLocals); `_` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A promise nobody awaits is how a rejected write goes unnoticed; `void` says it is on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Interfaces (Kysely's drivers and migration providers, fetch fakes) ask for async methods that need not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON they are about to assert on, spy on methods, and write chai's `expect(x).to.be.true`.
    files: ['**/test/**', '**/test-support/**', '**/*.test.ts', '**/*.spec.ts', 'stories/support/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      // Fakes of fetch reject with the abort reason, as fetch does, and print whatever they were given.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  { files: [...browserCode, ...browserScripts], languageOptions: { globals: { ...globals.browser } } },
  // Functions these scripts hand to the browser (page.evaluate) run there.
  { files: ['bench/**/*.mjs', 'packages/widgets/scripts/pack.test.mjs'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['packages/wordpress-plugin/plugin/assets/*.js'],
    languageOptions: { sourceType: 'script', globals: { wp: 'readonly', pbgdplAdmin: 'readonly', pbgdplSiteCheck: 'readonly' } },
  },
  {
    files: ['packages/widgets/src/**/*.ts', 'packages/admin/src/**/*.ts', 'stories/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended'], litA11y.configs.recommended],
    // Lit calls a template's listeners (@click=${this.toggle}) with the element as `this`.
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // The contract's entry brings zod along (8 KB brotli of the console's first load): the console takes its types, and values only from zod-free entries.
    files: ['packages/admin/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@pbgdpl/contract', allowTypeImports: true, message: 'import values from @pbgdpl/contract/constants, /labels, /fold or /rules' }] },
      ],
    },
  },
  {
    // Migrations run against the schema as it was then, not the application's types (Kysely's advice),
    // and the resilient driver implements Kysely's Dialect, whose signature takes Kysely<any>.
    files: ['packages/api/src/db/migrations.ts', 'packages/api/src/db/migrations/**', 'packages/api/src/db/resilient-driver.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
