import { resolve } from 'node:path';
import * as z from 'zod/mini';

const Env = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65535)), 8787),
  HOST: z._default(z.string(), '127.0.0.1'),
  /** postgres://… for PostgreSQL; otherwise the SQLite file. */
  DATABASE_URL: z.optional(z.string()),
  DATA_DIR: z._default(z.string(), '.data'),
  EMBED_DIR: z.optional(z.string()),
  DEMO_DIR: z.optional(z.string()),
  /** Template for full-text links of seeded documents; {number} is replaced. */
  FULLTEXT_URL: z.optional(z.string()),
  SEED: z._default(z.enum(['sample', 'none']), 'sample'),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv, packageRoot: string) {
  const e = z.parse(Env, env);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || resolve(e.DATA_DIR, 'pbgdpl.sqlite'),
    embedDir: e.EMBED_DIR ?? resolve(packageRoot, '../loader/dist/v1'),
    demoDir: e.DEMO_DIR ?? resolve(packageRoot, 'demo'),
    fullTextUrl: e.FULLTEXT_URL,
    seed: e.SEED,
  };
}
