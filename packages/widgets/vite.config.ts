import { defineConfig } from 'vite';

/** One entry per widget; everything they share lands in hashed chunks the loader preloads. */
export const widgetEntries = {
  'latest-laws': 'src/latest-laws/define.ts',
  'qa-box': 'src/qa-box/define.ts',
  'feedback-form': 'src/feedback-form/define.ts',
} as const;

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    modulePreload: false,
    minify: true,
    rolldownOptions: {
      input: widgetEntries,
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: 'chunks/[name]-[hash].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        advancedChunks: {
          groups: [{ name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ }],
        },
      },
    },
  },
});
