// Bundles the server into dist/main.js. npm dependencies stay in node_modules; the workspace
// contract (TypeScript source) is bundled in.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@pbgdpl/') ? undefined : { external: true }));
      },
    },
  ],
});
