// The widgets' build, last step: the package as npm installs it, in dist/lib/. JavaScript modules
// (one per source module, readable, not minified) with their .d.ts next to them, so a site built
// with a framework can `import '@pbgdpl/widgets/latest-laws'` with types. lit, dompurify and altcha
// stay imports (the site's bundler shares them); the few plain modules of @pbgdpl/contract that
// run in the browser (shapes, constants, rules) are built in, under dist/lib/_contract/, so the
// package depends on no unpublished workspace package. package.json's publishConfig points its exports
// here; inside the workspace they stay on the TypeScript sources.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { build } from 'vite';
import { packageDir } from './analyze.mjs';
import { NPM_ENTRIES } from './npm-entries.mjs';

const out = join(packageDir, 'dist/lib');
const src = join(packageDir, 'src');
const contractSrc = join(packageDir, '../contract/src');

/** The runtime dependencies in package.json: imported, never bundled. */
const dependencies = Object.keys(JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).dependencies ?? {});
const external = (id) => dependencies.some((dep) => id === dep || (id.startsWith(`${dep}/`) && !id.includes('?')));

const started = Date.now();
rmSync(out, { recursive: true, force: true });

// 1. JavaScript, module for module.
await build({
  configFile: false,
  root: packageDir,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: out,
    emptyOutDir: false,
    minify: false,
    copyPublicDir: false,
    lib: { entry: Object.fromEntries(Object.entries(NPM_ENTRIES).map(([name, file]) => [name, join(packageDir, file)])), formats: ['es'] },
    rolldownOptions: {
      external,
      output: {
        preserveModules: true,
        preserveModulesRoot: src,
        entryFileNames: (chunk) => `${outputName(chunk)}.js`,
      },
    },
  },
});

/**
 * Where a module lands: the widgets' own as in src/, the contract's under _contract/, a bundled
 * dependency file (altcha's inlined worker) under _vendor/, a compiler helper under _virtual/.
 */
function outputName(chunk) {
  const id = chunk.facadeModuleId ?? '';
  const rel = relative(contractSrc, id);
  if (id && !rel.startsWith('..')) return `_contract/${rel.replace(/\.ts$/, '')}`;
  if (chunk.name.includes('node_modules/')) return `_vendor/${chunk.name.slice(chunk.name.lastIndexOf('node_modules/') + 'node_modules/'.length)}`;
  if (chunk.name.startsWith('_virtual/')) return `_virtual/${chunk.name.split('/').pop()}`;
  return chunk.name;
}

// 2. Declarations, next to the JavaScript.
const files = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
const roots = files(src).filter((f) => f.endsWith('.ts') && !/\.(test|d)\.ts$/.test(f) && !f.includes('/test-support/'));
const config = ts.getParsedCommandLineOfConfigFile(
  join(packageDir, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => console.error(d.messageText) },
);
const options = { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: out, rootDir: src, types: [] };
const program = ts.createProgram(roots, options);
const problems = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
if (problems.length) fail(ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => packageDir, getNewLine: () => '\n' }));
const emitted = program.emit();
if (emitted.emitSkipped) fail('TypeScript emitted no declarations');

// `import type { LawSummary } from '@pbgdpl/contract'`: those types come from zod schemas, which
// the package does not ship. Each type the declarations name is written out in full instead.
const checker = program.getTypeChecker();
const fromContract = new Map(); // name -> type text
for (const file of program.getSourceFiles().filter((f) => roots.includes(f.fileName))) {
  for (const stmt of file.statements) {
    if (!ts.isImportDeclaration(stmt) || stmt.moduleSpecifier.text !== '@pbgdpl/contract') continue;
    for (const el of stmt.importClause?.namedBindings?.elements ?? []) {
      const symbol = checker.getAliasedSymbol(checker.getSymbolAtLocation(el.name));
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      fromContract.set(
        (el.propertyName ?? el.name).text,
        checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias),
      );
    }
  }
}
writeFileSync(
  join(out, '_contract/index.d.ts'),
  `// The types of @pbgdpl/contract these declarations name, written out (the contract itself is not published).\n` +
    [...fromContract]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, text]) => `export type ${name} = ${text};`)
      .join('\n') +
    '\n',
);

// Specifiers of @pbgdpl/contract in the declarations point into _contract/, by the contract's own
// exports ("./rules": "./src/rules.ts" -> _contract/rules.js); the bare one to the types above.
const contractExports = JSON.parse(readFileSync(join(contractSrc, '../package.json'), 'utf8')).exports;
const declared = new Set(); // contract modules the declarations import
const SPECIFIER = /(['"])(@pbgdpl\/contract(?:\/[a-z-]+)?)\1/g;
for (const file of files(out).filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(SPECIFIER, (whole, q, specifier) => {
    const sub = specifier.slice('@pbgdpl/contract'.length);
    const target = sub ? contractExports[`.${sub}`]?.replace(/^\.\/src\//, '').replace(/\.ts$/, '') : 'index';
    if (!target) return whole; // left for the check below to report
    if (target !== 'index') declared.add(join(contractSrc, `${target}.ts`));
    let rel = relative(dirname(file), join(out, '_contract', target));
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${q}${rel}.js${q}`;
  });
  if (rewritten !== text) writeFileSync(file, rewritten);
}
// The contract's modules the JavaScript took in or the declarations name (plain ones: the check
// below fails on zod), declared from the same sources.
const bundled = files(join(out, '_contract'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => join(contractSrc, relative(join(out, '_contract'), f).replace(/\.js$/, '.ts')));
const contractProgram = ts.createProgram([...new Set([...bundled, ...declared])], { ...options, outDir: join(out, '_contract'), rootDir: contractSrc });
if (contractProgram.emit().emitSkipped) fail('TypeScript emitted no declarations for the contract');

const IMPORTS_UNSHIPPED = /(?:from|import)\s*\(?\s*['"](?:@pbgdpl\/contract|zod)\b/;
const left = files(out).filter((f) => /\.(js|d\.ts)$/.test(f) && IMPORTS_UNSHIPPED.test(readFileSync(f, 'utf8')));
if (left.length) fail(`still importing @pbgdpl/contract or zod: ${left.map((f) => relative(packageDir, f)).join(', ')}`);

const all = files(out);
console.log(
  `[widgets] dist/lib: ${all.filter((f) => f.endsWith('.js')).length} modules, ${all.filter((f) => f.endsWith('.d.ts')).length} declarations (${Date.now() - started} ms)`,
);

function fail(message) {
  console.error(`[widgets] npm build: ${message}`);
  process.exit(1);
}
