import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageRoot } from './support/app.js';

/**
 * Migrations run on databases migrated years from now: they must do then what they did when they
 * were written. So they import nothing from outside src/db/migrations (no live module of the
 * application, no workspace package); what they need is copied into that folder as it was.
 * Checked on the import graph, statically: every import of migrations.ts and of every file it
 * reaches, `import type` included.
 */
const DB = join(packageRoot, 'src/db');
const FOLDER = join(DB, 'migrations');
const ENTRY = join(DB, 'migrations.ts');
/** npm packages a migration may use: the query builder and nothing else. */
const ALLOWED_PACKAGES = new Set(['kysely', 'kysely/migration']);

const importsOf = (file: string) => ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
const resolveTs = (from: string, spec: string) => resolve(dirname(from), spec.replace(/\.js$/, '.ts'));
const inside = (file: string) => file === ENTRY || file.startsWith(`${FOLDER}/`);

function importGraph() {
  const seen = new Set<string>();
  const outside: string[] = [];
  const stack = [ENTRY];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of importsOf(file)) {
      const where = relative(packageRoot, file);
      if (spec.startsWith('.')) {
        const target = resolveTs(file, spec);
        if (inside(target)) stack.push(target);
        else outside.push(`${where} imports ${spec} (${relative(packageRoot, target)})`);
      } else if (!ALLOWED_PACKAGES.has(spec) && !spec.startsWith('node:') && !builtinModules.includes(spec)) {
        outside.push(`${where} imports the package ${spec}`);
      }
    }
  }
  return { seen, outside };
}

describe('migrations', () => {
  it('import nothing from outside src/db/migrations', () => {
    const { outside } = importGraph();
    expect(outside).toEqual([]);
  });

  it('the check reads every migration file (a file it never reached would go unchecked)', () => {
    const { seen } = importGraph();
    const files = readdirSync(FOLDER)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(FOLDER, f));
    for (const f of files) expect(seen, relative(packageRoot, f)).toContain(f);
    // And it does see an import that breaks the rule, as the first version of 0003 had.
    expect(importsOf(join(packageRoot, 'src/admin/admin.routes.ts'))).toContain('../questions/questions.queries.js');
  });
});
